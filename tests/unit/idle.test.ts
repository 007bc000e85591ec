// Issue 13, item 3: idle costs nothing. With no session running and nothing the queue can send, no
// alarm fires and nothing is written for an hour (tests/support/idle-hour.ts keeps a packed build's
// chrome.alarms semantics on the harness clock). A scheduled meeting needs no background alarm at all: the
// toolbar's own timer offers Start scheduled meeting in its window (src/content/meeting-dialog/meeting-coordinator.ts).
import { describe, expect, it } from 'vitest';
import { GUEST_POLL_ALARM } from '../../src/background/alarm-names.js';
import { retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import { endSession, refreshSession } from '../../src/background/session/service.js';
import { type Harness, harness, start } from '../support/background-harness.js';
import { idleHour } from '../support/idle-hour.js';
import { readJobs } from '../support/queue.js';

const NOTHING = { alarmFires: 0, storageWrites: 0, alarmsLeft: [] };

/** A session with a guest, ended, its writes landed: the rep's usual morning. */
async function sessionDone(h: Harness) {
  const session = await start(h, 'Lead', h.seeded('Lead').Id);
  h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Ida', email: 'ida@newco.example' });
  h.tick(5000);
  await refreshSession(h.ports, true);
  expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
  await runOutbox(h.ports);
  expect(await readJobs(h.ports)).toEqual([]);
}

describe('an idle hour', () => {
  it('after a session ended and its writes landed: no alarm fires, nothing is written', async () => {
    const h = harness();
    await h.connect({ leadCreation: 'email' });
    await sessionDone(h);
    expect(await idleHour(h)).toEqual(NOTHING);
  });

  it('writes that waited for Salesforce and landed on the rep’s new login leave no wake-up behind', async () => {
    const h = harness();
    await h.connect();
    const sid = h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid;
    h.setSid(undefined); // logged out: the start's write waits (and its org pauses)
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toHaveLength(1);
    expect(h.alarms.has('outbox')).toBe(true);
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    // The rep logs in again: the new sid cookie sends what waited (main.ts's cookies.onChanged).
    h.setSid(sid);
    await retryNow(h.ports, { apiHost: 'acme.my.salesforce.com' });
    expect(await readJobs(h.ports)).toEqual([]);
    expect(await idleHour(h)).toEqual(NOTHING);
  });

  it('a guest-poll alarm that outlived its session (the worker stopped before clearing it) fires once, then never', async () => {
    const h = harness();
    await h.connect();
    await sessionDone(h);
    await h.ports.setGuestPolling(true);
    expect(await idleHour(h)).toEqual({ ...NOTHING, alarmFires: 1 });
    expect(h.alarms.has(GUEST_POLL_ALARM)).toBe(false);
  });

  it('a write that waits for the rep’s Retry sets no alarm', async () => {
    const h = harness();
    await h.connect();
    h.sandbox.state.salesforce.setup.validationRules.push({
      sobject: 'Event',
      message: 'Events are read-only this week.',
    });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toMatchObject([{ attention: true }, {}]);
    expect(await idleHour(h)).toEqual(NOTHING);
  });
});
