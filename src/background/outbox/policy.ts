// The company policy when a queued write is sent, not only when it was queued: Salesforce may have
// been away for hours, and an admin who turned Chatter or guest Leads off meanwhile means it now.
import { addressAllowed, type CompanyPolicy, type LeadCreation } from '../../shared/settings.js';
import { wantsLead } from '../records/lead.js';
import { relationLookup } from '../records/session-event.js';
import type { OutboxJob } from '../storage/outbox-shapes.js';

/** The job as the policy allows it now; undefined when the policy no longer wants it at all. */
export function withinPolicy(job: OutboxJob, policy: CompanyPolicy): OutboxJob | undefined {
  // A meeting whose join link opens a Glance address the company no longer allows is not written.
  if (job.kind === 'schedule-meeting' && !addressAllowed(job.glanceAddress, policy.glanceAddressPattern))
    return undefined;
  if (job.kind === 'log-start' || job.kind === 'schedule-meeting') {
    let allowed = job;
    if (job.chatter && !policy.allowChatter) {
      const { chatter: _dropped, ...withoutPost } = job;
      allowed = withoutPost;
    }
    // The related record is looked up as the company now says the org is used (sales or support).
    if (allowed.record && allowed.usage && !policy.allowedUsage.includes(allowed.usage)) {
      const usage = policy.defaultUsage;
      allowed = { ...allowed, usage, lookup: relationLookup(allowed.record, usage) };
    }
    return allowed;
  }
  if (job.kind === 'guest-lead') {
    if (!wantsLead(job.guest, policy.maxLeadCreation)) return undefined;
    const { orgAssigns: _asQueued, ...guestJob } = job;
    return policy.leadAssignmentRules ? { ...guestJob, orgAssigns: true } : guestJob;
  }
  // Synced sessions' guests get Leads only as far as the company allows them now.
  if (job.kind === 'sync-sessions' && LEAD_RANK[policy.maxLeadCreation] < LEAD_RANK[job.leadLevel])
    return { ...job, leadLevel: policy.maxLeadCreation };
  return job;
}

/** From fewest Leads to most: 'email' makes one for every e-mail, 'emailAndName' only with a name too. */
const LEAD_RANK: Record<LeadCreation, number> = { never: 0, emailAndName: 1, email: 2 };
