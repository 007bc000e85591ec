// The end of the run: every org has a valid login; wait for the queue to empty, pressing the popup's
// Retry when everything left waits on a pause or a long back-off. Returns how long it took.
import { type StoredQueue, sleep } from './model.js';
import type { ChaosRig } from './rig.js';

export async function drainQueue(rig: ChaosRig, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await rig.logIn('acme');
  await rig.logIn('globex');
  const deadline = started + timeoutMs;
  let lastRetry = 0;
  for (;;) {
    const { jobs, orgs } = await rig.readStored();
    const waiting = jobs.filter((j) => !j.attention);
    if (waiting.length === 0 || Date.now() > deadline) break;
    const now = Date.now();
    const paused = (j: StoredQueue['jobs'][number]) => (orgs[j.apiHost]?.paused?.until ?? 0) > now;
    // A session's later write (its end) waits for its earlier one (its start): blocked, not due.
    const blocked = (j: StoredQueue['jobs'][number]) =>
      waiting.some(
        (other) => other !== j && other.activityId === j.activityId && waiting.indexOf(other) < waiting.indexOf(j),
      );
    const idle = waiting.every((j) => paused(j) || j.notBefore > now + 3_000 || blocked(j));
    if (idle && now - lastRetry > 3_000) {
      lastRetry = now;
      await rig.pressRetry(`${waiting.length} writes waiting`);
    }
    await sleep(300);
  }
  const drainMs = Date.now() - started;
  rig.say(`queue drained in ${Math.round(drainMs / 1000)} s`);
  return drainMs;
}
