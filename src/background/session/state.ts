// The running session, kept in storage.local: the worker may be stopped at any time, and every
// Salesforce tab must show the same session.
import type { SessionMode, SessionView } from '../../shared/messages.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import type { GlanceAccount, GlanceGuest } from '../glance/client.js';
import { agentStartUrl } from '../glance/documented.js';
import type { SessionLog } from '../outbox/types.js';
import { activeSessionItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';

export interface ActiveSession {
  sessionId: string;
  key: string;
  /** How the key was chosen (absent in sessions stored before it was kept: treated as random). */
  keyKind?: 'random' | 'fixed' | 'none';
  joinUrl: string;
  glanceAddress: string;
  /**
   * The `glance://startssn` launch that starts this session in the Glance Client (documented.ts):
   * the rep's tab opens it on their click, and again from the panel. Absent in sessions started
   * through the assumed StartSession before the extension followed Glance's documents.
   */
  launchUrl?: string;
  /** The rep joined the customer's cobrowse session (join.ts), in the agent viewer window the extension opened. */
  joined?: { viewerWindowId: number };
  mode: SessionMode;
  /** Every mode the session was in, in order (for the Event's description). */
  modes: SessionMode[];
  status: 'waiting' | 'active';
  startedAt: string;
  expiresAt: string;
  guests: GlanceGuest[];
  /** storeId: the cookie store of the tab it was started from (an incognito window's own session). */
  record: { sobject: GlanceSObject; recordId: string; apiHost: string; storeId?: string };
  lastPolledAt: number;
  /** The last poll got no usable answer from Glance. */
  glanceUnreachable?: boolean;
  /**
   * The Glance account that started the session: End and Switch use it even if the rep has since
   * disconnected or connected another account (absent in sessions stored before it was kept).
   */
  account?: GlanceAccount;
  /** Started from a scheduled meeting: its id, and the details its Event keeps below the session's. */
  meeting?: { meetingId: string; details: string };
}

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
    glanceUnreachable: session.glanceUnreachable === true,
    salesforceBudgetLow: budgetLow,
    launchUrl: session.launchUrl ?? '',
    joinedCustomer: !!session.joined,
    startPageUrl: agentStartUrl(),
    glanceReportsGuests: session.account?.capabilities?.status === true,
    canSwitch: session.account?.capabilities?.setType === true && session.mode !== 'view',
  };
}
