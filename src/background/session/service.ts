// One-click Glance sessions from a Salesforce record: start, watch for guests, switch, end. Glance
// is called on the click path; Salesforce never is (its writes go through the outbox). A guest poll
// asks Glance outside the session lock, so it never holds up End, Switch or Start.
import type { SessionMode, SessionProblem, SessionResult, SessionView, SwitchableMode } from '../../shared/messages.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { addressAllowed, type CompanyPolicy } from '../../shared/settings.js';
import { SESSION_STATUS, SESSION_TYPE, type SessionType } from '../glance/assumptions.js';
import {
  type GlanceAccount,
  GlanceClient,
  GlanceError,
  type GlanceGuest,
  type GlanceSession,
} from '../glance/client.js';
import { inBackground } from '../in-background.js';
import { Lock } from '../lock.js';
import { meetingDetails, meetingStartFields, withMeetingDetails } from '../meeting/event.js';
import type { ScheduledMeeting } from '../meeting/store.js';
import {
  endEventFields,
  eventDescription,
  eventSubject,
  relationLookup,
  type SessionFacts,
  startEventFields,
} from '../outbox/event-fields.js';
import { usableEmail, wantsLead } from '../outbox/leads.js';
import { enqueue, type OutboxPorts, runOutbox } from '../outbox/runner.js';
import { readLog, readQueue } from '../outbox/store.js';
import { resolveApiHost } from '../salesforce/api-host.js';
import { type StatusPorts, salesforceStatus } from '../salesforce/status.js';
import { type AccountPorts, settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import { type AudiencePorts, inSessionOrg, tellTabs } from './audience.js';
import { rememberSession } from './recent.js';
import { type ActiveSession, readActiveSession, toView, writeActiveSession } from './state.js';

export interface SessionPorts extends OutboxPorts, AccountPorts, StatusPorts, AudiencePorts {
  /** Polls Glance for guests on an alarm while a session runs; `slow` when the org's API budget is low. */
  setGuestPolling(on: boolean, slow?: boolean): Promise<void>;
}

const TYPE_OF_MODE: Record<SessionMode, SessionType> = {
  screenshare: SESSION_TYPE.screenShare,
  view: SESSION_TYPE.viewGuest,
  cobrowse: SESSION_TYPE.cobrowse,
};
/** Panels ask every 5 s; never ask Glance more often than this. */
export const MIN_POLL_INTERVAL_MS = 4000;
/** Above this share of the org's daily API allowance, guests are polled this much less often. */
export const BUDGET_LOW_SHARE = 0.9;
export const LOW_BUDGET_POLL_INTERVAL_MS = 30_000;

const problemOf = (error: unknown): SessionProblem => {
  if (!(error instanceof GlanceError)) throw error;
  if (error.failure === 'credentials') return 'glance-reconnect';
  if (error.failure === 'key-in-use') return 'key-in-use';
  if (error.failure === 'session-gone') return 'session-gone';
  return 'glance-unavailable';
};

/** One change to the running session at a time: a guest poll must not undo an End. */
const sessionLock = new Lock();

let jobCounter = 0;
const jobId = (ports: OutboxPorts) =>
  `${ports.now().toString(36)}-${(++jobCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function facts(session: ActiveSession, endedAt?: string): SessionFacts {
  return { ...session, modes: session.modes, endedAt };
}

/** The org the session logs to has spent more than 90 % of its daily API allowance. */
async function budgetLow(ports: SessionPorts, apiHost: string): Promise<boolean> {
  const usage = (await readQueue(ports)).orgs[apiHost]?.usage;
  return !!usage && usage.max > 0 && usage.used / usage.max > BUDGET_LOW_SHARE;
}

async function view(ports: SessionPorts, session: ActiveSession | undefined): Promise<SessionView | null> {
  if (!session) return null;
  return toView(session, await readLog(ports, session.sessionId), await budgetLow(ports, session.record.apiHost));
}

export async function currentSession(ports: SessionPorts): Promise<SessionView | null> {
  return view(ports, await readActiveSession(ports));
}

/** Tells the Salesforce tabs about the session (after any change, including its Salesforce state). */
export async function announce(ports: SessionPorts): Promise<void> {
  const session = await readActiveSession(ports);
  await tellTabs(ports, session, await view(ports, session));
}

/** The session as a tab may see it: null in a tab of another org or cookie store. */
export async function sessionForTab(
  pageUrl: string,
  storeId: string | undefined,
  ports: SessionPorts,
  refresh: boolean,
): Promise<SessionView | null> {
  const session = await readActiveSession(ports);
  // Checked before a refresh: a tab of another org does not even make us ask Glance.
  if (!session || !(await inSessionOrg(pageUrl, storeId, session, ports))) return null;
  const answer = refresh ? await refreshSession(ports) : await view(ports, session);
  return answer?.sessionId === session.sessionId ? answer : null;
}

/** Switch and End from a tab act only on the session of that tab's org and cookie store. */
export async function tabMayControl(
  pageUrl: string,
  storeId: string | undefined,
  sessionId: string,
  ports: SessionPorts,
): Promise<boolean> {
  const session = await readActiveSession(ports);
  return !!session && session.sessionId === sessionId && (await inSessionOrg(pageUrl, storeId, session, ports));
}

/** The account that runs this session: the one that started it (older stored sessions: the connected one). */
async function accountOf(ports: SessionPorts, session: ActiveSession): Promise<GlanceAccount | undefined> {
  return session.account ?? (await readGlanceAccount(ports));
}

/** The session's cookie store, for its queued writes (absent: the regular one). */
const storeOf = (session: ActiveSession) => (session.record.storeId ? { storeId: session.record.storeId } : {});

const glanceFor = (ports: SessionPorts, account: GlanceAccount) =>
  new GlanceClient(account, ports.fetch, ports.glanceTimeoutMs);

/**
 * How Glance is asked for the session's key. A scheduled meeting's key, chosen when it was scheduled,
 * is passed as a chosen key (assumptions.ts A18); a fixed-key meeting uses the rep's fixed key now.
 */
function keyRequest(
  settings: { keyBehavior: 'random' | 'fixed' | 'none'; fixedKey: string },
  meeting: ScheduledMeeting | undefined,
): { keyMode: 'random' | 'fixed' | 'none'; key: string; keyKind: 'random' | 'fixed' | 'none' } | undefined {
  if (!meeting) return { keyMode: settings.keyBehavior, key: settings.fixedKey, keyKind: settings.keyBehavior };
  if (meeting.keyKind === 'random') return { keyMode: 'fixed', key: meeting.key, keyKind: 'random' };
  // The effective settings no longer have the kind of key the meeting promised (the policy forbade it).
  if (meeting.keyKind !== settings.keyBehavior) return undefined;
  return { keyMode: meeting.keyKind, key: settings.fixedKey, keyKind: meeting.keyKind };
}

async function startSessionUnlocked(
  pageUrl: string,
  mode: SessionMode,
  ports: SessionPorts,
  storeId?: string,
  meeting?: ScheduledMeeting,
): Promise<SessionResult> {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return { ok: false, problem: 'not-a-record' };
  const account = await readGlanceAccount(ports);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  if (await readActiveSession(ports)) return { ok: false, problem: 'session-running' };
  // The policy as it is now: the rep may have connected before the admin restricted addresses.
  const { settings, policy } = await settingsView(ports);
  if (!addressAllowed(account.address, policy.glanceAddressPattern))
    return { ok: false, problem: 'glance-address-not-allowed' };

  const keys = keyRequest(settings, meeting);
  if (!keys) return { ok: false, problem: 'key-not-allowed' };

  let started: GlanceSession;
  try {
    started = await glanceFor(ports, account).start(TYPE_OF_MODE[mode], keys.keyMode, keys.key);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  // The org's API host: the table's, or the one whose session cookie belongs to the page's org.
  const apiHost = (await resolveApiHost(new URL(pageUrl).hostname, ports, storeId))?.apiHost ?? page.apiHost;
  const session: ActiveSession = {
    sessionId: started.sessionId,
    key: started.key,
    keyKind: keys.keyKind,
    joinUrl: started.joinUrl,
    glanceAddress: account.address,
    mode,
    modes: [mode],
    status: 'waiting',
    startedAt: started.startedAt || new Date(ports.now()).toISOString(),
    expiresAt: started.expiresAt,
    guests: [],
    record: { sobject: page.sobject, recordId: page.recordId, apiHost, ...(storeId ? { storeId } : {}) },
    lastPolledAt: ports.now(),
    account,
    ...(meeting ? { meeting: { meetingId: meeting.meetingId, details: meetingDetails(meeting) } } : {}),
  };
  await writeActiveSession(ports, session);
  if (meeting) {
    // The meeting's Event gets the real start; no second Event, no second Chatter post.
    await enqueue(ports, {
      id: jobId(ports),
      kind: 'meeting-start',
      sessionId: session.sessionId,
      meetingId: meeting.meetingId,
      apiHost,
      ...(storeId ? { storeId } : {}),
      fields: meetingStartFields(meeting, eventDescription(facts(session)), { ...session, keyKind: keys.keyKind }),
    });
    return afterStart(ports, session);
  }

  // The Chatter post goes to the rep's own feed when the toolbar already learned who they are, else
  // to the record's feed: asking Salesforce now would make the click wait for it.
  const me = settings.chatterOnStart ? await salesforceStatus(pageUrl, ports, { cachedOnly: true, storeId }) : null;
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'log-start',
    sessionId: session.sessionId,
    apiHost,
    ...(storeId ? { storeId } : {}),
    fields: startEventFields(facts(session), page),
    lookup: relationLookup(page, settings.usage),
    record: { sobject: page.sobject, recordId: page.recordId },
    usage: settings.usage,
    chatter: settings.chatterOnStart
      ? {
          parentId: me?.state === 'ready' && me.user.id ? me.user.id : page.recordId,
          title: eventSubject(session.sessionId),
          // Never the key or the join link: colleagues open the linked Event, which has them.
          body: `Glance session started on this ${page.sobject}. Open the Event to see how to join.`,
        }
      : undefined,
  });
  return afterStart(ports, session);
}

async function afterStart(ports: SessionPorts, session: ActiveSession): Promise<SessionResult> {
  const answer = await view(ports, session);
  inBackground(announce(ports), 'telling the tabs');
  inBackground(ports.setGuestPolling(true, answer?.salesforceBudgetLow), 'the guest poll alarm');
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true, session: answer };
}

const sameGuest = (a: GlanceGuest, b: GlanceGuest) =>
  a.name === b.name && a.email === b.email && a.joinedAt === b.joinedAt;

/** Queues a Lead for each guest the rep's policy wants one for. */
async function queueGuestLeads(ports: SessionPorts, session: ActiveSession, guests: GlanceGuest[]): Promise<void> {
  if (guests.length === 0) return;
  // settingsView answers the effective settings: the user's choice held within the policy.
  const level = (await settingsView(ports)).settings.leadCreation;
  for (const guest of guests.filter((g) => wantsLead(g, level))) {
    await enqueue(ports, {
      id: jobId(ports),
      kind: 'guest-lead',
      sessionId: session.sessionId,
      apiHost: session.record.apiHost,
      ...storeOf(session),
      guest: { name: guest.name.trim(), email: usableEmail(guest.email), joinedAt: guest.joinedAt },
    });
  }
}

/** What of a running session the company policy, as it is now, does not allow. */
function policyForbids(
  session: ActiveSession,
  account: GlanceAccount,
  policy: CompanyPolicy,
): SessionProblem | undefined {
  if (!addressAllowed(account.address, policy.glanceAddressPattern)) return 'glance-address-not-allowed';
  if ((session.keyKind === 'fixed' && !policy.allowFixedKey) || (session.keyKind === 'none' && !policy.allowNoKey))
    return 'key-not-allowed';
  return undefined;
}

/** One poll at a time per worker; a second caller shares the first one's answer. */
let pollInFlight: Promise<SessionView | null> | undefined;

/** Asks Glance how the session stands (new guests, or its end), without holding the session lock. */
export function refreshSession(ports: SessionPorts, force = false): Promise<SessionView | null> {
  pollInFlight ??= poll(ports, force).finally(() => {
    pollInFlight = undefined;
  });
  return pollInFlight;
}

async function poll(ports: SessionPorts, force: boolean): Promise<SessionView | null> {
  const session = await readActiveSession(ports);
  if (!session) return null;
  const interval = (await budgetLow(ports, session.record.apiHost))
    ? LOW_BUDGET_POLL_INTERVAL_MS
    : MIN_POLL_INTERVAL_MS;
  if (!force && ports.now() - session.lastPolledAt < interval) return view(ports, session);
  const account = await accountOf(ports, session);
  if (!account) return view(ports, session);
  const forbidden = policyForbids(session, account, (await settingsView(ports)).policy);
  if (forbidden) {
    // The admin forbade this Glance address or kind of key while the session ran: it ends now, and
    // the rep is told why.
    return sessionLock.run(async () => {
      const result = await endSessionUnlocked(session.sessionId, ports, forbidden);
      return result.ok ? null : view(ports, await readActiveSession(ports));
    });
  }
  let latest: GlanceSession | undefined;
  let failure: unknown;
  try {
    latest = await glanceFor(ports, account).status(session.sessionId);
  } catch (error) {
    failure = error;
  }
  // Apply what Glance said only to the session as it stands now: End or Switch may have run meanwhile.
  return sessionLock.run(() => applyPoll(ports, session.sessionId, latest, failure));
}

async function applyPoll(
  ports: SessionPorts,
  sessionId: string,
  latest: GlanceSession | undefined,
  failure: unknown,
): Promise<SessionView | null> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return view(ports, session);
  if (!latest) {
    if (problemOf(failure) === 'session-gone') {
      await finish(ports, session, new Date(ports.now()).toISOString());
      return null;
    }
    // The session goes on at Glance; say that the guest list may be stale, and ask again later.
    const stale = { ...session, lastPolledAt: ports.now(), glanceUnreachable: true };
    await writeActiveSession(ports, stale);
    if (!session.glanceUnreachable) await announce(ports);
    return view(ports, stale);
  }
  if (latest.status === SESSION_STATUS.ended || latest.status === SESSION_STATUS.expired) {
    await finish(ports, session, latest.endedAt || new Date(ports.now()).toISOString(), latest.guests);
    return null;
  }
  const newGuests = latest.guests.filter((g) => !session.guests.some((known) => sameGuest(known, g)));
  const updated: ActiveSession = {
    ...session,
    guests: latest.guests,
    status: latest.status === SESSION_STATUS.active || latest.guests.length > 0 ? 'active' : 'waiting',
    lastPolledAt: ports.now(),
    glanceUnreachable: false,
  };
  await writeActiveSession(ports, updated);
  const someoneLeft = latest.guests.some((g) => g.leftAt && !session.guests.some((k) => sameGuest(k, g) && k.leftAt));
  if (newGuests.length > 0) {
    await queueGuestLeads(ports, session, newGuests);
    inBackground(runOutbox(ports), 'the Salesforce queue');
  }
  // Glance answers again, someone joined or left: the panels show it.
  if (session.glanceUnreachable || someoneLeft || newGuests.length > 0) await announce(ports);
  const answer = await view(ports, updated);
  inBackground(ports.setGuestPolling(true, answer?.salesforceBudgetLow), 'the guest poll alarm');
  return answer;
}

async function switchModeUnlocked(
  sessionId: string,
  mode: SwitchableMode,
  ports: SessionPorts,
): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  const account = await accountOf(ports, session);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  // Two tabs clicking Switch at once ask for the same mode: the second changes nothing.
  if (session.mode === mode || session.mode === 'view') return { ok: true, session: await view(ports, session) };
  try {
    await glanceFor(ports, account).setType(sessionId, TYPE_OF_MODE[mode]);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const updated = { ...session, mode, modes: [...session.modes, mode] };
  await writeActiveSession(ports, updated);
  inBackground(announce(ports), 'telling the tabs');
  return { ok: true, session: await view(ports, updated) };
}

/**
 * Ends the session at Glance with the account that started it. Answers ok only when Glance confirmed
 * the end or no longer knows the session; otherwise the session goes on, and the rep is told why.
 */
async function endSessionUnlocked(
  sessionId: string,
  ports: SessionPorts,
  reason?: SessionProblem,
): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  const account = await accountOf(ports, session);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  let ended: GlanceSession | undefined;
  try {
    ended = await glanceFor(ports, account).end(sessionId);
  } catch (error) {
    const problem = problemOf(error);
    // A session Glance no longer knows is over; anything else leaves it running, as it is.
    if (problem !== 'session-gone') return { ok: false, problem };
  }
  await finish(ports, session, ended?.endedAt || new Date(ports.now()).toISOString(), ended?.guests, reason);
  return { ok: true, session: null };
}

/**
 * The session is over: Leads for guests seen only now, the Event's final update, forget the session,
 * tell the tabs.
 */
async function finish(
  ports: SessionPorts,
  session: ActiveSession,
  endedAt: string,
  lastGuests?: GlanceGuest[],
  reason?: SessionProblem,
) {
  const guests = lastGuests ?? session.guests;
  const unseen = guests.filter((g) => !session.guests.some((known) => sameGuest(known, g)));
  const final = { ...session, guests };
  await queueGuestLeads(ports, session, unseen);
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'log-end',
    sessionId: session.sessionId,
    apiHost: session.record.apiHost,
    ...storeOf(session),
    fields: withMeeting(endEventFields({ ...facts(final), endedAt }), session),
  });
  await rememberSession(ports, final, endedAt);
  await writeActiveSession(ports, undefined);
  await ports.setGuestPolling(false);
  await tellTabs(ports, undefined, null, reason);
  inBackground(runOutbox(ports), 'the Salesforce queue');
}

/** A meeting's Event keeps the meeting's details (phone, invitee, notes) below the session's description. */
function withMeeting(fields: Record<string, unknown>, session: ActiveSession): Record<string, unknown> {
  if (!session.meeting) return fields;
  return { ...fields, Description: withMeetingDetails(String(fields.Description), session.meeting.details) };
}

/**
 * Before the rep disconnects or switches Glance accounts: a running session is ended at Glance first
 * (with its own account), so nobody keeps watching a screen the extension no longer controls.
 * Answers the problem when it cannot be ended; undefined when no session runs any more.
 */
export async function endBeforeAccountChange(ports: SessionPorts): Promise<SessionProblem | undefined> {
  const session = await readActiveSession(ports);
  if (!session) return undefined;
  const result = await endSession(session.sessionId, ports);
  if (result.ok || result.problem === 'session-gone') return undefined;
  return result.problem;
}

/** Starts a session from a record page; `storeId` is the cookie store of the rep's tab (incognito's own). */
export const startSession = (
  pageUrl: string,
  mode: SessionMode,
  ports: SessionPorts,
  storeId?: string,
  meeting?: ScheduledMeeting,
) => sessionLock.run(() => startSessionUnlocked(pageUrl, mode, ports, storeId, meeting));
export const switchMode = (sessionId: string, mode: SwitchableMode, ports: SessionPorts) =>
  sessionLock.run(() => switchModeUnlocked(sessionId, mode, ports));
export const endSession = (sessionId: string, ports: SessionPorts) =>
  sessionLock.run(() => endSessionUnlocked(sessionId, ports));
