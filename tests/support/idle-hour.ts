// An hour of a rep's idle day, on the harness's clock: the background's alarms as a packed build's
// chrome.alarms keeps them (tests/support/fake-alarms.ts), fired the way main.ts handles them
// (h.advance). Counts what would wake the worker or touch storage meanwhile.
// What it cannot see: wake-ups from browser events (messages from pages, cookie changes, a browser
// start); those come from the rep's own actions, not from the extension's own schedule.
import type { Harness } from './background-harness.js';

const HOUR_MS = 3_600_000;

export interface IdleHour {
  /** Alarms that fired: each wakes a stopped worker. */
  alarmFires: number;
  /** storage.local, sync and session writes and removals. */
  storageWrites: number;
  /** Alarms still set at the end of the hour. */
  alarmsLeft: string[];
}

/** Lets the hour pass on the harness clock, firing alarms as Chrome would, and counts. */
export async function idleHour(h: Harness): Promise<IdleHour> {
  let storageWrites = 0;
  const count =
    <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      storageWrites++;
      await write(...args);
    };
  const { ports } = h;
  const saved = { ...ports, cache: { ...ports.cache } };
  ports.writeLocal = count(saved.writeLocal);
  ports.writeLocalItems = count(saved.writeLocalItems);
  ports.writeSync = count(saved.writeSync);
  ports.removeLocal = count(saved.removeLocal);
  ports.cache.set = count(saved.cache.set);
  ports.cache.remove = count(saved.cache.remove);
  const firedBefore = h.alarms.fired.length;
  try {
    await h.advance(HOUR_MS);
  } finally {
    Object.assign(ports, { ...saved, cache: saved.cache });
  }
  return { alarmFires: h.alarms.fired.length - firedBefore, storageWrites, alarmsLeft: h.alarms.names() };
}
