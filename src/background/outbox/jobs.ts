// What each queued job sends to Salesforce. A job never writes what Salesforce already has: after a
// send that may have landed (inFlight) it looks first, and steps that landed are kept in the log.
// Costs: the start is one call (two after an interrupted send), the end one, a guest two.
import { lightningHostFor } from '../../shared/salesforce-url.js';
import {
  type CompositeSubrequest,
  type CompositeSubresponse,
  type SalesforceClient,
  soqlString,
} from '../salesforce/client.js';
import { errorFromResponse, SalesforceError } from '../salesforce/errors.js';
import { eventSubject, relationFromQuery } from './event-fields.js';
import { leadFields } from './leads.js';
import type { OutboxJob, SessionLog } from './types.js';

type Job<K extends OutboxJob['kind']> = Extract<OutboxJob, { kind: K }>;
type LogChange = (log: SessionLog) => SessionLog;

/** What one attempt achieved: changes to the log, the job as it stays queued (none: done), and why not done. */
export interface Progress {
  log: LogChange;
  /** The job with what is left to do; undefined when it is done. */
  job?: OutboxJob;
  failure?: SalesforceError;
  /**
   * The look-up after an interrupted send did not answer for now (limit, login, lock, outage): whether
   * that send landed is still unknown, so the next attempt looks again, even after a clean refusal.
   */
  stillInDoubt?: boolean;
}

/** Fields a session Event can do without, so a rep whose profile or org refuses them still gets it logged. */
export const OPTIONAL_EVENT_FIELDS = ['Type', 'Location', 'Description', 'IsReminderSet', 'ShowAs'];
export const OPTIONAL_LEAD_FIELDS = ['LeadSource', 'Description', 'FirstName'];

const ok = (answer: CompositeSubresponse | undefined) => !!answer && answer.httpStatusCode < 300;
const failureOf = (answer: CompositeSubresponse | undefined) =>
  errorFromResponse(answer?.httpStatusCode ?? 0, answer?.body);
const recordsOf = <T>(answer: CompositeSubresponse | undefined): T[] =>
  ((answer?.body as { records?: T[] } | undefined)?.records ?? []).filter((r) => typeof r === 'object' && r !== null);
const query = (soql: string, referenceId: string): CompositeSubrequest => ({
  method: 'GET',
  path: `/query?q=${encodeURIComponent(soql)}`,
  referenceId,
});

/** The session's Event landed without these fields; Salesforce's words say why. */
function leftOutOf(log: SessionLog, job: OutboxJob): SessionLog['leftOut'] {
  const fields = [...new Set([...(log.leftOut?.fields ?? []), ...(job.without ?? [])])];
  return { fields, reason: job.error || log.leftOut?.reason || '' };
}

function omit(fields: Record<string, unknown>, without: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !without.includes(name)));
}

/**
 * Salesforce refused a write for good. If leaving out optional fields can help (the ones it named, or
 * all of them for a rule that names none), answers the longer `without` list; otherwise undefined.
 */
export function fieldsToLeaveOut(
  error: SalesforceError,
  fields: Record<string, unknown>,
  optional: string[],
  without: string[] = [],
): string[] | undefined {
  if (error.problem !== 'refused') return undefined;
  const present = optional.filter((name) => name in fields && !without.includes(name));
  const named = error.fields.filter((name) => present.includes(name));
  const next = named.length > 0 ? named : error.fields.length === 0 ? present : [];
  return next.length > 0 ? [...without, ...next] : undefined;
}

export async function logStart(client: SalesforceClient, job: Job<'log-start'>, log: SessionLog): Promise<Progress> {
  const subject = eventSubject(job.sessionId);
  let eventId = log.eventId;
  let relation = log.relation;
  let relationKnown = log.relationKnown || !job.lookup;
  let chatterDone = log.chatterDone || !job.chatter;
  let chatterError = log.chatterError;
  let leftOut = log.leftOut;
  const progress = (rest: Omit<Progress, 'log'>): Progress => ({
    ...rest,
    log: (current) => ({
      ...current,
      eventId,
      relation,
      relationKnown,
      chatterDone,
      chatterError,
      leftOut,
    }),
  });

  // A send that may have landed: look before writing, and read the relation in the same call.
  if (job.inFlight) {
    const looks: CompositeSubrequest[] = [];
    if (!eventId) looks.push(query(`SELECT Id FROM Event WHERE Subject = ${soqlString(subject)} LIMIT 1`, 'event'));
    if (!chatterDone && job.chatter) {
      // Filtered by parent only (FeedItem must be filtered by Id or ParentId); the title is compared here.
      const feed = `SELECT Id, Title FROM FeedItem WHERE ParentId = ${soqlString(job.chatter.parentId)} ORDER BY CreatedDate DESC LIMIT 20`;
      looks.push(query(feed, 'chatter'));
    }
    if (!relationKnown && job.lookup) looks.push(query(job.lookup.soql, 'relation'));
    // A failed look-up, for now or for good, says nothing about the send it looks for: still in doubt.
    const lookupFailed = (failure: SalesforceError) => progress({ job, failure, stillInDoubt: true });
    let answers: Map<string, CompositeSubresponse>;
    try {
      answers = new Map((await client.composite(looks, false)).map((a) => [a.referenceId, a]));
    } catch (error) {
      if (error instanceof SalesforceError) return lookupFailed(error);
      throw error;
    }
    for (const ref of ['event', 'chatter'] as const) {
      const answer = answers.get(ref);
      if (answer && !ok(answer)) return lookupFailed(failureOf(answer));
    }
    eventId ||= recordsOf<{ Id?: string }>(answers.get('event'))[0]?.Id;
    const title = job.chatter?.title;
    if (recordsOf<{ Title?: string }>(answers.get('chatter')).some((post) => post.Title === title)) chatterDone = true;
    const relationAnswer = answers.get('relation');
    if (job.lookup && ok(relationAnswer)) {
      relation = relationFromQuery(job.lookup, recordsOf(relationAnswer));
      relationKnown = true;
    }
  }

  const writes: CompositeSubrequest[] = [];
  if (!eventId)
    writes.push({ method: 'POST', path: '/sobjects/Event', referenceId: 'event', body: omit(job.fields, job.without) });
  if (!relationKnown && job.lookup) writes.push(query(job.lookup.soql, 'relation'));
  if (!chatterDone && job.chatter) {
    const id = eventId ?? '@{event.id}';
    writes.push({
      method: 'POST',
      path: '/sobjects/FeedItem',
      referenceId: 'chatter',
      body: {
        ParentId: job.chatter.parentId,
        Type: 'LinkPost',
        LinkUrl: `https://${lightningHostFor(job.apiHost)}/lightning/r/Event/${id}/view`,
        Title: job.chatter.title,
        Body: job.chatter.body,
      },
    });
  }
  if (writes.length === 0) return progress({});

  // Not all-or-none: the Event must land even when Chatter is off or the look-up is not allowed.
  const answers = new Map((await client.composite(writes, false)).map((a) => [a.referenceId, a]));
  const event = answers.get('event');
  if (event && ok(event)) eventId = (event.body as { id?: string } | undefined)?.id;
  else if (event) {
    const failure = failureOf(event);
    const without = fieldsToLeaveOut(failure, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
    // Leaving fields out is the next attempt, at once; the log keeps Salesforce's words.
    if (without) {
      return progress({
        job: { ...job, without, inFlight: false, notBefore: 0, error: failure.salesforceMessage },
      });
    }
    return progress({ job, failure });
  }
  if (job.without?.length) leftOut = leftOutOf(log, job);

  const relationAnswer = answers.get('relation');
  let failure: SalesforceError | undefined;
  if (relationAnswer && job.lookup) {
    if (ok(relationAnswer)) {
      relation = relationFromQuery(job.lookup, recordsOf(relationAnswer));
      relationKnown = true;
    } else if (failureOf(relationAnswer).problem === 'refused') {
      relationKnown = true; // the rep may not read that object: the Event keeps its direct relation
    } else failure = failureOf(relationAnswer);
  }
  const chatter = answers.get('chatter');
  if (chatter) {
    if (ok(chatter)) chatterDone = true;
    else if (failureOf(chatter).problem === 'refused') {
      // Chatter off, or the feed refuses the post: the session is still logged; the rep sees why.
      chatterDone = true;
      chatterError = failureOf(chatter).salesforceMessage;
    } else failure ??= failureOf(chatter);
  }
  const done = relationKnown && chatterDone && !!eventId;
  if (done) return progress({});
  // A step left undone must say why, or the job would be sent again at once (an answer without an id).
  return progress({
    job: { ...job, inFlight: false },
    failure: failure ?? new SalesforceError(200, [], 'unavailable'),
  });
}

export async function logEnd(client: SalesforceClient, job: Job<'log-end'>, log: SessionLog): Promise<Progress> {
  const fields = { ...omit(job.fields, job.without), ...log.relation };
  try {
    await client.request('PATCH', `/sobjects/Event/${log.eventId}`, fields);
  } catch (error) {
    const failure = error as SalesforceError;
    const without = fieldsToLeaveOut(failure, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
    if (without) {
      return {
        log: (current) => current,
        job: { ...job, without, inFlight: false, notBefore: 0, error: failure.salesforceMessage },
      };
    }
    throw error;
  }
  return { log: (current) => (job.without?.length ? { ...current, leftOut: leftOutOf(current, job) } : current) };
}

type Matches = { matchResults?: { matchRecords?: { record?: { Id?: string } }[] }[] };
/** Salesforce documents `duplicateResult`; its REST answers spell it `duplicateResut`. Read both. */
type DuplicateError = { duplicateResult?: Matches; duplicateResut?: Matches };

/** The first record a duplicate rule matched, from DUPLICATES_DETECTED's duplicate result. */
export function duplicateMatch(error: SalesforceError): string {
  for (const item of error.errors as DuplicateError[]) {
    for (const result of (item.duplicateResult ?? item.duplicateResut)?.matchResults ?? []) {
      const id = result.matchRecords?.find((m) => typeof m.record?.Id === 'string')?.record?.Id;
      if (id) return id;
    }
  }
  return '';
}

export async function guestLead(client: SalesforceClient, job: Job<'guest-lead'>, log: SessionLog): Promise<Progress> {
  const key = job.guest.email.toLowerCase();
  if (log.leads[key] !== undefined) return { log: (current) => current };
  const known = (id: string): Progress => ({
    log: (current) => ({ ...current, leads: { ...current.leads, [key]: id } }),
  });

  // Always look first: the guest may be in Salesforce already, or an earlier send may have landed.
  const email = soqlString(job.guest.email);
  const answers = await client.composite(
    [
      query(`SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false LIMIT 1`, 'leads'),
      query(`SELECT Id FROM Contact WHERE Email = ${email} LIMIT 1`, 'contacts'),
    ],
    false,
  );
  for (const answer of answers) {
    if (!ok(answer)) throw failureOf(answer);
    const id = recordsOf<{ Id?: string }>(answer)[0]?.Id;
    if (id) return known(id);
  }
  const fields = leadFields(job.guest, job.sessionId, job.guest.joinedAt);
  try {
    const created = await client.request<{ id: string }>('POST', '/sobjects/Lead', omit(fields, job.without));
    return known(created.id);
  } catch (error) {
    const failure = error as SalesforceError;
    // The org's duplicate rule knows this person (same name and company): already known, not lost.
    if (failure.problem === 'duplicate') return known(duplicateMatch(failure));
    const without = fieldsToLeaveOut(failure, fields, OPTIONAL_LEAD_FIELDS, job.without);
    if (without) return { log: (current) => current, job: { ...job, without, inFlight: false, notBefore: 0 } };
    throw error;
  }
}
