// The one table of Salesforce host families: where each family serves Lightning, and where the same
// org serves the REST API, Classic and the API session cookie (its My Domain host). The URL parser
// reads it, the extension's tab queries use its patterns, and manifest.json's host permissions and
// content-script matches must equal them (tests/unit/salesforce-hosts.test.ts fails when they drift).
// Sources: Salesforce Help "My Domain URL Formats" (production, sandbox, Developer Edition, scratch
// org, Trailhead Playground), "Government Cloud Plus" domains, Salesforce on Alibaba Cloud domains;
// ../shared/reference/salesforce.md.

export interface HostFamily {
  /** Lightning Experience: `<my domain>` + this. */
  lightning: string;
  /** The My Domain host (REST API, Classic, the API `sid`): `<my domain>` + this. */
  myDomain: string;
}

// Each family's name is a comment, not a field: the content script carries this table.
export const HOST_FAMILIES: readonly HostFamily[] = [
  // Longest suffixes first: a sandbox host also ends with the production suffix.
  { lightning: '.sandbox.lightning.force.com', myDomain: '.sandbox.my.salesforce.com' }, // sandbox
  { lightning: '.develop.lightning.force.com', myDomain: '.develop.my.salesforce.com' }, // Developer Edition
  { lightning: '.scratch.lightning.force.com', myDomain: '.scratch.my.salesforce.com' }, // scratch org
  { lightning: '.trailblaze.lightning.force.com', myDomain: '.trailblaze.my.salesforce.com' }, // Trailhead Playground
  { lightning: '.lightning.force.com', myDomain: '.my.salesforce.com' }, // production
  { lightning: '.lightning.crmforce.mil', myDomain: '.my.salesforce.mil' }, // Government Cloud Plus
  { lightning: '.lightning.sfcrmapps.cn', myDomain: '.my.sfcrmproducts.cn' }, // China (Alibaba Cloud)
];

/**
 * Microsoft Defender for Cloud Apps serves a proxied Salesforce at `<real host>.mcas.ms`. The
 * session cookie lives on the proxy's host, out of the extension's reach, and API calls would bypass
 * the proxy the company put in place: the extension says so instead of failing silently.
 */
export const PROXY_SUFFIXES: readonly string[] = ['.mcas.ms'];

/** A host with something before the suffix (a My Domain name), lower-case. */
function prefixOf(host: string, suffix: string): string | undefined {
  return host.endsWith(suffix) && host.length > suffix.length && !host.slice(0, -suffix.length).endsWith('.')
    ? host.slice(0, -suffix.length)
    : undefined;
}

function familyOf(host: string): { family: HostFamily; prefix: string; side: 'lightning' | 'myDomain' } | undefined {
  const lower = host.toLowerCase();
  for (const family of HOST_FAMILIES) {
    for (const side of ['lightning', 'myDomain'] as const) {
      const prefix = prefixOf(lower, family[side]);
      if (prefix) return { family, prefix, side };
    }
  }
  return undefined;
}

/**
 * The host that serves the REST API and holds the API session cookie for a UI host. Calling the API
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

export function isSalesforceUiHost(host: string): boolean {
  return familyOf(host) !== undefined;
}

/** The Salesforce host behind a proxy's host (`acme.lightning.force.com.mcas.ms` → the real one). */
export function proxiedSalesforceHost(host: string): string | undefined {
  const lower = host.toLowerCase();
  const proxy = PROXY_SUFFIXES.find((suffix) => lower.endsWith(suffix));
  const inner = proxy ? lower.slice(0, -proxy.length) : undefined;
  return inner && isSalesforceUiHost(inner) ? inner : undefined;
}

/** Match patterns for every Salesforce host the extension works on (narrower ones fold into wider). */
export function salesforceHostPatterns(): string[] {
  const suffixes = HOST_FAMILIES.flatMap((f) => [f.lightning, f.myDomain]);
  const kept = suffixes.filter((s) => !suffixes.some((wider) => wider.length < s.length && s.endsWith(wider)));
  return [...new Set(kept)].sort().map((suffix) => `https://*${suffix}/*`);
}

/** Match patterns for Salesforce behind a proxy, where the extension only says it cannot work. */
export function proxiedSalesforcePatterns(): string[] {
  return salesforceHostPatterns().flatMap((pattern) =>
    PROXY_SUFFIXES.map((proxy) => pattern.replace(/\/\*$/, '').concat(proxy, '/*')),
  );
}
