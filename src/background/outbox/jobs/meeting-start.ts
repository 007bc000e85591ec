// A session started from a scheduled meeting writes to the meeting's Event, not a new one: one PATCH
// with the real start and the session's key and link. The meeting's log (its own id) knows the Event
// and the relation its look-up found; the session's log takes both, so the session's end (log-end)
// updates that same Event.
import type { SalesforceClient } from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import type { SessionLog } from '../../storage/outbox-shapes.js';
import { OPTIONAL_EVENT_FIELDS } from './log-start.js';
import { fieldsToLeaveOut, type Job, leftOutOf, omit, type Progress } from './parts.js';

export async function meetingStart(
  client: SalesforceClient,
  job: Job<'meeting-start'>,
  meetingLog: SessionLog | undefined,
): Promise<Progress> {
  const eventId = meetingLog?.eventId;
  if (!eventId) {
    // The meeting's own write was discarded (or never landed): there is no Event to update, and the
    // rep decides (Retry once it landed, or Discard).
    throw new SalesforceError(
      409,
      [{ errorCode: 'NOT_FOUND', message: 'The scheduled meeting’s Event is not in Salesforce.' }],
      'refused',
    );
  }
  const relation = meetingLog.relation;
  const fields = { ...omit(job.fields, job.without), ...relation };
  try {
    await client.request('PATCH', `/sobjects/Event/${eventId}`, fields);
  } catch (error) {
    const failure = error as SalesforceError;
    const without = fieldsToLeaveOut(failure, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
    if (without)
      return {
        log: (current) => current,
        job: { ...job, without, inFlight: false, notBefore: 0, error: failure.salesforceMessage },
      };
    throw error;
  }
  return {
    log: (current) => ({
      ...current,
      eventId,
      relation,
      relationKnown: true,
      // More than one open record fitted the meeting: the rep chooses in the session's panel.
      ...(meetingLog.choices ? { choices: meetingLog.choices } : {}),
      chatterDone: true,
      ...(job.without?.length ? { leftOut: leftOutOf(current, job) } : {}),
    }),
  };
}
