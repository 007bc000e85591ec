// The meeting dialog's own classic script, with the record's upcoming-meeting row: the background
// injects it into a tab's content-script world (chrome.scripting) the first time the rep opens the
// dialog or a record has an upcoming meeting, so record pages where nobody schedules never load it (scripts/content-script-bundle.ts), and it hands the dialog to the content script
// through the isolated world's global object, which page scripts cannot see.
import { useMessages } from '../../shared/i18n.js';
import { message } from '../common/messaging.js';
import { lazyGlobal } from '../common/panel-loader.js';
import { MeetingCoordinator } from './meeting-coordinator.js';

// This script has its own copy of the shared i18n module: it needs the browser's messages too.
useMessages(message);
(globalThis as Record<string, unknown>)[lazyGlobal('meeting-dialog')] = { MeetingCoordinator };
