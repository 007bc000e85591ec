// An hour of a rep's idle day, on the harness's clock: the background's alarms as chrome.alarms keeps
// them (create replaces one of the same name, clear removes it, a periodic one fires again every
// period, no alarm fires sooner than 30 s from its creation, as Chrome 120+ clamps them), fired the
// way main.ts handles them. Counts what would wake the worker or touch storage meanwhile.
// What it cannot see: wake-ups from browser events (messages from pages, cookie changes, a browser
// start); those come from the rep's own actions, not from the extension's own schedule.
import { GUEST_POLL_ALARM, OUTBOX_ALARM } from '../../src/background/alarm-names.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { refreshSession } from '../../src/background/session/service.js';
import type { Harness } from './background-harness.js';

const MIN_DELAY_MS = 30_000;
const HOUR_MS = 3_600_000;

export interface FakeAlarms {
  alarms: Map<string, { when: number; periodMs?: number }>;
}

/** Gives the harness chrome.alarms' semantics (browser-ports.ts's setGuestPolling and wakeOutboxAt). */
export function fakeAlarms(h: Harness): FakeAlarms {
  const alarms = new Map<string, { when: number; periodMs?: number }>();
  h.ports.setGuestPolling = async (on, slow = false) => {
    if (!on) {
      alarms.delete(GUEST_POLL_ALARM);
      return;
    }
    const periodMs = (slow ? 2 : 0.5) * 60_000;
    if (alarms.get(GUEST_POLL_ALARM)?.periodMs !== periodMs)
      alarms.set(GUEST_POLL_ALARM, { when: h.ports.now() + periodMs, periodMs });
  };
  h.ports.wakeOutboxAt = async (time) => {
    if (time === undefined) alarms.delete(OUTBOX_ALARM);
    else alarms.set(OUTBOX_ALARM, { when: Math.max(time, h.ports.now() + MIN_DELAY_MS) });
  };
  return { alarms };
}

export interface IdleHour {
  /** Alarms that fired: each wakes a stopped worker. */
  alarmFires: number;
  /** storage.local, sync and session writes and removals. */
  storageWrites: number;
  /** Alarms still set at the end of the hour. */
  alarmsLeft: string[];
}

/** Lets the hour pass on the harness clock, firing alarms as Chrome would, and counts. */
export async function idleHour(h: Harness, { alarms }: FakeAlarms): Promise<IdleHour> {
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
  const end = ports.now() + HOUR_MS;
  let alarmFires = 0;
  try {
    for (;;) {
      const next = [...alarms.entries()].sort((a, b) => a[1].when - b[1].when)[0];
      if (!next || next[1].when > end) break;
      const [name, alarm] = next;
      h.tick(alarm.when - ports.now());
      if (alarm.periodMs) alarms.set(name, { when: alarm.when + alarm.periodMs, periodMs: alarm.periodMs });
      else alarms.delete(name);
      alarmFires++;
      if (name === OUTBOX_ALARM) await runOutbox(ports);
      if (name === GUEST_POLL_ALARM) await refreshSession(ports, true);
    }
    h.tick(end - ports.now());
  } finally {
    Object.assign(ports, { ...saved, cache: saved.cache });
  }
  return { alarmFires, storageWrites, alarmsLeft: [...alarms.keys()] };
}
