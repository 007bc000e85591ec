// What every step of a session shares: the ports, the one lock, how the session is shown and told
// to the tabs, and how it ends (the end also comes from a poll that finds it over).
import type { SessionMode, SessionProblem, SessionResult, SessionView } from '../../shared/protocol/index.js';
import type { StatusPorts } from '../../shared/salesforce/status.js';
import type { SalesforceUsage } from '../../shared/settings.js';
import { GlanceClient, GlanceError, type GlanceSession } from '../glance/client.js';
import { SESSION_TYPE, type SessionType } from '../glance/documented.js';
import { inBackground } from '../in-background.js';
import { Lock } from '../lock.js';
import { enqueue, type NewJob, type OutboxPorts, runOutbox } from '../outbox/runner.js';
import { readLog, readQueue } from '../outbox/store.js';
import { usableEmail, wantsLead } from '../records/lead.js';
import { withMeetingDetails } from '../records/meeting-event.js';
import { endEventFields, relationLookup, type SessionFacts, startEventFields } from '../records/session-event.js';
import { type AccountPorts, settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import type { GlanceAccount, GlanceGuest } from '../storage/glance-account.js';
import type { ChatterPost } from '../storage/outbox-shapes.js';
import type { LoggedRecord } from '../storage/record-shapes.js';
import { type AudiencePorts, tellTabs, tellWrapUp } from './audience.js';
import { type BadgePorts, updateBadge } from './badge.js';
import { rememberEnded } from './ended-sessions.js';
import { isThisSession } from './glance-answer.js';
import type { NoticePorts } from './guest-notice.js';
import { rememberSession } from './recent.js';
import { type ActiveSession, readActiveSession, toView, writeActiveSession } from './state.js';

/** Where the viewer window opened; undefined when the browser refused to open one. */
/** The agent viewer window of a joined session (join.ts). */
interface ViewerPorts {
  openViewer(url: string): Promise<number | undefined>;
  closeViewer(windowId: number): Promise<void>;
}

export interface SessionPorts
  extends OutboxPorts,
    AccountPorts,
    StatusPorts,
    AudiencePorts,
    BadgePorts,
    NoticePorts,
    ViewerPorts {
  /** A session started from a scheduled meeting has ended: the meeting feature marks the meeting held. */
  onMeetingHeld(meetingId: string): Promise<void>;
  /** Polls Glance for guests on an alarm while a session runs; `slow` when the org's API budget is low. */
  setGuestPolling(on: boolean, slow?: boolean): Promise<void>;
}

export const TYPE_OF_MODE: Record<SessionMode, SessionType> = {
  screenshare: SESSION_TYPE.screenShare,
  view: SESSION_TYPE.viewGuest,
  cobrowse: SESSION_TYPE.cobrowse,
};
/** Panels ask every 5 s; never ask Glance more often than this. */
export const MIN_POLL_INTERVAL_MS = 4000;
/** Above this share of the org's daily API allowance, guests are polled this much less often. */
const BUDGET_LOW_SHARE = 0.9;
export const LOW_BUDGET_POLL_INTERVAL_MS = 30_000;

export const problemOf = (error: unknown): SessionProblem => {
  if (!(error instanceof GlanceError)) throw error;
  if (error.failure === 'credentials') return 'glance-reconnect';
  if (error.failure === 'session-gone') return 'session-gone';
  return 'glance-unavailable';
};

/** One change to the running session at a time: a guest poll must not undo an End. */
export const sessionLock = new Lock();

let jobCounter = 0;
export const jobId = (ports: OutboxPorts) =>
  `${ports.now().toString(36)}-${(++jobCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * The one job that logs a session's start in Salesforce (the Event, its relations, and the optional
 * Chatter post, in one request): for a screen share the rep started and a customer's session they joined.
 */
export function logStartJob(
  ports: OutboxPorts,
  session: ActiveSession,
  record: LoggedRecord,
  usage: SalesforceUsage,
  chatter?: ChatterPost,
): NewJob {
  const { apiHost, storeId } = session.record;
  return {
    id: jobId(ports),
    kind: 'log-start',
    activityId: session.sessionId,
    apiHost,
    ...(storeId ? { storeId } : {}),
    fields: startEventFields(facts(session), record),
    lookup: relationLookup(record, usage),
    record: { sobject: record.sobject, recordId: record.recordId },
    usage,
    ...(chatter ? { chatter } : {}),
  };
}

export function facts(session: ActiveSession, endedAt?: string): SessionFacts {
  return { ...session, modes: session.modes, endedAt };
}

/** The org the session logs to has spent more than 90 % of its daily API allowance. */
export async function budgetLow(ports: SessionPorts, apiHost: string): Promise<boolean> {
  const usage = (await readQueue(ports)).orgs[apiHost]?.usage;
  return !!usage && usage.max > 0 && usage.used / usage.max > BUDGET_LOW_SHARE;
}

export async function view(ports: SessionPorts, session: ActiveSession | undefined): Promise<SessionView | null> {
  if (!session) return null;
  const [log, low] = await Promise.all([readLog(ports, session.sessionId), budgetLow(ports, session.record.apiHost)]);
  return toView(session, log, low);
}

/** Tells the Salesforce tabs about the session (after any change, including its Salesforce state). */
export async function announce(ports: SessionPorts): Promise<void> {
  const session = await readActiveSession(ports);
  await tellTabs(ports, session, await view(ports, session));
}

/** The account that runs this session: the one that started it (older stored sessions: the connected one). */
export async function accountOf(ports: SessionPorts, session: ActiveSession): Promise<GlanceAccount | undefined> {
  return session.account ?? (await readGlanceAccount(ports));
}

/** The session's cookie store, for its queued writes (absent: the regular one). */
export const storeOf = (session: Pick<ActiveSession, 'record'>) =>
  session.record.storeId ? { storeId: session.record.storeId } : {};

export const glanceFor = (ports: SessionPorts, account: GlanceAccount) =>
  new GlanceClient(account, ports.fetch, ports.glanceTimeoutMs);

export const sameGuest = (a: GlanceGuest, b: GlanceGuest) =>
  a.name === b.name && a.email === b.email && a.joinedAt === b.joinedAt;

/** Glance's guest list, with the guests the rep added by hand (Glance never lists those). */
export function withGuestsAddedByRep(session: ActiveSession, fromGlance: GlanceGuest[]): GlanceGuest[] {
  return [...session.guests.filter((g) => g.byRep), ...fromGlance];
}

/** Queues a Lead for each guest the rep's policy wants one for. */
export async function queueGuestLeads(
  ports: SessionPorts,
  session: ActiveSession,
  guests: GlanceGuest[],
): Promise<void> {
  if (guests.length === 0) return;
  // settingsView answers the effective settings: the user's choice held within the policy.
  const level = (await settingsView(ports)).settings.leadCreation;
  for (const guest of guests.filter((g) => wantsLead(g, level))) {
    await enqueue(ports, {
      id: jobId(ports),
      kind: 'guest-lead',
      activityId: session.sessionId,
      apiHost: session.record.apiHost,
      ...storeOf(session),
      guest: { name: guest.name.trim(), email: usableEmail(guest.email), joinedAt: guest.joinedAt },
    });
  }
}

/**
 * Ends the session: its real end time to Salesforce, the key out of the Event. The rep ends sharing in
 * the Glance Client (Glance documents no call that ends a session); where the probe found the optional
 * EndSession (A6) it is asked too, and its answer's guests and end time are kept, but nothing Glance
 * says or fails to say keeps the session from ending here.
 */
export async function endSessionUnlocked(
  sessionId: string,
  ports: SessionPorts,
  reason?: SessionProblem,
): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  const account = await accountOf(ports, session);
  let ended: GlanceSession | undefined;
  if (account?.capabilities?.end && session.launchUrl !== undefined) {
    try {
      const answer = await glanceFor(ports, account).end(session.key);
      // An older session of the same key (the client never started ours) says nothing of this one.
      if (isThisSession(answer, session)) ended = answer;
    } catch {
      // Ended here all the same; the rep's Glance window has its own End.
    }
  }
  await finish(ports, session, ended?.endedAt || new Date(ports.now()).toISOString(), ended?.guests, reason);
  return { ok: true, session: null };
}

/**
 * The session is over: Leads for guests seen only now, the Event's final update, forget the session,
 * tell the tabs.
 */
export async function finish(
  ports: SessionPorts,
  session: ActiveSession,
  endedAt: string,
  lastGuests?: GlanceGuest[],
  reason?: SessionProblem,
) {
  const guests = lastGuests ? withGuestsAddedByRep(session, lastGuests) : session.guests;
  const unseen = guests.filter((g) => !session.guests.some((known) => sameGuest(known, g)));
  const final = { ...session, guests };
  await queueGuestLeads(ports, session, unseen);
  const fields = withMeeting(endEventFields({ ...facts(final), endedAt }), session);
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'log-end',
    activityId: session.sessionId,
    apiHost: session.record.apiHost,
    ...storeOf(session),
    fields,
  });
  // The rep's wrap-up, saved later, extends what the end wrote (wrap-up.ts).
  await rememberEnded(ports, final, endedAt, String(fields.Description));
  await rememberSession(ports, final, endedAt);
  // A meeting is held once (the meeting feature, above this one, marks it: main.ts wires it).
  if (session.meeting) await ports.onMeetingHeld(session.meeting.meetingId);
  await writeActiveSession(ports, undefined);
  // The viewer window the extension opened for a joined session closes with it (already closed: nothing).
  if (session.joined) await ports.closeViewer(session.joined.viewerWindowId).catch(() => undefined);
  await ports.setGuestPolling(false);
  await updateBadge(ports);
  await tellTabs(ports, undefined, null, reason);
  // Every end offers the wrap-up, not only the rep's own End: Glance ending it, End in another tab,
  // the policy, the unjoined session's 10 minutes.
  await tellWrapUp(ports, final, true);
  inBackground(runOutbox(ports), 'the Salesforce queue');
}

/** A meeting's Event keeps the meeting's details (phone, invitee, notes) below the session's description. */
function withMeeting(fields: Record<string, unknown>, session: ActiveSession): Record<string, unknown> {
  if (!session.meeting) return fields;
  return { ...fields, Description: withMeetingDetails(String(fields.Description), session.meeting.details) };
}
