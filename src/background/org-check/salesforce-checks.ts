// Runs the extension's exact Salesforce calls (the same job code the service worker runs) against an
// org, reads back what they wrote, and says which org setting refused what. Everything it creates it
// deletes again. Run by `npm run org-check` from Node with a token, and by the options page's
// "Check this org" in that page with the browser's own session.
import type { OrgCheckId, OrgCheckResult, OrgSetting } from '../../shared/org-check.js';
import {
  type CompositeSubrequest,
  type CompositeSubresponse,
  SalesforceClient,
  type SalesforceClientPorts,
  soqlDateTime,
  soqlString,
} from '../../shared/salesforce/client.js';
import { errorFromResponse, SalesforceError } from '../../shared/salesforce/errors.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import { sampleMeeting } from '../meeting/sample.js';
import { CLOCK_MARGIN_MS, guestLead, logEnd, logStart, type Progress } from '../outbox/jobs.js';
import type { OutboxJob, SessionLog } from '../outbox/types.js';
import { cancelledEventFields, scheduledEventFields } from '../records/meeting-event.js';
import { endEventFields, relationLookup, startEventFields } from '../records/session-event.js';

export interface OrgTarget extends SalesforceClientPorts {
  apiHost: string;
}

/**
 * Which org setting refused a call, from the classification every queued write goes through
 * (salesforce/classify.ts) and Salesforce's error code. `chatter`: the call was a Chatter one.
 */
export function refusedBy(error: SalesforceError, chatter = false): OrgSetting {
  const codes = new Set(error.errors.map((e) => e.errorCode));
  switch (error.problem) {
    case 'session-not-for-api':
      return 'session-not-for-api';
    case 'api-blocked':
      return 'api-disabled';
    case 'session-expired':
      return 'session';
    case 'daily-limit':
      return 'daily-limit';
    case 'unavailable':
      return 'unavailable';
    case 'duplicate':
      return 'duplicate-rule';
    default:
      if (codes.has('INVALID_FIELD_FOR_INSERT_UPDATE') || codes.has('INVALID_FIELD')) return 'field-permissions';
      if (codes.has('FIELD_CUSTOM_VALIDATION_EXCEPTION')) return 'validation-rule';
      return chatter ? 'chatter-off' : 'other';
  }
}

/** A client that remembers every refusal it saw, including those inside composite answers. */
class WatchedClient extends SalesforceClient {
  refusals: SalesforceError[] = [];
  override async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await super.request<T>(method, path, body);
    } catch (error) {
      if (error instanceof SalesforceError) this.refusals.push(error);
      throw error;
    }
  }
  override async composite(subrequests: CompositeSubrequest[], allOrNone = true): Promise<CompositeSubresponse[]> {
    const answers = await super.composite(subrequests, allOrNone);
    for (const a of answers)
      if (a.httpStatusCode >= 300) this.refusals.push(errorFromResponse(a.httpStatusCode, a.body));
    return answers;
  }
}

/** A check that failed, with the org setting that refused it. */
class Refused extends Error {
  constructor(
    message: string,
    readonly setting: OrgSetting,
  ) {
    super(message);
  }
}

/** Whether a value read back is the one written (Salesforce answers dates as 2026-01-01T10:00:00.000+0000). */
function sameValue(sent: unknown, read: unknown): boolean {
  if (sent === null || sent === undefined) return read === null || read === undefined;
  if (typeof sent === 'string' && /^\d{4}-\d\d-\d\dT/.test(sent) && typeof read === 'string')
    return Date.parse(sent) === Date.parse(read.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return sent === read;
}

/** The fields that did not read back as written: "Field: sent …, read …". */
function differences(sent: Record<string, unknown>, read: Record<string, unknown>): string[] {
  return Object.entries(sent)
    .filter(([name, value]) => !sameValue(value, read[name]))
    .map(([name, value]) => `${name}: sent ${JSON.stringify(value)}, read ${JSON.stringify(read[name] ?? null)}`);
}

const emptyLog = (): SessionLog => ({ state: 'pending', error: '', leads: {} });

/** What every queued job carries; the checks send them at once, as the outbox would. */
const queued = (id: string, sessionId: string, apiHost: string) => ({
  id,
  sessionId,
  apiHost,
  createdAt: Date.now(),
  // Sent at once, as the queue marks a job's first send: its look-ups search from here (log-start.ts).
  firstSentAt: Date.now(),
  attempts: 0,
  notBefore: 0,
});

export async function salesforceChecks(target: OrgTarget): Promise<OrgCheckResult[]> {
  const results: OrgCheckResult[] = [];
  const client = new WatchedClient(target.apiHost, target);
  /** Runs one check: a thrown SalesforceError or Refused says which setting refused it. */
  /** Where the current check's refusals begin in client.refusals. */
  let since = 0;
  const check = async (id: OrgCheckId, run: () => Promise<string | { detail: string; refusedBy: OrgSetting }>) => {
    since = client.refusals.length;
    try {
      const outcome = await run();
      results.push(typeof outcome === 'string' ? { id, ok: true, detail: outcome } : { id, ok: true, ...outcome });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const setting =
        error instanceof Refused
          ? error.setting
          : error instanceof SalesforceError
            ? refusedBy(error, id === 'chatter-post' || id === 'who-am-i')
            : undefined;
      results.push({ id, ok: false, detail, ...(setting ? { refusedBy: setting } : {}) });
    }
    return results[results.length - 1] as OrgCheckResult;
  };
  /** The setting behind the first refusal this check saw, when leaving fields out got a write through. */
  const leftOutBy = () => {
    const refusal = client.refusals.slice(since).find((r) => r.problem === 'refused');
    return refusal ? refusedBy(refusal) : 'other';
  };
  /** Sends a job as the outbox would: again at once while it leaves optional fields out. */
  const run = async <J extends OutboxJob>(
    send: (c: SalesforceClient, job: J, log: SessionLog) => Promise<Progress>,
    job: J,
  ): Promise<J> => {
    let current = job;
    for (let attempt = 0; attempt < 4; attempt++) {
      const progress = await send(client, current, log);
      log = progress.log(log);
      if (progress.failure) throw progress.failure;
      if (!progress.job) return current;
      current = progress.job as J;
    }
    throw new Error('not done after 4 attempts');
  };

  const created: { type: string; id: string }[] = [];
  const stamp = `${Date.now()}`;
  const sessionId = `org-check-${stamp}`;
  const guestEmail = `org-check-${stamp}@example.com`;
  let log = emptyLog();
  let userId = '';
  let leadId = '';

  const me = await check('who-am-i', async () => {
    const user = await client.me();
    userId = user.id;
    return `${user.name} <${user.email ?? ''}> (${user.id})`;
  });
  // Without API access nothing else can work: say so once.
  if (!me.ok && me.refusedBy !== 'chatter-off' && me.refusedBy !== 'other') return results;

  await check('test-lead', async () => {
    const lead = await client.request<{ id: string }>('POST', '/sobjects/Lead', {
      LastName: `Org check ${stamp}`,
      Company: 'Glance for Salesforce org check',
    });
    leadId = lead.id;
    created.push({ type: 'Lead', id: lead.id });
    return lead.id;
  });

  if (leadId) {
    const facts = {
      sessionId,
      key: '1234',
      joinUrl: 'https://example.glance.net/?key=1234',
      glanceAddress: 'example.glance.net',
      modes: ['screenshare' as const],
      startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      guests: [],
    };
    const record = { sobject: 'Lead' as GlanceSObject, recordId: leadId };
    const chatterParent = userId || leadId;
    const chatterTitle = `Org check ${stamp}`;
    const start: Extract<OutboxJob, { kind: 'log-start' }> = {
      ...queued('check', sessionId, target.apiHost),
      kind: 'log-start',
      fields: startEventFields(facts, record),
      lookup: relationLookup(record, 'sales'),
      chatter: { parentId: chatterParent, title: chatterTitle, body: 'Glance for Salesforce org check.' },
    };
    const readEvent = () => client.request<Record<string, unknown>>('GET', `/sobjects/Event/${log.eventId}`);

    await check('event-start', async () => {
      const sent = await run(logStart, start);
      if (!log.eventId) throw new Error('no Event id');
      created.push({ type: 'Event', id: log.eventId });
      const wrong = differences(omitFields(start.fields, sent.without), await readEvent());
      if (wrong.length) throw new Error(`Event ${log.eventId} reads back differently: ${wrong.join('; ')}`);
      if (sent.without?.length)
        throw new Refused(
          `Event ${log.eventId} logged without ${sent.without.join(', ')}: ${log.leftOut?.reason ?? ''}`,
          leftOutBy(),
        );
      return `Event ${log.eventId}: ${Object.keys(start.fields).join(', ')} read back as written`;
    });

    await check('chatter-post', async () => {
      if (!log.eventId) throw new Error('no Event to link to');
      // Looked for even when refused, so nothing is left behind; with Chatter off FeedItem may not answer.
      let ours: { Id: string; Title?: string; LinkUrl?: string }[] = [];
      try {
        const posts = await client.query<{ Id: string; Title?: string; LinkUrl?: string }>(
          `SELECT Id, Title, LinkUrl FROM FeedItem WHERE ParentId = ${soqlString(chatterParent)} ORDER BY CreatedDate DESC LIMIT 20`,
        );
        ours = posts.filter((p) => p.Title === chatterTitle);
      } catch (error) {
        if (!log.chatterError) throw error;
      }
      for (const post of ours) created.push({ type: 'FeedItem', id: post.Id });
      if (log.chatterError) {
        const refusal = client.refusals.find((r) => r.salesforceMessage === log.chatterError);
        throw new Refused(log.chatterError, refusal ? refusedBy(refusal, true) : 'chatter-off');
      }
      const post = ours[0];
      if (!post) throw new Error('no post found with the session title');
      if (!post.LinkUrl?.includes(`/lightning/r/Event/${log.eventId}/view`))
        throw new Error(`post ${post.Id} links to ${post.LinkUrl ?? 'nothing'}, not the Event`);
      return `FeedItem ${post.Id} links to ${post.LinkUrl}`;
    });

    await check('event-end', async () => {
      if (!log.eventId) throw new Error('no Event to end');
      const end: Extract<OutboxJob, { kind: 'log-end' }> = {
        ...queued('check-end', sessionId, target.apiHost),
        kind: 'log-end',
        fields: endEventFields({ ...facts, endedAt: new Date(Date.parse(facts.startedAt) + 60_000).toISOString() }),
      };
      const sent = await run(logEnd, end);
      const wrong = differences(omitFields(end.fields, sent.without), await readEvent());
      if (wrong.length) throw new Error(`Event ${log.eventId} reads back differently: ${wrong.join('; ')}`);
      if (sent.without?.length)
        throw new Refused(`Event ended without ${sent.without.join(', ')}: ${sent.error ?? ''}`, leftOutBy());
      return `Event ${log.eventId}: ${Object.keys(end.fields).join(', ')} read back as written`;
    });

    // A meeting has its own log (its id is the job's sessionId): the session's is kept aside meanwhile.
    const meetingId = `org-check-meeting-${stamp}`;
    const meeting = sampleMeeting(meetingId, { ...record, apiHost: target.apiHost }, Date.now());
    let meetingLog = emptyLog();
    const asMeeting = async <T>(step: () => Promise<T>): Promise<T> => {
      const sessionLog = log;
      log = meetingLog;
      try {
        return await step();
      } finally {
        meetingLog = log;
        log = sessionLog;
      }
    };
    const readMeetingEvent = () =>
      client.request<Record<string, unknown>>('GET', `/sobjects/Event/${meetingLog.eventId}`);

    await check('meeting-scheduled', async () => {
      const meetingTitle = `Org check meeting ${stamp}`;
      const job: Extract<OutboxJob, { kind: 'schedule-meeting' }> = {
        ...queued('check-meeting', meetingId, target.apiHost),
        kind: 'schedule-meeting',
        fields: scheduledEventFields(meeting, { WhoId: leadId }, Date.now()),
        lookup: relationLookup(record, 'sales'),
        chatter: { parentId: chatterParent, title: meetingTitle, body: 'Glance for Salesforce org check meeting.' },
        glanceAddress: meeting.glanceAddress,
      };
      const sent = await asMeeting(() => run(logStart, job));
      if (!meetingLog.eventId) throw new Error('no Event id');
      created.push({ type: 'Event', id: meetingLog.eventId });
      const posts = meetingLog.chatterError
        ? []
        : (
            await client.query<{ Id: string; Title?: string; LinkUrl?: string }>(
              `SELECT Id, Title, LinkUrl FROM FeedItem WHERE ParentId = ${soqlString(chatterParent)} ORDER BY CreatedDate DESC LIMIT 20`,
            )
          ).filter((p) => p.Title === meetingTitle);
      for (const post of posts) created.push({ type: 'FeedItem', id: post.Id });
      const wrong = differences(omitFields(job.fields, sent.without), await readMeetingEvent());
      if (wrong.length) throw new Error(`Event ${meetingLog.eventId} reads back differently: ${wrong.join('; ')}`);
      if (sent.without?.length)
        throw new Refused(`Event ${meetingLog.eventId} written without ${sent.without.join(', ')}`, leftOutBy());
      const linked = posts.some((p) => p.LinkUrl?.includes(`/lightning/r/Event/${meetingLog.eventId}/view`));
      const chatter = meetingLog.chatterError
        ? `no post: ${meetingLog.chatterError}`
        : linked
          ? 'the post links to it'
          : 'no post links to it';
      if (!meetingLog.chatterError && !linked) throw new Error(`Event ${meetingLog.eventId}: ${chatter}`);
      return `Event ${meetingLog.eventId} (${meeting.startsAt}): ${Object.keys(job.fields).join(', ')} read back as written; ${chatter}`;
    });

    await check('meeting-cancelled', async () => {
      if (!meetingLog.eventId) throw new Error('no meeting Event to cancel');
      const job: Extract<OutboxJob, { kind: 'update-meeting' }> = {
        ...queued('check-cancel', meetingId, target.apiHost),
        kind: 'update-meeting',
        fields: cancelledEventFields({ ...meeting, cancelled: true, sequence: 1 }, Date.now()),
      };
      const sent = await asMeeting(() => run(logEnd, job));
      const wrong = differences(omitFields(job.fields, sent.without), await readMeetingEvent());
      if (wrong.length) throw new Error(`Event ${meetingLog.eventId} reads back differently: ${wrong.join('; ')}`);
      if (sent.without?.length)
        throw new Refused(`Event cancelled without ${sent.without.join(', ')}: ${sent.error ?? ''}`, leftOutBy());
      return `Event ${meetingLog.eventId}: ${Object.keys(job.fields).join(', ')} read back as written`;
    });

    await check('lead-rule', async () => {
      const [account] = await client.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1');
      if (!account) return 'skipped: no Account to try with';
      try {
        const event = await client.request<{ id: string }>('POST', '/sobjects/Event', {
          Subject: 'Org check (should be refused)',
          StartDateTime: facts.startedAt,
          DurationInMinutes: 1,
          WhoId: leadId,
          WhatId: account.Id,
        });
        created.push({ type: 'Event', id: event.id });
        throw new Error('Salesforce accepted it: the emulator rule is wrong');
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        return `${error.errorCode}: ${error.errors[0]?.message}`;
      }
    });

    const email = guestEmail;
    const guest = { name: `Org Check ${stamp}`, email, joinedAt: facts.startedAt };
    await check('guest-lead', async () => {
      const job: Extract<OutboxJob, { kind: 'guest-lead' }> = {
        ...queued('g', sessionId, target.apiHost),
        kind: 'guest-lead',
        guest,
      };
      const sent = await run(guestLead, job);
      const id = log.leads[email];
      if (!id) throw new Error('no Lead created');
      // The check's job never asks for the org's Lead assignment rules (whatever the policy), so
      // that its Lead stays readable and deletable by the person checking.
      const lead = await client.request<Record<string, unknown>>('GET', `/sobjects/Lead/${id}`);
      // A guest is known only by their email: any other Lead here would be someone else's.
      if (lead.Email !== email) throw new Error(`the guest was logged as another person's Lead ${id}`);
      created.push({ type: 'Lead', id });
      if (sent.without?.length) throw new Refused(`Lead ${id} created without ${sent.without.join(', ')}`, leftOutBy());
      return `Lead ${id}`;
    });

    await check('guest-known', async () => {
      const before = log.leads[email];
      const job: Extract<OutboxJob, { kind: 'guest-lead' }> = {
        ...queued('g2', sessionId, target.apiHost),
        kind: 'guest-lead',
        guest,
      };
      const progress = await guestLead(client, job, { ...log, leads: {} });
      if (progress.failure) throw progress.failure;
      const after = progress.log({ ...log, leads: {} }).leads[email];
      if (after !== before) {
        if (after) created.push({ type: 'Lead', id: after });
        throw new Error(`a second Lead was created (${after})`);
      }
      return `found Lead ${before}`;
    });
  }

  await check('clean-up', async () => {
    // What it wrote, found again by its stamp: a write whose answer was cut off created a record
    // whose id never came back, and clean-up must not say "done" while it remains.
    const stamped = async () => {
      const found: { type: string; id: string }[] = [];
      const like = soqlString(`%${stamp}%`);
      const parents = [userId, leadId].filter(Boolean).map(soqlString).join(',');
      const queries: [string, string][] = [
        // Led by indexed fields (Subject is none: a large org's millions of Events would time out),
        // as the queue's own look-up is (log-start.ts sessionEvents).
        [
          'Event',
          `SELECT Id FROM Event WHERE ${userId ? `OwnerId = ${soqlString(userId)} AND ` : ''}CreatedDate >= ${soqlDateTime(Number(stamp) - CLOCK_MARGIN_MS)} AND Subject LIKE ${like}`,
        ],
        // Exactly the test Lead and the invented guest (a Lead of the org's own that matched the guest is kept).
        [
          'Lead',
          `SELECT Id FROM Lead WHERE LastName = ${soqlString(`Org check ${stamp}`)} OR Email = ${soqlString(guestEmail)}`,
        ],
        // With Chatter off there are no posts, and FeedItem cannot be queried.
        ...(parents && me.refusedBy !== 'chatter-off'
          ? ([['FeedItem', `SELECT Id FROM FeedItem WHERE ParentId IN (${parents}) AND Title LIKE ${like}`]] as [
              string,
              string,
            ][])
          : []),
      ];
      for (const [type, soql] of queries)
        for (const row of await client.query<{ Id: string }>(soql)) found.push({ type, id: row.Id });
      return found;
    };
    const left: string[] = [];
    const all = [...created, ...(await stamped())];
    const seen = new Set<string>();
    for (const { type, id } of all.reverse()) {
      if (seen.has(id)) continue;
      seen.add(id);
      try {
        await client.request('DELETE', `/sobjects/${type}/${id}`);
      } catch (error) {
        if (!(error instanceof SalesforceError) || !error.errors.some((e) => e.errorCode === 'ENTITY_IS_DELETED'))
          left.push(`${type} ${id} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const remaining = await stamped();
    for (const { type, id } of remaining) left.push(`${type} ${id} (still there)`);
    if (left.length) throw new Error(`not deleted: ${left.join('; ')}`);
    return `${seen.size} records deleted`;
  });
  return results;
}

function omitFields(fields: Record<string, unknown>, without: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !without.includes(name)));
}
