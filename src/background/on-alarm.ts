// What each of the worker's alarms does when it fires: main.ts runs it on chrome.alarms.onAlarm, and
// the unit harness on its own clock, so a test's alarm does exactly what the browser's does.
import { BADGE_ALARM, GUEST_POLL_ALARM, OUTBOX_ALARM, SYNC_ALARM } from './alarm-names.js';
import { runOutbox } from './outbox/runner.js';
import type { BackgroundPorts } from './router.js';
import { updateBadge } from './session/badge.js';
import { refreshSession } from './session/service.js';
import { runSync } from './sync/run.js';

/** The work an alarm starts and what to call it in a warning; undefined for a name that is not ours. */
export function alarmWork(name: string, ports: BackgroundPorts): { task: Promise<unknown>; what: string } | undefined {
  if (name === OUTBOX_ALARM) return { task: runOutbox(ports), what: 'the Salesforce queue' };
  if (name === GUEST_POLL_ALARM) return { task: refreshSession(ports, true), what: 'the guest poll' };
  if (name === SYNC_ALARM) return { task: runSync(ports), what: "the sync of Glance's session records" };
  if (name === BADGE_ALARM) return { task: updateBadge(ports), what: "the badge's session time" };
  return undefined;
}
