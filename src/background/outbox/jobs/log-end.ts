// The end of a session in Salesforce: one PATCH of the Event with the real end, the guests and the
// relation found at start. A PATCH applied twice changes nothing, so it needs no look-up. A meeting's
// reschedule or cancellation is the same PATCH of the meeting's Event.
import type { SalesforceClient } from '../../salesforce/client.js';
import type { SalesforceError } from '../../salesforce/errors.js';
import type { SessionLog } from '../types.js';
import { OPTIONAL_EVENT_FIELDS } from './log-start.js';
import { fieldsToLeaveOut, type Job, leftOutOf, omit, type Progress } from './parts.js';

export async function logEnd(
  client: SalesforceClient,
  job: Job<'log-end' | 'update-meeting'>,
  log: SessionLog,
): Promise<Progress> {
  const fields = { ...omit(job.fields, job.without), ...log.relation };
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
