// The start of a session in Salesforce, and a scheduled meeting (same steps, a future Event): the
// Event, the relation look-up and the Chatter post, in one composite call. It never writes what Salesforce already has: after a send that may have landed
// (inFlight) it looks first, steps that landed are kept in the log, and the same call checks that
// the Event and the post exist once (a resent POST can land twice: see deleteSurplus).

import {
  type CompositeSubrequest,
  type SalesforceClient,
  soqlDateTime,
  soqlString,
} from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import { lightningHostFor } from '../../../shared/salesforce-url.js';
import { choicesFromQuery, eventSubject, relationFromQuery } from '../../records/session-event.js';
import type { ChatterPost, SessionLog, Surplus } from '../../storage/outbox-shapes.js';
import { recordFeedRefused, toOwnFeed } from './own-feed.js';
import {
  byReference,
  deleteSurplus,
  failureOf,
  fieldsToLeaveOut,
  type Job,
  leftOutOf,
  ok,
  omit,
  type Progress,
  query,
  recordsOf,
} from './parts.js';

/** Fields a session Event can do without, so a rep whose profile or org refuses them still gets it logged. */
export const OPTIONAL_EVENT_FIELDS = ['Type', 'Location', 'Description', 'IsReminderSet', 'ReminderDateTime', 'ShowAs'];

/** A job that creates an Event (and maybe its post) and must never create it twice. */
type CreatesEvent = Job<'log-start' | 'schedule-meeting'>;

/**
 * The Subject that identifies the job's Event: a session's is made of its id; a meeting's carries
 * the meeting id the extension generated (Description, a long text area, cannot be filtered in SOQL).
 */
const subjectOf = (job: CreatesEvent) =>
  job.kind === 'schedule-meeting' ? String(job.fields.Subject) : eventSubject(job.activityId);

/**
 * How far the rep's clock may be from Salesforce's: the Event's CreatedDate is Salesforce's time, the
 * first send's is the computer's. A day either way still leaves the range narrow.
 */
export const CLOCK_MARGIN_MS = 24 * 60 * 60 * 1000;

/**
 * Every Event of this session or meeting (oldest first): more than one means a write landed twice.
 * Subject is no index, and in an org with millions of activities a query filtered on it alone scans
 * them all and times out (QUERY_TIMEOUT), leaving the job in doubt. So the query leads with indexed
 * fields (Apex Developer Guide, "More Efficient SOQL Queries": OwnerId and CreatedDate are indexed
 * out of the box, and with AND one selective filter is enough): the owner is the job's author (it is
 * sent only as them, and an Event belongs to who creates it), and nothing it created is older than
 * its first send. Either is left out when unknown (a job queued before they were kept).
 */
const sessionEvents = (job: CreatesEvent) => {
  const filters = [
    ...(job.author ? [`OwnerId = ${soqlString(job.author.userId)}`] : []),
    ...(job.firstSentAt ? [`CreatedDate >= ${soqlDateTime(job.firstSentAt - CLOCK_MARGIN_MS)}`] : []),
    `Subject = ${soqlString(subjectOf(job))}`,
  ];
  return query(`SELECT Id FROM Event WHERE ${filters.join(' AND ')} ORDER BY CreatedDate ASC LIMIT 5`, 'events');
};

/** The session's posts: FeedItem must be filtered by Id or ParentId, so the title is compared here. */
const recentPosts = (chatter: ChatterPost) =>
  query(
    `SELECT Id, Title, LinkUrl FROM FeedItem WHERE ParentId = ${soqlString(chatter.parentId)} ORDER BY CreatedDate DESC LIMIT 20`,
    'posts',
  );

/** Salesforce's answer to a field the org does not have: INVALID_FIELD "No such column 'Visibility' …". */
const lacksVisibility = (refusal: SalesforceError) =>
  refusal.problem === 'refused' &&
  (refusal.fields.includes('Visibility') || /\bNo such column 'Visibility'/i.test(refusal.salesforceMessage));

interface Post {
  Id?: string;
  Title?: string;
  LinkUrl?: string;
}

/** Of the session's Events and posts found, which to keep and which landed twice. */
function sortOut(
  job: CreatesEvent,
  eventIds: string[],
  posts: Post[],
  keepEvent: string | undefined,
  keepPost?: string,
) {
  const eventId = keepEvent ?? eventIds[0];
  const ours = posts.filter((p) => p.Title === job.chatter?.title && p.Id);
  const post = keepPost ?? ours.find((p) => eventId && p.LinkUrl?.includes(eventId))?.Id ?? ours[0]?.Id;
  const surplus: Surplus[] = [
    ...eventIds.filter((id) => id !== eventId).map((id) => ({ sobject: 'Event' as const, id })),
    ...ours.filter((p) => p.Id !== post).map((p) => ({ sobject: 'FeedItem' as const, id: p.Id as string })),
  ];
  return { eventId, posted: !!post, surplus };
}

export async function logStart(client: SalesforceClient, job: CreatesEvent, log: SessionLog): Promise<Progress> {
  let eventId = log.eventId;
  let relation = log.relation;
  let relationKnown = log.relationKnown || !job.lookup;
  let choices = log.choices;
  let chatterDone = log.chatterDone || !job.chatter;
  let chatterError = log.chatterError;
  let chatterMoved = log.chatterMoved;
  let leftOut = log.leftOut;
  let surplus = job.surplus ?? [];
  const progress = (rest: Omit<Progress, 'log'>): Progress => ({
    ...rest,
    log: (current) => ({
      ...current,
      eventId,
      relation,
      relationKnown,
      // Only what this job learnt: the rep's choice (`chosen`) is the log's own and is kept as it is.
      ...(choices ? { choices } : {}),
      chatterDone,
      chatterError,
      leftOut,
      ...(chatterMoved ? { chatterMoved } : {}),
    }),
  });
  const withSurplus = (extra: Partial<CreatesEvent> = {}) => ({ ...job, surplus, ...extra }) as CreatesEvent;

  // A send that may have landed: look before writing, and read the relation in the same call.
  if (job.inFlight && (!eventId || !chatterDone || !relationKnown)) {
    const looks: CompositeSubrequest[] = [sessionEvents(job)];
    if (!chatterDone && job.chatter) looks.push(recentPosts(job.chatter));
    if (!relationKnown && job.lookup) looks.push(query(job.lookup.soql, 'relation'));
    // A failed look-up, for now or for good, says nothing about the send it looks for: still in doubt.
    const lookupFailed = (failure: SalesforceError) => progress({ job, failure, stillInDoubt: true });
    let answers: ReturnType<typeof byReference>;
    try {
      answers = byReference(await client.composite(looks, false));
    } catch (error) {
      if (error instanceof SalesforceError) return lookupFailed(error);
      throw error;
    }
    const events = answers.get('events');
    if (events && !ok(events)) return lookupFailed(failureOf(events));
    const posts = answers.get('posts');
    if (posts && !ok(posts)) {
      const refusal = failureOf(posts);
      // Feed items cannot be read for good (Chatter off: FeedItem is no object of the org): no post
      // can have landed, and none will. Anything else leaves the post in doubt.
      if (refusal.problem !== 'refused') return lookupFailed(refusal);
      chatterDone = true;
      chatterError = refusal.salesforceMessage;
    }
    const found = sortOut(
      job,
      recordsOf<{ Id?: string }>(answers.get('events')).flatMap((e) => (e.Id ? [e.Id] : [])),
      recordsOf<Post>(answers.get('posts')),
      eventId,
    );
    eventId = found.eventId;
    if (found.posted) {
      chatterDone = true;
      chatterMoved = job.chatter?.moved ?? chatterMoved;
    }
    surplus = [...surplus, ...found.surplus];
    const relationAnswer = answers.get('relation');
    if (job.lookup && ok(relationAnswer)) {
      relation = relationFromQuery(job.lookup, recordsOf(relationAnswer));
      choices = choicesFromQuery(job.lookup, recordsOf(relationAnswer));
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
        // A session belongs to the rep's colleagues only. Salesforce makes an internal user's record
        // post InternalUsers by itself, but not a post to the rep's own feed, where most posts go
        // (AllUsers: customers of an Experience Cloud site could see it): so it is always said.
        ...(job.chatter.noVisibilityField ? {} : { Visibility: 'InternalUsers' }),
      },
    });
  }
  let failure: SalesforceError | undefined;
  if (writes.length > 0) {
    // Checked in the same call, after the writes: did any of them land twice?
    writes.push(sessionEvents(job));
    if (job.chatter && writes.some((w) => w.referenceId === 'chatter')) writes.push(recentPosts(job.chatter));
    // Not all-or-none: the Event must land even when Chatter is off or the look-up is not allowed.
    const answers = byReference(await client.composite(writes, false));
    const event = answers.get('event');
    if (event && ok(event)) eventId = (event.body as { id?: string } | undefined)?.id;
    else if (event) {
      const refusal = failureOf(event);
      const without = fieldsToLeaveOut(refusal, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
      // Leaving fields out is the next attempt, at once; the log keeps Salesforce's words.
      if (without)
        return progress({
          job: withSurplus({ without, inFlight: false, notBefore: 0, error: refusal.salesforceMessage }),
        });
      return progress({ job: withSurplus(), failure: refusal });
    }
    if (job.without?.length) leftOut = leftOutOf(log, job);

    const relationAnswer = answers.get('relation');
    if (relationAnswer && job.lookup) {
      if (ok(relationAnswer)) {
        relation = relationFromQuery(job.lookup, recordsOf(relationAnswer));
        choices = choicesFromQuery(job.lookup, recordsOf(relationAnswer));
        relationKnown = true;
      } else if (failureOf(relationAnswer).problem === 'refused') {
        relationKnown = true; // the rep may not read that object: the Event keeps its direct relation
      } else failure = failureOf(relationAnswer);
    }
    let chatter = answers.get('chatter');
    if (chatter && !ok(chatter) && job.chatter && recordFeedRefused(failureOf(chatter), job.chatter)) {
      try {
        // Sent again at once, to the rep's own feed (own-feed.ts says why).
        const moved = await toOwnFeed(client, job.apiHost, job.chatter, failureOf(chatter));
        return progress({ job: withSurplus({ chatter: moved, inFlight: false, notBefore: 0 }) });
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        // Who the rep is cannot be learnt for now: the post waits for the next attempt. Refused for
        // good: the record's refusal is the one the rep reads.
        if (error.problem !== 'refused') {
          failure ??= error;
          chatter = undefined;
        }
      }
    }
    if (
      chatter &&
      !ok(chatter) &&
      job.chatter &&
      !job.chatter.noVisibilityField &&
      lacksVisibility(failureOf(chatter))
    ) {
      // Sent again at once without the field: an org without it has no external users to hide it from.
      const retry = { ...job.chatter, noVisibilityField: true };
      return progress({ job: withSurplus({ chatter: retry, inFlight: false, notBefore: 0 }) });
    }
    if (chatter) {
      if (ok(chatter)) {
        chatterDone = true;
        chatterMoved = job.chatter?.moved;
      } else if (failureOf(chatter).problem === 'refused') {
        // Chatter off, or the feed refuses the post: the session is still logged; the rep sees why.
        chatterDone = true;
        chatterError = failureOf(chatter).salesforceMessage;
      } else failure ??= failureOf(chatter);
    }
    if (ok(answers.get('events'))) {
      const found = sortOut(
        job,
        recordsOf<{ Id?: string }>(answers.get('events')).flatMap((e) => (e.Id ? [e.Id] : [])),
        ok(answers.get('posts')) ? recordsOf<Post>(answers.get('posts')) : [],
        eventId,
        ok(chatter) ? (chatter?.body as { id?: string } | undefined)?.id : undefined,
      );
      surplus = [...surplus, ...found.surplus];
    }
  }

  if (surplus.length > 0 && !failure) {
    try {
      const cleaned = await deleteSurplus(client, surplus);
      surplus = cleaned.left;
      failure = cleaned.failure;
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      failure = error; // what landed is kept in the log; the surplus is deleted next time
    }
  }
  const done = relationKnown && chatterDone && !!eventId && surplus.length === 0;
  if (done) return progress({});
  // A step left undone must say why, or the job would be sent again at once (an answer without an id).
  return progress({
    job: withSurplus({ inFlight: false }),
    failure: failure ?? new SalesforceError(200, [], 'unavailable'),
  });
}
