// Every item the extension stores, in one place: area, key, version, a validating reader and the
// migrations from older shapes. Nothing else names a storage key.

import type { GlanceProblem, SalesforceLogState, SalesforceProblem } from '../../shared/protocol/index.js';
import { apiHostFor } from '../../shared/salesforce-hosts.js';
import { to18 } from '../../shared/salesforce-id.js';
import { defineItem } from './define-item.js';
import { type GlanceAccount, readAccount } from './glance-account.js';
import type { OrgState, OutboxJob, SessionLog } from './outbox-shapes.js';
import type { ActiveSession, EndedSession, ScheduledMeeting } from './shapes.js';
import type { SyncConfig, SyncState } from './sync-shapes.js';
import { readSyncConfig, readSyncState } from './sync-shapes.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);
const number = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The rep's settings (storage.sync, follows them across browsers); shared/settings.ts reads the content. */
export const settingsItem = defineItem<unknown>({ area: 'sync', key: 'settings', version: 1, parse: (raw) => raw });

/** The connected Glance account: the credential never leaves storage.local. */
export const glanceAccountItem = defineItem<GlanceAccount | undefined>({
  area: 'local',
  key: 'glanceAccount',
  version: 1,
  parse: readAccount,
});

/**
 * A single sign-on under way (settings/single-sign-on.ts): the window Glance's sign-in page opened
 * in, and how it ended when it did. Older than SIGN_IN_ATTEMPT_MS, it is over whatever it says.
 */
export interface SignInAttempt {
  windowId: number;
  tabId: number;
  startedAt: number;
  outcome?: 'signed-in' | GlanceProblem;
}

export const signInAttemptItem = defineItem<SignInAttempt | undefined>({
  area: 'local',
  key: 'glanceSignIn',
  version: 1,
  parse: (raw) =>
    isObject(raw) && typeof raw.windowId === 'number' && typeof raw.tabId === 'number'
      ? {
          windowId: raw.windowId,
          tabId: raw.tabId,
          startedAt: number(raw.startedAt),
          ...(typeof raw.outcome === 'string' ? { outcome: raw.outcome as SignInAttempt['outcome'] } : {}),
        }
      : undefined,
});

/** The rep collapsed the Salesforce toolbar to its Glance button, and the session panel to its header and key
 * (content:toolbar-collapsed; one choice for both); default open. */
export const toolbarCollapsedItem = defineItem<boolean>({
  area: 'local',
  key: 'toolbarCollapsed',
  version: 1,
  parse: (raw) => raw === true,
});

/** The running session (one at a time). */
export const activeSessionItem = defineItem<ActiveSession | undefined>({
  area: 'local',
  key: 'activeSession',
  version: 1,
  parse: (raw) => (isObject(raw) && typeof raw.sessionId === 'string' ? (raw as unknown as ActiveSession) : undefined),
});

export interface RecentSession {
  sessionId: string;
  startedAt: string;
  endedAt: string;
  guests: number;
  record: ActiveSession['record'];
}

export const recentSessionsItem = defineItem<RecentSession[]>({
  area: 'local',
  key: 'recentSessions',
  version: 1,
  parse: (raw) =>
    Array.isArray(raw) ? raw.filter((r): r is RecentSession => isObject(r) && typeof r.sessionId === 'string') : [],
});

/**
 * Sessions that ended in the last day, for the rep's wrap-up (session/wrap-up.ts): the Event's ended
 * Description and what its Location is made of, so a wrap-up saved later rebuilds both exactly.
 */
export const endedSessionsItem = defineItem<EndedSession[]>({
  area: 'local',
  key: 'endedSessions',
  version: 1,
  parse: (raw) =>
    Array.isArray(raw)
      ? raw.filter((e): e is EndedSession => isObject(e) && typeof e.sessionId === 'string' && isObject(e.record))
      : [],
});

const JOB_KINDS = new Set([
  'log-start',
  'log-end',
  'guest-lead',
  'schedule-meeting',
  'update-meeting',
  'meeting-start',
  'sync-sessions',
  'wrap-up',
]);

function readJob(raw: unknown): OutboxJob | undefined {
  if (!isObject(raw) || !JOB_KINDS.has(String(raw.kind))) return undefined;
  if (typeof raw.id !== 'string' || typeof raw.activityId !== 'string' || typeof raw.apiHost !== 'string')
    return undefined;
  if (raw.kind === 'guest-lead' && !isObject(raw.guest)) return undefined;
  if (raw.kind === 'sync-sessions' && !Array.isArray(raw.sessions)) return undefined;
  if (raw.kind !== 'guest-lead' && raw.kind !== 'sync-sessions' && !isObject(raw.fields)) return undefined;
  if (raw.kind === 'meeting-start' && typeof raw.meetingId !== 'string') return undefined;
  if (raw.kind === 'wrap-up' && !isObject(raw.record)) return undefined;
  if (raw.kind === 'schedule-meeting' && typeof raw.glanceAddress !== 'string') return undefined;
  return {
    ...(raw as unknown as OutboxJob),
    createdAt: number(raw.createdAt),
    attempts: number(raw.attempts),
    notBefore: number(raw.notBefore),
  };
}

/**
 * The queue of Salesforce writes. Version 3 (this one) names what a job is for `activityId` (a
 * session's, a meeting's or a sync batch's id; version 2 called it `sessionId`, also for a meeting).
 * Version 2 marks a send in flight and keeps when a job was queued; version 1 had `uncertain` (set
 * only after an unreadable answer) and no time.
 */
export const outboxItem = defineItem<OutboxJob[]>({
  area: 'local',
  key: 'outbox',
  version: 3,
  migrations: {
    2: (old) =>
      Array.isArray(old)
        ? old.map((job) => {
            if (!isObject(job)) return job;
            const { uncertain, ...rest } = job;
            // v1 ids begin with the time they were made, in base 36.
            const made = Number.parseInt(text(job.id).split('-')[0] ?? '', 36);
            return {
              ...rest,
              createdAt: Number.isFinite(made) ? made : Date.now(),
              ...(uncertain === true ? { inFlight: true } : {}),
            };
          })
        : [],
    3: (old) =>
      Array.isArray(old)
        ? old.map((job) => {
            if (!isObject(job) || !('sessionId' in job)) return job;
            const { sessionId, ...rest } = job;
            return { ...rest, activityId: sessionId };
          })
        : [],
  },
  parse: (raw) => (Array.isArray(raw) ? raw.map(readJob).filter((j): j is OutboxJob => !!j) : []),
});

const LOG_STATES = new Set<SalesforceLogState>([
  'pending',
  'logged',
  'unavailable',
  'daily-limit',
  'session-expired',
  'api-blocked',
  'session-not-for-api',
  'needs-attention',
  'unconfirmed',
  'other-user',
  'discarded',
]);

function readLog(raw: unknown): SessionLog | undefined {
  if (!isObject(raw)) return undefined;
  const state = LOG_STATES.has(raw.state as SalesforceLogState) ? (raw.state as SalesforceLogState) : 'pending';
  const eventId = typeof raw.eventId === 'string' ? to18(raw.eventId) : undefined;
  return {
    ...(raw as unknown as SessionLog),
    eventId,
    state,
    error: text(raw.error),
    leads: isObject(raw.leads) ? (raw.leads as Record<string, string>) : {},
  };
}

/** Per session: what Salesforce has of it. Version 2 names its states in the problem vocabulary. */
export const sessionLogsItem = defineItem<Record<string, SessionLog>>({
  area: 'local',
  key: 'sessionLogs',
  version: 2,
  migrations: {
    2: (old) => {
      if (!isObject(old)) return {};
      const renamed: Record<string, SalesforceLogState> = {
        'login-needed': 'session-expired',
        failed: 'needs-attention',
      };
      return Object.fromEntries(
        Object.entries(old).map(([id, log]) => {
          if (!isObject(log)) return [id, log];
          const { startFailed: _gone, ...rest } = log;
          return [
            id,
            {
              ...rest,
              state: renamed[text(log.state)] ?? log.state,
              // v1 wrote the relation only from a look-up that had answered.
              relationKnown: isObject(log.relation) || undefined,
              chatterDone: typeof log.eventId === 'string' || undefined,
            },
          ];
        }),
      );
    },
  },
  parse: (raw) =>
    isObject(raw)
      ? Object.fromEntries(
          Object.entries(raw)
            .map(([id, log]) => [id, readLog(log)] as const)
            .filter((e): e is [string, SessionLog] => !!e[1]),
        )
      : {},
});

const PROBLEMS = new Set<SalesforceProblem>([
  'unavailable',
  'daily-limit',
  'session-expired',
  'api-blocked',
  'session-not-for-api',
  'duplicate',
  'refused',
  'my-domain-moved',
  'unconfirmed',
]);

/** Per org (API host): its API usage as Salesforce last told it, and a problem that pauses its writes. */
export const orgStatesItem = defineItem<Record<string, OrgState>>({
  area: 'local',
  key: 'orgStates',
  version: 1,
  parse: (raw) => {
    if (!isObject(raw)) return {};
    const orgs: Record<string, OrgState> = {};
    for (const [host, state] of Object.entries(raw)) {
      if (!isObject(state)) continue;
      const usage = isObject(state.usage) ? state.usage : undefined;
      const paused = isObject(state.paused) ? state.paused : undefined;
      // Only a My Domain host of the table is a place writes may be sent to.
      const movedTo = text(state.movedTo);
      orgs[host] = {
        usage: usage ? { used: number(usage.used), max: number(usage.max), at: number(usage.at) } : undefined,
        paused:
          paused && PROBLEMS.has(paused.problem as SalesforceProblem)
            ? { problem: paused.problem as SalesforceProblem, until: number(paused.until), error: text(paused.error) }
            : undefined,
        ...(movedTo && apiHostFor(movedTo) === movedTo ? { movedTo } : {}),
      };
    }
    return orgs;
  },
});

/** The rep's scheduled Glance meetings (issue 11): what Start scheduled meeting, Reschedule and Cancel act on. */
export const scheduledMeetingsItem = defineItem<ScheduledMeeting[]>({
  area: 'local',
  key: 'scheduledMeetings',
  version: 1,
  parse: (raw) =>
    Array.isArray(raw)
      ? raw.filter(
          (m): m is ScheduledMeeting =>
            isObject(m) &&
            typeof m.meetingId === 'string' &&
            typeof m.startsAt === 'string' &&
            typeof m.endsAt === 'string' &&
            isObject(m.record) &&
            typeof m.record.apiHost === 'string',
        )
      : [],
});

/**
 * The company policy as managed storage last answered it (its raw keys), so nothing waits for the
 * browser's first managed read after a start (seconds while Chromium's policy loader settles). In
 * storage.local, not storage.session: session storage is emptied when the browser quits, and the
 * first minutes after a browser start are exactly when the managed read is slow. Acted on only until
 * the managed read answers (settings/policy.ts); never written by anything but that read.
 */
export const lastPolicyItem = defineItem<Record<string, unknown> | undefined>({
  area: 'local',
  key: 'lastPolicy',
  version: 1,
  parse: (raw) => (isObject(raw) && !Array.isArray(raw) ? raw : undefined),
});

/**
 * The sync of Glance's session records (sync/settings.ts): the reporting credentials of the ONE
 * administrator whose browser syncs. storage.local only (never sync, never the managed policy, which
 * every rep's machine can read), kept only where storage is locked to the extension, like the Glance
 * credential; sent only to Glance's records service. Read by storage/sync-shapes.ts.
 */
export const syncConfigItem = defineItem<SyncConfig | undefined>({
  area: 'local',
  key: 'glanceRecordsSync',
  version: 1,
  parse: readSyncConfig,
});

/** Where the sync is (sync/run.ts): the window and page it works through, and what the last run did. */
export const syncStateItem = defineItem<SyncState>({
  area: 'local',
  key: 'glanceRecordsSyncState',
  version: 1,
  parse: readSyncState,
});
