// A scheduled meeting after it is written (issue 11, items 2, 4 and 5): a resend never creates a
// second meeting, reschedule and cancel update the same Event in one request each, and at its time
// the meeting starts with its own key and its session writes to that same Event.
import { describe, expect, it } from 'vitest';
import { clientLaunchUrl } from '../../src/background/glance/documented.js';
import { cancelMeeting, rescheduleMeeting, startScheduledMeeting } from '../../src/background/meeting/service.js';
import { meetingDueFor, readMeetings } from '../../src/background/meeting/store.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { salesforceQueueView } from '../../src/background/outbox/view.js';
import { routeMessage } from '../../src/background/router.js';
import { addGuest, endSession } from '../../src/background/session/service.js';
import { connectAccount } from '../../src/background/settings/account.js';
import { harness, LIGHTNING } from '../support/background-harness.js';
import { MINUTE, meetingEvent, schedule } from '../support/meetings.js';
import { readJobs } from '../support/queue.js';

const at = (value: unknown) => Date.parse(String(value));
const leadPage = (id: string) => `${LIGHTNING}/lightning/r/Lead/${id}/view`;
const leadTab = (id: string) => ({ id: 'test', url: leadPage(id), frameId: 0, tab: { id: 1, url: leadPage(id) } });

describe('a resend never creates two meetings', () => {
  it('the answer is cut off after Salesforce applied the composite: looked up, one Event, one post', async () => {
    const h = harness();
    await h.connect({ chatterOnSchedule: true });
    // The sandbox's own fault: the composite is applied, then the connection drops before the answer.
    h.sandbox.state.faults.push({ pathIncludes: '/composite', remaining: 1, status: 0, afterApply: true });
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'schedule-meeting', inFlight: true }]);
    // The retry's own alarm, when a rep's browser fires it (30 s: alarms.ts).
    await h.advance(30_000);
    expect(await readJobs(h.ports)).toEqual([]);
    meetingEvent(h, meeting.meetingId);
    expect(h.records('FeedItem').filter((f) => String(f.fields.Title).includes(meeting.meetingId))).toHaveLength(1);
    // The send, then one look that found both: nothing written twice.
    expect(h.salesforceCalls()).toHaveLength(2);
  });

  it('a composite applied twice (Chromium’s silent resend) is found by the same call, and the twin deleted', async () => {
    const h = harness();
    await h.connect({ chatterOnSchedule: true });
    const real = h.ports.fetch;
    let twice = true;
    h.ports.fetch = (async (input: string, init: RequestInit = {}) => {
      if (!twice || !String(input).endsWith('/composite')) return real(input, init);
      twice = false;
      await real(input, init); // applied, the reused connection closed before any answer…
      return real(input, init); // …so Chromium sent it again by itself
    }) as typeof fetch;
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    const event = meetingEvent(h, meeting.meetingId);
    const posts = h.records('FeedItem').filter((f) => String(f.fields.Title).includes(meeting.meetingId));
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.fields.LinkUrl)).toContain(event.Id);
  });
});

describe('reschedule and cancel', () => {
  it('reschedule: the same Event gets the new times and reminder, in one request; the sequence goes up', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    const eventId = meetingEvent(h, meeting.meetingId).Id;
    const calls = h.salesforceCalls().length;
    const startsAt = new Date(at(meeting.startsAt) + 24 * 60 * MINUTE).toISOString();
    const moved = await rescheduleMeeting(
      { meetingId: meeting.meetingId, startsAt, durationMinutes: 45 },
      leadPage(lead),
      undefined,
      h.ports,
    );
    expect(moved).toMatchObject({ ok: true, meeting: { sequence: 1, durationMinutes: 45, key: meeting.key } });
    await runOutbox(h.ports);
    expect(h.salesforceCalls()).toHaveLength(calls + 1);
    const event = meetingEvent(h, meeting.meetingId);
    expect(event.Id).toBe(eventId);
    expect(at(event.fields.StartDateTime)).toBe(at(startsAt));
    expect(event.fields.DurationInMinutes).toBe(45);
    expect(at(event.fields.ReminderDateTime)).toBe(at(startsAt) - 15 * MINUTE);
  });

  it('a reschedule into the past or out of bounds is refused, and nothing is queued', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    const past = new Date(h.ports.now() - MINUTE).toISOString();
    expect(
      await rescheduleMeeting(
        { meetingId: meeting.meetingId, startsAt: past, durationMinutes: 30 },
        leadPage(lead),
        undefined,
        h.ports,
      ),
    ).toEqual({ ok: false, problem: 'start-in-past' });
    expect(
      await rescheduleMeeting(
        { meetingId: meeting.meetingId, startsAt: meeting.startsAt, durationMinutes: 481 },
        leadPage(lead),
        undefined,
        h.ports,
      ),
    ).toEqual({ ok: false, problem: 'duration-out-of-bounds' });
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('cancel: the same Event is marked cancelled (Subject, description, free time, no key), in one request', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    const calls = h.salesforceCalls().length;
    expect(await cancelMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toMatchObject({
      ok: true,
      meeting: { cancelled: true, sequence: 1 },
    });
    await runOutbox(h.ports);
    expect(h.salesforceCalls()).toHaveLength(calls + 1);
    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(String(event.Subject)).toMatch(/^Cancelled: Demo for Lead/);
    expect(String(event.Description)).toMatch(/^Cancelled: this Glance meeting was cancelled/);
    expect(event).toMatchObject({ ShowAs: 'Free', IsReminderSet: false, Location: 'https://acme.glance.net/' });
    expect(JSON.stringify(event)).not.toContain(`key=${meeting.key}`);
    // A cancelled meeting can be neither changed again nor started.
    expect(await cancelMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-gone',
    });
  });

  it('a change made before the meeting’s Event landed waits for it, then updates that Event', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    h.setSid(undefined);
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    await cancelMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports);
    // The popup names what waits: the meeting's record and planned start, two writes.
    expect((await salesforceQueueView(h.ports)).waiting).toMatchObject([
      { activityId: meeting.meetingId, sobject: 'Lead', startedAt: meeting.startsAt, writes: 2 },
    ]);
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    h.tick(2 * 60 * 60 * 1000);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(String(meetingEvent(h, meeting.meetingId).fields.Subject)).toMatch(/^Cancelled: /);
  });

  it('another org’s tab, or an incognito tab, cannot change the meeting', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    h.setSidFor('globex.my.salesforce.com', '00D000000000002!globex');
    const globex = 'https://globex.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view';
    expect(await cancelMeeting(meeting.meetingId, globex, undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-gone',
    });
    expect(await cancelMeeting(meeting.meetingId, leadPage(lead), '1', h.ports)).toEqual({
      ok: false,
      problem: 'meeting-gone',
    });
  });
});

describe('when the meeting’s time comes', () => {
  it('is due from 15 minutes before its start to its end', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    const record = { sobject: 'Lead', recordId: lead, apiHost: 'acme.my.salesforce.com' };
    const due = async (time: number) => meetingDueFor(await readMeetings(h.ports), record, time)?.meetingId;
    const start = at(meeting.startsAt);
    expect(await due(start - 15 * MINUTE - 1)).toBeUndefined();
    expect(await due(start - 15 * MINUTE)).toBe(meeting.meetingId);
    expect(await due(start + 29 * MINUTE)).toBe(meeting.meetingId);
    expect(await due(start + 30 * MINUTE)).toBeUndefined();
    expect(meetingDueFor(await readMeetings(h.ports), { ...record, recordId: h.seeded('Lead', 1).Id }, start)).toBe(
      undefined,
    );
  });

  it('starts only with the Glance address it was scheduled with (its guests join there)', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    expect((await connectAccount('ja.acme.glance.net', 'battery-staple', h.ports)).ok).toBe(true);
    h.tick(at(meeting.startsAt) - h.ports.now() - 10 * MINUTE);
    expect(await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-other-address',
    });
    expect((await connectAccount('acme.glance.net', 'correct-horse', h.ports)).ok).toBe(true);
    expect((await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).ok).toBe(true);
  });

  it('starts with the meeting’s key and writes the real start and end to that same Event', async () => {
    const h = harness();
    await h.connect({ conference: { phoneNumbers: '+1 555 0100', accessCode: '', notes: '' } });
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    const eventId = meetingEvent(h, meeting.meetingId).Id;

    expect(await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-not-due',
    });
    h.tick(at(meeting.startsAt) - h.ports.now() - 10 * MINUTE);
    const started = await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports);
    if (!started.ok || !('session' in started) || !started.session) throw new Error(JSON.stringify(started));
    expect(started.session.key).toBe(meeting.key);
    // The rep's Glance Client starts the session with the invitation's key, and a guest who has it joins.
    expect(started.session.launchNow).toBe(clientLaunchUrl(meeting.key, { username: 'acme.glance.net' }));
    const atGlance = h.launchClient(started.session.launchNow);
    expect(h.sandbox.state.glance.join('acme.glance.net', meeting.key, { name: 'Pat', email: '' })?.sessionId).toBe(
      atGlance.sessionId,
    );
    // Glance does not tell the extension (no assumed ops here, as on a real account): the rep adds Pat.
    expect((await addGuest(started.session.sessionId, { name: 'Pat', email: '' }, h.ports)).ok).toBe(true);
    await runOutbox(h.ports);
    let event = meetingEvent(h, meeting.meetingId);
    expect(event.Id).toBe(eventId);
    expect(at(event.fields.StartDateTime)).toBe(at(started.session.startedAt));
    expect(String(event.fields.Description)).toContain('Status: in progress');
    expect(String(event.fields.Description)).toContain('Conference phone: +1 555 0100');

    h.tick(20 * MINUTE);
    expect(await endSession(started.session.sessionId, h.ports)).toEqual({ ok: true, session: null });
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    event = meetingEvent(h, meeting.meetingId);
    expect(event.Id).toBe(eventId);
    expect(String(event.fields.Description)).toContain('Ended:');
    expect(String(event.fields.Description)).toContain('Guests: 1');
    expect(String(event.fields.Description)).toContain('Conference phone: +1 555 0100');
    // No other Event was made for the session.
    expect(h.records('Event').filter((e) => String(e.fields.Subject).startsWith('Glance session'))).toHaveLength(0);
    // Held: no longer upcoming, and not offered again (a second start would overwrite its Event).
    expect(await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-not-due',
    });
    expect(
      await routeMessage({ type: 'content:upcoming-meeting', pageUrl: leadPage(lead) }, leadTab(lead), h.ports),
    ).toBeNull();
  });

  it('a fixed-key meeting starts with the rep’s fixed key, and the digits never reach its Event', async () => {
    const h = harness();
    await h.connect({ keyBehavior: 'fixed', fixedKey: '8642' });
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead, { startsAt: new Date(h.ports.now() + 5 * MINUTE).toISOString() });
    const started = await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports);
    if (!started.ok || !('session' in started) || !started.session) throw new Error(JSON.stringify(started));
    expect(started.session.key).toBe('8642');
    await runOutbox(h.ports);
    await endSession(started.session.sessionId, h.ports);
    await runOutbox(h.ports);
    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(String(event.Description)).toContain('Ended:');
    expect(JSON.stringify(event)).not.toContain('8642');
  });

  it('a fixed-key meeting cannot start once the policy forbids fixed keys (the invitation promised that key)', async () => {
    const h = harness();
    await h.connect({ keyBehavior: 'fixed', fixedKey: '8642' });
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead, { startsAt: new Date(h.ports.now() + 5 * MINUTE).toISOString() });
    await h.setPolicy({ allowFixedKey: false });
    expect(await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'key-not-allowed',
    });
  });

  it('a session started while the meeting’s Event waits (a locked row) waits for it, then updates it', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    h.sandbox.state.salesforce.trouble.lockedWrites = 1;
    const meeting = await schedule(h, 'Lead', lead, {
      startsAt: new Date(h.ports.now() + 5 * MINUTE).toISOString(),
    });
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'schedule-meeting', problem: 'unavailable' }]);
    const started = await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports);
    if (!started.ok || !('session' in started) || !started.session) throw new Error(JSON.stringify(started));
    await endSession(started.session.sessionId, h.ports);
    await runOutbox(h.ports);
    // The session's writes wait behind the meeting's own (still backing off), instead of failing.
    expect((await readJobs(h.ports)).map((j) => [j.kind, j.attention ?? false])).toEqual([
      ['schedule-meeting', false],
      ['meeting-start', false],
      ['log-end', false],
    ]);
    h.tick(10 * MINUTE);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(String(meetingEvent(h, meeting.meetingId).fields.Description)).toContain('Ended:');
    expect(h.records('Event').filter((e) => String(e.fields.Subject).startsWith('Glance session'))).toHaveLength(0);
  });
});

describe('a meeting whose write the rep discards', () => {
  it('is forgotten with it: no longer upcoming, nothing left to reschedule onto', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    // The org refuses every Event (an admin's validation rule): the write waits for the rep.
    h.sandbox.state.salesforce.setup.validationRules.push({ sobject: 'Event', message: 'No Glance meetings here' });
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    const popup = { id: 'test', url: 'chrome-extension://test/src/pages/popup/index.html' };
    await routeMessage({ type: 'page:discard-salesforce', activityId: meeting.meetingId }, popup, h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(
      await routeMessage({ type: 'content:upcoming-meeting', pageUrl: leadPage(lead) }, leadTab(lead), h.ports),
    ).toBeNull();
    expect((await readMeetings(h.ports)).map((m) => m.meetingId)).not.toContain(meeting.meetingId);
  });
});

describe('a meeting whose session is running', () => {
  it('cannot be rescheduled or cancelled until its session ends (its Event would be overwritten)', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const meeting = await schedule(h, 'Lead', lead);
    await runOutbox(h.ports);
    h.tick(at(meeting.startsAt) - h.ports.now() - 5 * MINUTE);
    const started = await startScheduledMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const later = new Date(at(meeting.startsAt) + 60 * MINUTE).toISOString();
    expect(
      await rescheduleMeeting(
        { meetingId: meeting.meetingId, startsAt: later, durationMinutes: 30 },
        leadPage(lead),
        undefined,
        h.ports,
      ),
    ).toEqual({ ok: false, problem: 'meeting-in-progress' });
    expect(await cancelMeeting(meeting.meetingId, leadPage(lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'meeting-in-progress',
    });
    await runOutbox(h.ports);
    expect(String(meetingEvent(h, meeting.meetingId).fields.Subject)).not.toMatch(/^Cancelled/);
  });
});
