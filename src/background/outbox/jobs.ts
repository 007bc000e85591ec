// What each queued job sends to Salesforce. Each costs one API call, except a guest who is not
// yet in Salesforce (two: the look-up, then the Lead) and a resend after an unreadable answer.
import { lightningHostFor } from '../../shared/salesforce-url.js';
import { type SalesforceClient, soqlString } from '../salesforce/client.js';
import { errorFromResponse } from '../salesforce/errors.js';
import { eventSubject, relationFromQuery } from '../session/event-fields.js';
import { leadFields } from './leads.js';
import type { OutboxJob, SessionLog } from './types.js';

type Job<K extends OutboxJob['kind']> = Extract<OutboxJob, { kind: K }>;
type LogChange = (log: SessionLog) => SessionLog;

async function findLoggedEvent(client: SalesforceClient, sessionId: string): Promise<string | undefined> {
  const found = await client.query<{ Id: string }>(
    `SELECT Id FROM Event WHERE Subject = ${soqlString(eventSubject(sessionId))} LIMIT 1`,
  );
  return found[0]?.Id;
}

export async function logStart(client: SalesforceClient, job: Job<'log-start'>): Promise<LogChange> {
  if (job.uncertain) {
    const existing = await findLoggedEvent(client, job.sessionId);
    if (existing) return (log) => ({ ...log, eventId: existing, state: 'logged', error: '' });
  }
  const link = `https://${lightningHostFor(job.apiHost)}/lightning/r/Event/@{event.id}/view`;
  const answers = await client.composite(
    [
      { method: 'POST', path: '/sobjects/Event', referenceId: 'event', body: job.fields },
      ...(job.lookup
        ? [{ method: 'GET' as const, path: `/query?q=${encodeURIComponent(job.lookup.soql)}`, referenceId: 'relation' }]
        : []),
      ...(job.chatter
        ? [
            {
              method: 'POST' as const,
              path: '/sobjects/FeedItem',
              referenceId: 'chatter',
              body: {
                ParentId: job.chatter.parentId,
                Type: 'LinkPost',
                LinkUrl: link,
                Title: job.chatter.title,
                Body: job.chatter.body,
              },
            },
          ]
        : []),
    ],
    // The Event must land even when Chatter is off in the org or the look-up is not allowed.
    false,
  );
  const byRef = new Map(answers.map((a) => [a.referenceId, a]));
  const event = byRef.get('event');
  const eventId = (event?.body as { id?: string } | undefined)?.id;
  if (!event || event.httpStatusCode >= 300 || !eventId)
    throw errorFromResponse(event?.httpStatusCode ?? 500, event?.body);

  const relationAnswer = byRef.get('relation');
  const records = (relationAnswer?.body as { records?: { Id?: string; ContactId?: string | null }[] } | undefined)
    ?.records;
  const relation =
    job.lookup && relationAnswer?.httpStatusCode === 200 && records ? relationFromQuery(job.lookup, records) : {};
  const chatter = byRef.get('chatter');
  const chatterError =
    chatter && chatter.httpStatusCode >= 300
      ? errorFromResponse(chatter.httpStatusCode, chatter.body).message
      : undefined;
  return (log) => ({ ...log, eventId, relation, state: 'logged', error: '', chatterError });
}

export async function logEnd(client: SalesforceClient, job: Job<'log-end'>, log: SessionLog): Promise<LogChange> {
  await client.request('PATCH', `/sobjects/Event/${log.eventId}`, { ...job.fields, ...log.relation });
  return (current) => ({ ...current, state: 'logged', error: '' });
}

export async function guestLead(client: SalesforceClient, job: Job<'guest-lead'>): Promise<LogChange> {
  const email = soqlString(job.guest.email);
  const [leads, contacts] = await client.composite(
    [
      {
        method: 'GET',
        path: `/query?q=${encodeURIComponent(`SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false LIMIT 1`)}`,
        referenceId: 'leads',
      },
      {
        method: 'GET',
        path: `/query?q=${encodeURIComponent(`SELECT Id FROM Contact WHERE Email = ${email} LIMIT 1`)}`,
        referenceId: 'contacts',
      },
    ],
    false,
  );
  let known = false;
  for (const answer of [leads, contacts]) {
    if (answer?.httpStatusCode !== 200) throw errorFromResponse(answer?.httpStatusCode ?? 500, answer?.body);
    known ||= ((answer.body as { totalSize?: number } | undefined)?.totalSize ?? 0) > 0;
  }
  const key = job.guest.email.toLowerCase();
  if (known) return (log) => ({ ...log, leads: { ...log.leads, [key]: '' } });
  const created = await client.request<{ id: string }>(
    'POST',
    '/sobjects/Lead',
    leadFields(job.guest, job.sessionId, job.guest.joinedAt),
  );
  return (log) => ({ ...log, leads: { ...log.leads, [key]: created.id } });
}
