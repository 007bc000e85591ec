// Runs the extension's exact Salesforce calls (the same job code the service worker runs) against an
// org, and reports what the org answered. Everything it creates it deletes again.

import { endEventFields, relationLookup, startEventFields } from '../../src/background/outbox/event-fields.js';
import { guestLead, logEnd, logStart } from '../../src/background/outbox/jobs.js';
import type { OutboxJob, SessionLog } from '../../src/background/outbox/types.js';
import { SalesforceClient, soqlString } from '../../src/background/salesforce/client.js';
import { SalesforceError } from '../../src/background/salesforce/errors.js';
import type { GlanceSObject } from '../../src/shared/salesforce-id.js';

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export interface OrgTarget {
  apiHost: string;
  accessToken: string;
  fetch: typeof fetch;
}

type Check = (name: string, run: () => Promise<string>) => Promise<void>;

function checker(results: CheckResult[]): Check {
  return async (name, run) => {
    try {
      results.push({ name, ok: true, detail: await run() });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
}

const emptyLog = (): SessionLog => ({ state: 'pending', error: '', leads: {} });

export async function salesforceChecks(target: OrgTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = checker(results);
  const client = new SalesforceClient(target.apiHost, { fetch: target.fetch, readSid: async () => target.accessToken });
  const created: { type: string; id: string }[] = [];
  const stamp = `${Date.now()}`;
  const sessionId = `org-check-${stamp}`;
  let log = emptyLog();
  let userId = '';
  let leadId = '';

  await check('who am I (GET /chatter/users/me)', async () => {
    const me = await client.me();
    userId = me.id;
    return `${me.name} <${me.email ?? ''}>`;
  });
  await check('create a test Lead (LastName and Company required)', async () => {
    const lead = await client.request<{ id: string }>('POST', '/sobjects/Lead', {
      LastName: `Org check ${stamp}`,
      Company: 'Glance for Salesforce org check',
    });
    leadId = lead.id;
    created.push({ type: 'Lead', id: lead.id });
    return lead.id;
  });
  const facts = {
    sessionId,
    key: '1234',
    joinUrl: 'https://example.glance.net/?key=1234',
    glanceAddress: 'example.glance.net',
    modes: ['screenshare' as const],
    startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    guests: [],
  };
  const record = () => ({ sobject: 'Lead' as GlanceSObject, recordId: leadId });
  /** What every queued job carries; the checks send them at once, as the outbox would. */
  const queued = (id: string) => ({
    id,
    sessionId,
    apiHost: target.apiHost,
    createdAt: Date.now(),
    attempts: 0,
    notBefore: 0,
  });
  await check('session start: Event + Chatter LinkPost in one composite request', async () => {
    const job: Extract<OutboxJob, { kind: 'log-start' }> = {
      ...queued('check'),
      kind: 'log-start',
      fields: startEventFields(facts, record()),
      lookup: relationLookup(record(), 'sales'),
      chatter: { parentId: userId || leadId, title: `Org check ${stamp}`, body: 'Glance for Salesforce org check.' },
    };
    const progress = await logStart(client, job, log);
    if (progress.failure) throw progress.failure;
    log = progress.log(log);
    if (!log.eventId) throw new Error('no Event id');
    created.push({ type: 'Event', id: log.eventId });
    const posts = await client.query<{ Id: string }>(
      `SELECT Id FROM FeedItem WHERE ParentId = ${soqlString(userId || leadId)} ORDER BY CreatedDate DESC LIMIT 1`,
    );
    for (const post of posts) created.push({ type: 'FeedItem', id: post.Id });
    return `Event ${log.eventId}${log.chatterError ? `; Chatter refused: ${log.chatterError}` : '; Chatter post made'}`;
  });
  await check('session end: one PATCH with end time and description', async () => {
    const job: Extract<OutboxJob, { kind: 'log-end' }> = {
      ...queued('check-end'),
      kind: 'log-end',
      fields: endEventFields({ ...facts, endedAt: new Date(Date.parse(facts.startedAt) + 60_000).toISOString() }),
    };
    const progress = await logEnd(client, job, log);
    if (progress.failure || progress.job) throw progress.failure ?? new Error(`left out ${progress.job?.without}`);
    log = progress.log(log);
    const event = await client.request<Record<string, unknown>>('GET', `/sobjects/Event/${log.eventId}`);
    return `DurationInMinutes ${event.DurationInMinutes}, WhoId ${event.WhoId}`;
  });
  await check('rule: an Event whose WhoId is a Lead takes no WhatId', async () => {
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
  const email = `org-check-${stamp}@example.com`;
  await check('guest with a new email: look-up composite, then a Lead', async () => {
    const progress = await guestLead(
      client,
      { ...queued('g'), kind: 'guest-lead', guest: { name: 'Org Check Guest', email, joinedAt: facts.startedAt } },
      log,
    );
    log = progress.log(log);
    const id = log.leads[email];
    if (!id) throw new Error('no Lead created');
    created.push({ type: 'Lead', id });
    return `Lead ${id}`;
  });
  await check('guest with a known email: no second Lead', async () => {
    const before = log.leads[email];
    const progress = await guestLead(
      client,
      { ...queued('g2'), kind: 'guest-lead', guest: { name: 'Org Check Guest', email, joinedAt: facts.startedAt } },
      { ...log, leads: {} },
    );
    const after = progress.log({ ...log, leads: {} }).leads[email];
    if (after !== before) throw new Error(`a second Lead was created (${after})`);
    return 'found the existing Lead';
  });
  await check('clean up what the check created', async () => {
    for (const { type, id } of created.reverse()) await client.request('DELETE', `/sobjects/${type}/${id}`);
    return `${created.length} records deleted`;
  });
  return results;
}
