// Asked first, before preact and the components are evaluated: the worker answers meanwhile.
import './first-request.js';
import '../browser-i18n.js';
import { render } from 'preact';
import { t } from '../../shared/i18n.js';
import { firstOverview } from '../background-channel.js';
import { PopupApp } from './PopupApp.js';

/**
 * How long the first draw waits for the worker's first answer. It comes 5–10 ms after the script
 * starts, so the popup draws once, with the form and the account, instead of empty cards and, after
 * a paint, a second draw. A worker that is slow (waking, busy) gets the cards drawn empty after
 * this, and they fill in when it answers.
 */
const FIRST_DRAW_WAIT_MS = 100;

document.title = t('popupTitle');
const root = document.getElementById('app');
const initial = await Promise.race([
  firstOverview().catch(() => undefined),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS)),
]);
if (root) render(<PopupApp initial={initial} />, root);
