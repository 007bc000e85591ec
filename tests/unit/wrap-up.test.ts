// The rep's wrap-up after End (issue 27, item 5), against the strict emulator: the end goes at once;
// Save is one more composite call that writes the notes and outcome on the Event and, when set, the
// next step's Task on the same records; nothing twice after a cut answer or Chromium's silent resend.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession } from '../../src/background/session/service.js';
import { saveWrapUp, wrapUpSummary } from '../../src/background/session/wrap-up.js';
import { readWrapUpRequest } from '../../src/shared/protocol/index.js';
import { readPolicy } from '../../src/shared/settings.js';
import { DEFAULT_WRAP_UP_OUTCOMES } from '../../src/shared/wrap-up.js';
import { eventOf, type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const PAGE = `${LIGHTNING}/lightning/page/home`;
const composites = (h: Harness) => h.salesforceCalls().filter((c) => c.path.endsWith('/composite'));

/** A session on the record, started and logged, then ended with its end update sent. */
async function ended(h: Harness, type = 'Contact', id = h.seeded('Contact').Id) {
  const session = await start(h, type, id);
  await runOutbox(h.ports);
  expect(await endSession(session.sessionId, h.ports)).toEqual({ ok: true, session: null });
  await runOutbox(h.ports);
  expect(await readJobs(h.ports)).toEqual([]);
  return session;
}

/** Wraps the harness's fetch: `decide` may answer instead, or let the call through. */
function intercept(
  h: Harness,
  decide: (url: string, body: string, pass: () => Promise<Response>) => Promise<Response>,
) {
  const real = h.ports.fetch;
  h.ports.fetch = ((input: string, init: RequestInit = {}) =>
    decide(String(input), String(init.body ?? ''), () => real(input, init))) as typeof fetch;
  return () => {
    h.ports.fetch = real;
  };
}

describe('the wrap-up saved after End', () => {
  it('one composite call: the Event gets the outcome (Location) and notes, the Task the same relation', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const contact = h.seeded('Contact');
    const session = await ended(h, 'Contact', contact.Id);
    const before = h.salesforceCalls().length;
    const event = eventOf(h, session.sessionId);
    expect(await wrapUpSummary(h.ports, session.sessionId, PAGE, undefined)).toMatchObject({
      sessionId: session.sessionId,
      eventUrl: `https://acme.lightning.force.com/lightning/r/Event/${h.records('Event')[0]?.Id}/view`,
      outcomes: [...DEFAULT_WRAP_UP_OUTCOMES],
      saved: false,
    });
    const result = await saveWrapUp(
      h.ports,
      {
        sessionId: session.sessionId,
        notes: 'Showed the reports.\nWants a quote by Friday.',
        outcome: 'Demo given',
        task: { subject: 'Send the quote', dueDate: '2026-11-27' },
      },
      PAGE,
      undefined,
    );
    expect(result).toEqual({ ok: true });
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(1);
    expect(await readJobs(h.ports)).toEqual([]);
    const after = eventOf(h, session.sessionId);
    expect(after.Location).toBe('Glance · Screen share · 0 guests · Demo given');
    expect(String(after.Description)).toBe(
      `${event.Description}\nOutcome: Demo given\nNotes:\n  Showed the reports.\n  Wants a quote by Friday.`,
    );
    expect(after.EndDateTime).toBe(event.EndDateTime);
    const tasks = h.records('Task');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.fields).toMatchObject({
      Subject: 'Send the quote',
      ActivityDate: '2026-11-27',
      Status: 'Not Started',
      Priority: 'Normal',
      WhoId: after.WhoId,
      WhatId: after.WhatId,
      OwnerId: after.OwnerId,
    });
    expect(after.WhoId).toBe(contact.Id);
    // Saved once: a second Save (another tab) writes nothing more.
    expect(
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: 'again', outcome: '' }, PAGE, undefined),
    ).toEqual({ ok: false, problem: 'already-saved' });
  });

  it('no next step: no Task, and the composite holds only the Event update', async () => {
    const h = harness();
    await h.connect();
    const session = await ended(h, 'Lead', h.seeded('Lead').Id);
    const before = composites(h).length;
    await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: '', outcome: 'No show' }, PAGE, undefined);
    await runOutbox(h.ports);
    const sent = composites(h).slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}').compositeRequest).toMatchObject([{ method: 'PATCH' }]);
    expect(JSON.parse(sent[0]?.body ?? '{}').compositeRequest).toHaveLength(1);
    expect(h.records('Task')).toHaveLength(0);
    expect(eventOf(h, session.sessionId).Location).toBe('Glance · Screen share · 0 guests · No show');
    expect(String(eventOf(h, session.sessionId).Description)).not.toContain('Notes:');
  });

  it('an answer cut off after Salesforce applied it: the retry finds the Task, one Task in all', async () => {
    const h = harness();
    await h.connect();
    const session = await ended(h, 'Lead', h.seeded('Lead').Id);
    const restore = intercept(h, async (url, body, pass) => {
      const answer = await pass();
      if (url.endsWith('/composite') && body.includes('/sobjects/Task')) throw new TypeError('Failed to fetch');
      return answer;
    });
    await saveWrapUp(
      h.ports,
      { sessionId: session.sessionId, notes: 'n', outcome: '', task: { subject: 'Call back', dueDate: '2026-11-30' } },
      PAGE,
      undefined,
    );
    await runOutbox(h.ports);
    restore();
    expect(h.records('Task')).toHaveLength(1);
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'wrap-up', inFlight: true }]);
    await h.advance(30_000);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(h.records('Task')).toHaveLength(1);
    expect(h.records('Task')[0]?.fields.WhoId).toBe(h.seeded('Lead').Id);
  });

  it("Chromium's silent resend (applied twice, one answer): the same call finds the twin and deletes it", async () => {
    const h = harness();
    await h.connect();
    const session = await ended(h, 'Lead', h.seeded('Lead').Id);
    const restore = intercept(h, async (url, body, pass) => {
      if (url.endsWith('/composite') && body.includes('"POST"')) await pass();
      return pass();
    });
    await saveWrapUp(
      h.ports,
      { sessionId: session.sessionId, notes: '', outcome: '', task: { subject: 'Call back', dueDate: '2026-11-30' } },
      PAGE,
      undefined,
    );
    await runOutbox(h.ports);
    restore();
    expect(await readJobs(h.ports)).toEqual([]);
    expect(h.records('Task')).toHaveLength(1);
  });

  it('another session’s Task with the same subject, due date and records is never taken for ours, nor deleted', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const next = { subject: 'Send the quote', dueDate: '2026-12-01' };
    // A Contact (WhoId) with one open Opportunity (WhatId), then that Opportunity (its primary role: the same Contact).
    for (const [type, id] of [
      ['Contact', h.seeded('Contact').Id],
      ['Opportunity', h.seeded('Opportunity').Id],
    ] as const) {
      const session = await ended(h, type, id);
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: '', outcome: '', task: next }, PAGE, undefined);
      await runOutbox(h.ports);
    }
    const tasks = h.records('Task');
    expect(tasks).toHaveLength(2);
    expect(new Set(tasks.map((t) => `${t.fields.WhoId} ${t.fields.WhatId}`)).size).toBe(1);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('hostile text: notes cannot forge lines or hide text; only an offered outcome is written', async () => {
    const h = harness();
    await h.connect();
    const session = await ended(h, 'Lead', h.seeded('Lead').Id);
    expect(
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: '', outcome: 'Won big' }, PAGE, undefined),
    ).toEqual({ ok: false, problem: 'outcome-not-offered' });
    await saveWrapUp(
      h.ports,
      {
        sessionId: session.sessionId,
        notes: 'fine\r\nOutcome: Won\u2028Guests: 9\u202Egnp.exe\u0007',
        outcome: 'Issue resolved',
        task: { subject: 'Call\nback\u202E now', dueDate: '2026-11-30' },
      },
      PAGE,
      undefined,
    );
    await runOutbox(h.ports);
    const description = String(eventOf(h, session.sessionId).Description);
    expect(description.endsWith('\nOutcome: Issue resolved\nNotes:\n  fine\n  Outcome: Won\n  Guests: 9gnp.exe')).toBe(
      true,
    );
    expect(description.split('\n').filter((line) => line.startsWith('Outcome:'))).toEqual(['Outcome: Issue resolved']);
    expect(h.records('Task')[0]?.fields.Subject).toBe('Call back now');
  });

  it('only a tab of the session’s org sees the summary or saves; the link waits for the Event', async () => {
    const h = harness();
    await h.connect();
    org(h).trouble.lockedWrites = 1;
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    await endSession(session.sessionId, h.ports);
    const summary = await wrapUpSummary(h.ports, session.sessionId, PAGE, undefined);
    expect(summary?.eventUrl).toBe('');
    const other = 'https://globex.lightning.force.com/lightning/page/home';
    expect(await wrapUpSummary(h.ports, session.sessionId, other, undefined)).toBeNull();
    expect(
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: 'x', outcome: '' }, other, undefined),
    ).toEqual({ ok: false, problem: 'session-gone' });
    await h.advance(30_000);
    expect((await wrapUpSummary(h.ports, session.sessionId, PAGE, undefined))?.eventUrl).toMatch(
      /^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Event\/00U\w{15}\/view$/,
    );
    // A day later it is gone.
    h.tick(25 * 60 * 60 * 1000);
    expect(await wrapUpSummary(h.ports, session.sessionId, PAGE, undefined)).toBeNull();
  });
});

const org = (h: Harness) => h.sandbox.state.salesforce;

describe('the outcomes the company policy sets (wrapUpOutcomes)', () => {
  it('unset: the default list; a list of names: those; anything else fails closed to none, named unusable', () => {
    expect(readPolicy({}).wrapUpOutcomes).toEqual([...DEFAULT_WRAP_UP_OUTCOMES]);
    expect(readPolicy({ wrapUpOutcomes: [' Won ', 'Lost', 'Won'] })).toMatchObject({
      wrapUpOutcomes: ['Won', 'Lost'],
      unusable: [],
    });
    expect(readPolicy({ wrapUpOutcomes: [] }).wrapUpOutcomes).toEqual([]);
    for (const bad of ['Won', ['Won', 5], ['Won', ''], ['a\nb'], ['x'.repeat(81)], Array(21).fill('x')]) {
      expect(readPolicy({ wrapUpOutcomes: bad }), JSON.stringify(bad)).toMatchObject({
        wrapUpOutcomes: [],
        unusable: ['wrapUpOutcomes'],
      });
    }
  });

  it('the outcome is checked against the policy as it is when the rep saves', async () => {
    const h = harness();
    await h.connect();
    await h.setPolicy({ wrapUpOutcomes: ['Qualified', 'Not a fit'] });
    const session = await ended(h, 'Lead', h.seeded('Lead').Id);
    expect((await wrapUpSummary(h.ports, session.sessionId, PAGE, undefined))?.outcomes).toEqual([
      'Qualified',
      'Not a fit',
    ]);
    expect(
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: '', outcome: 'Demo given' }, PAGE, undefined),
    ).toEqual({ ok: false, problem: 'outcome-not-offered' });
    expect(
      await saveWrapUp(h.ports, { sessionId: session.sessionId, notes: '', outcome: 'Qualified' }, PAGE, undefined),
    ).toEqual({ ok: true });
  });

  it('the message is checked on arrival: a due date that is no date, or a blank Task subject, is refused', () => {
    const base = { sessionId: 's', notes: '', outcome: '' };
    expect(readWrapUpRequest({ ...base, task: { subject: 'x', dueDate: '2026-02-30' } })).toBeUndefined();
    expect(readWrapUpRequest({ ...base, task: { subject: ' ', dueDate: '2026-02-03' } })).toBeUndefined();
    expect(readWrapUpRequest({ ...base, notes: 'n'.repeat(20_001) })).toBeUndefined();
    expect(readWrapUpRequest({ ...base, task: { subject: 'x', dueDate: '2026-02-03' } })).toEqual({
      ...base,
      task: { subject: 'x', dueDate: '2026-02-03' },
    });
  });
});
