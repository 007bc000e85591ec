// The meeting dialog's prefill (issue 11): the record's name and the invitee's email, from one SOQL
// query per opening against the emulated org, and empty strings whenever Salesforce does not answer.
import { describe, expect, it } from 'vitest';
import { meetingDefaults } from '../../src/background/meeting/defaults.js';
import { routeMessage } from '../../src/background/router.js';
import { INVALID_MESSAGE } from '../../src/shared/protocol/index.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';

const EMPTY = { inviteeEmail: '', recordName: '' };
const pageOf = (type: string, id: string) => `${LIGHTNING}/lightning/r/${type}/${id}/view`;
const org = (h: Harness) => h.sandbox.state.salesforce;

/** The seeded record of `type` whose field `field` is `value`. */
function seededWhere(h: Harness, type: string, field: string, value: string) {
  const record = h.records(type).find((r) => r.fields[field] === value);
  if (!record) throw new Error(`no ${type} with ${field} ${value}`);
  return record.Id;
}

async function defaultsFor(h: Harness, type: string, id: string) {
  const before = h.salesforceCalls().length;
  const answer = await meetingDefaults(pageOf(type, id), undefined, h.ports);
  return { answer, calls: h.salesforceCalls().length - before };
}

describe('meeting defaults', () => {
  it.each([
    ['Lead', 'Name', 'Ada Lovelace', { recordName: 'Ada Lovelace', inviteeEmail: 'ada@engines.example' }],
    ['Lead', 'Name', 'Linus Nomail', { recordName: 'Linus Nomail', inviteeEmail: '' }],
    ['Contact', 'Name', 'Hank Scorpio', { recordName: 'Hank Scorpio', inviteeEmail: 'hank@globex.example' }],
    // A case is named by its subject; the invitee is the case's contact.
    ['Case', 'Subject', 'Stapler missing', { recordName: 'Stapler missing', inviteeEmail: 'samir@initech.example' }],
    // The primary contact role, though it was added after another role.
    [
      'Opportunity',
      'Name',
      'Initech - Office Move',
      { recordName: 'Initech - Office Move', inviteeEmail: 'samir@initech.example' },
    ],
    // No primary role: the one role there is, as the meeting's Event is related to.
    [
      'Opportunity',
      'Name',
      'Umbrella - Expansion',
      { recordName: 'Umbrella - Expansion', inviteeEmail: 'alice@umbrella.example' },
    ],
    // A campaign has members, not one invitee.
    ['Campaign', 'Name', 'Trade Show 2026', { recordName: 'Trade Show 2026', inviteeEmail: '' }],
  ])('%s %s "%s": one query answers %o', async (type, field, value, expected) => {
    const h = harness();
    const { answer, calls } = await defaultsFor(h, type, seededWhere(h, type, field, value));
    expect(answer).toEqual(expected);
    expect(calls).toBe(1);
  });

  it('reads the same from a Classic record page (its host is the API host)', async () => {
    const h = harness();
    const hank = seededWhere(h, 'Contact', 'Name', 'Hank Scorpio');
    const classic = `https://acme.my.salesforce.com/${hank.slice(0, 15)}`;
    expect(await meetingDefaults(classic, undefined, h.ports)).toEqual({
      recordName: 'Hank Scorpio',
      inviteeEmail: 'hank@globex.example',
    });
  });

  it('names a case without a subject by its number, and an opportunity without roles has no invitee', async () => {
    const h = harness();
    const kase = org(h).insert('Case', { CaseNumber: '00009999', Subject: null, ContactId: null, IsClosed: false });
    expect((await defaultsFor(h, 'Case', kase.Id)).answer).toEqual({ recordName: '00009999', inviteeEmail: '' });
    const bare = org(h).insert('Opportunity', { Name: 'Bare', StageName: 'Prospecting', IsClosed: false });
    expect((await defaultsFor(h, 'Opportunity', bare.Id)).answer).toEqual({ recordName: 'Bare', inviteeEmail: '' });
  });

  it('keeps Salesforce’s text to one line and its limits; an address that is not one whole is left out', async () => {
    const h = harness();
    const forged = org(h).insert('Lead', {
      Name: `Eve\r\nKey: 0000\u2028\u202Egnp.exe${'x'.repeat(400)}`,
      LastName: 'Eve',
      Company: 'X',
      Email: 'eve@evil.example\r\nBcc: all@acme.example',
      IsConverted: false,
    });
    const { answer } = await defaultsFor(h, 'Lead', forged.Id);
    expect(answer.recordName).toMatch(/^Eve Key: 0000 gnp\.exex+$/);
    expect(answer.recordName).toHaveLength(255);
    expect(answer.inviteeEmail).toBe('');
    const long = org(h).insert('Contact', {
      Name: 'Long Address',
      LastName: 'Address',
      Email: `${'a'.repeat(60)}@${'b'.repeat(20)}.example`,
    });
    expect((await defaultsFor(h, 'Contact', long.Id)).answer).toEqual({ recordName: 'Long Address', inviteeEmail: '' });
  });

  it('answers empty strings, never throws, when logged out (no call), API-blocked, over the limit, a field hidden, or unreachable', async () => {
    const h = harness();
    const ada = seededWhere(h, 'Lead', 'Name', 'Ada Lovelace');
    h.setSid(undefined);
    expect(await defaultsFor(h, 'Lead', ada)).toEqual({ answer: EMPTY, calls: 0 });
    h.setSid(org(h).createSession(org(h).defaultUserId).sid);

    org(h).setup.apiAccessControl = true;
    expect((await defaultsFor(h, 'Lead', ada)).answer).toEqual(EMPTY);
    org(h).setup.apiAccessControl = false;

    org(h).apiLimit = org(h).apiUsage;
    expect((await defaultsFor(h, 'Lead', ada)).answer).toEqual(EMPTY);
    org(h).apiLimit = 1_000_000;

    org(h).setup.hiddenFields.set('Lead', new Set(['Email']));
    expect((await defaultsFor(h, 'Lead', ada)).answer).toEqual(EMPTY);
    org(h).setup.hiddenFields.clear();

    org(h).trouble.queryTimeouts = 1;
    expect((await defaultsFor(h, 'Lead', ada)).answer).toEqual(EMPTY);
    // Not a record page: nothing to ask about.
    expect(await meetingDefaults(`${LIGHTNING}/lightning/page/home`, undefined, h.ports)).toEqual(EMPTY);
    // And Salesforce answers again once it can.
    expect((await defaultsFor(h, 'Lead', ada)).answer.inviteeEmail).toBe('ada@engines.example');
  });

  it('is answered by the router for the sender’s own host only, with that tab’s cookie store', async () => {
    const h = harness();
    const ada = seededWhere(h, 'Lead', 'Name', 'Ada Lovelace');
    const page = pageOf('Lead', ada);
    // The incognito tab is one the browser has open (tab 2), in its incognito window's own cookie store.
    h.tabs.push({ id: 2, url: page, incognito: true });
    const sender = (url: string, incognito = false) => ({
      id: 'test',
      url,
      frameId: 0,
      tab: { id: incognito ? 2 : 1, url, incognito },
    });
    expect(await routeMessage({ type: 'content:meeting-defaults', pageUrl: page }, sender(page), h.ports)).toEqual({
      recordName: 'Ada Lovelace',
      inviteeEmail: 'ada@engines.example',
    });
    const other = 'https://globex.lightning.force.com/lightning/page/home';
    expect(await routeMessage({ type: 'content:meeting-defaults', pageUrl: page }, sender(other), h.ports)).toEqual(
      INVALID_MESSAGE,
    );
    expect(await routeMessage({ type: 'content:meeting-defaults', pageUrl: 7 }, sender(page), h.ports)).toEqual(
      INVALID_MESSAGE,
    );
    // An incognito tab not logged in there: its own store has no session, so nothing is read.
    expect(
      await routeMessage({ type: 'content:meeting-defaults', pageUrl: page }, sender(page, true), h.ports),
    ).toEqual(EMPTY);
  });
});
