// The running session, kept in storage.local: the worker may be stopped at any time, and every
// Salesforce tab must show the same session.
import type { RelatedChoiceView, SessionView } from '../../shared/protocol/index.js';
import { agentStartUrl } from '../glance/documented.js';
import { launchIdentityOf } from '../glance/single-sign-on.js';
import { activeSessionItem } from '../storage/items.js';
import type { SessionLog } from '../storage/outbox-shapes.js';
import type { StoragePorts } from '../storage/ports.js';
import type { ActiveSession } from '../storage/shapes.js';

export type { ActiveSession } from '../storage/shapes.js';

export function readActiveSession(ports: StoragePorts): Promise<ActiveSession | undefined> {
  return activeSessionItem.read(ports);
}

export function writeActiveSession(ports: StoragePorts, session: ActiveSession | undefined): Promise<void> {
  return session ? activeSessionItem.write(ports, session) : activeSessionItem.remove(ports);
}

export function toView(session: ActiveSession, log: SessionLog, budgetLow = false): SessionView {
  return {
    sessionId: session.sessionId,
    key: session.key,
    joinUrl: session.joinUrl,
    glanceAddress: session.glanceAddress,
    mode: session.mode,
    status: session.status,
    startedAt: session.startedAt,
    expiresAt: session.expiresAt,
    guests: session.guests.map((g) => ({
      name: g.name,
      email: g.email,
      joinedAt: g.joinedAt,
      leftAt: g.leftAt,
      byRep: g.byRep === true,
    })),
    record: { sobject: session.record.sobject, recordId: session.record.recordId },
    salesforce: log.state,
    salesforceError: log.error,
    salesforceLeftOut: { fields: log.leftOut?.fields ?? [], reason: log.leftOut?.reason ?? '' },
    chatterError: log.chatterError ?? '',
    chatterMoved: log.chatterMoved ?? '',
    glanceUnreachable: session.glanceUnreachable === true,
    salesforceBudgetLow: budgetLow,
    launchUrl: session.launchUrl ?? '',
    joinedCustomer: !!session.joined,
    startPageUrl: agentStartUrl(startIdentity(session)),
    glanceReportsGuests: session.account?.capabilities?.status === true,
    canSwitch: session.account?.capabilities?.setType === true && session.mode !== 'view',
    related: relatedChoice(log),
  };
}

/** The open records the rep may choose from, and their choice ('' for none yet). */
function relatedChoice(log: SessionLog): RelatedChoiceView | null {
  const choices = log.choices;
  if (!choices || choices.candidates.length < 2) return null;
  const chosen = choices.candidates.some((c) => c.id === log.chosen) ? (log.chosen ?? '') : '';
  return {
    sobject: choices.sobject,
    candidates: choices.candidates.map(({ id, name, detail }) => ({ id, name, detail })),
    more: choices.more === true,
    chosen,
  };
}

/** The start page signs an SSO rep in with the login key; without SSO it is opened bare (documented.ts). */
function startIdentity(session: ActiveSession) {
  const identity = session.account ? launchIdentityOf(session.account) : undefined;
  return identity && 'loginKey' in identity ? identity : undefined;
}
