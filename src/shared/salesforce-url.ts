// The one Salesforce URL parser. The URL, not the DOM, decides which record the user is on.
// Salesforce does not promise these URL shapes; tests/unit/salesforce-url.test.ts holds the table.
import { apiHostFor, isLightningHost, isSalesforceSetupHost } from './salesforce-hosts.js';
import { type GlanceSObject, isGlanceSObject, sobjectOfId, to18 } from './salesforce-id.js';

export type SalesforceUi = 'lightning' | 'console' | 'classic';

export type SalesforcePage =
  | { kind: 'record'; ui: SalesforceUi; sobject: GlanceSObject; recordId: string; apiHost: string }
  | { kind: 'other'; ui: SalesforceUi; apiHost: string };

export { apiHostFor, isSalesforceUiHost, lightningHostFor } from './salesforce-hosts.js';

function recordPage(ui: SalesforceUi, apiHost: string, id: string, typeHint?: string): SalesforcePage {
  const recordId = to18(id);
  const byPrefix = recordId && sobjectOfId(recordId);
  const sobject = typeHint ?? byPrefix;
  // A URL that names one type with another type's id, or an id of no type we know, is not a page we
  // understand (standard key prefixes are the same in every org).
  return recordId && sobject && isGlanceSObject(sobject) && byPrefix === sobject
    ? { kind: 'record', ui, sobject, recordId, apiHost }
    : { kind: 'other', ui, apiHost };
}

/**
 * A path segment decoded, or as it came when its escapes are malformed (`%zz`, a truncated UTF-8
 * sequence): a browser keeps such a URL as it is, and a throw here would kill the content script.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Never throws: whatever the tab's URL holds, the answer is a page or undefined ("not Salesforce"). */
export function parseSalesforceUrl(href: string): SalesforcePage | undefined {
  if (typeof href !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const apiHost = apiHostFor(url.hostname);
  if (!apiHost) return undefined;
  // Setup is a Lightning app on a host of its own that never shows a record (it sends them to the
  // Lightning host): the org is known, the page is not one of ours.
  if (isSalesforceSetupHost(url.hostname)) return { kind: 'other', ui: 'lightning', apiHost };
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);

  if (isLightningHost(url.hostname)) {
    // Console apps: only a focused subtab's URL has ?ws=, and it names the PARENT (workspace) record;
    // the path is always the record on screen. A workspace's primary tab has no ws and reads as
    // 'lightning': where to draw is read from the page (src/content/common/placement.ts), not from this.
    const ui: SalesforceUi = url.searchParams.has('ws') ? 'console' : 'lightning';
    if (segments[0] === 'lightning' && segments[1] === 'r') {
      // /lightning/r/<SObject>/<Id>/view|edit|related/<Rel>/view, or /lightning/r/<Id>/view
      const [, , first = '', second = '', third] = segments;
      if (to18(first) && (second === 'view' || second === 'edit')) return recordPage(ui, apiHost, first);
      if (to18(second) && (third === 'view' || third === 'edit')) return recordPage(ui, apiHost, second, first);
      return { kind: 'other', ui, apiHost };
    }
    if (segments[0] === 'one' && segments[1] === 'one.app') {
      // Legacy hash routes: /one/one.app#/sObject/<Id>/view
      const match = /^#\/sObject\/([a-zA-Z0-9]{15,18})(?:\/view)?\/?$/.exec(url.hash);
      if (match?.[1]) return recordPage('lightning', apiHost, match[1]);
    }
    return { kind: 'other', ui, apiHost };
  }

  // Classic: a record's detail page is the bare id at the root of the My Domain host.
  if (segments.length === 1 && segments[0] && to18(segments[0])) {
    return recordPage('classic', apiHost, segments[0]);
  }
  return { kind: 'other', ui: 'classic', apiHost };
}
