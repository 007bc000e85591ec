import { describe, expect, it } from 'vitest';
import { sobjectOfId, to18 } from '../../src/shared/salesforce-id.js';
import { apiHostFor, parseSalesforceUrl } from '../../src/shared/salesforce-url.js';

const LEAD15 = '00Q5g00000AbCdE';
const LEAD18 = to18(LEAD15) as string;

describe('salesforce ids', () => {
  it('adds the case checksum', () => {
    // Known pair from Salesforce documentation examples.
    expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(to18('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
    expect(to18('001A0000006Vm9rIAD')).toBeUndefined();
    expect(to18('not-an-id')).toBeUndefined();
  });
  it('knows the standard prefixes, and one record by its 15 or 18 characters but no other', () => {
    expect(sobjectOfId(LEAD18)).toBe('Lead');
    expect(sobjectOfId('500000000000001')).toBe('Case');
    expect(to18(LEAD18)).toBe(LEAD18);
    expect(to18('00Q5g00000AbCdF')).not.toBe(LEAD18);
    const wrongChecksum = `${LEAD15}${LEAD18.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect(to18(wrongChecksum)).toBeUndefined();
    expect(to18('00Q5g00000AbCd')).toBeUndefined();
  });
});

describe('apiHostFor', () => {
  it.each([
    ['acme.lightning.force.com', 'acme.my.salesforce.com'],
    ['acme--uat.sandbox.lightning.force.com', 'acme--uat.sandbox.my.salesforce.com'],
    ['ACME.my.salesforce.com', 'acme.my.salesforce.com'],
    ['lightning.force.com', undefined],
    ['evil.com', undefined],
    ['acme.my.salesforce.com.evil.com', undefined],
  ])('%s → %s', (host, api) => expect(apiHostFor(host)).toBe(api));
});

describe('parseSalesforceUrl', () => {
  const L = 'https://acme.lightning.force.com';
  const C = 'https://acme.my.salesforce.com';
  const record = (ui: string, sobject: string, recordId: string) => ({
    kind: 'record',
    ui,
    sobject,
    recordId,
    apiHost: 'acme.my.salesforce.com',
  });
  const other = (ui: string) => ({ kind: 'other', ui, apiHost: 'acme.my.salesforce.com' });
  const CASE = to18('5005g00000XyZab') as string;
  const ACCOUNT = to18('0015g00000XyZab') as string;
  const CONTACT = to18('0035g00000XyZab') as string;

  it.each([
    [`${L}/lightning/r/Lead/${LEAD18}/view`, record('lightning', 'Lead', LEAD18)],
    [`${L}/lightning/r/Lead/${LEAD15}/view`, record('lightning', 'Lead', LEAD18)],
    [`${L}/lightning/r/Lead/${LEAD18}/edit`, record('lightning', 'Lead', LEAD18)],
    [`${L}/lightning/r/${LEAD18}/view`, record('lightning', 'Lead', LEAD18)],
    // Console apps: a workspace's primary tab has no ws; a focused subtab's ws names its PARENT.
    [`${L}/lightning/r/Case/${CASE}/view`, record('lightning', 'Case', CASE)],
    [
      `${L}/lightning/r/Contact/${CONTACT}/view?ws=%2Flightning%2Fr%2FCase%2F${CASE}%2Fview`,
      record('console', 'Contact', CONTACT),
    ],
    [
      `${L}/lightning/r/Lead/${LEAD18}/view?ws=%2Flightning%2Fr%2FAccount%2F${ACCOUNT}%2Fview`,
      record('console', 'Lead', LEAD18),
    ],
    [`${L}/lightning/r/Account/${ACCOUNT}/view?ws=%2Flightning%2Fr%2FCase%2F${CASE}%2Fview`, other('console')],
    [`${L}/one/one.app#/sObject/${LEAD18}/view`, record('lightning', 'Lead', LEAD18)],
    [`${L}/lightning/r/Account/${ACCOUNT}/view`, other('lightning')],
    [`${L}/lightning/r/Lead/${CASE}/view`, other('lightning')],
    [`${L}/lightning/r/Lead/${LEAD18}/related/Histories/view`, other('lightning')],
    [`${L}/lightning/o/Lead/list`, other('lightning')],
    [`${L}/lightning/page/home`, other('lightning')],
    [`${C}/${LEAD15}`, record('classic', 'Lead', LEAD18)],
    [`${C}/${CASE}?srPos=0`, record('classic', 'Case', CASE)],
    [`${C}/${ACCOUNT}`, other('classic')],
    [`${C}/${LEAD15}/e`, other('classic')],
    [`${C}/home/home.jsp`, other('classic')],
    [`${C}/00Q/o`, other('classic')],
  ])('%s', (href, expected) => {
    expect(parseSalesforceUrl(href)).toEqual(expected);
  });

  it('ignores other sites, plain http and garbage', () => {
    expect(parseSalesforceUrl(`https://example.com/lightning/r/Lead/${LEAD18}/view`)).toBeUndefined();
    expect(parseSalesforceUrl(`http://acme.lightning.force.com/lightning/r/Lead/${LEAD18}/view`)).toBeUndefined();
    expect(parseSalesforceUrl('not a url')).toBeUndefined();
  });
});
