// A renamed My Domain (issue 26, item 10): the org's previous host answers every API call with a
// redirect to the new one (Salesforce Help, "Understand Redirections for Previous My Domain Host
// Names"; the emulator's previous-my-domain.ts). The rep is told where the org went, and the writes
// queued for the old host go to the new one, sent there once the rep is signed in there.
import { describe, expect, it } from 'vitest';
import { enqueue, retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import { salesforceQueueView } from '../../src/background/outbox/view.js';
import { orgStatesItem } from '../../src/background/storage/items.js';
import { salesforceStatus } from '../../src/shared/salesforce/status.js';
import { eventOf, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const OLD = 'acme.my.salesforce.com';
const NEW = 'acme-corp.my.salesforce.com';

describe('a renamed My Domain', () => {
  it("names the org's new host, and sends the session only to the old host", async () => {
    const h = harness();
    h.sandbox.state.salesforce.changeMyDomain('acme-corp');
    const status = await salesforceStatus(`${LIGHTNING}/lightning/page/home`, h.ports);
    expect(status).toEqual({ state: 'my-domain-moved', apiHost: OLD, movedTo: NEW });
    // The old host got the session once (its own org's, in the call it redirected); the probe that
    // followed the redirect to the new host carried none.
    const calls = h.sandbox.calls.map((c) => `${c.method} ${c.host}${c.path} ${c.authorized ? 'with' : 'without'}`);
    expect(calls).toEqual([
      `GET ${OLD}/services/data/v66.0/chatter/users/me with`,
      `GET ${OLD}/services/data/ without`,
      `GET ${NEW}/services/data/ without`,
    ]);
  });

  it('moves the writes queued for the old host to the new one; they land once the rep is signed in there', async () => {
    const h = harness();
    await h.connect();
    const sid = await h.ports.readSid(OLD);
    h.sandbox.state.salesforce.changeMyDomain('acme-corp');
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect((await readJobs(h.ports)).map((j) => j.apiHost)).toEqual([OLD]);

    await runOutbox(h.ports);
    // Not logged in on the new host yet: the write waits there, and the popup names the move.
    // The redirect applied nothing: the write is not in doubt, and no look-up is needed first.
    expect(await readJobs(h.ports)).toMatchObject([{ apiHost: NEW, movedFrom: OLD, inFlight: false }]);
    const queue = await salesforceQueueView(h.ports);
    expect(queue.waiting).toMatchObject([{ activityId: session.sessionId, apiHost: NEW, movedFrom: OLD }]);
    expect((await readQueue(h.ports)).logs[session.sessionId]?.apiHost).toBe(NEW);
    // A write queued later for the old host (a tab still open there) goes to the new one too.
    await enqueue(h.ports, {
      id: 'late',
      kind: 'log-end',
      activityId: session.sessionId,
      apiHost: OLD,
      fields: {},
    });
    expect((await readJobs(h.ports)).map((j) => j.apiHost)).toEqual([NEW, NEW]);

    // The rep opens Salesforce at the new address and logs in: the same org's session, on the new host.
    h.setSidFor(NEW, sid);
    await retryNow(h.ports, { apiHost: NEW });
    expect(eventOf(h, session.sessionId)).toBeDefined();
    expect(await readJobs(h.ports)).toEqual([]);
    expect((await readQueue(h.ports)).logs[session.sessionId]?.state).toBe('logged');
    // The old host was asked twice: the write it redirected (applying nothing), then the probe for
    // where it went. Every later call went straight to the new host.
    expect(h.sandbox.calls.filter((c) => c.host === OLD).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /services/data/v66.0/composite',
      'GET /services/data/',
    ]);
  });

  it('keeps where an org moved only when it is a My Domain host: stored state never sends writes elsewhere', async () => {
    const h = harness();
    await orgStatesItem.write(h.ports, {
      [OLD]: { movedTo: NEW },
      'globex.my.salesforce.com': { movedTo: 'collector.example.com' },
      'initech.my.salesforce.com': { movedTo: 'initech.lightning.force.com' },
    });
    const { orgs } = await readQueue(h.ports);
    expect([
      orgs[OLD]?.movedTo,
      orgs['globex.my.salesforce.com']?.movedTo,
      orgs['initech.my.salesforce.com']?.movedTo,
    ]).toEqual([NEW, undefined, undefined]);
  });
});
