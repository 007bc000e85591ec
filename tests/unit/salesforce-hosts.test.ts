// The host table, row by row, and the manifest that must follow it: a host family added to the table
// but not to manifest.json (or the other way round) fails here, so the three never drift apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLANCE_WEB_ORIGIN } from '../../src/shared/glance-trial.js';
import {
  apiHostFor,
  HOST_FAMILIES,
  isLightningHost,
  lightningHostFor,
  proxiedSalesforceHost,
  proxiedSalesforcePatterns,
  salesforceHostPatterns,
} from '../../src/shared/salesforce-hosts.js';
import { parseSalesforceUrl } from '../../src/shared/salesforce-url.js';

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8')) as {
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
};

/** Every family, with a Lightning host and its My Domain host as Salesforce shapes them. */
const FAMILY_HOSTS: [string, string, string][] = [
  ['production', 'acme.lightning.force.com', 'acme.my.salesforce.com'],
  ['sandbox', 'acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox.my.salesforce.com'],
  ['developer edition', 'acme-dev-ed.develop.lightning.force.com', 'acme-dev-ed.develop.my.salesforce.com'],
  ['scratch org', 'site-force-1234.scratch.lightning.force.com', 'site-force-1234.scratch.my.salesforce.com'],
  [
    'trailhead playground',
    'curious-fox-abc.trailblaze.lightning.force.com',
    'curious-fox-abc.trailblaze.my.salesforce.com',
  ],
  ['government cloud plus', 'dod.lightning.crmforce.mil', 'dod.my.salesforce.mil'],
  ['china (alibaba cloud)', 'ali.lightning.sfcrmapps.cn', 'ali.my.sfcrmproducts.cn'],
];

describe('Salesforce host families', () => {
  it('lists every family once', () => {
    // A family is its pair of suffixes: each host above without its My Domain name (its first label).
    const suffix = (host: string) => host.slice(host.indexOf('.'));
    const pairs = FAMILY_HOSTS.map(([, lightning, myDomain]) => `${suffix(lightning)} ${suffix(myDomain)}`);
    expect(HOST_FAMILIES.map((f) => `${f.lightning} ${f.myDomain}`).sort()).toEqual(pairs.sort());
  });

  it.each(FAMILY_HOSTS)('%s: %s ↔ %s', (_, lightning, myDomain) => {
    expect(apiHostFor(lightning)).toBe(myDomain);
    expect(apiHostFor(myDomain)).toBe(myDomain);
    expect(apiHostFor(lightning.toUpperCase())).toBe(myDomain);
    expect(lightningHostFor(myDomain)).toBe(lightning);
    expect(isLightningHost(lightning)).toBe(true);
    expect(isLightningHost(myDomain)).toBe(false);
    const page = parseSalesforceUrl(`https://${lightning}/lightning/r/Lead/00Q5g00000AbCdEEAV/view`);
    expect(page).toMatchObject({ kind: 'record', ui: 'lightning', sobject: 'Lead', apiHost: myDomain });
    expect(parseSalesforceUrl(`https://${myDomain}/00Q5g00000AbCdE`)).toMatchObject({ kind: 'record', ui: 'classic' });
  });

  it.each([
    'lightning.force.com',
    '.lightning.force.com',
    'evil.com',
    'acme.my.salesforce.com.evil.com',
    'acme.lightning.force.com.mcas.ms',
    'acme.force.com',
    'acme.salesforce.mil',
  ])('%s is not a Salesforce host of ours', (host) => {
    expect(apiHostFor(host)).toBeUndefined();
  });

  it('knows Salesforce behind a Defender for Cloud Apps proxy, and nothing else behind it', () => {
    expect(proxiedSalesforceHost('acme.lightning.force.com.mcas.ms')).toBe('acme.lightning.force.com');
    expect(proxiedSalesforceHost('dod.my.salesforce.mil.mcas.ms')).toBe('dod.my.salesforce.mil');
    expect(proxiedSalesforceHost('mail.example.com.mcas.ms')).toBeUndefined();
    expect(proxiedSalesforceHost('acme.lightning.force.com')).toBeUndefined();
  });

  it("manifest.json's host permissions and content-script matches are exactly the table's patterns", () => {
    expect([...manifest.host_permissions].sort()).toEqual(
      [...salesforceHostPatterns(), ...proxiedSalesforcePatterns(), `${GLANCE_WEB_ORIGIN}/*`].sort(),
    );
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...(manifest.content_scripts[0]?.matches ?? [])].sort()).toEqual(salesforceHostPatterns());
  });

  it('every family host is covered by a pattern, and every pattern by a family', () => {
    const covers = (pattern: string, host: string) => host.endsWith(pattern.slice('https://*'.length, -'/*'.length));
    for (const [, lightning, myDomain] of FAMILY_HOSTS) {
      for (const host of [lightning, myDomain])
        expect(salesforceHostPatterns().some((p) => covers(p, host))).toBe(true);
    }
    for (const pattern of salesforceHostPatterns()) {
      expect(FAMILY_HOSTS.some(([, l, m]) => covers(pattern, l) || covers(pattern, m))).toBe(true);
    }
  });
});
