// Glance meetings planned ahead from a record page (issue 11): schedule, reschedule, cancel, and start
// when due. Nothing here calls Salesforce on the click path: the Event and its Chatter post are one
// queued composite request (outbox job 'schedule-meeting'), each change one queued PATCH.

import type { SessionResult } from '../../shared/protocol/index.js';
import {
  type MeetingProblem,
  type MeetingRequest,
  type MeetingResult,
  type MeetingView,
  meetingInputProblem,
} from '../../shared/protocol/index.js';
import { resolveApiHost } from '../../shared/salesforce/api-host.js';
import { salesforceStatus } from '../../shared/salesforce/status.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { addressAllowed } from '../../shared/settings.js';
import { joinUrl } from '../glance/assumptions.js';
import { randomSessionKey } from '../glance/keys.js';
import { inBackground } from '../in-background.js';
import { enqueue, runOutbox } from '../outbox/runner.js';
import { readLog } from '../outbox/store.js';
import { cancelledEventFields, rescheduledEventFields, scheduledEventFields } from '../records/meeting-event.js';
import { directRelation, relationLookup } from '../records/session-event.js';
import { inSessionOrg } from '../session/audience.js';
import { type SessionPorts, startSession } from '../session/service.js';
import { readActiveSession } from '../session/state.js';
import { settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import {
  changeMeetings,
  meetingDueFor,
  readMeetings,
  type ScheduledMeeting,
  toMeetingView,
  upcomingMeetingFor,
} from './store.js';

const MINUTE = 60_000;

/** A 4-digit key chosen now for a meeting whose rep uses random keys (Glance's key form: A-file D). */
export const randomMeetingKey = () => randomSessionKey();

function newMeetingId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `m-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

let jobCounter = 0;
const jobId = (ports: SessionPorts) => `${ports.now().toString(36)}-m${(++jobCounter).toString(36)}-${newMeetingId()}`;

const fail = (problem: MeetingProblem) => ({ ok: false as const, problem });
const storeOf = (m: ScheduledMeeting) => (m.record.storeId ? { storeId: m.record.storeId } : {});

/** Schedules a meeting on the record page `request.pageUrl`, from a tab in cookie store `storeId`. */
export async function scheduleMeeting(
  request: MeetingRequest,
  storeId: string | undefined,
  ports: SessionPorts,
): Promise<MeetingResult> {
  const now = ports.now();
  // Checked again here: the dialog checked, but a message is input.
  const problem = meetingInputProblem(request, now);
  if (problem) return fail(problem);
  const page = parseSalesforceUrl(request.pageUrl);
  if (page?.kind !== 'record') return fail('not-a-record');
  const account = await readGlanceAccount(ports);
  if (!account) return fail('glance-not-connected');
  // The effective settings: the rep's choices held within the company policy as it is now.
  const { settings, policy } = await settingsView(ports);
  if (!addressAllowed(account.address, policy.glanceAddressPattern)) return fail('glance-address-not-allowed');

  const keyKind = settings.keyBehavior;
  const key = keyKind === 'random' ? randomMeetingKey() : '';
  const apiHost = (await resolveApiHost(new URL(request.pageUrl).hostname, ports, storeId))?.apiHost ?? page.apiHost;
  const start = Date.parse(request.startsAt);
  const meeting: ScheduledMeeting = {
    meetingId: newMeetingId(),
    record: { sobject: page.sobject, recordId: page.recordId, apiHost, ...(storeId ? { storeId } : {}) },
    subject: request.subject.trim(),
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + request.durationMinutes * MINUTE).toISOString(),
    durationMinutes: request.durationMinutes,
    invitee: request.invitee.trim(),
    notes: request.notes,
    keyKind,
    key,
    // A15: the join link with the key prefills it; the fixed key is never put in a link that is written.
    joinUrl: joinUrl(account.address, key),
    glanceAddress: account.address,
    phone: {
      numbers: settings.conference.phoneNumbers,
      accessCode: settings.conference.accessCode,
      notes: settings.conference.notes,
    },
    sequence: 0,
    cancelled: false,
  };
  const me = settings.chatterOnSchedule
    ? await salesforceStatus(request.pageUrl, ports, { cachedOnly: true, storeId })
    : null;
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'schedule-meeting',
    activityId: meeting.meetingId,
    apiHost,
    ...storeOf(meeting),
    fields: scheduledEventFields(meeting, directRelation(page), now),
    lookup: relationLookup(page, settings.usage),
    record: { sobject: page.sobject, recordId: page.recordId },
    usage: settings.usage,
    glanceAddress: account.address,
    // settingsView's chatterOnSchedule is already off when the policy does not allow Chatter.
    chatter: settings.chatterOnSchedule
      ? {
          parentId: me?.state === 'ready' && me.user.id ? me.user.id : page.recordId,
          title: `Glance meeting (${meeting.meetingId})`,
          // Never the key or the join link: colleagues open the linked Event.
          body: `Glance meeting scheduled on this ${page.sobject} for ${meeting.startsAt} (UTC). Open the Event to see how to join.`,
        }
      : undefined,
  });
  await changeMeetings(ports, now, (meetings) => [...meetings, meeting]);
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true, meeting: toMeetingView(meeting) };
}

/** The record page's org and cookie store, as the meetings list knows records. */
async function recordOf(pageUrl: string, storeId: string | undefined, ports: SessionPorts) {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return undefined;
  const apiHost = (await resolveApiHost(new URL(pageUrl).hostname, ports, storeId))?.apiHost ?? page.apiHost;
  return { sobject: page.sobject, recordId: page.recordId, apiHost, ...(storeId ? { storeId } : {}) };
}

/** The record's next meeting, for a tab of the meeting's own org and cookie store only. */
export async function upcomingMeeting(
  pageUrl: string,
  storeId: string | undefined,
  ports: SessionPorts,
): Promise<MeetingView | null> {
  const record = await recordOf(pageUrl, storeId, ports);
  if (!record) return null;
  const meeting = upcomingMeetingFor(await readMeetings(ports), record, ports.now());
  return meeting ? toMeetingView(meeting) : null;
}

/** The meeting with this id, if the sender tab (its URL and cookie store) is in the meeting's org. */
async function meetingForTab(meetingId: string, senderUrl: string, storeId: string | undefined, ports: SessionPorts) {
  const meeting = (await readMeetings(ports)).find((m) => m.meetingId === meetingId);
  if (!meeting || meeting.cancelled) return undefined;
  return (await inSessionOrg(senderUrl, storeId, meeting, ports)) ? meeting : undefined;
}

async function update(
  ports: SessionPorts,
  meeting: ScheduledMeeting,
  fields: Record<string, unknown>,
): Promise<MeetingResult> {
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'update-meeting',
    activityId: meeting.meetingId,
    apiHost: meeting.record.apiHost,
    ...storeOf(meeting),
    fields,
  });
  await changeMeetings(ports, ports.now(), (meetings) =>
    meetings.map((m) => (m.meetingId === meeting.meetingId ? meeting : m)),
  );
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true, meeting: toMeetingView(meeting) };
}

/** New times for the same Event (one queued PATCH); the invitation's sequence goes up. */
export async function rescheduleMeeting(
  change: { meetingId: string; startsAt: string; durationMinutes: number },
  senderUrl: string,
  storeId: string | undefined,
  ports: SessionPorts,
): Promise<MeetingResult> {
  const meeting = await meetingForTab(change.meetingId, senderUrl, storeId, ports);
  if (!meeting) return fail('meeting-gone');
  if (await sessionRunsFor(meeting.meetingId, ports)) return fail('meeting-in-progress');
  const now = ports.now();
  const problem = meetingInputProblem({ ...meeting, ...change }, now);
  if (problem) return fail(problem);
  const start = Date.parse(change.startsAt);
  const moved: ScheduledMeeting = {
    ...meeting,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + change.durationMinutes * MINUTE).toISOString(),
    durationMinutes: change.durationMinutes,
    sequence: meeting.sequence + 1,
  };
  return update(ports, moved, rescheduledEventFields(moved, now));
}

/** The meeting's own session is running now (its end update will write the meeting's Event). */
async function sessionRunsFor(meetingId: string, ports: SessionPorts): Promise<boolean> {
  return (await readActiveSession(ports))?.meeting?.meetingId === meetingId;
}

/** The same Event marked cancelled (one queued PATCH); the invitation is re-issued as a cancellation. */
export async function cancelMeeting(
  meetingId: string,
  senderUrl: string,
  storeId: string | undefined,
  ports: SessionPorts,
): Promise<MeetingResult> {
  const meeting = await meetingForTab(meetingId, senderUrl, storeId, ports);
  if (!meeting) return fail('meeting-gone');
  if (await sessionRunsFor(meeting.meetingId, ports)) return fail('meeting-in-progress');
  const cancelled: ScheduledMeeting = { ...meeting, cancelled: true, sequence: meeting.sequence + 1 };
  return update(ports, cancelled, cancelledEventFields(cancelled, ports.now()));
}

/**
 * Starts the session of a meeting that is due (15 minutes before its start to its end) from its own
 * record page, with the meeting's key; the session's writes update the meeting's Event.
 */
export async function startScheduledMeeting(
  meetingId: string,
  pageUrl: string,
  storeId: string | undefined,
  ports: SessionPorts,
): Promise<SessionResult | { ok: false; problem: MeetingProblem }> {
  const record = await recordOf(pageUrl, storeId, ports);
  if (!record) return fail('not-a-record');
  // Another org's or cookie store's tab learns nothing of the meeting, not even that it exists.
  if (!(await meetingForTab(meetingId, pageUrl, storeId, ports))) return fail('meeting-gone');
  const meeting = meetingDueFor(await readMeetings(ports), record, ports.now());
  if (!meeting || meeting.meetingId !== meetingId) return fail('meeting-not-due');
  // Its invitation sent guests to the address it was scheduled with: the rep connects that one first.
  const account = await readGlanceAccount(ports);
  if (account && account.address !== meeting.glanceAddress) return fail('meeting-other-address');
  return startSession(pageUrl, 'screenshare', ports, storeId, meeting);
}

/**
 * The rep discarded a meeting's waiting writes: a meeting whose Event never reached Salesforce is
 * forgotten with them, so the toolbar does not offer to reschedule, cancel or start a meeting that
 * does not exist. One whose Event landed stays (only a later change was discarded).
 */
export async function forgetUnwrittenMeeting(ports: SessionPorts, meetingId: string): Promise<void> {
  if ((await readLog(ports, meetingId)).eventId) return;
  await changeMeetings(ports, ports.now(), (meetings) => meetings.filter((m) => m.meetingId !== meetingId));
}
