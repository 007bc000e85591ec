// The session panel's own classic script, with the start menu and the texts of refused starts: the
// background injects it into a tab's content-script world (chrome.scripting) the first time a
// session shows there, the rep presses Start, or points at or focuses the toolbar, so pages nobody
// uses never load it and nothing needs to be web-accessible (scripts/content-script-bundle.ts). It hands the panel to
// the content script through the isolated world's global object, which page scripts cannot see.
import { useMessages } from '../../shared/i18n.js';
import { message } from '../common/messaging.js';
import { lazyGlobal } from '../common/panel-loader.js';
import { launchGlance } from './glance-launch.js';
import { showPresence } from './presence-row.js';
import { showRareStatus } from './salesforce-status-words.js';
import { SessionPanel } from './session-panel.js';
import { endedNotice, startRefusal } from './session-problems.js';
import { StartMenu } from './start-menu.js';
import { addToggleTooltip } from './toggle-tooltip.js';
import { WrapUpCard } from './wrap-up-card.js';

// This script has its own copy of the shared i18n module: it needs the browser's messages too.
useMessages(message);
(globalThis as Record<string, unknown>)[lazyGlobal('panel')] = {
  SessionPanel,
  StartMenu,
  endedNotice,
  startRefusal,
  launchGlance,
  showPresence,
  addToggleTooltip,
  WrapUpCard,
  showRareStatus,
};
