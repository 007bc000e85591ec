// Every request the extension can send to Salesforce, as the same job code the service worker runs
// builds it, with made-up ids, answered by a stand-in that sends nothing anywhere. For
// `npm run org-check -- --dry-run`; tests/unit/org-check.test.ts keeps it complete.

import { sampleMeeting } from '../background/meeting/sample.js';
import { guestLead, logEnd, logStart, meetingStart } from '../background/outbox/jobs.js';
import { cancelledEventFields, meetingStartFields, scheduledEventFields } from '../background/records/meeting-event.js';
import {
  directRelation,
  endEventFields,
  eventDescription,
  eventSubject,
  relationLookup,
  startEventFields,
} from '../background/records/session-event.js';
import type { OutboxJob, SessionLog } from '../background/storage/outbox-shapes.js';
import { SalesforceClient, type SalesforceClientPorts } from '../shared/salesforce/client.js';
import { salesforceStatus } from '../shared/salesforce/status.js';
import type { GlanceSObject } from '../shared/salesforce-id.js';
import type { SalesforceUsage } from '../shared/settings.js';

interface DryRequest {
  method: string;
  /** Path and query on the org's API host. */
  path: string;
  body?: unknown;
}

interface DryScenario {
  title: string;
  requests: DryRequest[];
}

const PREFIX: Record<string, string> = {
  Lead: '00Q',
  Contact: '003',
  Opportunity: '006',
  Case: '500',
  Campaign: '701',
  Event: '00U',
  FeedItem: '0D5',
  User: '005',
};

let counter = 0;
/** A made-up id of the sobject's key prefix: 18 characters, never a real record. */
const fakeId = (sobject: string) => `${PREFIX[sobject] ?? '000'}${String(++counter).padStart(12, '0')}AAA`;

const API_HOST = 'yourorg.my.salesforce.com';
const USER_ID = '005000000000000AAA';
const ORG_ID = '00D000000000000AAA';

/** What a stand-in org answers: creates get ids, queries find nothing, updates and deletes succeed. */
function answer(method: string, path: string, chatterOff = false): { status: number; body: unknown } {
  if (chatterOff && path.includes('/chatter/'))
    return {
      status: 403,
      body: [{ errorCode: 'FUNCTIONALITY_NOT_ENABLED', message: 'Chatter is not enabled for this organization.' }],
    };
  if (method === 'GET' && /\/chatter\/users\/me$/.test(path))
    return { status: 200, body: { id: USER_ID, name: 'Dry Run', email: 'dry.run@example.com' } };
  if (method === 'GET' && path.endsWith('/oauth2/userinfo'))
    return {
      status: 200,
      body: { user_id: USER_ID, organization_id: ORG_ID, name: 'Dry Run', email: 'dry.run@example.com' },
    };
  if (method === 'GET' && path.includes('/query'))
    return { status: 200, body: { totalSize: 0, done: true, records: [] } };
  const create = /\/sobjects\/(\w+)$/.exec(path);
  if (method === 'POST' && create)
    return { status: 201, body: { id: fakeId(create[1] ?? ''), success: true, errors: [] } };
  if (method === 'PATCH' || method === 'DELETE') return { status: 204, body: null };
  return { status: 200, body: {} };
}

/** A fetch that records each request and answers it itself. */
function standIn(requests: DryRequest[], chatterOff = false): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const path = decodeURIComponent(url.pathname + url.search);
    requests.push({ method, path, ...(body === undefined ? {} : { body }) });
    if (method === 'POST' && url.pathname.endsWith('/composite')) {
      const subrequests = (body as { compositeRequest: { method: string; url: string; referenceId: string }[] })
        .compositeRequest;
      const compositeResponse = subrequests.map((s) => {
        const { status, body: subBody } = answer(s.method, decodeURIComponent(s.url));
        return { referenceId: s.referenceId, httpStatusCode: status, body: subBody };
      });
      return new Response(JSON.stringify({ compositeResponse }), { status: 200 });
    }
    const { status, body: answerBody } = answer(method, path, chatterOff);
    return new Response(status === 204 ? null : JSON.stringify(answerBody), { status });
  }) as typeof fetch;
}

const emptyLog = (): SessionLog => ({ state: 'pending', error: '', leads: {} });
const base = (activityId: string) => ({
  id: 'dry-run',
  activityId,
  apiHost: API_HOST,
  createdAt: 0,
  attempts: 0,
  notBefore: 0,
});

/** Runs each kind of call the service worker makes, and answers what each sent. */
export async function dryRun(): Promise<DryScenario[]> {
  const scenarios: DryScenario[] = [];
  const scenario = async (title: string, run: (client: SalesforceClient) => Promise<unknown>) => {
    const requests: DryRequest[] = [];
    const client = new SalesforceClient(API_HOST, { fetch: standIn(requests), readSid: async () => 'dry-run-session' });
    await run(client);
    scenarios.push({ title, requests });
  };
  const sessionId = 'dry-run-session-1';
  const startedAt = '2026-01-01T10:00:00Z';
  const facts = {
    sessionId,
    key: '1234',
    joinUrl: 'https://acme.glance.net/?key=1234',
    glanceAddress: 'acme.glance.net',
    modes: ['screenshare' as const],
    startedAt,
    guests: [{ name: 'Ada Guest', email: 'ada@example.com', joinedAt: startedAt, leftAt: '2026-01-01T10:20:00Z' }],
  };
  const startJob = (sobject: GlanceSObject, usage: SalesforceUsage): Extract<OutboxJob, { kind: 'log-start' }> => {
    const record = { sobject, recordId: fakeId(sobject) };
    return {
      ...base(sessionId),
      kind: 'log-start',
      fields: startEventFields(facts, record),
      lookup: relationLookup(record, usage),
      chatter: {
        parentId: USER_ID,
        title: eventSubject(sessionId),
        body: `Glance session started on this ${sobject}. Guests join at ${facts.joinUrl} with key ${facts.key}.`,
      },
    };
  };

  // Who the rep is, as the toolbar and popup ask it: the status code itself, with a stand-in org.
  const status = async (title: string, chatterOff: boolean) => {
    const requests: DryRequest[] = [];
    const ports: SalesforceClientPorts = {
      fetch: standIn(requests, chatterOff),
      readSid: async () => `${ORG_ID.slice(0, 15)}!dry-run-session`,
    };
    await salesforceStatus(`https://${API_HOST.replace('.my.salesforce.com', '.lightning.force.com')}/`, {
      ...ports,
      cache: { get: async () => undefined, set: async () => {}, remove: async () => {} },
      now: () => 0,
      digest: async (text) => String(text.length),
    });
    scenarios.push({ title, requests });
  };
  await status('Who the rep is (toolbar and popup status)', false);
  await status('Who the rep is in an org with Chatter off (OpenID Connect userinfo)', true);
  const starts: [GlanceSObject, SalesforceUsage][] = [
    ['Lead', 'sales'],
    ['Contact', 'sales'],
    ['Contact', 'support'],
    ['Opportunity', 'sales'],
    ['Case', 'support'],
    ['Campaign', 'sales'],
  ];
  for (const [sobject, usage] of starts) {
    const job = startJob(sobject, usage);
    const article = /^[AEIOU]/.test(sobject) ? 'an' : 'a';
    const parts = ['Event', ...(job.lookup ? ['relation look-up'] : []), 'Chatter post'].join(', ');
    await scenario(`Session start on ${article} ${sobject} (${usage}): ${parts}`, (client) =>
      logStart(client, job, emptyLog()),
    );
  }
  await scenario("Session start without a Chatter post (the rep's choice, or Chatter off)", (client) =>
    logStart(client, { ...startJob('Lead', 'sales'), chatter: undefined }, emptyLog()),
  );
  await scenario('Session start after a send that may have landed: look first, then write what is missing', (client) =>
    logStart(client, { ...startJob('Contact', 'sales'), inFlight: true }, emptyLog()),
  );
  const eventId = fakeId('Event');
  await scenario('A start that landed twice: delete the second Event and post', (client) =>
    logStart(
      client,
      {
        ...startJob('Lead', 'sales'),
        surplus: [
          { sobject: 'Event', id: fakeId('Event') },
          { sobject: 'FeedItem', id: fakeId('FeedItem') },
        ],
      },
      { ...emptyLog(), eventId, relationKnown: true, chatterDone: true },
    ),
  );
  await scenario('Session end: the Event gets its end, guests and relation', (client) =>
    logEnd(
      client,
      {
        ...base(sessionId),
        kind: 'log-end',
        fields: endEventFields({ ...facts, endedAt: '2026-01-01T10:30:00Z' }),
      },
      { ...emptyLog(), eventId, relation: { WhatId: fakeId('Opportunity') }, relationKnown: true },
    ),
  );
  const contact = { sobject: 'Contact' as GlanceSObject, recordId: fakeId('Contact') };
  const meeting = sampleMeeting('m-dryrun', { ...contact, apiHost: API_HOST }, Date.parse(startedAt));
  await scenario('A meeting scheduled on a Contact (sales): future Event, relation look-up, Chatter post', (client) =>
    logStart(
      client,
      {
        ...base(meeting.meetingId),
        kind: 'schedule-meeting',
        fields: scheduledEventFields(meeting, directRelation(contact), Date.parse(startedAt)),
        lookup: relationLookup(contact, 'sales'),
        chatter: {
          parentId: USER_ID,
          title: `Glance meeting (${meeting.meetingId})`,
          body: 'Glance meeting scheduled.',
        },
        glanceAddress: meeting.glanceAddress,
      },
      emptyLog(),
    ),
  );
  const meetingEvent = fakeId('Event');
  await scenario('A meeting rescheduled or cancelled: one PATCH of its Event', (client) =>
    logEnd(
      client,
      {
        ...base(meeting.meetingId),
        kind: 'update-meeting',
        fields: cancelledEventFields(meeting, Date.parse(startedAt)),
      },
      { ...emptyLog(), eventId: meetingEvent },
    ),
  );
  await scenario("A scheduled meeting's session starts: one PATCH of the meeting's Event", (client) =>
    meetingStart(
      client,
      {
        ...base(sessionId),
        kind: 'meeting-start',
        meetingId: meeting.meetingId,
        fields: meetingStartFields(meeting, eventDescription(facts), { ...facts, keyKind: 'random' }),
      },
      { ...emptyLog(), eventId: meetingEvent, relation: { WhatId: fakeId('Opportunity') } },
    ),
  );
  const guest = { name: 'Ada Guest', email: 'ada@example.com', joinedAt: startedAt };
  await scenario('A guest joined: look for them by email, then create a Lead', (client) =>
    guestLead(client, { ...base(sessionId), kind: 'guest-lead', guest }, emptyLog()),
  );
  await scenario('A guest Lead that landed twice: delete the second', (client) =>
    guestLead(
      client,
      { ...base(sessionId), kind: 'guest-lead', guest, surplus: [{ sobject: 'Lead', id: fakeId('Lead') }] },
      { ...emptyLog(), leads: { [guest.email]: fakeId('Lead') } },
    ),
  );
  return scenarios;
}
