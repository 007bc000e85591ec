// The one Salesforce URL parser. The URL, not the DOM, decides which record the user is on.
// Salesforce does not promise these URL shapes; tests/unit/salesforce-url.test.ts holds the table.
// Two ways in, one set of path rules (viewOf): parseSalesforceUrl for any URL (the worker, the
// popup), with the org's API host from the host table; parseContentPage for the page the content
// script runs on, which the manifest's matches already narrowed to the table's Lightning and My
// Domain hosts, so it needs only which of the two (isLightningUiHost) and the content script does
// not carry the table (issue 29: bytes every Salesforce page loads).
import { apiHostFor, isLightningHost, isLightningUiHost, isSalesforceSetupHost } from './salesforce-hosts.js';
import { type GlanceSObject, isGlanceSObject, sobjectOfId, to18 } from './salesforce-id.js';

export type SalesforceUi = 'lightning' | 'console' | 'classic';

/** What the path says, whatever the org. */
export type SalesforceView =
  | { kind: 'record'; ui: SalesforceUi; sobject: GlanceSObject; recordId: string }
  | { kind: 'other'; ui: SalesforceUi };

type SalesforcePage = SalesforceView & { apiHost: string };

export { apiHostFor, isSalesforceUiHost, lightningHostFor } from './salesforce-hosts.js';

function recordPage(ui: SalesforceUi, id: string, typeHint?: string): SalesforceView {
  const recordId = to18(id);
  const byPrefix = recordId && sobjectOfId(recordId);
  const sobject = typeHint ?? byPrefix;
  // A URL that names one type with another type's id, or an id of no type we know, is not a page we
  // understand (standard key prefixes are the same in every org).
  return recordId && sobject && isGlanceSObject(sobject) && byPrefix === sobject
    ? { kind: 'record', ui, sobject, recordId }
    : { kind: 'other', ui };
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

/** An https URL, or undefined: never throws, whatever the tab's URL holds. */
function httpsUrl(href: string): URL | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Never throws: whatever the tab's URL holds, the answer is a page or undefined ("not Salesforce"). */
export function parseSalesforceUrl(href: string): SalesforcePage | undefined {
  const url = httpsUrl(href);
  const apiHost = url && apiHostFor(url.hostname);
  if (!url || !apiHost) return undefined;
  // Setup is a Lightning app on a host of its own that never shows a record (it sends them to the
  // Lightning host): the org is known, the page is not one of ours.
  if (isSalesforceSetupHost(url.hostname)) return { kind: 'other', ui: 'lightning', apiHost };
  return { ...viewOf(url, isLightningHost(url.hostname)), apiHost };
}

/**
 * The page the content script runs on: only for URLs of the manifest's content-script matches (the
 * host table's Lightning and My Domain hosts, never Setup's), where it answers as parseSalesforceUrl
 * does without the API host (tests/unit/salesforce-url.test.ts compares the two).
 */
export function parseContentPage(href: string): SalesforceView | undefined {
  const url = httpsUrl(href);
  return url && viewOf(url, isLightningUiHost(url.hostname));
}

/** The path rules, on a Lightning host or (otherwise) a My Domain host. */
function viewOf(url: URL, lightning: boolean): SalesforceView {
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);

  if (lightning) {
    // Console apps: only a focused subtab's URL has ?ws=, and it names the PARENT (workspace) record;
    // the path is always the record on screen. A workspace's primary tab has no ws and reads as
    // 'lightning': where to draw is read from the page (src/content/common/placement.ts), not from this.
    const ui: SalesforceUi = url.searchParams.has('ws') ? 'console' : 'lightning';
    if (segments[0] === 'lightning' && segments[1] === 'r') {
      // /lightning/r/<SObject>/<Id>/view|edit|related/<Rel>/view, or /lightning/r/<Id>/view
      const [, , first = '', second = '', third] = segments;
      if (to18(first) && (second === 'view' || second === 'edit')) return recordPage(ui, first);
      if (to18(second) && (third === 'view' || third === 'edit')) return recordPage(ui, second, first);
      return { kind: 'other', ui };
    }
    if (segments[0] === 'one' && segments[1] === 'one.app') {
      // Legacy hash routes: /one/one.app#/sObject/<Id>/view
      const match = /^#\/sObject\/([a-zA-Z0-9]{15,18})(?:\/view)?\/?$/.exec(url.hash);
      if (match?.[1]) return recordPage('lightning', match[1]);
    }
    return { kind: 'other', ui };
  }

  // Classic: a record's detail page is the bare id at the root of the My Domain host.
  if (segments.length === 1 && segments[0] && to18(segments[0])) {
    return recordPage('classic', segments[0]);
  }
  return { kind: 'other', ui: 'classic' };
}
