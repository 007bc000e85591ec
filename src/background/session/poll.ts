// The guest poll: asks Glance how the session stands (new guests, someone left, its end) outside the
// session lock, applies the answer under it, and applies the company policy as it is now.
import type { SessionProblem, SessionView } from '../../shared/protocol/index.js';
import { addressAllowed, type CompanyPolicy, readPolicy } from '../../shared/settings.js';
import { GlanceError, type GlanceSession } from '../glance/client.js';
import { isEndedStatus } from '../glance/documented.js';
import { inBackground } from '../in-background.js';
import { runOutbox } from '../outbox/runner.js';
import type { GlanceAccount } from '../storage/glance-account.js';
import { knownPolicy } from '../storage/policy.js';
import { forgetCapability } from './capabilities-store.js';
import {
  accountOf,
  announce,
  budgetLow,
  endSessionUnlocked,
  finish,
  glanceFor,
  LOW_BUDGET_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  problemOf,
  queueGuestLeads,
  type SessionPorts,
  sameGuest,
  sessionLock,
  view,
  withGuestsAddedByRep,
} from './core.js';
import { isThisSession } from './glance-answer.js';
import { noticeGuestsJoined } from './guest-notice.js';
import { type ActiveSession, readActiveSession, writeActiveSession } from './state.js';

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

/**
 * Managed storage answered a policy other than the last known one (a browser start's first read, or
 * its change event): a running session it forbids ends now, and the rep is told why. A Start made on
 * the last known policy while the read was under way is ended here too.
 */
export function enforcePolicy(ports: SessionPorts): Promise<void> {
  return sessionLock.run(async () => {
    const session = await readActiveSession(ports);
    const account = session && (await accountOf(ports, session));
    if (!session || !account) return;
    const forbidden = policyForbids(session, account, readPolicy((await knownPolicy(ports)).managed));
    if (forbidden) await endSessionUnlocked(session.sessionId, ports, forbidden);
  });
}

/** The documented rule: a session nobody joined (no guest, none added) ends about 10 minutes after it started. */
function unjoinedAndExpired(session: ActiveSession, now: number): boolean {
  return !session.joined && session.guests.length === 0 && !!session.expiresAt && Date.parse(session.expiresAt) <= now;
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
  if (!session) {
    // A poll alarm outliving its session (the worker stopped between the end and the alarm's
    // clearing) would wake the worker every 30 s all day: clear it, under the lock so a Start
    // that is arming it is not undone.
    await sessionLock.run(async () => {
      if (!(await readActiveSession(ports))) await ports.setGuestPolling(false);
    });
    return null;
  }
  const interval = (await budgetLow(ports, session.record.apiHost))
    ? LOW_BUDGET_POLL_INTERVAL_MS
    : MIN_POLL_INTERVAL_MS;
  if (!force && ports.now() - session.lastPolledAt < interval) return view(ports, session);
  const account = await accountOf(ports, session);
  if (!account) return view(ports, session);
  // The policy alone (the last known one; a change managed storage reports is enforced at once by
  // enforcePolicy): the rep's own settings play no part in what it forbids.
  const forbidden = policyForbids(session, account, readPolicy((await knownPolicy(ports)).managed));
  if (forbidden) {
    // The admin forbade this Glance address or kind of key while the session ran: it ends now, and
    // the rep is told why.
    return sessionLock.run(async () => {
      const result = await endSessionUnlocked(session.sessionId, ports, forbidden);
      return result.ok ? null : view(ports, await readActiveSession(ports));
    });
  }
  // Documented Glance tells nothing of a running session: the rule that stands on what it documents
  // is that an unjoined session ends after about 10 minutes. One with a guest (Glance's or one the rep
  // added) runs until the rep presses End.
  if (!account.capabilities?.status) {
    const unjoined = !session.joined && session.guests.length === 0 && Date.parse(session.expiresAt) <= ports.now();
    if (!unjoined) return view(ports, session);
    return sessionLock.run(async () => {
      const current = await readActiveSession(ports);
      if (current?.sessionId !== session.sessionId || current.guests.length > 0) return view(ports, current);
      await finish(ports, current, current.expiresAt);
      return null;
    });
  }
  let latest: GlanceSession | undefined;
  let failure: unknown;
  try {
    latest = await glanceFor(ports, account).status(session.key);
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
  if (!latest || !isThisSession(latest, session)) {
    if (failure instanceof GlanceError && failure.failure === 'absent') {
      // The optional status call is gone: the session goes on as documented Glance has it.
      await forgetCapability(ports, 'status');
      return view(ports, await readActiveSession(ports));
    }
    // Glance has no session with this key yet (the client has not started it, or an older one of
    // the same key), or did not answer: the session goes on, until the documented rule ends one
    // nobody joined; an unanswered ask says the guests may be stale.
    if (unjoinedAndExpired(session, ports.now())) {
      await finish(ports, session, session.expiresAt);
      return null;
    }
    const unreachable = !!failure && problemOf(failure) !== 'session-gone';
    const waited = { ...session, lastPolledAt: ports.now(), glanceUnreachable: unreachable };
    await writeActiveSession(ports, waited);
    if (!!session.glanceUnreachable !== unreachable) await announce(ports);
    return view(ports, waited);
  }
  if (isEndedStatus(latest.status)) {
    await finish(ports, session, latest.endedAt || new Date(ports.now()).toISOString(), latest.guests);
    return null;
  }
  const newGuests = latest.guests.filter((g) => !session.guests.some((known) => sameGuest(known, g)));
  const guests = withGuestsAddedByRep(session, latest.guests);
  const updated: ActiveSession = {
    ...session,
    guests,
    status: latest.status === 'A' || guests.length > 0 ? 'active' : 'waiting',
    lastPolledAt: ports.now(),
    glanceUnreachable: false,
  };
  await writeActiveSession(ports, updated);
  const someoneLeft = latest.guests.some((g) => g.leftAt && !session.guests.some((k) => sameGuest(k, g) && k.leftAt));
  if (newGuests.length > 0) {
    await noticeGuestsJoined(ports, session.sessionId, newGuests, session.guests.length);
    await queueGuestLeads(ports, session, newGuests);
    inBackground(runOutbox(ports), 'the Salesforce queue');
  }
  // Glance answers again, someone joined or left: the panels show it.
  if (session.glanceUnreachable || someoneLeft || newGuests.length > 0) await announce(ports);
  const answer = await view(ports, updated);
  inBackground(ports.setGuestPolling(true, answer?.salesforceBudgetLow), 'the guest poll alarm');
  return answer;
}
