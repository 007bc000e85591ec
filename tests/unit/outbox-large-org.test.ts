// A large org (issue 26, item 7): millions of activities, where an Event query that no index narrows
// times out (the emulator's large-org switch, tests/sandbox/salesforce/selectivity.ts). A write in
// doubt must still be looked up and resolved, and a look-up that keeps failing must reach the rep
// instead of retrying for ever.
import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_FAILURES } from '../../src/background/outbox/outcome.js';
import { discardSession, retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import { salesforceQueueView } from '../../src/background/outbox/view.js';
import { salesforceHistory } from '../../src/background/session/history.js';
import { endSession } from '../../src/background/session/service.js';
import { salesforceStatus } from '../../src/shared/salesforce/status.js';
import { eventOf, type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const org = (h: Harness) => h.sandbox.state.salesforce;
const logOf = async (h: Harness, sessionId: string) => (await readQueue(h.ports)).logs[sessionId];
const eventsOf = (h: Harness, sessionId: string) =>
  h.records('Event').filter((e) => String(e.fields.Subject).includes(sessionId));

/** Lets Salesforce apply the next composite but cuts its answer off, as a lost connection does. */
function cutNextComposite(h: Harness) {
  const real = h.ports.fetch;
  let cut = false;
  h.ports.fetch = (async (input: string, init: RequestInit = {}) => {
    const answer = await real(input, init);
    if (!cut && String(input).endsWith('/composite')) {
      cut = true;
      throw new TypeError('Failed to fetch');
    }
    return answer;
  }) as typeof fetch;
}

const HOME = `${LIGHTNING}/lightning/page/home`;

/** A large org where the toolbar has learnt who the rep is (so each write is queued with its author). */
async function largeOrg(h: Harness, settings: Parameters<Harness['connect']>[0] = {}) {
  await h.connect(settings);
  org(h).setup.largeOrg = true;
  expect(await salesforceStatus(HOME, h.ports)).toMatchObject({ state: 'ready' });
}

/** The Event look-ups the queue sent (queries inside its composite calls), decoded. */
const eventLookups = (h: Harness) =>
  h
    .salesforceCalls()
    .flatMap((c) => [...c.body.matchAll(/"url":"[^"]*\/query\?q=([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? '')))
    .filter((soql) => soql.includes('FROM Event'));

/** Runs the queue as its alarm would, `times` times, each after the longest back-off. */
async function runFor(h: Harness, times: number) {
  for (let i = 0; i < times; i += 1) {
    h.tick(10 * 60 * 1000);
    await runOutbox(h.ports);
  }
}

describe('a large org', () => {
  it('an Event write in doubt is looked up with a selective query and resolved: one Event, one post', async () => {
    const h = harness();
    await largeOrg(h, { chatterOnStart: true });
    cutNextComposite(h);
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'log-start', inFlight: true }]);
    expect(eventsOf(h, session.sessionId)).toHaveLength(1); // it landed; the answer did not
    await runFor(h, 3);
    expect(await readJobs(h.ports)).toEqual([]);
    eventOf(h, session.sessionId);
    expect(h.records('FeedItem').filter((f) => String(f.fields.Title).includes(session.sessionId))).toHaveLength(1);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'logged' });
    // Led by indexed fields: the rep's own Events, created since a day before the first send.
    const rep = org(h).defaultUserId;
    const since = new Date(Date.parse('2026-11-24T10:00:00Z') - 24 * 60 * 60 * 1000)
      .toISOString()
      .replace('.000Z', 'Z');
    expect(eventLookups(h).at(-1)).toBe(
      `SELECT Id FROM Event WHERE OwnerId = '${rep}' AND CreatedDate >= ${since} AND Subject = 'Glance session (${session.sessionId})' ORDER BY CreatedDate ASC LIMIT 5`,
    );
    // The end updates that Event; the Recent sessions query is selective too (OwnerId).
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(String(eventOf(h, session.sessionId).Description)).toContain('Ended:');
    const history = await salesforceHistory(HOME, h.ports);
    expect(history).toMatchObject({ ok: true, days: 30 });
  });

  it(`a look-up that keeps failing stops after ${MAX_LOOKUP_FAILURES} tries and asks the rep; Retry resolves it, never writing twice`, async () => {
    const h = harness();
    await largeOrg(h);
    cutNextComposite(h);
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    // Every look-up now times out (an outage of the query service, or an index Salesforce will not use).
    org(h).trouble.queryTimeouts = 1000;
    await runFor(h, MAX_LOOKUP_FAILURES - 1);
    expect(await readJobs(h.ports)).toMatchObject([{ inFlight: true, problem: 'unavailable' }]);
    expect((await readJobs(h.ports))[0]?.attention).toBeFalsy();
    await runFor(h, 1);
    expect(await readJobs(h.ports)).toMatchObject([{ inFlight: true, attention: true, problem: 'unconfirmed' }]);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'unconfirmed' });
    expect((await salesforceQueueView(h.ports)).waiting).toMatchObject([
      { activityId: session.sessionId, state: 'unconfirmed', problem: 'unconfirmed' },
    ]);
    // Waiting for the rep: no more calls on its own, and never a blind second write.
    const calls = h.salesforceCalls().length;
    await runFor(h, 5);
    expect(h.salesforceCalls()).toHaveLength(calls);
    expect(eventsOf(h, session.sessionId)).toHaveLength(1);

    // Retry looks again (the look-up answers now): the Event that landed is kept, nothing is sent twice.
    org(h).trouble.queryTimeouts = 0;
    await retryNow(h.ports, { activityId: session.sessionId, includeAttention: true });
    expect(await readJobs(h.ports)).toEqual([]);
    eventOf(h, session.sessionId);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'logged' });
  });

  it('Retry counts its tries afresh, and Discard lets a job that cannot be confirmed go', async () => {
    const h = harness();
    await largeOrg(h);
    cutNextComposite(h);
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    org(h).trouble.queryTimeouts = 1000;
    await runFor(h, MAX_LOOKUP_FAILURES);
    expect(await readJobs(h.ports)).toMatchObject([{ attention: true, problem: 'unconfirmed' }]);
    await retryNow(h.ports, { activityId: session.sessionId, includeAttention: true });
    expect((await readJobs(h.ports))[0]).toMatchObject({ problem: 'unavailable', lookupFailures: 1 });
    expect((await readJobs(h.ports))[0]?.attention).toBeFalsy();
    await discardSession(h.ports, session.sessionId);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'discarded' });
  });
});
