// The durable queue of Salesforce writes as it is stored (storage/items.ts reads it, src/background/outbox
// runs it). Jobs live in storage.local so they survive the service worker being stopped, the browser
// restarting, and Salesforce being down, limited or logged out.
import type { SalesforceLogState, SalesforceProblem, SessionMode } from '../../shared/protocol/index.js';
import type { LeadCreation, SalesforceUsage } from '../../shared/settings.js';
import type { LoggedRecord, RelationChoices, RelationLookup } from './record-shapes.js';

/** The Salesforce user who queued a write (18-character ids): it is sent as them or not at all. */
export interface Author {
  orgId: string;
  userId: string;
}

interface JobBase {
  id: string;
  /**
   * Who queued it. A write queued by rep A must not be sent days later as whoever is signed in then
   * (a shared profile, an admin's Login As): it waits, held, until A is back.
   */
  author?: Author;
  /** Held because another user is signed in now (not sent; no attempt counted). */
  otherUser?: boolean;
  /**
   * What the write is for, and the key of its log (sessionLogs): a Glance session's id, a scheduled
   * meeting's id, or a sync's batch. Stored as `sessionId` before outbox version 3 (storage/items.ts).
   */
  activityId: string;
  apiHost: string;
  /** The cookie store of the tab the session was started from (an incognito window's own); regular when absent. */
  storeId?: string;
  /** When the job was queued (ms since epoch): a job still failing after 7 days needs the rep. */
  createdAt: number;
  attempts: number;
  /** Not before this time (ms since epoch): the back-off after a failure. */
  notBefore: number;
  /**
   * Set in storage before each send and cleared when Salesforce answered: a send that was cut off
   * (worker stopped, connection lost, storage write failed) may have landed, so the next attempt
   * looks first instead of writing twice.
   */
  inFlight?: boolean;
  /**
   * When it was first sent (ms since epoch), unlike `createdAt` never moved by Retry: what it created
   * cannot be older, so the look-up after an interrupted send searches from there (log-start.ts).
   */
  firstSentAt?: number;
  /** Look-ups after an interrupted send that failed in a row: past a bound, the rep decides (outcome.ts). */
  lookupFailures?: number;
  /** Optional fields left out after Salesforce refused them, so the write can still land. */
  without?: string[];
  /** Why the last attempt did not land. */
  problem?: SalesforceProblem;
  /** Salesforce's own words about the last failure. */
  error?: string;
  /** Set when retrying cannot help on its own: the popup offers Retry and Discard. */
  attention?: boolean;
  /** Records that landed twice (a resent write) and are still to be deleted. */
  surplus?: Surplus[];
  /** Queued for this host before the org's My Domain was renamed (outbox/moved.ts): the rep is told. */
  movedFrom?: string;
}

/** A record that landed twice and is deleted again. */
export interface Surplus {
  sobject: 'Event' | 'FeedItem' | 'Lead' | 'Task';
  id: string;
}

export interface ChatterPost {
  /** The user's id (their own feed); the logged record's id when unknown. */
  parentId: string;
  title: string;
  body: string;
  /**
   * The org has no FeedItem.Visibility (Experience Cloud off: no external users to hide it from),
   * so the post is sent without it. Otherwise every post is for internal users only.
   */
  noVisibilityField?: boolean;
  /**
   * The record's feed refused the post (its object has no feed tracking: Campaign, out of the box),
   * so it goes to the rep's own feed, linking the record: Salesforce's words for why.
   */
  moved?: string;
}

export interface GuestToLead {
  name: string;
  email: string;
  joinedAt: string;
}

export type OutboxJob = JobBase &
  (
    | {
        kind: 'log-start';
        fields: Record<string, unknown>;
        lookup?: RelationLookup;
        chatter?: ChatterPost;
        /** The record and usage the look-up was made for, so a changed policy can make it again. */
        record?: LoggedRecord;
        usage?: SalesforceUsage;
      }
    | {
        /**
         * A Glance meeting planned ahead (src/background/meeting): a future Event and its Chatter post,
         * sent exactly like a session's start (jobs/log-start.ts). `activityId` is the meeting's id; the
         * Event is found again by its Subject, which carries that id.
         */
        kind: 'schedule-meeting';
        fields: Record<string, unknown>;
        lookup?: RelationLookup;
        chatter?: ChatterPost;
        record?: LoggedRecord;
        usage?: SalesforceUsage;
        /** The Glance address the meeting's join link opens: the policy must still allow it when sent. */
        glanceAddress: string;
      }
    | { kind: 'log-end'; fields: Record<string, unknown> }
    | {
        /**
         * The rep's wrap-up after End (jobs/wrap-up.ts): the Event's Description and Location with
         * the outcome and notes, and the next step's Task, in one composite call after the end's.
         */
        kind: 'wrap-up';
        fields: Record<string, unknown>;
        /** The next step: the Task's own fields (its WhoId/WhatId are added when sent); `done` once it landed. */
        task?: { fields: Record<string, unknown>; done?: boolean };
        /** The Event's update landed: a later attempt only creates the Task. */
        eventDone?: boolean;
        /** The session's record: with the start's look-up, the Task's relation. */
        record: LoggedRecord;
      }
    /** A meeting rescheduled or cancelled: one PATCH of the meeting's Event (`activityId` is the meeting's id). */
    | { kind: 'update-meeting'; fields: Record<string, unknown> }
    /**
     * A session started from a scheduled meeting: one PATCH of the meeting's Event with the real start,
     * instead of a new Event; the session's later writes (its end) update that Event too.
     */
    | { kind: 'meeting-start'; meetingId: string; fields: Record<string, unknown> }
    | {
        /**
         * Sessions from Glance's records (sync/run.ts), keyed by Glance's session ids: one look-up and
         * one write for them all (jobs/sync-sessions.ts); `activityId` is `glance-sync-<first id>`.
         */
        kind: 'sync-sessions';
        sessions: SyncedSession[];
        /** The company's lead level when the sync queued them (withinPolicy holds it to today's). */
        leadLevel: LeadCreation;
      }
    | {
        kind: 'guest-lead';
        guest: GuestToLead;
        /** The company lets the org's Lead assignment rules route guest Leads (set at send time). */
        orgAssigns?: boolean;
      }
  );

/** What is known about one session's Salesforce records. */
export interface SessionLog {
  apiHost?: string;
  /** Who started the session (its first job's author): its later writes are theirs too. */
  author?: Author;
  eventId?: string;
  /** WhoId/WhatId found by the start's look-up, written with the end. */
  relation?: Record<string, string>;
  /** The look-up has answered (or cannot answer): it is not asked again. */
  relationKnown?: boolean;
  /** More than one open record fitted: the rep chooses among these in the panel (none related until then). */
  choices?: RelationChoices;
  /** The candidate the rep chose (its id), written as WhatId with the end; never set by a job. */
  chosen?: string;
  /** The Chatter post landed, or Salesforce refused it for good (chatterError says why). */
  chatterDone?: boolean;
  chatterError?: string;
  /** The post went to the rep's own feed, as the record's feed refused it: Salesforce's words for why. */
  chatterMoved?: string;
  state: SalesforceLogState;
  /** Salesforce's words about why the session's writes wait (empty once logged). */
  error: string;
  /** The Event landed without these optional fields, which Salesforce refused (its words in `reason`). */
  leftOut?: { fields: string[]; reason: string };
  /** Guest email (lower-case) → the Lead created for them or the record that already had them. */
  leads: Record<string, string>;
  /** A sync job's outcome: Events filled in, Events logged for sessions started elsewhere, Leads queued, sessions without a Salesforce user. */
  sync?: { filled: number; logged: number; leads: number; noUser: number };
}

/** What the extension knows about one org: its API usage and a problem that stops all its writes. */
export interface OrgState {
  usage?: { used: number; max: number; at: number };
  /** An org-wide problem (daily limit, session, API blocked) and when to try the org again. */
  paused?: { problem: SalesforceProblem; until: number; error: string };
  /** This host redirected to the org's renamed My Domain: writes for it go there (outbox/moved.ts). */
  movedTo?: string;
}

/** One of Glance's session records as the sync keeps it in the queue (sync/synced-session.ts makes it). */
interface SyncedGuest {
  name: string;
  email: string;
  joinedAt: string;
  leftAt?: string;
}

export interface SyncedSession {
  /** Glance's session id: the key of everything the sync writes. */
  glanceId: string;
  key: string;
  startedAt: string;
  endedAt: string;
  mode: SessionMode;
  /** The Glance user who ran it (R6); '' when the record names none. */
  userEmail: string;
  userName: string;
  guests: SyncedGuest[];
}
