// What the extension writes stays inside Salesforce's own limits, against the emulator (as strict as
// Salesforce): an Event lasts at most 14 days, and a clean-up deletes more records than one
// composite may hold.
import { describe, expect, it } from 'vitest';
import { deleteSurplus } from '../../src/background/outbox/jobs/parts.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import { endSession } from '../../src/background/session/service.js';
import { SalesforceClient } from '../../src/shared/salesforce/client.js';
import { eventOf, harness, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const DAY = 24 * 60 * 60 * 1000;

describe('an Event lasts at most 14 days', () => {
  it('a session left running for 15 days is logged: the Event ends 14 days after the start, the description keeps the real end', async () => {
    const h = harness();
    await h.connect();
    const session = await start(h, 'Campaign', h.seeded('Campaign').Id);
    await runOutbox(h.ports);
    const started = Date.parse(String(eventOf(h, session.sessionId).StartDateTime));
    h.tick(15 * DAY);
    expect(await endSession(session.sessionId, h.ports)).toEqual({ ok: true, session: null });
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect((await readQueue(h.ports)).logs[session.sessionId]).toMatchObject({ state: 'logged' });
    const event = eventOf(h, session.sessionId);
    expect(Date.parse(String(event.EndDateTime)) - started).toBe(14 * DAY);
    expect(event.DurationInMinutes).toBe(14 * 24 * 60);
    expect(String(event.Description)).toContain(`(${15 * 24 * 60} min)`);
  });
});

describe('deleting what landed twice', () => {
  it('deletes more records than one composite may hold (25 subrequests) in several calls', async () => {
    const h = harness();
    const org = h.sandbox.state.salesforce;
    const surplus = Array.from({ length: 60 }, (_, i) => ({
      sobject: 'Lead' as const,
      id: org.insert('Lead', { LastName: `Twin ${i}`, Company: 'Newco' }).Id,
    }));
    const client = new SalesforceClient('acme.my.salesforce.com', h.ports);
    const before = h.salesforceCalls().length;
    expect(await deleteSurplus(client, surplus)).toEqual({ left: [] });
    expect(surplus.filter((s) => org.get(s.id))).toEqual([]);
    const calls = h.salesforceCalls().slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(Array(3).fill('POST /services/data/v66.0/composite'));
    for (const call of calls)
      expect(
        (JSON.parse(String(call.body)) as { compositeRequest: unknown[] }).compositeRequest.length,
      ).toBeLessThanOrEqual(25);
  });
});
