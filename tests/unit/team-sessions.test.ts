// The team view (issue 27, item 3): the Glance session Events the signed-in user may see, by rep, in
// ONE query; counted the same way everywhere (sessions, minutes, guests); and what each Salesforce
// fault answers.
import { describe, expect, it } from 'vitest';
import { reportCategory, type SessionFacts } from '../../src/background/records/session-event.js';
import { routeMessage } from '../../src/background/router.js';
import { TEAM_LIMIT, teamSessions, teamSoql } from '../../src/pages/options/team/team-query.js';
import { guestsFromLocation, type OwnedSession, teamTotals } from '../../src/shared/team-sessions.js';
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
    expect(guestsFromLocation(reportCategory(facts(0)))).toBe(0);
    expect(guestsFromLocation(reportCategory(facts(1)))).toBe(1);
    expect(guestsFromLocation(reportCategory(facts(3), 'Demo · given'))).toBe(3);
    expect(guestsFromLocation('https://acme.glance.net/?key=1234')).toBe(0);
    expect(guestsFromLocation('Office · 7 guests')).toBe(0);
    expect(guestsFromLocation(null)).toBe(0);
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

describe('the query', () => {
  it('asks for every session Event the user may see of the last 30 days, on an indexed field too, in one page', () => {
    expect(teamSoql()).toBe(
      "SELECT Id, OwnerId, Owner.Name, StartDateTime, DurationInMinutes, Location FROM Event WHERE CreatedDate = LAST_N_DAYS:30 AND StartDateTime = LAST_N_DAYS:30 AND Subject LIKE 'Glance session (%' ORDER BY StartDateTime DESC LIMIT 2000",
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
    const event = (owner: string, hoursAgo: number, minutes: number, location: string, subject?: string) => {
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
      }).Id;
    };
    return { h, org, riley, blake, pat, event };
  }

  it("shows the user's own and their reports' sessions by rep, with links, in one query once the user is known", async () => {
    const { h, riley, blake, pat, event } = team();
    const own = event(riley, 5, 20, 'Glance · Screen share · 1 guest');
    const blakes = [event(blake, 2, 30, 'Glance · Cobrowse · 2 guests · Demo given'), event(blake, 50, 10, 'x')];
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
      ['Riley Rep', 1, 20, 1],
    ]);
    expect(answer.reps[0]?.userUrl).toBe(`${LIGHTNING}/lightning/r/User/${blake}/view`);
    expect(answer.reps[0]?.events.map((e) => e.eventUrl)).toEqual(
      blakes.map((id) => `${LIGHTNING}/lightning/r/Event/${id}/view`),
    );
    expect(answer.reps[1]?.events.map((e) => e.eventId)).toEqual([own]);
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
    expect(await routeMessage({ type: 'popup:team-sessions', pageUrl: PAGE }, page, h.ports)).toEqual({
      ok: false,
      problem: 'invalid-message',
    });
  });
});
