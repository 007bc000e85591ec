// What the worker asks of chrome.alarms, over a port as thin as chrome.alarms itself, so the unit
// harness runs this very code against a fake with Chromium's rules (tests/support/fake-alarms.ts).
//
// The store build's floor: a packed MV3 extension's alarm never fires sooner than 30 s after it is
// set (Chrome 120+; 1 minute before). chrome.alarms.create's reference: "`when` can be set to less
// than 30 seconds after "now" without warning but won't actually cause the alarm to fire for at least
// 30 seconds", and "In Chrome, unless the extension is loaded unpackaged, alarms do
// not fire more than once every 30 seconds. If an extension sets delayInMinutes to a value < 0.5, or
// when to [less than 30 s ahead], the alarm fires 30 seconds after it is set" (MDN alarms.create;
// developer.chrome.com/docs/extensions/reference/api/alarms: "Starting in Chrome 120, the minimum
// alarm interval has been reduced from 1 minute to 30 seconds"). Chromium's
// extensions/browser/api/alarms/alarms_api_constants.h: kMV3ReleaseDelayMinimum = 30 s ("aligned with
// the idle timeout of service workers"), kDevDelayMinimum = 1 s for unpacked extensions. So what the
// tests load (unpacked) would honour a 5 s alarm that no rep's browser honours: every alarm here is
// asked at least 30 s ahead, and a schedule that needs less must not be built on alarms.
import { BADGE_ALARM, GUEST_POLL_ALARM, OUTBOX_ALARM, SYNC_ALARM } from './alarm-names.js';

/** chrome.alarms' create info, as far as the worker uses it: a first time, a period, or both. */
export type AlarmCreateInfo = { when: number; periodInMinutes?: number } | { periodInMinutes: number };

/** chrome.alarms.Alarm, as far as the worker reads it. */
export interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** chrome.alarms, as far as the worker uses it. */
export interface AlarmsPort {
  create(name: string, info: AlarmCreateInfo): Promise<void>;
  clear(name: string): Promise<unknown>;
  get(name: string): Promise<AlarmInfo | undefined>;
}

/** The soonest a store-installed (packed) MV3 extension's alarm fires after it is set. */
export const MIN_ALARM_DELAY_MS = 30_000;

/** Guests are polled every 30 s (the floor itself), or every 2 min while the org's API budget is low. */
const GUEST_POLL_MINUTES = { normal: 0.5, slow: 2 } as const;

/** The earliest `when` the store build honours: `at`, or 30 s from now if that is sooner. */
const honouredTime = (at: number, now: number) => Math.max(at, now + MIN_ALARM_DELAY_MS);

/** The worker's wake-ups, built on `alarms` with `now` as its clock. */
export function alarmSchedule(alarms: AlarmsPort, now: () => number) {
  return {
    /** Polls the session's guests on a period while `on` (kept when the period is unchanged, so polls stay evenly spaced). */
    async setGuestPolling(on: boolean, slow = false): Promise<void> {
      if (!on) {
        await alarms.clear(GUEST_POLL_ALARM);
        return;
      }
      const periodInMinutes = slow ? GUEST_POLL_MINUTES.slow : GUEST_POLL_MINUTES.normal;
      const existing = await alarms.get(GUEST_POLL_ALARM);
      if (existing?.periodInMinutes !== periodInMinutes) await alarms.create(GUEST_POLL_ALARM, { periodInMinutes });
    },
    /** The queue's wake-up; never sooner than the store build fires it, so the time asked is the time it runs. */
    async wakeOutboxAt(time: number | undefined): Promise<void> {
      if (time === undefined) await alarms.clear(OUTBOX_ALARM);
      else await alarms.create(OUTBOX_ALARM, { when: honouredTime(time, now()) });
    },
    /**
     * The records sync every `periodInMinutes` (an hour at least, far above the 30 s floor); the first
     * one a period from now. Kept when the period is unchanged, so a worker start does not push it back.
     */
    async setSyncAlarm(periodInMinutes: number | undefined): Promise<void> {
      if (periodInMinutes === undefined) {
        await alarms.clear(SYNC_ALARM);
        return;
      }
      const existing = await alarms.get(SYNC_ALARM);
      if (existing?.periodInMinutes !== periodInMinutes)
        await alarms.create(SYNC_ALARM, { when: now() + periodInMinutes * 60_000, periodInMinutes });
    },
    /**
     * The badge's minute alarm, at `at` (a whole minute of the session) and every minute after. Asked
     * no sooner than 30 s ahead: when the worker ran late (the device slept) and the next minute is
     * closer, that one change comes up to 30 s late, and the next alarm asks the whole minute again.
     */
    async setBadgeTimer(at: number | undefined): Promise<void> {
      if (at === undefined) await alarms.clear(BADGE_ALARM);
      else await alarms.create(BADGE_ALARM, { when: honouredTime(at, now()), periodInMinutes: 1 });
    },
  };
}
