// Sessions from Glance's records to Salesforce: ONE composite looks up everything a batch needs
// (the Glance Events in its time span, the reps by e-mail, the guests' Contacts and Leads), and ONE
// composite writes every Event (a PATCH that fills one in, or a create for a session started
// elsewhere). Every attempt looks first, so a write cut off mid-way is found (by Glance's id in the
// Description, or the unique Subject) and written again as a PATCH, never twice; a create that did
// land twice is deleted in the next write. Guests who need a Lead follow as guest-lead jobs.

import { type SalesforceClient, soqlString } from '../../../shared/salesforce/client.js';
import { usableEmail, wantsLead } from '../../records/lead.js';
import {
  type EventRow,
  elsewhereFields,
  filledFields,
  MATCH_WINDOW_MS,
  matchEvent,
  surplusOf,
} from '../../records/synced-event-fields.js';
import type { GuestToLead, SessionLog, SyncedSession } from '../../storage/outbox-shapes.js';
import { byReference, type FollowJob, failureOf, type Job, ok, type Progress, query, recordsOf } from './parts.js';

/** A batch's sessions: each write is one subrequest of the 25 a composite holds, with room for twins to delete. */
export const SYNC_BATCH = 12;
/** The most Events one look-up reads; a busier span is split into smaller batches by the sync. */
const EVENT_ROWS = 2000;

const soqlTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const list = (values: string[]) => values.map(soqlString).join(', ');

export async function syncSessions(
  client: SalesforceClient,
  job: Job<'sync-sessions'>,
  log: SessionLog,
): Promise<Progress> {
  const sessions = job.sessions;
  const users = [...new Set(sessions.map((s) => s.userEmail).filter(Boolean))];
  const guests = [...new Set(sessions.flatMap((s) => s.guests.map((g) => usableEmail(g.email).toLowerCase())))].filter(
    Boolean,
  );
  const starts = sessions.map((s) => Date.parse(s.startedAt));
  const from = soqlTime(Math.min(...starts) - MATCH_WINDOW_MS);
  const to = soqlTime(Math.max(...starts) + MATCH_WINDOW_MS);
  const looks = byReference(
    await client.composite(
      [
        query(
          `SELECT Id, Subject, OwnerId, StartDateTime, Location, Description FROM Event WHERE StartDateTime >= ${from} AND StartDateTime <= ${to} AND (Subject LIKE 'Glance session%' OR Subject LIKE '%[Glance meeting m-%') ORDER BY StartDateTime LIMIT ${EVENT_ROWS}`,
          'events',
        ),
        ...(users.length
          ? [query(`SELECT Id, Email FROM User WHERE Email IN (${list(users)}) AND IsActive = true`, 'users')]
          : []),
        ...(guests.length
          ? [
              query(`SELECT Id, Email FROM Contact WHERE Email IN (${list(guests)})`, 'contacts'),
              query(`SELECT Id, Email FROM Lead WHERE Email IN (${list(guests)}) AND IsConverted = false`, 'leads'),
            ]
          : []),
      ],
      false,
    ),
  );
  for (const answer of looks.values()) if (!ok(answer)) throw failureOf(answer);
  const events = recordsOf<EventRow>(looks.get('events'));
  const byEmail = (ref: string) =>
    new Map(
      recordsOf<{ Id: string; Email?: string | null }>(looks.get(ref))
        .filter((r) => r.Email)
        .map((r) => [String(r.Email).toLowerCase(), r.Id] as const),
    );
  // Email is not unique on User (Object Reference, "User"): an e-mail two active users share names
  // nobody for sure, and such a session is treated as one without a Salesforce user.
  const userIds = byEmail('users');
  const userRows = recordsOf<{ Email?: string | null }>(looks.get('users'));
  for (const email of userIds.keys())
    if (userRows.filter((r) => String(r.Email).toLowerCase() === email).length > 1) userIds.delete(email);
  const contacts = byEmail('contacts');
  const leads = byEmail('leads');

  const taken = new Set<string>();
  const writes: Write[] = [];
  const deletes: string[] = [];
  const noUser: SyncedSession[] = [];
  for (const session of sessions) {
    const ownerId = userIds.get(session.userEmail);
    const match = matchEvent(session, ownerId ?? '', events, taken);
    if (match?.how === 'elsewhere') {
      // Its create landed before (an answer lost): written again as created, owner and relation kept.
      taken.add(match.event.Id);
      deletes.push(...surplusOf(session, events));
      const { OwnerId: _owner, Subject: _subject, ...body } = elsewhereFields(session, ownerId ?? '');
      writes.push({ session, outcome: 'logged', method: 'PATCH', path: `/sobjects/Event/${match.event.Id}`, body });
    } else if (match) {
      taken.add(match.event.Id);
      const body = filledFields(session, match.event);
      writes.push({ session, outcome: 'filled', method: 'PATCH', path: `/sobjects/Event/${match.event.Id}`, body });
    } else if (!ownerId) {
      // No Salesforce user has the Glance user's e-mail: nobody to own the Event; the status says so.
      noUser.push(session);
    } else {
      const who = session.guests
        .map((g) => usableEmail(g.email).toLowerCase())
        .map((email) => contacts.get(email) ?? leads.get(email))
        .find(Boolean);
      writes.push({
        session,
        outcome: 'logged',
        method: 'POST',
        path: '/sobjects/Event',
        body: elsewhereFields(session, ownerId, who),
      });
    }
  }

  const failed = new Set<SyncedSession>();
  let failure: ReturnType<typeof failureOf> | undefined;
  if (writes.length > 0 || deletes.length > 0) {
    const answers = byReference(
      await client.composite(
        [
          ...writes.map((w, i) => ({ method: w.method, path: w.path, referenceId: `w${i}`, body: w.body })),
          ...deletes.map((id, i) => ({
            method: 'DELETE' as const,
            path: `/sobjects/Event/${id}`,
            referenceId: `d${i}`,
          })),
        ],
        false,
      ),
    );
    writes.forEach((w, i) => {
      const answer = answers.get(`w${i}`);
      if (ok(answer)) return;
      failed.add(w.session);
      failure ??= failureOf(answer);
    });
  }

  // Leads for the guests Salesforce does not know, by the company's lead level; one per e-mail.
  const follow: FollowJob[] = [];
  const queued = new Set<string>();
  for (const session of sessions.filter((s) => !failed.has(s) && !noUser.includes(s))) {
    for (const guest of session.guests) {
      const email = usableEmail(guest.email);
      const key = email.toLowerCase();
      if (!email || contacts.has(key) || leads.has(key) || queued.has(key) || !wantsLead(guest, job.leadLevel))
        continue;
      queued.add(key);
      const lead: GuestToLead = { name: guest.name.trim(), email, joinedAt: guest.joinedAt };
      follow.push({
        id: `${job.id}-lead-${key}`,
        kind: 'guest-lead',
        activityId: `glance-${session.glanceId}`,
        apiHost: job.apiHost,
        ...(job.storeId ? { storeId: job.storeId } : {}),
        ...(job.author ? { author: job.author } : {}),
        guest: lead,
      });
    }
  }
  const before = log.sync ?? { filled: 0, logged: 0, leads: 0, noUser: 0 };
  const done = (outcome: Write['outcome']) =>
    writes.filter((w) => w.outcome === outcome && !failed.has(w.session)).length;
  const sync = {
    filled: before.filled + done('filled'),
    logged: before.logged + done('logged'),
    leads: before.leads + follow.length,
    noUser: noUser.length,
  };
  return {
    log: (current) => ({ ...current, sync }),
    ...(failed.size > 0 ? { job: { ...job, sessions: [...failed] }, failure } : {}),
    follow,
  };
}

interface Write {
  session: SyncedSession;
  outcome: 'filled' | 'logged';
  method: 'PATCH' | 'POST';
  path: string;
  body: Record<string, unknown>;
}
