// The thin layer between background logic and the browser's APIs: platform only. What the
// background's features do with these events is wired in main.ts. chrome.* directly, not
// webextension-polyfill: MV3 gives promises there in Chrome and Firefox alike, and the worker
// loads (and parses at every wake) 2.6 KB gzip less.
import { REPS_GUIDE_PAGE } from '../../shared/help-links.js';
import type {
  BackgroundBroadcast,
  LazyScript,
  SessionProblem,
  StartProblemNotice,
  WrapUpNotice,
} from '../../shared/protocol/index.js';
import { sidDigest as digest } from '../../shared/salesforce/status.js';
import { salesforceHostPatterns } from '../../shared/salesforce-hosts.js';
import { alarmSchedule } from '../alarms.js';
import { rememberReads } from '../storage/remembered-reads.js';

/** Every Salesforce tab the extension works in, from the one host table. */
const SALESFORCE_TAB_PATTERNS = salesforceHostPatterns();
/** The badge's colour: Lightning's brand blue, the colour of the toolbar's Start button. */
const BADGE_COLOR = '#0176d3';

/** Firefox: its pages are moz-extension:// ones. */
const isFirefox = () => chrome.runtime.getURL('').startsWith('moz-extension:');

/**
 * Keeps storage.local and storage.sync (the Glance credential, the session, the settings) out of
 * content scripts' reach: they run inside Salesforce's renderer and never read storage. Chrome 140
 * added setAccessLevel for these areas (before, only storage.session had it). True only when both
 * areas are really locked now: Firefox has no such lock (its setAccessLevel exists for
 * storage.session only; MDN, StorageArea.setAccessLevel; Mozilla bug 1724754, open), so there it is
 * false, and nothing that must not be rewritten by a content script (the last known policy) is kept.
 */
async function lockStorageToExtension(): Promise<boolean> {
  if (isFirefox()) return false;
  try {
    for (const area of [chrome.storage.local, chrome.storage.sync]) {
      if (typeof area.setAccessLevel !== 'function') return false;
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this browser may keep a Glance credential or login key: where storage is locked, and on
 * Firefox. There the rep may still connect, and what keeps the credential from Salesforce's pages is:
 * - a page's own scripts cannot call browser.storage: our content script runs in Firefox's
 *   separate content-script sandbox (Xray wrappers), and the page never gets its API objects;
 * - our content script never reads storage (it asks the background by message, which answers
 *   with views that hold no credential);
 * - Firefox's site isolation (Fission) keeps other sites' pages out of Salesforce's process.
 * What stays open in Firefox is an exploit that takes over the Salesforce tab's content process:
 * it could ask for storage.local as our content script could. That risk is accepted on Firefox
 * only and is the one documented difference in how the credential is kept. A Chromium browser that
 * cannot lock storage (older than 140) keeps no credential.
 */
async function mayKeepSecrets(): Promise<boolean> {
  return (await lockStorageToExtension()) || isFirefox();
}

/** Every open Salesforce tab, with where it is and its cookie store (Firefox names it on the tab). */
async function salesforceTabs(): Promise<{ id: number; url: string; incognito: boolean; cookieStoreId?: string }[]> {
  const tabs: (chrome.tabs.Tab & { cookieStoreId?: string })[] = await chrome.tabs.query({
    url: SALESFORCE_TAB_PATTERNS,
  });
  return tabs.flatMap((tab) =>
    tab.id === undefined || !tab.url
      ? []
      : [
          {
            id: tab.id,
            url: tab.url,
            incognito: tab.incognito,
            ...(tab.cookieStoreId ? { cookieStoreId: tab.cookieStoreId } : {}),
          },
        ],
  );
}

async function tellTab(tabId: number, message: BackgroundBroadcast | WrapUpNotice): Promise<void> {
  // A tab whose content script is not (yet) there has nobody to tell.
  await chrome.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

/**
 * Built by scripts/content-script-bundle.ts (SESSION_PANEL_FILE, MEETING_DIALOG_FILE); the panel is
 * loaded only into tabs where a session shows, the dialog only where a rep schedules a meeting.
 */
const LAZY_SCRIPT_FILES: Record<LazyScript, string> = {
  panel: 'assets/session-panel.js',
  'meeting-dialog': 'assets/meeting-dialog.js',
};

/** The start problem to a tab's toolbar; true when it answered that it showed it. */
async function tellTabStartProblem(tabId: number, problem: SessionProblem): Promise<boolean> {
  const message: StartProblemNotice = { type: 'background:start-problem', problem };
  const answer: unknown = await chrome.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => false);
  return answer === true;
}

/** Glance's sign-in page, in a window of its own: identity providers refuse to be framed. */
async function openSignInWindow(url: string): Promise<{ windowId: number; tabId: number } | undefined> {
  try {
    const created = await chrome.windows.create({ url, type: 'popup', width: 520, height: 720, focused: true });
    const tabId = created?.tabs?.[0]?.id;
    return created?.id !== undefined && tabId !== undefined ? { windowId: created.id, tabId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The listener that hears Glance's login-key page (src/content/glance-sign-in), registered only
 * while a sign-in runs and only on Glance's account pages, at document_start so it listens before
 * the page answers. Registered content scripts need not be web-accessible.
 */
const SIGN_IN_SCRIPT = {
  id: 'glance-sign-in',
  matches: ['https://www.glance.net/account/*'],
  js: ['assets/glance-sign-in.js'],
  runAt: 'document_start',
  allFrames: false,
  persistAcrossSessions: false,
} as const;

async function listenForSignIn(on: boolean): Promise<void> {
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [SIGN_IN_SCRIPT.id] }).catch(() => []);
  if (on && registered.length === 0)
    await chrome.scripting.registerContentScripts([
      { ...SIGN_IN_SCRIPT, matches: [...SIGN_IN_SCRIPT.matches], js: [...SIGN_IN_SCRIPT.js] },
    ]);
  if (!on && registered.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SIGN_IN_SCRIPT.id] });
}

async function showBadge(text: string): Promise<void> {
  if (text) await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await chrome.action.setBadgeText({ text });
}

async function notify(id: string, title: string, message: string): Promise<void> {
  await chrome.notifications.create(id, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
}

async function injectLazyScript(tabId: number, script: LazyScript): Promise<boolean> {
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [LAZY_SCRIPT_FILES[script]] });
    return true;
  } catch {
    return false; // the tab navigated away or closed meanwhile
  }
}

/**
 * The platform ports (storage, cookies, alarms, fetch, clock, tabs); the worker's entry adds what
 * the features do with their events and checks the whole against the features' port types.
 */
export function browserPorts() {
  const ports = {
    extensionId: chrome.runtime.id,
    extensionOrigin: chrome.runtime.getURL(''),
    fetch: ((input, init) => fetch(input, init)) as typeof fetch,
    digest,
    lockStorageToExtension,
    mayKeepSecrets,
    now: () => Date.now(),
    cache: {
      // storage.session lives in memory only and survives service-worker restarts.
      get: async (key: string) => (await chrome.storage.session.get(key))[key],
      set: (key: string, value: unknown) => chrome.storage.session.set({ [key]: value }),
      remove: (key: string) => chrome.storage.session.remove(key),
    },
    openOptionsPage: () => chrome.runtime.openOptionsPage(),
    // A new tab of the guide shipped with this version; the content script cannot open an extension page itself.
    openHelp: async () => {
      await chrome.tabs.create({ url: chrome.runtime.getURL(REPS_GUIDE_PAGE) });
    },
    ...rememberReads(
      {
        get: async (area, key) => (await chrome.storage[area].get(key))[key],
        set: (area, items) => chrome.storage[area].set(items),
        removeLocal: (key) => chrome.storage.local.remove(key),
      },
      (listener) => chrome.storage.onChanged.addListener((changes, area) => listener(area, changes)),
    ),
    readManaged: async () => {
      try {
        return (await chrome.storage.managed.get()) as Record<string, unknown>;
      } catch {
        // No managed storage (no policy backend on this platform): no company policy.
        return {};
      }
    },
    salesforceTabs,
    tellTab,
    injectLazyScript,
    tellTabStartProblem,
    showBadge,
    notify,
    openViewer: async (url: string) => {
      // Its own window, as Glance asks for its agent viewer (help.glance.cx, service target URLs).
      try {
        return (await chrome.windows.create({ url, type: 'popup', width: 1200, height: 800, focused: true }))?.id;
      } catch {
        return undefined;
      }
    },
    closeViewer: async (windowId: number) => {
      await chrome.windows.remove(windowId);
    },
    openSignInWindow,
    closeWindow: async (windowId: number) => {
      await chrome.windows.remove(windowId);
    },
    listenForSignIn,
    // Polling, the queue's wake-up and the badge's minute, with the store build's 30 s floor (alarms.ts).
    ...alarmSchedule(
      {
        create: (name, info) => chrome.alarms.create(name, info),
        clear: (name) => chrome.alarms.clear(name),
        get: (name) => chrome.alarms.get(name),
      },
      () => Date.now(),
    ),
  };
  return ports;
}
