// What the popup shows of the queue: which sessions' Salesforce writes wait and why, and each org's
// API usage as Salesforce last reported it.
import type { SalesforceQueueView, WaitingSessionView } from '../../shared/protocol/index.js';
import { activeSessionItem, recentSessionsItem, scheduledMeetingsItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';
import { pauseOf } from './pauses.js';
import { readQueue } from './store.js';

export async function salesforceQueueView(ports: StoragePorts & { now(): number }): Promise<SalesforceQueueView> {
  const [{ jobs, logs, orgs }, recent, active, meetings] = await Promise.all([
    readQueue(ports),
    recentSessionsItem.read(ports),
    activeSessionItem.read(ports),
    scheduledMeetingsItem.read(ports),
  ]);
  // The running session is not among the recent ones yet; a scheduled meeting's writes go by its id
  // and show its planned start.
  const sessions = [
    ...(active ? [active] : []),
    ...recent,
    ...meetings.map((m) => ({ sessionId: m.meetingId, record: m.record, startedAt: m.startsAt })),
  ];
  const now = ports.now();
  const bySession = new Map<string, WaitingSessionView>();
  for (const job of jobs) {
    const known = bySession.get(job.activityId);
    if (known) {
      known.writes += 1;
      if (job.attention) known.problem = job.problem ?? known.problem;
      if (job.error && (job.attention || !known.error)) known.error = job.error;
      continue;
    }
    const session = sessions.find((r) => r.sessionId === job.activityId);
    const paused = pauseOf(orgs, job, now);
    const orgProblem = paused?.problem;
    bySession.set(job.activityId, {
      activityId: job.activityId,
      sobject: session?.record.sobject ?? '',
      startedAt: session?.startedAt ?? '',
      apiHost: job.apiHost,
      state: logs[job.activityId]?.state ?? 'pending',
      problem: job.attention ? (job.problem ?? '') : (orgProblem ?? job.problem ?? ''),
      error: job.error ?? (orgProblem ? (paused?.error ?? '') : ''),
      writes: 1,
      ...(job.movedFrom ? { movedFrom: job.movedFrom } : {}),
    });
  }
  return {
    waiting: [...bySession.values()],
    orgs: Object.entries(orgs).map(([apiHost, org]) => ({
      apiHost,
      used: org.usage?.used ?? 0,
      max: org.usage?.max ?? 0,
      problem: org.paused && org.paused.until > now ? org.paused.problem : '',
      until: org.paused?.until ?? 0,
    })),
  };
}
