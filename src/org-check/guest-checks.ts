// The checks of a guest's Lead: created once for an invented guest, and found (not created again)
// the second time the same guest is logged.
import { guestLead } from '../background/outbox/jobs.js';
import type { OutboxJob } from '../background/storage/outbox-shapes.js';
import { Refused } from './check-kit.js';
import type { OrgCheck, OrgCheckRun } from './context.js';

const guestJob = (run: OrgCheckRun, id: string): Extract<OutboxJob, { kind: 'guest-lead' }> => ({
  ...run.queued(id),
  kind: 'guest-lead',
  guest: run.guest,
});

export const guestLeadCreated: OrgCheck = {
  id: 'guest-lead',
  needsLead: true,
  async run(run) {
    const email = run.guestEmail;
    const sent = await run.send(guestLead, guestJob(run, 'g'));
    const id = run.log.leads[email];
    if (!id) throw new Error('no Lead created');
    // The check's job never asks for the org's Lead assignment rules (whatever the policy), so
    // that its Lead stays readable and deletable by the person checking.
    const lead = await run.client.request<Record<string, unknown>>('GET', `/sobjects/Lead/${id}`);
    // A guest is known only by their email: any other Lead here would be someone else's.
    if (lead.Email !== email) throw new Error(`the guest was logged as another person's Lead ${id}`);
    run.created.push({ type: 'Lead', id });
    if (sent.without?.length)
      throw new Refused(`Lead ${id} created without ${sent.without.join(', ')}`, run.leftOutBy());
    return `Lead ${id}`;
  },
};

export const guestKnown: OrgCheck = {
  id: 'guest-known',
  needsLead: true,
  async run(run) {
    const email = run.guestEmail;
    const before = run.log.leads[email];
    const forgotten = { ...run.log, leads: {} };
    const progress = await guestLead(run.client, guestJob(run, 'g2'), forgotten);
    if (progress.failure) throw progress.failure;
    const after = progress.log(forgotten).leads[email];
    if (after !== before) {
      if (after) run.created.push({ type: 'Lead', id: after });
      throw new Error(`a second Lead was created (${after})`);
    }
    return `found Lead ${before}`;
  },
};
