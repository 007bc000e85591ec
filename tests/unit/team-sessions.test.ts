// The team view (issue 27, item 3): the Glance session Events the signed-in user may see, by rep, in
// ONE query; counted the same way everywhere (sessions, minutes, guests); and what each Salesforce
// fault answers.
import { describe, expect, it } from 'vitest';
import { reportCategory, type SessionFacts } from '../../src/background/records/session-event.js';
import { routeMessage } from '../../src/background/router.js';
import { TEAM_LIMIT, teamSessions, teamSoql } from '../../src/pages/options/team/team-query.js';
import { type OwnedSession, sessionShape, teamTotals } from '../../src/shared/team-sessions.js';

/** The guests a Location alone tells (no Description to fall back on). */
const guestsIn = (location: unknown) => sessionShape(location, null).guests;

import { harness, LIGHTNING } from '../support/background-harness.js';

const PAGE = `${LIGHTNING}/lightning/page/home`;

describe('counting', () => {
  const facts = (guests: number): SessionFacts => ({
    sessionId: 's',
    key: '1234',
    joinUrl: '',
    glanceAddress: 'acme.glance.net',
    modes: ['screenshare', 'cobrowse'],
    startedAt: '2026-11-20T10:00:00.000Z',
    guests: Array.from({ length: guests }, (_, i) => ({ name: `g${i}`, email: '', joinedAt: '' })),
  });

  it("reads the guest count from what an ended session's Location says, and nothing from other text", () => {
    expect(guestsIn(reportCategory(facts(0)))).toBe(0);
    expect(guestsIn(reportCategory(facts(1)))).toBe(1);
    expect(guestsIn(reportCategory(facts(3), 'Demo · given'))).toBe(3);
    expect(guestsIn('https://acme.glance.net/?key=1234')).toBe(0);
    expect(guestsIn('Office · 7 guests')).toBe(0);
    expect(guestsIn(null)).toBe(0);
  });

  it('groups by rep: sessions, minutes and guests; most sessions first; each rep’s Events newest first', () => {
    const session = (ownerId: string, ownerName: string, day: number, minutes: number, guests: number) =>
      ({
        eventId: `00U${ownerId}${day}`,
        ownerId,
        ownerName,
        startedAt: new Date(Date.UTC(2026, 10, day, 10)).toISOString(),
        minutes,
        guests,
        modes: [],
        eventUrl: `u${day}`,
      }) satisfies OwnedSession;
    const reps = teamTotals(
      [
        session('005A', 'Ann', 3, 10, 1),
        session('005B', 'Bob', 5, 25, 2),
        session('005A', 'Ann', 9, 5, 0),
        session('005C', 'Cy', 1, 25, 4),
      ],
      'acme.lightning.force.com',
    );
    expect(reps.map((r) => [r.name, r.sessions, r.minutes, r.guests])).toEqual([
      ['Ann', 2, 15, 1],
      ['Bob', 1, 25, 2],
      ['Cy', 1, 25, 4],
    ]);
    expect(reps[0]?.events.map((e) => e.eventUrl)).toEqual(['u9', 'u3']);
    expect(reps[0]?.userUrl).toBe('https://acme.lightning.force.com/lightning/r/User/005A/view');
  });
});

/**
 * An ended session's Description as the product wrote it before the Location convention (item 1):
 * Location then held the join link, and the guests were lines of Description text (the first release
 * wrote guests' names as they typed them, line breaks included: git show bf1f9cd, event-fields.ts).
 */
const oldDescription = (modes: string, guestLines: string[], count = guestLines.length) =>
  [
    'Glance session: 1f3a9c',
    `Mode: ${modes}`,
    'Session key: removed when the session ended',
    'Join link: https://acme.glance.net/',
    'Glance address: acme.glance.net',
    'Started: 2026-11-20T10:00:00.000Z',
    'Ended: 2026-11-20T10:12:00.000Z (12 min)',
    `Guests: ${count}`,
    ...guestLines,
  ].join('\n');

describe('sessions logged before the Location convention', () => {
  const ada = '- Ada Lovelace <ada@customer.example>, joined 2026-11-20T10:01:00.000Z';
  const bob = '- (no name) <bob@customer.example>, joined 2026-11-20T10:02:00.000Z, left 2026-11-20T10:05:00.000Z';

  it('reads the guests and the modes from the old Description when Location is not "Glance · …"', () => {
    expect(
      sessionShape('https://acme.glance.net/?key=1234', oldDescription('Screen share → Cobrowse', [ada, bob])),
    ).toEqual({
      guests: 2,
      modes: ['screenshare', 'cobrowse'],
    });
    expect(sessionShape('https://acme.glance.net/', oldDescription('View customer screen', []))).toEqual({
      guests: 0,
      modes: ['view'],
    });
    // A scheduled meeting's details follow the guests after a blank line (withMeetingDetails).
    const meeting = `${oldDescription('Screen share', [ada])}\n\nMeeting: Quarterly review\n- Agenda item`;
    expect(sessionShape(null, meeting)).toEqual({ guests: 1, modes: ['screenshare'] });
    // Salesforce may hand back CRLF line ends.
    expect(sessionShape('', oldDescription('Cobrowse', [ada, bob]).replaceAll('\n', '\r\n')).guests).toBe(2);
  });

  it('keeps to the Location convention when the Event has it (a wrap-up or sync rewrote the text)', () => {
    expect(sessionShape('Glance · Cobrowse · 3 guests · Demo given', oldDescription('Screen share', [ada]))).toEqual({
      guests: 3,
      modes: ['cobrowse'],
    });
  });

  it('counts no more guests than the product wrote lines for, whatever guests typed as their name', () => {
    // The first release wrote a name as typed: a name with line breaks forges lines of its own.
    const forged = '- Eve\nGuests: 900\n- x\n- y\n- z <eve@evil.example>, joined 2026-11-20T10:03:00.000Z';
    expect(sessionShape('https://acme.glance.net/', oldDescription('Screen share', [ada, forged], 2)).guests).toBe(2);
    // A count the lines below do not bear out (text cut at 32,000 characters, or a forged line above).
    expect(sessionShape('', oldDescription('Screen share', [ada], 5000)).guests).toBe(1);
    expect(sessionShape('', oldDescription('Screen share', [ada, bob], 1)).guests).toBe(1);
    // Not a count: signs, exponents, other digits, bidirectional controls, absurd sizes.
    for (const count of ['-3', '1e9', '٣', '\u202e3', '3 ', '99999999999'])
      expect(
        sessionShape('', oldDescription('Screen share', [ada, bob], count as unknown as number)).guests,
        count,
      ).toBe(0);
  });

  it('reads nothing from text the product did not write: a hand-made Description, other modes, not text', () => {
    expect(sessionShape('Board room', 'Guests: 7\n- a\n- b\n- c\n- d\n- e\n- f\n- g')).toEqual({
      guests: 0,
      modes: [],
    });
    expect(sessionShape('', oldDescription('Screen share → Telepathy', [ada])).modes).toEqual([]);
    expect(sessionShape('', `Notes first\n${oldDescription('Screen share', [ada])}`)).toEqual({ guests: 0, modes: [] });
    expect(sessionShape(undefined, 42)).toEqual({ guests: 0, modes: [] });
    expect(sessionShape('Glance · 2 guests', null)).toEqual({ guests: 0, modes: [] });
  });
});

describe('the query', () => {
  it('asks for every session Event the user may see of the last 30 days, on an indexed field too, in one page', () => {
    expect(teamSoql()).toBe(
      "SELECT Id, OwnerId, Owner.Name, StartDateTime, DurationInMinutes, Location, Description FROM Event WHERE CreatedDate = LAST_N_DAYS:30 AND StartDateTime = LAST_N_DAYS:30 AND Subject LIKE 'Glance session (%' ORDER BY StartDateTime DESC LIMIT 2000",
    );
    expect(TEAM_LIMIT).toBe(2000);
  });
});

describe("the team's sessions from Salesforce", () => {
  /** Riley (the signed-in user) manages Blake; Pat sits beside Riley. */
  function team() {
    const h = harness();
    const org = h.sandbox.state.salesforce;
    const riley = org.defaultUserId;
    const user = (first: string) =>
      org.insert('User', {
        Name: `${first} Rep`,
        FirstName: first,
        LastName: 'Rep',
        Username: `${first}@acme.example`,
        IsActive: true,
      }).Id;
    const blake = user('Blake');
    const pat = user('Pat');
    org.setup.roleAbove.set(blake, riley);
    const hour = 3_600_000;
    const event = (
      owner: string,
      hoursAgo: number,
      minutes: number,
      location: string,
      subject?: string,
      description?: string,
    ) => {
      // The harness's clock is the org's "now" (LAST_N_DAYS counts from it), not the real one.
      const start = h.ports.now() - hoursAgo * hour;
      const at = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
      return org.insert('Event', {
        Subject: subject ?? `Glance session (${owner}-${hoursAgo})`,
        StartDateTime: at(start),
        EndDateTime: at(start + minutes * 60_000),
        DurationInMinutes: minutes,
        Location: location,
        OwnerId: owner,
        ...(description === undefined ? {} : { Description: description }),
      }).Id;
    };
    return { h, org, riley, blake, pat, event };
  }

  it("shows the user's own and their reports' sessions by rep, with links, in one query once the user is known", async () => {
    const { h, riley, blake, pat, event } = team();
    const own = event(riley, 5, 20, 'Glance · Screen share · 1 guest');
    const blakes = [event(blake, 2, 30, 'Glance · Cobrowse · 2 guests · Demo given'), event(blake, 50, 10, 'x')];
    // Logged before the Location convention: the guests are in the Description only.
    const older = event(
      riley,
      70,
      12,
      'https://acme.glance.net/',
      undefined,
      oldDescription('Screen share', ['- A', '- B', '- C']),
    );
    event(pat, 3, 45, 'Glance · Screen share · 9 guests'); // a peer's: Salesforce does not show it
    event(blake, 4, 60, 'Glance · Screen share · 1 guest', 'Quarterly review'); // no Glance session
    event(blake, 24 * 40, 15, 'Glance · Screen share · 1 guest'); // outside the 30 days

    await teamSessions(PAGE, h.ports); // asks who the user is (then cached)
    const before = h.salesforceCalls().length;
    const answer = await teamSessions(PAGE, h.ports);
    const calls = h.salesforceCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(decodeURIComponent(calls[0]?.path ?? '')).toContain('CreatedDate = LAST_N_DAYS:30');
    if (!answer.ok) throw new Error(answer.problem);
    expect(answer).toMatchObject({ apiHost: 'acme.my.salesforce.com', days: 30, more: false });
    expect(answer.reps.map((r) => [r.name, r.sessions, r.minutes, r.guests])).toEqual([
      ['Blake Rep', 2, 40, 2],
      ['Riley Rep', 2, 32, 4],
    ]);
    expect(answer.reps[0]?.userUrl).toBe(`${LIGHTNING}/lightning/r/User/${blake}/view`);
    expect(answer.reps[0]?.events.map((e) => e.eventUrl)).toEqual(
      blakes.map((id) => `${LIGHTNING}/lightning/r/Event/${id}/view`),
    );
    expect(answer.reps[1]?.events.map((e) => [e.eventId, e.guests, e.modes])).toEqual([
      [own, 1, ['screenshare']],
      [older, 3, ['screenshare']],
    ]);
  });

  it('says why when there is nothing to show or Salesforce cannot answer', async () => {
    const { h, org } = team();
    expect(await teamSessions(PAGE, h.ports)).toMatchObject({ ok: true, reps: [] });
    org.trouble.queryTimeouts = 1;
    expect(await teamSessions(PAGE, h.ports)).toEqual({ ok: false, problem: 'unavailable' });
    // A proxy's page where JSON should be: garbage, said as "did not answer".
    h.sandbox.state.faults.push({
      service: 'salesforce',
      pathIncludes: '/query',
      remaining: 1,
      status: 200,
      body: '<html>',
    });
    expect(await teamSessions(PAGE, h.ports)).toEqual({ ok: false, problem: 'unavailable' });
    // Salesforce too slow: the query is given up after the client's timeout.
    h.sandbox.state.hangs.push({ service: 'salesforce', pathIncludes: '/query', remaining: 1 });
    expect(await teamSessions(PAGE, h.ports)).toEqual({ ok: false, problem: 'unavailable' });
    org.setup.apiAccessControl = true;
    expect(await teamSessions(PAGE, h.ports)).toEqual({ ok: false, problem: 'session-not-for-api' });
    org.setup.apiAccessControl = false;
    h.setSid(undefined);
    expect(await teamSessions(PAGE, h.ports)).toEqual({ ok: false, problem: 'session-expired' });
    expect(await teamSessions('https://example.com/', h.ports)).toEqual({ ok: false, problem: 'no-salesforce-tab' });
  });

  it('runs in the options page only: the service worker no longer answers for it', async () => {
    const { h } = team();
    const page = { id: 'test', url: 'chrome-extension://test/src/pages/options/index.html' };
    expect(await routeMessage({ type: 'page:team-sessions', pageUrl: PAGE }, page, h.ports)).toEqual({
      ok: false,
      problem: 'invalid-message',
    });
  });
});
