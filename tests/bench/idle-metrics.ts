// Idle costs nothing (issue 13, item 3). Two honest halves:
// - idle_worker_wakeups_per_hour: an hour on the background harness's clock (Node) after a rep's
//   usual session (a guest joined, the session ended, its writes landed), with chrome.alarms'
//   semantics (tests/support/idle-hour.ts): alarms fired (each would wake a stopped worker) and
//   storage writes. Wake-ups from browser events (the rep's clicks, cookie changes) are not the
//   extension's own schedule and are not counted.
// - In Chromium, after the bench's real sessions ended and their writes landed: the alarms still set
//   (chrome.alarms.getAll), and service-worker starts seen over a window longer than Chrome's
//   shortest alarm period (30 s) with the worker stopped and no page of ours asking anything.
import type { BrowserContext } from '@playwright/test';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession, refreshSession, startSession } from '../../src/background/session/service.js';
import { harness, LIGHTNING } from '../support/background-harness.js';
import { fakeAlarms, idleHour } from '../support/idle-hour.js';

export async function simulatedIdleHour(): Promise<{ alarmFires: number; storageWrites: number }> {
  const h = harness();
  const alarms = fakeAlarms(h);
  await h.connect({ leadCreation: 'email' });
  const started = await startSession(
    `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`,
    'screenshare',
    h.ports,
  );
  if (!started.ok || !started.session) throw new Error('the idle scenario could not start a session');
  h.sandbox.state.glance.join('acme.glance.net', started.session.key, { name: 'Ida', email: 'ida@newco.example' });
  h.tick(5000);
  await refreshSession(h.ports, true);
  await endSession(started.session.sessionId, h.ports);
  await runOutbox(h.ports);
  const { alarmFires, storageWrites } = await idleHour(h, alarms);
  return { alarmFires, storageWrites };
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
