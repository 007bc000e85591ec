// Recent sessions from Salesforce (issue 12, item 5): the rep's Glance Events of the last 30 days in
// ONE query, against the emulator in-process; what each Salesforce fault answers; and the popup's
// per-day totals in the rep's own days.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { HISTORY_LIMIT, historySoql, salesforceHistory } from '../../src/background/session/history.js';
import { endSession, startSession } from '../../src/background/session/service.js';
import { totalsPerDay } from '../../src/pages/components/history-days.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

const PAGE = `${LIGHTNING}/lightning/page/home`;

describe('the query', () => {
  it("asks for the rep's session Events of the last 30 days, newest first, one more than it shows", () => {
    expect(historySoql('005000000000001AAA')).toBe(
      "SELECT Id, StartDateTime, EndDateTime FROM Event WHERE OwnerId = '005000000000001AAA' AND Subject LIKE 'Glance session (%' AND StartDateTime = LAST_N_DAYS:30 ORDER BY StartDateTime DESC LIMIT 201",
    );
    expect(HISTORY_LIMIT).toBe(200);
    // A user id is quoted like any text: it cannot end the literal.
    expect(historySoql("x' OR Id != '")).toContain("OwnerId = 'x\\' OR Id != \\''");
  });
});

describe("the rep's sessions from Salesforce", () => {
  async function loggedSession(h: ReturnType<typeof harness>) {
    await h.connect();
    const lead = h.seeded('Lead');
    const started = await startSession(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`, 'screenshare', h.ports);
    if (!started.ok || !started.session) throw new Error('no session');
    await endSession(started.session.sessionId, h.ports);
    await runOutbox(h.ports);
    const event = h.records('Event').find((e) => String(e.fields.Subject).includes(started.session?.sessionId ?? '-'));
    if (!event) throw new Error('no Event');
    return event;
  }

  it('lists them with links to each Event, in one query once the rep is known', async () => {
    const h = harness();
    const event = await loggedSession(h);
    // A colleague's session Event on the same org, and an Event that is not a Glance session.
    const org = h.sandbox.state.salesforce;
    const now = new Date().toISOString().replace('Z', '+0000');
    org.insert('Event', {
      Subject: 'Glance session (other)',
      StartDateTime: now,
      EndDateTime: now,
      OwnerId: '005000000000099AAA',
    });
    org.insert('Event', { Subject: 'Lunch', StartDateTime: now, EndDateTime: now, OwnerId: org.defaultUserId });

    const first = await salesforceHistory(PAGE, h.ports); // asks who the rep is (then cached)
    expect(first).toMatchObject({ ok: true, apiHost: 'acme.my.salesforce.com', days: 30, more: false });
    const before = h.salesforceCalls().length;
    const answer = await salesforceHistory(PAGE, h.ports);
    const calls = h.salesforceCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(decodeURIComponent(calls[0]?.path ?? '')).toContain('StartDateTime = LAST_N_DAYS:30');
    if (!answer.ok) throw new Error(answer.problem);
    expect(answer.events).toEqual([
      {
        eventId: event.Id,
        startedAt: expect.any(String),
        endedAt: expect.any(String),
        minutes: expect.any(Number),
        eventUrl: `${LIGHTNING}/lightning/r/Event/${event.Id}/view`,
      },
    ]);
  });

  it('says why when Salesforce cannot answer: logged out, API blocked, not answering', async () => {
    const h = harness();
    await loggedSession(h);
    const org = h.sandbox.state.salesforce;
    org.trouble.queryTimeouts = 1;
    expect(await salesforceHistory(PAGE, h.ports)).toEqual({ ok: false, problem: 'unavailable' });
    org.setup.apiAccessControl = true;
    expect(await salesforceHistory(PAGE, h.ports)).toEqual({ ok: false, problem: 'session-not-for-api' });
    org.setup.apiAccessControl = false;
    h.setSid(undefined);
    expect(await salesforceHistory(PAGE, h.ports)).toEqual({ ok: false, problem: 'session-expired' });
    expect(await salesforceHistory('https://example.com/', h.ports)).toEqual({
      ok: false,
      problem: 'no-salesforce-tab',
    });
  });
});

describe('totals per day', () => {
  it("counts sessions and minutes on the rep's own days, today and the 30 before it", () => {
    const now = new Date(2026, 10, 26, 9, 30);
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0).toISOString();
    const event = (startedAt: string, minutes: number) => ({
      eventId: startedAt,
      startedAt,
      endedAt: startedAt,
      minutes,
      eventUrl: '',
    });
    const totals = totalsPerDay(
      [event(at(26, 8), 10), event(at(26, 0), 5), event(at(25, 23), 20), event(at(20, 12), 7), event(at(1, 12), 3)],
      now,
      30,
    );
    expect(totals).toHaveLength(31);
    expect(totals[0]?.date).toEqual(new Date(2026, 9, 27));
    expect(totals.at(-1)).toEqual({ date: new Date(2026, 10, 26), sessions: 2, minutes: 15 });
    expect(totals.at(-2)).toEqual({ date: new Date(2026, 10, 25), sessions: 1, minutes: 20 });
    expect(totals.at(-7)).toEqual({ date: new Date(2026, 10, 20), sessions: 1, minutes: 7 });
    expect(totals.reduce((sum, d) => sum + d.sessions, 0)).toBe(5);
  });
});
