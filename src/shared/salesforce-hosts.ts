// The one table of Salesforce host families: where each family serves Lightning, and where the same
// org serves the REST API, Classic and the API session cookie (its My Domain host). The URL parser
// reads it, the extension's tab queries use its patterns, and manifest.json's host permissions and
// content-script matches must equal them (tests/unit/salesforce-hosts.test.ts fails when they drift).
// Sources: Salesforce Help "My Domain URL Formats" (production, sandbox, Developer Edition, scratch
// org, Trailhead Playground; Setup's own *.my.salesforce-setup.com hosts; the older cloudforce.com
// My Domain suffix of orgs without enhanced domains), "Government Cloud Plus" domains, Salesforce on
// Alibaba Cloud domains; ../shared/reference/salesforce.md.

interface HostFamily {
  /** Lightning Experience: `<my domain>` + this. */
  lightning: string;
  /** The My Domain host (REST API, Classic, the API `sid`): `<my domain>` + this. */
  myDomain: string;
  /**
   * Setup, which Salesforce serves from a host of its own (`<my domain>` + this): the org is the My
   * Domain host's, and no record of ours is shown there, so the toolbar is not injected.
   */
  setup?: string;
}

// Each family's name is a comment, not a field: the content script carries this table.
export const HOST_FAMILIES: readonly HostFamily[] = [
  // Longest suffixes first: a sandbox host also ends with the production suffix.
  // sandbox
  {
    lightning: '.sandbox.lightning.force.com',
    myDomain: '.sandbox.my.salesforce.com',
    setup: '.sandbox.my.salesforce-setup.com',
  },
  // Developer Edition
  {
    lightning: '.develop.lightning.force.com',
    myDomain: '.develop.my.salesforce.com',
    setup: '.develop.my.salesforce-setup.com',
  },
  // scratch org
  {
    lightning: '.scratch.lightning.force.com',
    myDomain: '.scratch.my.salesforce.com',
    setup: '.scratch.my.salesforce-setup.com',
  },
  // Trailhead Playground
  {
    lightning: '.trailblaze.lightning.force.com',
    myDomain: '.trailblaze.my.salesforce.com',
    setup: '.trailblaze.my.salesforce-setup.com',
  },
  // production
  { lightning: '.lightning.force.com', myDomain: '.my.salesforce.com', setup: '.my.salesforce-setup.com' },
  // The older cloudforce.com My Domain suffix: its Lightning host is production's (so the row above
  // answers for it first), and resolveApiHost finds this API host by the session's org id.
  { lightning: '.lightning.force.com', myDomain: '.cloudforce.com' },
  { lightning: '.lightning.crmforce.mil', myDomain: '.my.salesforce.mil' }, // Government Cloud Plus
  { lightning: '.lightning.sfcrmapps.cn', myDomain: '.my.sfcrmproducts.cn' }, // China (Alibaba Cloud)
];

/**
 * Microsoft Defender for Cloud Apps serves a proxied Salesforce at `<real host>.mcas.ms`. The
 * session cookie lives on the proxy's host, out of the extension's reach, and API calls would bypass
 * the proxy the company put in place: the extension says so instead of failing silently.
 */
const PROXY_SUFFIXES: readonly string[] = ['.mcas.ms'];

/** A host with something before the suffix (a My Domain name), lower-case. */
function prefixOf(host: string, suffix: string): string | undefined {
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).endsWith('.')
    ? host.slice(0, -suffix.length)
    : undefined;
}

type Side = 'lightning' | 'myDomain' | 'setup';

function familyOf(host: string): { family: HostFamily; prefix: string; side: Side } | undefined {
  const lower = host.toLowerCase();
  for (const family of HOST_FAMILIES) {
    for (const side of ['lightning', 'myDomain', 'setup'] as const) {
      const suffix = family[side];
      const prefix = suffix ? prefixOf(lower, suffix) : undefined;
      if (prefix) return { family, prefix, side };
    }
  }
  return undefined;
}

/**
 * The host that serves the REST API and holds the API session cookie for a UI host (Setup's too).
 * Calling the API
 * on the Lightning host answers with a redirect, and a redirect drops the Authorization header.
 */
export function apiHostFor(host: string): string | undefined {
  const found = familyOf(host);
  return found ? found.prefix + found.family.myDomain : undefined;
}

/** The Lightning host of an org's API host, for links people open (e.g. to a logged Event). */
export function lightningHostFor(apiHost: string): string {
  const found = familyOf(apiHost);
  return found ? found.prefix + found.family.lightning : apiHost;
}

export function isLightningHost(host: string): boolean {
  return familyOf(host)?.side === 'lightning';
}

/**
 * Lightning's side of a host already known to be one of the table's Lightning or My Domain hosts (a
 * page the content script runs on: the manifest's matches are these): every family's Lightning
 * suffix is `.lightning.<domain>` and no My Domain suffix has that label, while a My Domain name has
 * no dot (tests/unit/salesforce-hosts.test.ts holds every family to it). The content script decides
 * with this instead of carrying the table.
 */
export const isLightningUiHost = (host: string) => host.toLowerCase().includes('.lightning.');

/** A host where the toolbar runs (Lightning and My Domain; not Setup, where it has nothing to show). */
export function isSalesforceUiHost(host: string): boolean {
  const side = familyOf(host)?.side;
  return side === 'lightning' || side === 'myDomain';
}

/** Setup's own host (`…my.salesforce-setup.com`): the org is known there, the toolbar is not shown. */
export function isSalesforceSetupHost(host: string): boolean {
  return familyOf(host)?.side === 'setup';
}

/** The Salesforce host behind a proxy's host (`acme.lightning.force.com.mcas.ms` → the real one). */
export function proxiedSalesforceHost(host: string): string | undefined {
  const lower = host.toLowerCase();
  const proxy = PROXY_SUFFIXES.find((suffix) => lower.endsWith(suffix));
  const inner = proxy ? lower.slice(0, -proxy.length) : undefined;
  return inner && isSalesforceUiHost(inner) ? inner : undefined;
}

/** Match patterns of these suffixes: narrower ones fold into wider. */
function patternsOf(suffixes: string[]): string[] {
  const kept = suffixes.filter((s) => !suffixes.some((wider) => wider.length < s.length && s.endsWith(wider)));
  return [...new Set(kept)].sort().map((suffix) => `https://*${suffix}/*`);
}

/** Match patterns for every Salesforce host the toolbar works on (the content script's matches). */
export function salesforceHostPatterns(): string[] {
  return patternsOf(HOST_FAMILIES.flatMap((f) => [f.lightning, f.myDomain]));
}

/**
 * Match patterns for Setup's hosts: a host permission only, so the popup and "Check this org" can
 * read a Setup tab's address (no "tabs" permission) and know its org. No content script runs there.
 */
export function salesforceSetupPatterns(): string[] {
  return patternsOf(HOST_FAMILIES.flatMap((f) => (f.setup ? [f.setup] : [])));
}

/** Match patterns for Salesforce behind a proxy, where the extension only says it cannot work. */
export function proxiedSalesforcePatterns(): string[] {
  return salesforceHostPatterns().flatMap((pattern) =>
    PROXY_SUFFIXES.map((proxy) => pattern.replace(/\/\*$/, '').concat(proxy, '/*')),
  );
}
