// Idle costs nothing (issue 13, item 3). Two honest halves:
// - idle_worker_wakeups_per_hour: an hour on the background harness's clock (Node) after a rep's
//   usual session (a guest joined, the session ended, its writes landed), with chrome.alarms'
//   semantics (tests/support/idle-hour.ts): alarms fired (each would wake a stopped worker) and
//   storage writes. Two sessions, each in a harness of its own: the documented one (the Glance
//   Client started it, the rep added the guest in the panel) and one on an account with Glance's
//   assumed operations (the probe found them, the guest poll brought the guest from Glance); the
//   figure is the larger. Wake-ups from browser events (the rep's clicks, cookie changes) are not
//   the extension's own schedule and are not counted.
// - In Chromium, after the bench's real sessions ended and their writes landed: the alarms still set
//   (chrome.alarms.getAll), and service-worker starts seen over a window longer than Chrome's
//   shortest alarm period (30 s) with the worker stopped and no page of ours asking anything.
import type { BrowserContext } from '@playwright/test';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { addGuest, endSession, refreshSession, startSession } from '../../src/background/session/service.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';
import { idleHour } from '../support/idle-hour.js';

export interface IdleHourFigures {
  alarmFires: number;
  storageWrites: number;
}

/**
 * A start as the rep's click makes it: the Glance Client gets the launch (the emulated client starts
 * the session); with the assumed operations, once their probe has found them.
 */
async function startAndLaunch(h: Harness) {
  const result = await startSession(
    `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`,
    'screenshare',
    h.ports,
  );
  if (!result.ok || !result.session) throw new Error('the idle scenario could not start a session');
  h.launchClient(result.session.launchNow);
  // With the assumed operations: their probe, as the worker runs it after a connection.
  if (h.sandbox.state.glance.assumedOps) await h.probed();
  return result.session;
}

/**
 * An idle hour after one session. `guestFrom`: 'rep' adds the guest in the panel (documented Glance);
 * 'glance' turns the account's assumed operations on and lets the guest poll bring the guest.
 */
async function idleHourAfter(guestFrom: 'rep' | 'glance'): Promise<IdleHourFigures> {
  const h = harness();
  if (guestFrom === 'glance') h.assumeGlanceOps(true);
  await h.connect({ leadCreation: 'email' });
  const session = await startAndLaunch(h);
  const guest = { name: 'Ida', email: 'ida@newco.example' };
  h.tick(5000);
  if (guestFrom === 'rep') {
    const added = await addGuest(session.sessionId, guest, h.ports);
    if (!added.ok || added.session?.guests.length !== 1) throw new Error('the idle scenario could not add its guest');
    await refreshSession(h.ports, true);
  } else {
    if (!h.sandbox.state.glance.join('acme.glance.net', session.key, guest))
      throw new Error('the idle scenario found no Glance session to join');
    const polled = await refreshSession(h.ports, true);
    if (polled?.guests.length !== 1) throw new Error("the idle scenario's poll did not bring the guest from Glance");
  }
  await endSession(session.sessionId, h.ports);
  await runOutbox(h.ports);
  if (!h.records('Lead').some((lead) => lead.fields.Email === guest.email))
    throw new Error("the idle scenario's guest got no Lead");
  const { alarmFires, storageWrites } = await idleHour(h);
  return { alarmFires, storageWrites };
}

/** The idle hour after the documented session (guest added by the rep) and after one with Glance's assumed operations. */
export async function simulatedIdleHour(): Promise<{ byRep: IdleHourFigures; fromGlance: IdleHourFigures }> {
  return { byRep: await idleHourAfter('rep'), fromGlance: await idleHourAfter('glance') };
}

/** In Chromium: alarms left, and worker starts while idle over `windowMs`. */
export async function chromiumIdle(
  context: BrowserContext,
  extensionId: string,
  windowMs: number,
): Promise<{ alarms: string[]; workerStarts: number }> {
  const worker = context.serviceWorkers()[0];
  const alarms = ((await worker?.evaluate(() => chrome.alarms.getAll())) ?? []).map((a) => a.name);
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  // A stopped worker's start shows as its version going stopped → starting (the target itself stays).
  let workerStarts = 0;
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (version.runningStatus === 'starting' && status.get(version.versionId) !== 'starting') workerStarts++;
      status.set(version.versionId, version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((resolve) => setTimeout(resolve, 500));
  workerStarts = 0;
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const starts = workerStarts;
  await cdp.detach();
  await page.close();
  return { alarms, workerStarts: starts };
}
