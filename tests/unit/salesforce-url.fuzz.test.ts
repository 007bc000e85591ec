// The URL parser runs on every Salesforce page the content script loads, on whatever URL the tab
// has: it must never throw (a throw kills the content script on that page). Real URL shapes of every
// host family and page kind, then mutated by a seeded generator so any failure reproduces.
import { describe, expect, it } from 'vitest';
import { HOST_FAMILIES } from '../../src/shared/salesforce-hosts.js';
import { isGlanceSObject, sobjectOfId, to18 } from '../../src/shared/salesforce-id.js';
import {
  apiHostFor,
  isSalesforceUiHost,
  parseContentPage,
  parseSalesforceUrl,
} from '../../src/shared/salesforce-url.js';
import { prng } from '../support/seeded-random.js';

const IDS = {
  Lead: to18('00Q5g00000AbCdE') as string,
  Contact: to18('0035g00000XyZab') as string,
  Opportunity: to18('0065g00000XyZab') as string,
  Campaign: to18('7015g00000XyZab') as string,
  Case: to18('5005g00000XyZab') as string,
  Account: to18('0015g00000XyZab') as string,
};

/** Every page kind the table in salesforce-url.test.ts knows, on both hosts of every host family. */
function seeds(): string[] {
  const urls: string[] = [];
  for (const family of HOST_FAMILIES) {
    const lightning = `https://acme${family.lightning}`;
    const classic = `https://acme${family.myDomain}`;
    for (const [sobject, id] of Object.entries(IDS)) {
      urls.push(
        `${lightning}/lightning/r/${sobject}/${id}/view`,
        `${lightning}/lightning/r/${sobject}/${id.slice(0, 15)}/edit`,
        `${lightning}/lightning/r/${id}/view`,
        `${lightning}/lightning/r/${sobject}/${id}/view?ws=%2Flightning%2Fr%2FCase%2F${IDS.Case}%2Fview`,
        `${lightning}/lightning/r/${sobject}/${id}/related/Histories/view`,
        `${lightning}/one/one.app#/sObject/${id}/view`,
        `${classic}/${id.slice(0, 15)}`,
        `${classic}/${id}?srPos=0&srKp=${id.slice(0, 3)}`,
        `${classic}/${id}/e?retURL=%2F${id}`,
      );
    }
    urls.push(
      `${lightning}/lightning/o/Lead/list?filterName=Recent`,
      `${lightning}/lightning/page/home`,
      `${classic}/home/home.jsp`,
      `${classic}/00Q/o`,
      `https://acme${family.lightning}.mcas.ms/lightning/r/Lead/${IDS.Lead}/view`,
    );
  }
  return urls;
}

const MALFORMED_ESCAPES = [
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%E0%A4',
  '%C0%AF',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%2',
  '%u0041',
];
const ODD_TEXT = [
  '\u0000',
  '\t',
  '\n',
  ' ',
  '\\',
  '@',
  ':',
  '[',
  ']',
  '..',
  '\u202e',
  '\ud800',
  '\udfff',
  'é',
  '𝔘',
  '\ufeff',
  '%2F',
  '%00',
  'ß',
  'İ',
];
const ALPHABET = "aZ09/#?&=.%-_~:@!$'()*+,;";

function mutate(url: string, random: ReturnType<typeof prng>): string {
  let out = url;
  const steps = 1 + random.int(4);
  for (let step = 0; step < steps; step++) {
    const at = random.int(out.length + 1);
    switch (random.int(7)) {
      case 0: // insert a character
        out = out.slice(0, at) + random.pick([...ALPHABET]) + out.slice(at);
        break;
      case 1: // delete a run
        out = out.slice(0, at) + out.slice(at + 1 + random.int(5));
        break;
      case 2: // replace a character
        out = out.slice(0, at) + random.pick([...ALPHABET, ...ODD_TEXT]) + out.slice(at + 1);
        break;
      case 3: // a malformed escape anywhere: path, query or hash
        out = out.slice(0, at) + random.pick(MALFORMED_ESCAPES) + out.slice(at);
        break;
      case 4: // unicode and control characters
        out = out.slice(0, at) + random.pick(ODD_TEXT) + out.slice(at);
        break;
      case 5: // a very long segment (rarely: they cost time)
        out =
          out.slice(0, at) +
          (random.int(20) === 0 ? 'x'.repeat(50_000 + random.int(50_000)) : '%41'.repeat(500)) +
          out.slice(at);
        break;
      default: // swap the scheme or the host
        out = out.replace(
          /^https?:\/\/[^/]*/,
          random.pick([
            'http://acme.lightning.force.com',
            'https://',
            'https://lightning.force.com',
            'https://acme..my.salesforce.com',
            'https://ACME.LIGHTNING.FORCE.COM',
            'https://xn--ls8h.lightning.force.com',
            'https://acme.lightning.force.com:8443',
            'https://user:pw@acme.my.salesforce.com',
            'javascript:alert(1)//acme.lightning.force.com',
            'https://[::1]',
            'https://acme.lightning.force.com.evil.com',
          ]),
        );
    }
  }
  return out;
}

/** A result is undefined or one of the two page shapes, with an API host and id that hold up. */
function expectWellFormed(href: string, page: ReturnType<typeof parseSalesforceUrl>): void {
  if (page === undefined) return;
  const context = `for ${JSON.stringify(href.slice(0, 300))}`;
  expect(['lightning', 'console', 'classic'], context).toContain(page.ui);
  expect(apiHostFor(page.apiHost), context).toBe(page.apiHost);
  if (page.kind === 'other') {
    expect(Object.keys(page).sort(), context).toEqual(['apiHost', 'kind', 'ui']);
    return;
  }
  expect(page.kind, context).toBe('record');
  expect(isGlanceSObject(page.sobject), context).toBe(true);
  expect(page.recordId, context).toHaveLength(18);
  expect(to18(page.recordId), context).toBe(page.recordId);
  expect(sobjectOfId(page.recordId), context).toBe(page.sobject);
}

/**
 * The content script's way in (parseContentPage) never throws either, and on every URL the content
 * script runs on (a Lightning or My Domain host of the table: the manifest's matches) it reads the
 * page as parseSalesforceUrl does, without the API host.
 */
function expectContentPageAgrees(href: string, page: ReturnType<typeof parseSalesforceUrl>): void {
  let view: ReturnType<typeof parseContentPage>;
  try {
    view = parseContentPage(href);
  } catch (error) {
    throw new Error(`parseContentPage threw ${String(error)} for ${JSON.stringify(href.slice(0, 300))}`);
  }
  let host: string | undefined;
  try {
    host = new URL(href).hostname;
  } catch {}
  if (!page || !host || !isSalesforceUiHost(host)) return;
  const { apiHost: _, ...expected } = page;
  expect(view, `for ${JSON.stringify(href.slice(0, 300))}`).toEqual(expected);
}

describe('parseSalesforceUrl under fuzzing', () => {
  it('never throws on 12,000 generated and mutated URLs and always answers a well-formed page or undefined', () => {
    const random = prng(0x5f0c_e11a);
    const base = seeds();
    let parsed = 0;
    let records = 0;
    for (let i = 0; i < 12_000; i++) {
      // Every tenth URL is a seed as it is, so the real shapes stay in the mix; others mutate one.
      const seed = random.pick(base);
      const href = i % 10 === 0 ? seed : mutate(seed, random);
      let page: ReturnType<typeof parseSalesforceUrl>;
      try {
        page = parseSalesforceUrl(href);
      } catch (error) {
        throw new Error(`parseSalesforceUrl threw ${String(error)} for ${JSON.stringify(href.slice(0, 300))}`);
      }
      expectWellFormed(href, page);
      expectContentPageAgrees(href, page);
      if (page) parsed++;
      if (page?.kind === 'record') records++;
    }
    // The mutations leave many URLs readable: the fuzzing reaches the parser's inner branches.
    expect(parsed).toBeGreaterThan(3000);
    expect(records).toBeGreaterThan(1000);
  });

  it.each([
    ['a truncated escape in the path', `https://acme.lightning.force.com/lightning/r/Lead/${IDS.Lead}/view/%E0%A4%A`],
    ['a non-hex escape in the path', `https://acme.lightning.force.com/lightning/r/Le%zzad/${IDS.Lead}/view`],
    ['a lone % in the path', 'https://acme.my.salesforce.com/%'],
    ['a lone surrogate escaped', 'https://acme.lightning.force.com/lightning/page/%ED%A0%80'],
  ])('answers instead of throwing on %s', (_, href) => {
    expect(() => parseSalesforceUrl(href)).not.toThrow();
    expect(parseSalesforceUrl(href)?.apiHost).toBe('acme.my.salesforce.com');
  });

  it('keeps the record when only a query or hash holds a malformed escape', () => {
    const page = parseSalesforceUrl(
      `https://acme.lightning.force.com/lightning/r/Lead/${IDS.Lead}/view?c__x=%E0%A4%A&y=%zz#%`,
    );
    expect(page).toMatchObject({ kind: 'record', sobject: 'Lead', recordId: IDS.Lead });
    // The truncated escape sits after the record's path: the record is still readable.
    expect(
      parseSalesforceUrl(`https://acme.lightning.force.com/lightning/r/Lead/${IDS.Lead}/view/%E0%A4%A`),
    ).toMatchObject({ kind: 'record', recordId: IDS.Lead });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', {}],
    ['an array', []],
    ['a symbol', Symbol('url')],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
    ],
    ['a 3 MB string', 'x'.repeat(3_000_000)],
  ])('answers undefined for %s', (_, value) => {
    expect(parseSalesforceUrl(value as unknown as string)).toBeUndefined();
  });
});
