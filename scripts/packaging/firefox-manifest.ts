// The Firefox manifest, made from the Chrome build's: same code, same features, what differs in
// Firefox's Manifest V3 changed here only.
import { GECKO_ID } from '../../src/shared/extension-ids.js';
import type { Manifest } from './manifest-files.js';

/** Firefox's extension id: one constant, shared with the Company Settings tab's policy forms. */
export { GECKO_ID };

/**
 * Firefox 140 (an ESR): MV3 host permissions shown and granted at install (127), storage.session and
 * scripting (115 and earlier), ES-module event pages, and the built-in data-collection consent that
 * AMO requires of every new extension since 3 November 2025 (desktop 140+, Extension Workshop,
 * "Firefox built-in consent for data collection and transmission").
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What leaves the browser, in Firefox's categories: the rep's Glance password goes to Glance once
 * to get the credential (authenticationInfo); guests' names and e-mail addresses and the rep's name
 * travel between Glance and the rep's Salesforce org (personallyIdentifyingInfo). Nothing goes to
 * any other party.
 */
export const DATA_COLLECTION = { required: ['authenticationInfo', 'personallyIdentifyingInfo'] };

/** AMO asks for 48 and 96 pixel icons; scripts/make-icons.mjs draws the 96 beside the others. */
export const FIREFOX_ICON_96 = 'icons/icon-96.png';

/** The parts of the Firefox manifest the tests read. */
export interface FirefoxManifestView {
  background: { scripts?: string[]; type?: string; service_worker?: string };
  browser_specific_settings: { gecko: Record<string, unknown>; gecko_android: { strict_min_version: string } };
  icons: Record<string, string>;
  [key: string]: unknown;
}

export function firefoxManifest(chrome: Manifest): Manifest {
  // key: Chrome's way to pin the id; Firefox takes the id from gecko.id.
  // minimum_chrome_version: Chrome's; gecko.strict_min_version is Firefox's.
  // storage.managed_schema: Firefox reads managed storage from enterprise policies (policies.json,
  // "3rdparty" → "Extensions" → the gecko id) or a native manifest, with no schema in the package.
  const { key: _key, minimum_chrome_version: _minimum, storage, background, ...rest } = chrome;
  const { managed_schema: _schema, ...otherStorage } = (storage ?? {}) as Record<string, unknown>;
  const worker = background as { service_worker?: unknown; type?: unknown } | undefined;
  if (typeof worker?.service_worker !== 'string')
    throw new Error('the Chrome manifest has no background service worker');
  return {
    ...rest,
    icons: { ...(rest.icons as Record<string, string> | undefined), 96: FIREFOX_ICON_96 },
    ...(Object.keys(otherStorage).length > 0 ? { storage: otherStorage } : {}),
    // Firefox's MV3 background is an event page (background.scripts); it does not run extension
    // service workers. The same module runs there: it uses no service-worker-only API.
    background: { scripts: [worker.service_worker], ...(worker.type === 'module' ? { type: 'module' } : {}) },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: DATA_COLLECTION },
      // Firefox for Android reads the data-collection consent from 142 on.
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
