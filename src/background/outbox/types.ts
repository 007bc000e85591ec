// The durable queue of Salesforce writes. Jobs live in storage.local so they survive the service
// worker being stopped, the browser restarting, and Salesforce being down or logged out.
import type { SalesforceLogState } from '../../shared/messages.js';
import type { RelationLookup } from '../session/event-fields.js';

interface JobBase {
  id: string;
  sessionId: string;
  apiHost: string;
  attempts: number;
  /** Not before this time (ms since epoch): the back-off after a failure. */
  notBefore: number;
  /** Sent once without a readable answer: Salesforce may have applied it, so check before resending. */
  uncertain?: boolean;
}

export interface ChatterPost {
  /** The user's id (their own feed); the logged record's id when unknown. */
  parentId: string;
  title: string;
  body: string;
}

export type OutboxJob = JobBase &
  (
    | { kind: 'log-start'; fields: Record<string, unknown>; lookup?: RelationLookup; chatter?: ChatterPost }
    | { kind: 'log-end'; fields: Record<string, unknown> }
    | { kind: 'guest-lead'; guest: { name: string; email: string; joinedAt: string } }
  );

/** What is known about one session's Salesforce records. */
export interface SessionLog {
  eventId?: string;
  /** WhoId/WhatId found by the start request's lookup, written with the end. */
  relation?: Record<string, string>;
  state: SalesforceLogState;
  error: string;
  chatterError?: string;
  /** Guest email (lower-case) → the Lead created for them, or '' when one already existed. */
  leads: Record<string, string>;
  startFailed?: boolean;
}

export const OUTBOX_KEY = 'outbox';
export const SESSION_LOGS_KEY = 'sessionLogs';
