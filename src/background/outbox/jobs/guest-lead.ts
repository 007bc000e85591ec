// A guest who joined becomes a Lead, unless Salesforce already knows their email (a Lead or a
// Contact). It always looks first, so a send that landed is never repeated, and the create call
// checks that it landed once. A duplicate rule's other matches (a similar name at the same company,
// often the free-mail placeholder company) are other people as far as anyone can tell, and may be
// records the rep cannot even see: the guest gets their own Lead, with their email, and the alert is
// acknowledged (allowSave). Only a Block rule stops it, and the rep is shown Salesforce's words.

import { type SalesforceClient, soqlDateTime, soqlString } from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import { LEAD_SOURCE, leadFields } from '../../records/lead.js';
import type { SessionLog } from '../../storage/outbox-shapes.js';
import { CLOCK_MARGIN_MS } from './log-start.js';
import {
  byReference,
  deleteSurplus,
  failureOf,
  fieldsToLeaveOut,
  type Job,
  ok,
  omit,
  type Progress,
  query,
  recordsOf,
} from './parts.js';

const OPTIONAL_LEAD_FIELDS = ['LeadSource', 'Description', 'FirstName'];

/**
 * The create's own headers: acknowledge a duplicate rule's alert (REST API Developer Guide,
 * "Duplicate Rule Header"), and let the org's Lead assignment rules route the Lead only where the
 * company's policy says so (the client sends `Sforce-Auto-Assign: FALSE` on every call; a
 * subrequest's httpHeaders decide for it, "Composite Subrequest").
 */
function leadCreateHeaders(job: Job<'guest-lead'>): Record<string, string> {
  return {
    'Sforce-Duplicate-Rule-Header': 'allowSave=true',
    ...(job.orgAssigns ? { 'Sforce-Auto-Assign': 'TRUE' } : {}),
  };
}

export async function guestLead(client: SalesforceClient, job: Job<'guest-lead'>, log: SessionLog): Promise<Progress> {
  const key = job.guest.email.toLowerCase();
  const known = (id: string): Progress => ({
    log: (current) => ({ ...current, leads: { ...current.leads, [key]: id } }),
  });
  if (log.leads[key] !== undefined && !job.surplus?.length) return { log: (current) => current };
  if (job.surplus?.length) return cleanUp(client, job, known(log.leads[key] ?? ''));

  // Always look first: the guest may be in Salesforce already, or an earlier send may have landed.
  const email = soqlString(job.guest.email);
  const fields = omit(leadFields(job.guest, job.activityId, job.guest.joinedAt), job.without);
  const ours = 'LeadSource' in fields ? ` AND LeadSource = ${soqlString(LEAD_SOURCE)}` : '';
  // After a send that may have landed, the Leads of ours for this email made since it: Chromium may
  // have sent a cut create again by itself and that answer been cut too, so more than one may have
  // landed, and the create's own twin check never answered (chaos seed 2117101155).
  const since = job.firstSentAt && ours ? ` AND CreatedDate >= ${soqlDateTime(job.firstSentAt - CLOCK_MARGIN_MS)}` : '';
  const looks = byReference(
    await client.composite(
      [
        ...(since
          ? [
              query(
                `SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false${ours}${since} ORDER BY CreatedDate LIMIT 5`,
                'landed',
              ),
            ]
          : []),
        query(`SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false LIMIT 1`, 'leads'),
        query(`SELECT Id FROM Contact WHERE Email = ${email} LIMIT 1`, 'contacts'),
      ],
      false,
    ),
  );
  for (const answer of looks.values()) if (!ok(answer)) throw failureOf(answer);
  const landed = recordsOf<{ Id?: string }>(looks.get('landed')).flatMap((r) => (r.Id ? [r.Id] : []));
  const [first, ...alsoLanded] = landed;
  if (first && alsoLanded.length > 0)
    return cleanUp(
      client,
      { ...job, surplus: alsoLanded.map((twin) => ({ sobject: 'Lead' as const, id: twin })) },
      known(first),
    );
  for (const reference of ['landed', 'leads', 'contacts']) {
    const id = recordsOf<{ Id?: string }>(looks.get(reference))[0]?.Id;
    if (id) return known(id);
  }

  // Checked in the same call: Leads of ours for this email made since the look-up (a resent create).
  // (The look-up just found none, so any such Lead now is a twin made in the last moments.)
  const answers = byReference(
    await client.composite(
      [
        {
          method: 'POST',
          path: '/sobjects/Lead',
          referenceId: 'lead',
          body: fields,
          httpHeaders: leadCreateHeaders(job),
        },
        ...(ours
          ? [query(`SELECT Id FROM Lead WHERE Email = ${email} AND IsConverted = false${ours} LIMIT 5`, 'same')]
          : []),
      ],
      false,
    ),
  );
  const lead = answers.get('lead');
  if (!ok(lead)) {
    const failure = failureOf(lead);
    // A Block duplicate rule: the guest is not anyone else's Lead, and the rep decides (Retry, Discard).
    if (failure.problem === 'duplicate') throw failure;
    const without = fieldsToLeaveOut(failure, fields, OPTIONAL_LEAD_FIELDS, job.without);
    if (without) return { log: (current) => current, job: { ...job, without, inFlight: false, notBefore: 0 } };
    throw failure;
  }
  const id = (lead?.body as { id?: string } | undefined)?.id ?? '';
  const twins = recordsOf<{ Id?: string }>(answers.get('same')).flatMap((r) => (r.Id && r.Id !== id ? [r.Id] : []));
  if (twins.length === 0) return known(id);
  return cleanUp(client, { ...job, surplus: twins.map((twin) => ({ sobject: 'Lead' as const, id: twin })) }, known(id));
}

/** Deletes the Leads that landed twice; the one kept is already in the log. */
async function cleanUp(client: SalesforceClient, job: Job<'guest-lead'>, kept: Progress): Promise<Progress> {
  try {
    const { left, failure } = await deleteSurplus(client, job.surplus ?? []);
    return left.length === 0 ? kept : { ...kept, job: { ...job, surplus: left, inFlight: false }, failure };
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    return { ...kept, job: { ...job, inFlight: false }, failure: error };
  }
}
