// One-click Glance sessions from a Salesforce record: start, switch, add a guest, end, and what each
// tab may see and do. A start calls nobody: the extension chooses the key, the rep's tab launches the
// Glance Client with it (documented.ts), and Salesforce's writes go through the outbox. The poll is
// in poll.ts, what all steps share in core.ts.
import type {
  SessionMode,
  SessionProblem,
  SessionResult,
  SessionView,
  SwitchableMode,
} from '../../shared/protocol/index.js';
import { resolveApiHost } from '../../shared/salesforce/api-host.js';
import { salesforceStatus } from '../../shared/salesforce/status.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { addressAllowed } from '../../shared/settings.js';
import { joinUrl } from '../glance/assumptions.js';
import { GlanceError } from '../glance/client.js';
import { clientLaunchUrl, UNJOINED_SESSION_LIFETIME_MS } from '../glance/documented.js';
import { newSessionId, randomSessionKey } from '../glance/keys.js';
import { launchIdentityOf, signInExpired } from '../glance/single-sign-on.js';
import { inBackground } from '../in-background.js';
import { enqueue, runOutbox } from '../outbox/runner.js';
import { emptyLog } from '../outbox/store.js';
import { meetingDetails, meetingStartFields } from '../records/meeting-event.js';
import { eventDescription, eventSubject } from '../records/session-event.js';
import { settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import type { GlanceAccount } from '../storage/glance-account.js';
import type { ScheduledMeeting } from '../storage/shapes.js';
import { inSessionOrg } from './audience.js';
import { updateBadge } from './badge.js';
import { forgetCapability, learnCapabilities } from './capabilities-store.js';
import {
  accountOf,
  announce,
  budgetLow,
  endSessionUnlocked,
  facts,
  glanceFor,
  jobId,
  logStartJob,
  problemOf,
  queueGuestLeads,
  type SessionPorts,
  sessionLock,
  TYPE_OF_MODE,
  view,
} from './core.js';
import { refreshSession } from './poll.js';
import { type ActiveSession, readActiveSession, toView, writeActiveSession } from './state.js';

export {
  announce,
  type SessionPorts,
} from './core.js';
export { refreshSession } from './poll.js';

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

/**
 * The session's key, chosen here (Glance's documented launch takes it from us): the rep's Session Key
 * Behavior, or a scheduled meeting's key, chosen when it was scheduled so its invitation carries it.
 * No key: the launch carries none, and guests join at the bare address.
 */
function chooseKey(
  settings: { keyBehavior: 'random' | 'fixed' | 'none'; fixedKey: string },
  meeting: ScheduledMeeting | undefined,
): { key: string; keyKind: 'random' | 'fixed' | 'none' } | undefined {
  const kind = meeting ? meeting.keyKind : settings.keyBehavior;
  // The effective settings no longer have the kind of key the meeting promised (the policy forbade it).
  if (meeting && meeting.keyKind !== 'random' && meeting.keyKind !== settings.keyBehavior) return undefined;
  if (kind === 'random') return { key: meeting?.key || randomSessionKey(), keyKind: 'random' };
  if (kind === 'fixed') return { key: settings.fixedKey, keyKind: 'fixed' };
  return { key: '', keyKind: 'none' };
}

/** How long after a start an account not yet probed is probed (the key is on screen by then). */
const LATE_PROBE_MS = 2000;

/** Tells the tab the key before the start's own writes land (see startSession). */
type EarlyAnswer = (result: SessionResult) => void;

async function startSessionUnlocked(
  pageUrl: string,
  mode: SessionMode,
  ports: SessionPorts,
  storeId: string | undefined,
  meeting: ScheduledMeeting | undefined,
  answerEarly: EarlyAnswer,
): Promise<SessionResult> {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return { ok: false, problem: 'not-a-record' };
  // Read together: each storage read is a round trip, and the rep is waiting for the key.
  const [account, running, { settings, policy }] = await Promise.all([
    readGlanceAccount(ports),
    readActiveSession(ports),
    // The policy as it is now: the rep may have connected before the admin restricted addresses.
    settingsView(ports),
  ]);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  if (running) return { ok: false, problem: 'session-running' };
  if (!addressAllowed(account.address, policy.glanceAddressPattern))
    return { ok: false, problem: 'glance-address-not-allowed' };
  // The client would refuse an expired login key: the rep signs in again first (settings say how).
  if (signInExpired(account, ports.now())) return { ok: false, problem: 'glance-reconnect' };

  const keys = chooseKey(settings, meeting);
  if (!keys) return { ok: false, problem: 'key-not-allowed' };

  const apiHost =
    (await resolveApiHost(new URL(pageUrl).hostname, ports, storeId).catch(() => undefined))?.apiHost ?? page.apiHost;
  const startedAt = ports.now();
  const session: ActiveSession = {
    sessionId: newSessionId(),
    key: keys.key,
    keyKind: keys.keyKind,
    joinUrl: joinUrl(account.address, keys.key),
    glanceAddress: account.address,
    launchUrl: clientLaunchUrl(keys.key, launchIdentityOf(account)),
    mode,
    modes: [mode],
    status: 'waiting',
    startedAt: new Date(startedAt).toISOString(),
    expiresAt: new Date(startedAt + UNJOINED_SESSION_LIFETIME_MS).toISOString(),
    guests: [],
    record: { sobject: page.sobject, recordId: page.recordId, apiHost, ...(storeId ? { storeId } : {}) },
    lastPolledAt: startedAt,
    account,
    ...(meeting ? { meeting: { meetingId: meeting.meetingId, details: meetingDetails(meeting) } } : {}),
  };
  const budgetLookup = budgetLow(ports, apiHost);
  // Written while the Salesforce job is queued (another storage key); the tab is told the key as
  // soon as both are on their way (startSession holds the session lock until they landed).
  const saved = writeActiveSession(ports, session);
  const tellTab = async () =>
    answerEarly({
      ok: true,
      session: { ...toView(session, emptyLog(), await budgetLookup.catch(() => false)), launchNow: session.launchUrl },
    });
  if (meeting) {
    // The meeting's Event gets the real start; no second Event, no second Chatter post.
    await Promise.all([
      saved,
      tellTab(),
      enqueue(ports, {
        id: jobId(ports),
        kind: 'meeting-start',
        activityId: session.sessionId,
        meetingId: meeting.meetingId,
        apiHost,
        ...(storeId ? { storeId } : {}),
        fields: meetingStartFields(meeting, eventDescription(facts(session)), { ...session, keyKind: keys.keyKind }),
      }),
    ]);
    return afterStart(ports, session);
  }

  // The Chatter post goes to the rep's own feed when the toolbar already learned who they are, else
  // to the record's feed: asking Salesforce now would make the click wait for it.
  const me = settings.chatterOnStart ? await salesforceStatus(pageUrl, ports, { cachedOnly: true, storeId }) : null;
  await Promise.all([
    saved,
    tellTab(),
    enqueue(
      ports,
      logStartJob(
        ports,
        session,
        page,
        settings.usage,
        settings.chatterOnStart
          ? {
              parentId: me?.state === 'ready' && me.user.id ? me.user.id : page.recordId,
              title: eventSubject(session.sessionId),
              // Never the key or the join link: colleagues open the linked Event, which has them.
              body: `Glance session started on this ${page.sobject}. Open the Event to see how to join.`,
            }
          : undefined,
      ),
    ),
  ]);
  return afterStart(ports, session);
}

async function afterStart(ports: SessionPorts, session: ActiveSession): Promise<SessionResult> {
  const answer = await view(ports, session);
  const launch = session.launchUrl;
  inBackground(announce(ports), 'telling the tabs');
  // An account connected before the probe existed, or whose probe failed: learnt now, after the key
  // is on the rep's screen (a Glance request before it would race the panel's first paint). An
  // in-process timer, not an alarm (a rep's build fires none sooner than 30 s, alarms.ts): the Start
  // message keeps the worker up ~30 s, and should it stop sooner, the account's next start probes.
  if (!session.account?.capabilities)
    setTimeout(() => inBackground(learnCapabilities(ports), "Glance's optional operations"), LATE_PROBE_MS);
  inBackground(ports.setGuestPolling(true, answer?.salesforceBudgetLow), 'the guest poll alarm');
  inBackground(updateBadge(ports), "the badge's session time");
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true, session: answer && launch ? { ...answer, launchNow: launch } : answer };
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
  // Glance documents no call that switches a session: only where the probe found one (A6, A11).
  if (!account.capabilities?.setType) return { ok: false, problem: 'switch-in-glance' };
  try {
    await glanceFor(ports, account).setType(session.key, TYPE_OF_MODE[mode]);
  } catch (error) {
    if (error instanceof GlanceError && error.failure === 'absent') {
      await forgetCapability(ports, 'setType');
      return { ok: false, problem: 'switch-in-glance' };
    }
    return { ok: false, problem: problemOf(error) };
  }
  const updated = { ...session, mode, modes: [...session.modes, mode] };
  await writeActiveSession(ports, updated);
  inBackground(announce(ports), 'telling the tabs');
  return { ok: true, session: await view(ports, updated) };
}

/** A guest the rep adds by hand (name, e-mail): in the Event at the end, and a Lead by the rep's policy. */
async function addGuestUnlocked(
  sessionId: string,
  guest: { name: string; email: string },
  ports: SessionPorts,
): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  const added = {
    name: guest.name.trim(),
    email: guest.email.trim(),
    phone: '',
    joinedAt: new Date(ports.now()).toISOString(),
    leftAt: '',
    byRep: true as const,
  };
  const updated: ActiveSession = { ...session, guests: [...session.guests, added], status: 'active' };
  await writeActiveSession(ports, updated);
  await queueGuestLeads(ports, updated, [added]);
  inBackground(runOutbox(ports), 'the Salesforce queue');
  await announce(ports);
  return { ok: true, session: await view(ports, updated) };
}

export const addGuest = (sessionId: string, guest: { name: string; email: string }, ports: SessionPorts) =>
  sessionLock.run(() => addGuestUnlocked(sessionId, guest, ports));

/**
 * The rep connected a Glance account (settings/account.ts), under the session lock: a running session
 * of another account is ended at once (false when it could not be), one of the same account goes on
 * with the new credential and with what the probe found of this account until the next start probes
 * the new connection.
 */
export const adoptConnectedAccount = (ports: SessionPorts, account: GlanceAccount): Promise<boolean> =>
  sessionLock.run(async () => {
    const running = await readActiveSession(ports);
    if (!running) return true;
    if (running.glanceAddress !== account.address) {
      const result = await endSessionUnlocked(running.sessionId, ports);
      return result.ok || result.problem === 'session-gone';
    }
    const capabilities = running.account?.capabilities;
    await writeActiveSession(ports, { ...running, account: { ...account, ...(capabilities ? { capabilities } : {}) } });
    return true;
  });

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
): Promise<SessionResult> =>
  sessionLock.run(() => startSessionUnlocked(pageUrl, mode, ports, storeId, meeting, () => undefined));

/**
 * The same for the tab whose Start was clicked: answered with the key as soon as Glance gave it and
 * the session's record and its Salesforce job are on their way to storage (the writes took 3–11 ms
 * more, the rep waiting; click_to_key_ratio). The session lock is held until they landed, so no End,
 * Switch or guest poll reads the session before it is stored; the broadcast after the writes brings
 * every tab (this one too) the session as stored.
 */
export const startSessionForTab = (
  pageUrl: string,
  mode: SessionMode,
  ports: SessionPorts,
  storeId?: string,
): Promise<SessionResult> =>
  new Promise((resolve, reject) => {
    sessionLock
      .run(() => startSessionUnlocked(pageUrl, mode, ports, storeId, undefined, resolve))
      .then(resolve, reject);
  });
export const switchMode = (sessionId: string, mode: SwitchableMode, ports: SessionPorts) =>
  sessionLock.run(() => switchModeUnlocked(sessionId, mode, ports));
export const endSession = (sessionId: string, ports: SessionPorts) =>
  sessionLock.run(() => endSessionUnlocked(sessionId, ports));
