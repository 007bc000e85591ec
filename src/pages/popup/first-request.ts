// The popup's first request, sent as the first module evaluates (see main.tsx).
import { firstOverview } from '../background-channel.js';

void firstOverview();
