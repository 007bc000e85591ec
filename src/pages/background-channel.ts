// The extension pages' one channel to the background: typed requests. Chrome's own promise-based
// APIs (MV3), not webextension-polyfill: the popup loads and evaluates less before it can draw.
import type { ExtensionPageRequests, PageOverview, ResponseOf } from '../shared/protocol/index.js';
import {
  proxiedSalesforcePatterns,
  salesforceHostPatterns,
  salesforceSetupPatterns,
} from '../shared/salesforce-hosts.js';

/** Rejects when the worker failed to answer: every answer to our pages is defined (null at most). */
export async function request<K extends keyof ExtensionPageRequests>(
  type: K,
  payload: ExtensionPageRequests[K]['request'],
): Promise<ResponseOf<ExtensionPageRequests, K>> {
  const answer = (await chrome.runtime.sendMessage({ type, ...payload })) as
    | ResponseOf<ExtensionPageRequests, K>
    | undefined;
  if (answer === undefined) throw new Error(`Glance for Salesforce: no answer to ${type}`);
  return answer;
}

let first: Promise<PageOverview> | undefined;
/**
 * The settings and the account on the last known policy, asked once per page: the popup's entry asks
 * before its components are even evaluated, so the worker answers while the page draws.
 */
export function firstOverview(): Promise<PageOverview> {
  first ??= request('page:overview', { fresh: false });
  return first;
}

/**
 * Salesforce tabs (Setup's too: its org is the rep's, though no toolbar shows there), and Salesforce
 * behind a proxy (where the popup says the extension cannot work).
 */
const SALESFORCE_TABS = [...salesforceHostPatterns(), ...salesforceSetupPatterns(), ...proxiedSalesforcePatterns()];

/**
 * The Salesforce page whose org the popup describes: the active tab when it is one, else the
 * Salesforce tab used last. Only Salesforce URLs are visible to us (host permissions, no "tabs").
 */
export async function salesforceTabUrl(): Promise<string | null> {
  return (await salesforceTab())?.pageUrl ?? null;
}

/**
 * The same tab, with its id: its Salesforce session is in the tab's own cookie store (an incognito
 * window's, a Firefox container's), which the background finds from the id and reads, not the
 * regular window's.
 */
export async function salesforceTab(): Promise<{ pageUrl: string; tabId?: number } | null> {
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true, url: SALESFORCE_TABS });
  const tabs = active?.url ? [active] : await chrome.tabs.query({ url: SALESFORCE_TABS });
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const tab = tabs[0];
  if (!tab?.url) return null;
  return { pageUrl: tab.url, ...(tab.id !== undefined ? { tabId: tab.id } : {}) };
}

/**
 * The manifest's host permissions this browser has not granted. Firefox treats an MV3 extension's
 * host permissions as the rep's to grant or withdraw (shown at install from Firefox 127, revocable
 * in Add-ons and themes → Permissions; MDN, "host_permissions"), and Chrome's site access can be
 * restricted too: without them the toolbar never shows and Salesforce cannot be called.
 */
export async function missingHostAccess(): Promise<string[]> {
  const wanted = (chrome.runtime.getManifest() as chrome.runtime.ManifestV3).host_permissions ?? [];
  const granted = await Promise.all(wanted.map((origin) => chrome.permissions.contains({ origins: [origin] })));
  return wanted.filter((_, i) => !granted[i]);
}

/** Asks the browser for them (the browser shows its own prompt; it needs the rep's click). */
export async function askHostAccess(origins: string[]): Promise<boolean> {
  return chrome.permissions.request({ origins }).catch(() => false);
}

/** The keys the rep's browser binds to "start a session" ('' when none: the rep removed it, or another extension has them). */
export async function startShortcut(): Promise<string> {
  const commands = await chrome.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === 'start-session')?.shortcut ?? '';
}

/**
 * Opens the browser's own page for extension shortcuts, so the rep never types its address. Firefox
 * has commands.openShortcutSettings() (MDN, "commands.openShortcutSettings()"); Chrome does not, and
 * MDN's same page notes that chrome://extensions/shortcuts opens there with tabs.create.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = chrome.commands as typeof chrome.commands & { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await chrome.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
