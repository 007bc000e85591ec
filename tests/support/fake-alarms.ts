// chrome.alarms as a store-installed (packed) MV3 extension has it, on the harness's clock: what the
// unit tests' worker asks for is what a rep's browser would do, not what the unpacked build in the
// browser tests does (1 s floor there). Chromium's rules (extensions/browser/api/alarms/):
// - create replaces an alarm of the same name; scheduledTime is the time asked (`when`, or now plus
//   delayInMinutes, else periodInMinutes), as chrome.alarms.get answers it, even when it cannot fire then;
// - none fires sooner than 30 s after it was set (chrome.alarms.create's reference: "`when` can be
//   set to less than 30 seconds after "now" without warning but won't actually cause the alarm to fire
//   for at least 30 seconds"; MDN alarms.create: "the alarm fires 30 seconds after it is set"), and the
//   extension's alarms fire at most once every 30 s: Chromium polls them no sooner than 30 s after its
//   last poll (alarms_api_constants.h kMV3ReleaseDelayMinimum; AlarmManager::ScheduleNextPoll), and a
//   poll fires every alarm then due;
// - a periodic one is then scheduled for the next period in line with its first time, skipping the
//   periods it missed (alarm_manager.cc, AlarmManager::OnAlarm); a one-off one is removed.
// What it leaves out: Chromium may fire later than asked ("may delay them an arbitrary amount more"),
// and alarms that do not survive a browser restart; tests that need those say so themselves.
import type { AlarmCreateInfo, AlarmInfo, AlarmsPort } from '../../src/background/alarms.js';

/** Chromium's floor for packed MV3 extensions (kMV3ReleaseDelayMinimum). */
export const PACKED_MINIMUM_MS = 30_000;
const MINUTE_MS = 60_000;

interface Stored {
  scheduledTime: number;
  periodInMinutes?: number;
  /** Its time, or 30 s after it was set if that is later (the extension's last poll may hold it longer). */
  firesAt: number;
}

/** A create as the worker asked it: when, by the harness clock, and how far ahead of then. */
export interface AlarmRequest {
  name: string;
  at: number;
  info: AlarmCreateInfo;
  /** How long after `at` it asked to fire first. */
  askedDelayMs: number;
}

export function fakeAlarms(now: () => number) {
  const alarms = new Map<string, Stored>();
  const requests: AlarmRequest[] = [];
  /** Each firing, in order: the alarm's name and the harness time it fired at. */
  const fired: { name: string; at: number }[] = [];
  /** Chromium's last poll of this extension's alarms (none yet: long ago). */
  let lastPoll = Number.NEGATIVE_INFINITY;
  const port: AlarmsPort = {
    async create(name, info) {
      const t = now();
      const scheduledTime = 'when' in info ? info.when : t + info.periodInMinutes * MINUTE_MS;
      requests.push({ name, at: t, info: structuredClone(info), askedDelayMs: scheduledTime - t });
      alarms.set(name, {
        scheduledTime,
        ...(info.periodInMinutes !== undefined ? { periodInMinutes: info.periodInMinutes } : {}),
        firesAt: Math.max(scheduledTime, t + PACKED_MINIMUM_MS),
      });
    },
    async clear(name) {
      return alarms.delete(name);
    },
    async get(name) {
      const alarm = alarms.get(name);
      if (!alarm) return undefined;
      const info: AlarmInfo = { name, scheduledTime: alarm.scheduledTime };
      if (alarm.periodInMinutes !== undefined) info.periodInMinutes = alarm.periodInMinutes;
      return info;
    },
  };
  return {
    port,
    requests,
    fired,
    has: (name: string) => alarms.has(name),
    names: () => [...alarms.keys()],
    /** Its scheduledTime, as chrome.alarms.get answers it (undefined: it is not set). */
    scheduledTime: (name: string) => alarms.get(name)?.scheduledTime,
    /** When this alarm will really fire (undefined: it is not set). */
    firesAt(name: string): number | undefined {
      const alarm = alarms.get(name);
      return alarm && Math.max(alarm.firesAt, lastPoll + PACKED_MINIMUM_MS);
    },
    /** The time of Chromium's next poll that fires an alarm, if it comes by `until`. */
    nextPollBy(until: number): number | undefined {
      const times = [...alarms.values()].map((a) => Math.max(a.firesAt, lastPoll + PACKED_MINIMUM_MS));
      const next = Math.min(...times);
      return times.length > 0 && next <= until ? next : undefined;
    },
    /** Chromium's poll now: every alarm due fires (periodic ones are scheduled again, others removed); their names. */
    poll(): string[] {
      const t = now();
      const due = [...alarms.entries()].filter(([, a]) => Math.max(a.firesAt, lastPoll + PACKED_MINIMUM_MS) <= t);
      if (due.length === 0) return [];
      lastPoll = t;
      for (const [name, alarm] of due) {
        fired.push({ name, at: t });
        if (alarm.periodInMinutes === undefined) {
          alarms.delete(name);
          continue;
        }
        const period = alarm.periodInMinutes * MINUTE_MS;
        const missed = Math.max(0, Math.floor((t - alarm.scheduledTime) / period));
        const scheduledTime = alarm.scheduledTime + period * (missed + 1);
        alarms.set(name, { ...alarm, scheduledTime, firesAt: Math.max(scheduledTime, t + PACKED_MINIMUM_MS) });
      }
      return due.map(([name]) => name);
    },
  };
}

export type FakeAlarms = ReturnType<typeof fakeAlarms>;
