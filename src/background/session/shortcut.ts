// The keyboard shortcut (manifest "commands", Alt+Shift+G unless the rep chose another in
// chrome://extensions/shortcuts). A browser shortcut is the rep's own key press, delivered by the
// browser to the worker, never by the page, so it starts a session as the toolbar's Start does: the
// same service, the same policy checks, the same audience (the tab's own org and cookie store).
import { t } from '../../shared/i18n.js';
import type { SessionProblem } from '../../shared/protocol/index.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import type { SessionPorts } from './core.js';
import { startSession } from './service.js';

export const START_COMMAND = 'start-session';

/** The tab the browser names with the command (Chrome 86+); its URL only where we have host access. */
interface CommandTab {
  id?: number;
  url?: string;
  incognito?: boolean;
  /** Firefox only: the tab's container (or private window) store. */
  cookieStoreId?: string;
}

export interface ShortcutPorts extends SessionPorts {
  /**
   * Asks the tab's toolbar to show why Start failed, as it does after a click; false when no
   * toolbar of ours answered (no content script there yet, or not a record page).
   */
  tellTabStartProblem(tabId: number, problem: SessionProblem): Promise<boolean>;
}

const NOTICE_ID = 'glance-shortcut';

/**
 * Starts a screen-share session (the toolbar's one-click default) on the record in the rep's tab.
 * The toolbar shows the session (the broadcast after every start) or the problem; where no toolbar
 * can (not a Salesforce record, a tab opened before the extension), a notification says why.
 */
export async function startFromShortcut(ports: ShortcutPorts, tab: CommandTab | undefined): Promise<void> {
  const page = tab?.url ? parseSalesforceUrl(tab.url) : undefined;
  if (tab?.id === undefined || !tab.url || page?.kind !== 'record') {
    await notice(ports, t('shortcutNotARecord'));
    return;
  }
  const storeId = await ports.cookieStoreOf(tab);
  const result = await startSession(tab.url, 'screenshare', ports, storeId);
  if (result.ok) return;
  if (!(await ports.tellTabStartProblem(tab.id, result.problem))) await notice(ports, t('shortcutNoToolbar'));
}

async function notice(ports: ShortcutPorts, message: string): Promise<void> {
  try {
    await ports.notify(NOTICE_ID, t('shortcutNoticeTitle'), message);
  } catch {
    // Notifications blocked: nothing else can tell the rep outside a Salesforce page.
  }
}
