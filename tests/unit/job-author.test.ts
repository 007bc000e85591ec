// Writes carry their author (issue 25, item 3): a session's Salesforce writes are queued with the user
// who started it, and are never sent as someone else (a shared profile, an admin's Login As). Held
// ("signed in as someone else", no attempt spent), they go once their author is signed in again.
import { describe, expect, it } from 'vitest';
import { retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import { addGuest } from '../../src/background/session/service.js';
import { salesforceStatus } from '../../src/shared/salesforce/status.js';
import { type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const org = (h: Harness) => h.sandbox.state.salesforce;
const logOf = async (h: Harness, sessionId: string) => (await readQueue(h.ports)).logs[sessionId];
const eventsOf = (h: Harness, sessionId: string) =>
  h.records('Event').filter((e) => String(e.fields.Subject).includes(sessionId));

describe('a write and its author', () => {
  it('queued by rep A, held while rep B is signed in, sent as A once A is back', async () => {
    const h = harness();
    await h.connect();
    const a = org(h).defaultUserId;
    // The toolbar learnt who is signed in before the start (its status call on the record page).
    await salesforceStatus(`${LIGHTNING}/lightning/page/home`, h.ports);
    org(h).trouble.lockedWrites = 1; // the first send fails: the write waits in the queue
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    const [queued] = await readJobs(h.ports);
    expect(queued?.author).toEqual({ orgId: org(h).orgId18, userId: a });

    // Rep B signs in to the same browser profile (another user of the org).
    const b = org(h).insert('User', { Name: 'Blake Other', Email: 'blake@acme.example', IsActive: true }).Id;
    const aSid = org(h).createSession(a).sid;
    h.setSid(org(h).createSession(b).sid);
    h.tick(60_000);
    const before = h.salesforceCalls().length;
    await runOutbox(h.ports);
    // One question (who is signed in now), no write.
    expect(
      h
        .salesforceCalls()
        .slice(before)
        .map((c) => c.path),
    ).toEqual(['/services/data/v66.0/chatter/users/me']);
    expect(eventsOf(h, session.sessionId)).toHaveLength(0);
    expect(await readJobs(h.ports)).toMatchObject([{ otherUser: true, attempts: 1 }]);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'other-user' });

    // A signs in again: the new session cookie retries the org, and the Event is A's.
    h.setSid(aSid);
    await retryNow(h.ports, { apiHost: 'acme.my.salesforce.com' });
    const [event] = eventsOf(h, session.sessionId);
    expect(event?.fields.OwnerId).toBe(a);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(await logOf(h, session.sessionId)).toMatchObject({ state: 'logged' });
  });
});

describe("a guest's Lead stays the rep's (issue 26, item 1)", () => {
  it("is created with Sforce-Auto-Assign: FALSE, so the org's assignment rule does not give it to a queue", async () => {
    const h = harness();
    await h.connect({ leadCreation: 'email' });
    const session = await start(h, 'Contact', h.seeded('Contact').Id);
    await addGuest(session.sessionId, { name: 'Gail Guest', email: 'gail@newco.example' }, h.ports);
    await runOutbox(h.ports);
    const [lead] = h.records('Lead').filter((l) => l.fields.Email === 'gail@newco.example');
    expect(lead?.fields.OwnerId).toBe(org(h).defaultUserId);
  });
});
