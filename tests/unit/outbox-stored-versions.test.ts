// A queue written by the released version must still read after an update: its waiting writes are
// shown under the activity they belong to and sent once. Version 2 named that activity `sessionId`
// (a session's id, a meeting's id or a sync batch); version 3 calls it `activityId`.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { salesforceQueueView } from '../../src/background/outbox/view.js';
import { eventOf, harness, start } from '../support/background-harness.js';

describe('the queue as the released version stored it (v2)', () => {
  it('is read, shown under its activity, and sent once', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead');
    const session = await start(h, 'Lead', lead.Id);
    await runOutbox(h.ports);
    // What the released version stored: { $v: 2 } and the activity's id under `sessionId`.
    h.local.set('outbox', {
      $v: 2,
      value: [
        {
          id: `${h.ports.now().toString(36)}-1-abc`,
          kind: 'log-end',
          sessionId: session.sessionId,
          apiHost: 'acme.my.salesforce.com',
          createdAt: h.ports.now(),
          attempts: 1,
          notBefore: 0,
          fields: {
            EndDateTime: new Date(Date.parse(session.startedAt) + 600_000).toISOString(),
            Description: 'Ended by v2',
          },
        },
      ],
    });
    const view = await salesforceQueueView(h.ports);
    expect(view.waiting).toMatchObject([{ activityId: session.sessionId, writes: 1, sobject: 'Lead' }]);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId)).toMatchObject({ Description: 'Ended by v2' });
    expect(h.local.get('outbox')).toEqual({ $v: 3, value: [] });
  });
});
