// The shapes of what the features keep in storage, beside the one registry of stored items
// (items.ts): storage depends on no feature, and each feature names its stored shape from here.
import type { MeetingView, SessionMode } from '../../shared/protocol/index.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import type { GlanceAccount, GlanceGuest } from './glance-account.js';
import type { EventGuest } from './record-shapes.js';

/** The running session (session/state.ts reads and writes it). */
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

/** A meeting planned ahead (meeting/store.ts). */
export interface ScheduledMeeting extends Omit<MeetingView, 'record'> {
  /** storeId: the cookie store of the tab it was scheduled from; apiHost: the org it is written to. */
  record: MeetingView['record'] & { apiHost: string; storeId?: string };
  /** Its session was started and has ended: no longer upcoming, never started again. */
  held?: boolean;
}

/** A session that ended, kept a day for the rep's wrap-up (session/wrap-up.ts). */
export interface EndedSession {
  sessionId: string;
  record: ActiveSession['record'];
  startedAt: string;
  endedAt: string;
  modes: SessionMode[];
  guests: EventGuest[];
  /** The Event's Description as the end wrote it (with a meeting's details). */
  description: string;
  /** Forgotten after this time (ms since epoch). */
  keepUntil: number;
  /** The wrap-up was saved (one per session). */
  saved?: boolean;
  /** The rep skipped the wrap-up: it is offered no more. */
  skipped?: boolean;
}
