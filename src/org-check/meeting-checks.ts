// The checks of a scheduled meeting's writes: its Event (and Chatter post) when scheduled, and the
// same Event when cancelled. A meeting has its own log in the queue (its id is its jobs' activityId).
import { logEnd, logStart } from '../background/outbox/jobs.js';
import { cancelledEventFields, scheduledEventFields } from '../background/records/meeting-event.js';
import { relationLookup } from '../background/records/session-event.js';
import type { OutboxJob } from '../background/storage/outbox-shapes.js';
import type { OrgCheck } from './context.js';
import { postsTitled } from './session-checks.js';

export const meetingScheduled: OrgCheck = {
  id: 'meeting-scheduled',
  needsLead: true,
  async run(run) {
    const { meeting } = run;
    const meetingTitle = `Org check meeting ${run.stamp}`;
    const job: Extract<OutboxJob, { kind: 'schedule-meeting' }> = {
      ...run.queued('check-meeting', run.meetingId),
      kind: 'schedule-meeting',
      fields: scheduledEventFields(meeting, { WhoId: run.leadId }, Date.now()),
      lookup: relationLookup(run.record, 'sales'),
      chatter: { parentId: run.chatterParent, title: meetingTitle, body: 'Glance for Salesforce org check meeting.' },
      glanceAddress: meeting.glanceAddress,
    };
    const sent = await run.asMeeting(() => run.send(logStart, job));
    const eventId = run.meetingLog.eventId;
    if (!eventId) throw new Error('no Event id');
    run.created.push({ type: 'Event', id: eventId });
    const chatterError = run.meetingLog.chatterError;
    const posts = chatterError ? [] : await postsTitled(run, meetingTitle);
    for (const post of posts) run.created.push({ type: 'FeedItem', id: post.Id });
    await run.readsBack(eventId, job.fields, sent.without, (fields) => `Event ${eventId} written without ${fields}`);
    const linked = posts.some((p) => p.LinkUrl?.includes(`/lightning/r/Event/${eventId}/view`));
    const chatter = chatterError ? `no post: ${chatterError}` : linked ? 'the post links to it' : 'no post links to it';
    if (!chatterError && !linked) throw new Error(`Event ${eventId}: ${chatter}`);
    return `Event ${eventId} (${meeting.startsAt}): ${Object.keys(job.fields).join(', ')} read back as written; ${chatter}`;
  },
};

export const meetingCancelled: OrgCheck = {
  id: 'meeting-cancelled',
  needsLead: true,
  async run(run) {
    const eventId = run.meetingLog.eventId;
    if (!eventId) throw new Error('no meeting Event to cancel');
    const job: Extract<OutboxJob, { kind: 'update-meeting' }> = {
      ...run.queued('check-cancel', run.meetingId),
      kind: 'update-meeting',
      fields: cancelledEventFields({ ...run.meeting, cancelled: true, sequence: 1 }, Date.now()),
    };
    const sent = await run.asMeeting(() => run.send(logEnd, job));
    await run.readsBack(
      eventId,
      job.fields,
      sent.without,
      (fields) => `Event cancelled without ${fields}: ${sent.error ?? ''}`,
    );
    return `Event ${eventId}: ${Object.keys(job.fields).join(', ')} read back as written`;
  },
};
