// The checks of a session's own writes: the Event at start and at end, the Chatter post, and the
// Lead-with-Account rule the emulator copies from Salesforce.
import { logEnd, logStart } from '../background/outbox/jobs.js';
import { endEventFields, relationLookup, startEventFields } from '../background/records/session-event.js';
import type { OutboxJob } from '../background/storage/outbox-shapes.js';
import { soqlString } from '../shared/salesforce/client.js';
import { SalesforceError } from '../shared/salesforce/errors.js';
import { Refused, refusedBy } from './check-kit.js';
import type { OrgCheck, OrgCheckRun } from './context.js';

/** The posts of ours on the Chatter parent, by title. */
export async function postsTitled(run: OrgCheckRun, title: string) {
  const posts = await run.client.query<{ Id: string; Title?: string; LinkUrl?: string }>(
    `SELECT Id, Title, LinkUrl FROM FeedItem WHERE ParentId = ${soqlString(run.chatterParent)} ORDER BY CreatedDate DESC LIMIT 20`,
  );
  return posts.filter((p) => p.Title === title);
}

const startJob = (run: OrgCheckRun): Extract<OutboxJob, { kind: 'log-start' }> => ({
  ...run.queued('check'),
  kind: 'log-start',
  fields: startEventFields(run.facts, run.record),
  lookup: relationLookup(run.record, 'sales'),
  chatter: { parentId: run.chatterParent, title: run.chatterTitle, body: 'Glance for Salesforce org check.' },
});

export const eventStart: OrgCheck = {
  id: 'event-start',
  needsLead: true,
  async run(run) {
    const start = startJob(run);
    const sent = await run.send(logStart, start);
    if (!run.log.eventId) throw new Error('no Event id');
    run.created.push({ type: 'Event', id: run.log.eventId });
    await run.readsBack(
      run.log.eventId,
      start.fields,
      sent.without,
      (fields) => `Event ${run.log.eventId} logged without ${fields}: ${run.log.leftOut?.reason ?? ''}`,
    );
    return `Event ${run.log.eventId}: ${Object.keys(start.fields).join(', ')} read back as written`;
  },
};

export const chatterPost: OrgCheck = {
  id: 'chatter-post',
  needsLead: true,
  chatter: true,
  async run(run) {
    if (!run.log.eventId) throw new Error('no Event to link to');
    // Looked for even when refused, so nothing is left behind; with Chatter off FeedItem may not answer.
    let ours: { Id: string; Title?: string; LinkUrl?: string }[] = [];
    try {
      ours = await postsTitled(run, run.chatterTitle);
    } catch (error) {
      if (!run.log.chatterError) throw error;
    }
    for (const post of ours) run.created.push({ type: 'FeedItem', id: post.Id });
    if (run.log.chatterError) {
      const refusal = run.client.refusals.find((r) => r.salesforceMessage === run.log.chatterError);
      throw new Refused(run.log.chatterError, refusal ? refusedBy(refusal, true) : 'chatter-off');
    }
    const post = ours[0];
    if (!post) throw new Error('no post found with the session title');
    if (!post.LinkUrl?.includes(`/lightning/r/Event/${run.log.eventId}/view`))
      throw new Error(`post ${post.Id} links to ${post.LinkUrl ?? 'nothing'}, not the Event`);
    return `FeedItem ${post.Id} links to ${post.LinkUrl}`;
  },
};

export const eventEnd: OrgCheck = {
  id: 'event-end',
  needsLead: true,
  async run(run) {
    if (!run.log.eventId) throw new Error('no Event to end');
    const endedAt = new Date(Date.parse(run.facts.startedAt) + 60_000).toISOString();
    const end: Extract<OutboxJob, { kind: 'log-end' }> = {
      ...run.queued('check-end'),
      kind: 'log-end',
      fields: endEventFields({ ...run.facts, endedAt }),
    };
    const sent = await run.send(logEnd, end);
    await run.readsBack(
      run.log.eventId,
      end.fields,
      sent.without,
      (fields) => `Event ended without ${fields}: ${sent.error ?? ''}`,
    );
    return `Event ${run.log.eventId}: ${Object.keys(end.fields).join(', ')} read back as written`;
  },
};

export const leadRule: OrgCheck = {
  id: 'lead-rule',
  needsLead: true,
  async run(run) {
    const [account] = await run.client.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1');
    if (!account) return 'skipped: no Account to try with';
    try {
      const event = await run.client.request<{ id: string }>('POST', '/sobjects/Event', {
        Subject: 'Org check (should be refused)',
        StartDateTime: run.facts.startedAt,
        DurationInMinutes: 1,
        WhoId: run.leadId,
        WhatId: account.Id,
      });
      run.created.push({ type: 'Event', id: event.id });
      throw new Error('Salesforce accepted it: the emulator rule is wrong');
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      return `${error.errorCode}: ${error.errors[0]?.message}`;
    }
  },
};
