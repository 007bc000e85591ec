// The checks that open and close a run: who the session's user is, the test Lead the other checks
// write to, and the clean-up that deletes everything the run made.
import { CLOCK_MARGIN_MS } from '../background/outbox/jobs.js';
import { soqlDateTime, soqlString } from '../shared/salesforce/client.js';
import { SalesforceError } from '../shared/salesforce/errors.js';
import type { OrgCheck, OrgCheckRun } from './context.js';

export const whoAmI: OrgCheck = {
  id: 'who-am-i',
  chatter: true,
  // Without API access nothing else can work: say so once.
  stopsTheRest: (result) => !result.ok && result.refusedBy !== 'chatter-off' && result.refusedBy !== 'other',
  async run(run) {
    const user = await run.client.me();
    run.userId = user.id;
    return `${user.name} <${user.email ?? ''}> (${user.id})`;
  },
};

export const testLead: OrgCheck = {
  id: 'test-lead',
  async run(run) {
    const lead = await run.client.request<{ id: string }>('POST', '/sobjects/Lead', {
      LastName: `Org check ${run.stamp}`,
      Company: 'Glance for Salesforce org check',
    });
    run.leadId = lead.id;
    run.created.push({ type: 'Lead', id: lead.id });
    return lead.id;
  },
};

/**
 * What the run wrote, found again by its stamp: a write whose answer was cut off created a record
 * whose id never came back, and clean-up must not say "done" while it remains.
 */
async function stamped(run: OrgCheckRun): Promise<{ type: string; id: string }[]> {
  const { userId, leadId, stamp } = run;
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
      `SELECT Id FROM Lead WHERE LastName = ${soqlString(`Org check ${stamp}`)} OR Email = ${soqlString(run.guestEmail)}`,
    ],
  ];
  // With Chatter off there are no posts, and FeedItem cannot be queried.
  if (parents && run.me?.refusedBy !== 'chatter-off')
    queries.push(['FeedItem', `SELECT Id FROM FeedItem WHERE ParentId IN (${parents}) AND Title LIKE ${like}`]);
  const found: { type: string; id: string }[] = [];
  for (const [type, soql] of queries)
    for (const row of await run.client.query<{ Id: string }>(soql)) found.push({ type, id: row.Id });
  return found;
}

export const cleanUp: OrgCheck = {
  id: 'clean-up',
  async run(run) {
    const left: string[] = [];
    const all = [...run.created, ...(await stamped(run))];
    const seen = new Set<string>();
    for (const { type, id } of all.reverse()) {
      if (seen.has(id)) continue;
      seen.add(id);
      try {
        await run.client.request('DELETE', `/sobjects/${type}/${id}`);
      } catch (error) {
        if (!(error instanceof SalesforceError) || !error.errors.some((e) => e.errorCode === 'ENTITY_IS_DELETED'))
          left.push(`${type} ${id} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    for (const { type, id } of await stamped(run)) left.push(`${type} ${id} (still there)`);
    if (left.length) throw new Error(`not deleted: ${left.join('; ')}`);
    return `${seen.size} records deleted`;
  },
};
