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
  isLightningUiHost,
  isSalesforceUiHost,
  lightningHostFor,
  proxiedSalesforceHost,
  proxiedSalesforcePatterns,
  salesforceHostPatterns,
  salesforceSetupPatterns,
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

/**
 * A My Domain on the older cloudforce.com suffix (Salesforce Help "My Domain URL Formats", without
 * enhanced domains): <MyDomainName>.cloudforce.com serves the API and Classic; its Lightning host is
 * production's <MyDomainName>.lightning.force.com, whose API host is found by the session's org id.
 */
const CLOUDFORCE: [string, string, string] = [
  'cloudforce.com My Domain',
  'teamspirit.lightning.force.com',
  'teamspirit.cloudforce.com',
];

/**
 * Setup's own hosts (Salesforce Help "My Domain URL Formats": Setup is served from
 * <MyDomainName>.my.salesforce-setup.com, with the same partitions as the login host), and the My
 * Domain host whose session and API are the org's.
 */
const SETUP_HOSTS: [string, string, string][] = [
  ['production', 'acme.my.salesforce-setup.com', 'acme.my.salesforce.com'],
  ['sandbox', 'acme--uat.sandbox.my.salesforce-setup.com', 'acme--uat.sandbox.my.salesforce.com'],
  ['developer edition', 'acme-dev-ed.develop.my.salesforce-setup.com', 'acme-dev-ed.develop.my.salesforce.com'],
  ['scratch org', 'site-force-1234.scratch.my.salesforce-setup.com', 'site-force-1234.scratch.my.salesforce.com'],
  [
    'trailhead playground',
    'curious-fox-abc.trailblaze.my.salesforce-setup.com',
    'curious-fox-abc.trailblaze.my.salesforce.com',
  ],
];

describe('Salesforce host families', () => {
  it('lists every family once', () => {
    // A family is its pair of suffixes: each host above without its My Domain name (its first label).
    const suffix = (host: string) => host.slice(host.indexOf('.'));
    const pairs = [...FAMILY_HOSTS, CLOUDFORCE].map(
      ([, lightning, myDomain]) => `${suffix(lightning)} ${suffix(myDomain)}`,
    );
    expect(HOST_FAMILIES.map((f) => `${f.lightning} ${f.myDomain}`).sort()).toEqual(pairs.sort());
  });

  it.each(FAMILY_HOSTS)('%s: %s ↔ %s', (_, lightning, myDomain) => {
    expect(apiHostFor(lightning)).toBe(myDomain);
    expect(apiHostFor(myDomain)).toBe(myDomain);
    expect(apiHostFor(lightning.toUpperCase())).toBe(myDomain);
    expect(lightningHostFor(myDomain)).toBe(lightning);
    expect(isLightningHost(lightning)).toBe(true);
    expect(isLightningHost(myDomain)).toBe(false);
    // The content script's shortcut, on the hosts it runs on (its matches), says the same.
    expect(isLightningUiHost(lightning)).toBe(true);
    expect(isLightningUiHost(lightning.toUpperCase())).toBe(true);
    expect(isLightningUiHost(myDomain)).toBe(false);
    const page = parseSalesforceUrl(`https://${lightning}/lightning/r/Lead/00Q5g00000AbCdEEAV/view`);
    expect(page).toMatchObject({ kind: 'record', ui: 'lightning', sobject: 'Lead', apiHost: myDomain });
    expect(parseSalesforceUrl(`https://${myDomain}/00Q5g00000AbCdE`)).toMatchObject({ kind: 'record', ui: 'classic' });
  });

  it("the content script's shortcut to Lightning's side holds for every family of the table", () => {
    // isLightningUiHost reads `.lightning.` in a host instead of carrying the table into every page.
    for (const family of HOST_FAMILIES) {
      expect(isLightningUiHost(`acme${family.lightning}`), family.lightning).toBe(true);
      expect(isLightningUiHost(`acme${family.myDomain}`), family.myDomain).toBe(false);
    }
  });

  it.each(SETUP_HOSTS)('%s Setup: %s is the org of %s', (_, setup, myDomain) => {
    expect(apiHostFor(setup)).toBe(myDomain);
    expect(apiHostFor(setup.toUpperCase())).toBe(myDomain);
    expect(isLightningHost(setup)).toBe(false);
    // Setup shows no record of ours: the org is known, the toolbar has nothing to do there.
    expect(isSalesforceUiHost(setup)).toBe(false);
    expect(parseSalesforceUrl(`https://${setup}/lightning/setup/SetupOneHome/home`)).toEqual({
      kind: 'other',
      ui: 'lightning',
      apiHost: myDomain,
    });
    expect(parseSalesforceUrl(`https://${setup}/lightning/r/Lead/00Q5g00000AbCdEEAV/view`)).toMatchObject({
      kind: 'other',
    });
  });

  it('a cloudforce.com My Domain is its own API host, and shows its records in Classic', () => {
    const [, lightning, myDomain] = CLOUDFORCE;
    expect(apiHostFor(myDomain)).toBe(myDomain);
    expect(isLightningHost(myDomain)).toBe(false);
    expect(lightningHostFor(myDomain)).toBe(lightning);
    expect(parseSalesforceUrl(`https://${myDomain}/00Q5g00000AbCdE`)).toMatchObject({
      kind: 'record',
      ui: 'classic',
      apiHost: myDomain,
    });
  });

  it.each([
    'lightning.force.com',
    'my.salesforce-setup.com',
    'cloudforce.com',
    'acme.salesforce-setup.com',
    'acme.my.salesforce-setup.com.evil.com',
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
      [
        ...salesforceHostPatterns(),
        ...salesforceSetupPatterns(),
        ...proxiedSalesforcePatterns(),
        `${GLANCE_WEB_ORIGIN}/*`,
      ].sort(),
    );
    // The toolbar is not injected into Setup: no record of ours is shown there.
    expect(salesforceSetupPatterns()).toEqual(['https://*.my.salesforce-setup.com/*']);
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...(manifest.content_scripts[0]?.matches ?? [])].sort()).toEqual(salesforceHostPatterns());
  });

  it('every family host is covered by a pattern, and every pattern by a family', () => {
    const covers = (pattern: string, host: string) => host.endsWith(pattern.slice('https://*'.length, -'/*'.length));
    for (const [, lightning, myDomain] of [...FAMILY_HOSTS, CLOUDFORCE]) {
      for (const host of [lightning, myDomain])
        expect(salesforceHostPatterns().some((p) => covers(p, host))).toBe(true);
    }
    for (const pattern of salesforceHostPatterns()) {
      expect([...FAMILY_HOSTS, CLOUDFORCE].some(([, l, m]) => covers(pattern, l) || covers(pattern, m))).toBe(true);
    }
    for (const [, setup] of SETUP_HOSTS) expect(salesforceSetupPatterns().some((p) => covers(p, setup))).toBe(true);
  });
});
