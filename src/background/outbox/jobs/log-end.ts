// The end of a session in Salesforce: one PATCH of the Event with the real end, the guests and the
// relation found at start (or the open record the rep chose in the panel). A PATCH applied twice changes nothing, so it needs no look-up. A meeting's
// reschedule or cancellation is the same PATCH of the meeting's Event.
import type { SalesforceClient } from '../../../shared/salesforce/client.js';
import type { SalesforceError } from '../../../shared/salesforce/errors.js';
import type { SessionLog } from '../../storage/outbox-shapes.js';
import { OPTIONAL_EVENT_FIELDS } from './log-start.js';
import { fieldsToLeaveOut, type Job, leftOutOf, omit, type Progress } from './parts.js';

/**
 * The record the rep chose in the panel among those the start's look-up offered (the choice was
 * checked when made; checked again here, as the log is storage anyone of ours may have written).
 */
function chosenRelation(log: SessionLog): Record<string, string> {
  const { choices, chosen } = log;
  if (!choices || !chosen || !choices.candidates.some((c) => c.id === chosen)) return {};
  return { [choices.field]: chosen };
}

export async function logEnd(
  client: SalesforceClient,
  job: Job<'log-end' | 'update-meeting'>,
  log: SessionLog,
): Promise<Progress> {
  // The rep's choice rides on this PATCH, which is sent anyway: it costs no request of its own.
  const fields = { ...omit(job.fields, job.without), ...log.relation, ...chosenRelation(log) };
  try {
    await client.request('PATCH', `/sobjects/Event/${log.eventId}`, fields);
  } catch (error) {
    const failure = error as SalesforceError;
    const without = fieldsToLeaveOut(failure, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
    if (without) {
      return {
        log: (current) => current,
        job: { ...job, without, inFlight: false, notBefore: 0, error: failure.salesforceMessage },
      };
    }
    throw error;
  }
  return { log: (current) => (job.without?.length ? { ...current, leftOut: leftOutOf(current, job) } : current) };
}
