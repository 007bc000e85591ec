// Scheduling a Glance meeting from a record (issue 11, item 2): a future Event on the right records,
// with the key the meeting will use, the join address and the phone details, and the Chatter post,
// in one composite request through the durable queue. Against the in-process emulators.
import { describe, expect, it, vi } from 'vitest';
import { randomMeetingKey, scheduleMeeting } from '../../src/background/meeting/service.js';
import { readMeetings } from '../../src/background/meeting/store.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { readQueue } from '../../src/background/outbox/store.js';
import type { MeetingRequest } from '../../src/shared/protocol/index.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';
import { MINUTE, meetingEvent, request, schedule } from '../support/meetings.js';
import { readJobs } from '../support/queue.js';

const CONFERENCE = { phoneNumbers: '+1 555 0100', accessCode: '424242#', notes: 'Press 1 for English' };

const at = (value: unknown) => Date.parse(String(value));

describe('scheduling a meeting', () => {
  it('writes one future Event in one request: UTC times, reminder 15 minutes before, key, join link, phone', async () => {
    const h = harness();
    await h.connect({ conference: CONFERENCE });
    const lead = h.seeded('Lead');
    const meeting = await schedule(h, 'Lead', lead.Id);
    expect(meeting.key).toMatch(/^\d{4}$/);
    expect(meeting.joinUrl).toBe(`https://acme.glance.net/?key=${meeting.key}`);
    // Nothing is sent to Salesforce on the click path.
    expect(h.salesforceCalls()).toHaveLength(0);
    await runOutbox(h.ports);
    expect(h.salesforceCalls()).toHaveLength(1);
    expect(await readJobs(h.ports)).toEqual([]);

    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(at(event.StartDateTime)).toBe(at(meeting.startsAt));
    expect(at(event.EndDateTime)).toBe(at(meeting.startsAt) + 30 * MINUTE);
    expect(event.DurationInMinutes).toBe(30);
    expect(event.IsReminderSet).toBe(true);
    expect(at(event.ReminderDateTime)).toBe(at(meeting.startsAt) - 15 * MINUTE);
    expect(event.Subject).toBe(`Demo for Lead [Glance meeting ${meeting.meetingId}]`);
    expect(event.WhoId).toBe(lead.Id);
    expect(event.Location).toBe(meeting.joinUrl);
    const description = String(event.Description);
    for (const line of [
      `Session key: ${meeting.key}`,
      `Join link: ${meeting.joinUrl}`,
      'Invitee: pat@customer.example',
      'Conference phone: +1 555 0100',
      'Access code: 424242#',
      'Phone notes: Press 1 for English',
      'Bring the Q3 numbers.',
    ])
      expect(description).toContain(line);
    expect((await readQueue(h.ports)).logs[meeting.meetingId]).toMatchObject({
      eventId: meetingEvent(h, meeting.meetingId).Id,
      state: 'logged',
    });
    expect(await readMeetings(h.ports)).toMatchObject([{ meetingId: meeting.meetingId, sequence: 0 }]);
  });

  it('relates the Event by the same rules as a live session, for each of the five record types', async () => {
    const h = harness();
    await h.connect();
    for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
      const record = h.seeded(type);
      const meeting = await schedule(h, type, record.Id);
      await runOutbox(h.ports);
      const event = meetingEvent(h, meeting.meetingId).fields;
      const field = type === 'Lead' || type === 'Contact' ? 'WhoId' : 'WhatId';
      expect(event[field]).toBe(record.Id);
    }
    // One composite request per meeting.
    expect(h.salesforceCalls()).toHaveLength(5);
  });

  it('posts to Chatter in the same request when the rep wants it: a link to the Event, internal, no key', async () => {
    const h = harness();
    await h.connect({ chatterOnSchedule: true });
    const meeting = await schedule(h, 'Contact', h.seeded('Contact').Id);
    await runOutbox(h.ports);
    expect(h.salesforceCalls()).toHaveLength(1);
    const event = meetingEvent(h, meeting.meetingId);
    const posts = h.records('FeedItem').filter((f) => String(f.fields.Title).includes(meeting.meetingId));
    expect(posts).toHaveLength(1);
    const post = posts[0]?.fields ?? {};
    expect(post).toMatchObject({ Type: 'LinkPost', Visibility: 'InternalUsers' });
    expect(String(post.LinkUrl)).toContain(`/lightning/r/Event/${event.Id}/view`);
    expect(`${post.Title} ${post.Body}`).not.toContain(meeting.key);
  });

  it('without "Chatter when scheduling" there is no post', async () => {
    const h = harness();
    await h.connect({ chatterOnStart: true });
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    meetingEvent(h, meeting.meetingId);
    expect(h.records('FeedItem').filter((f) => String(f.fields.Title).includes(meeting.meetingId))).toHaveLength(0);
  });

  it('a fixed key is never written: the Event says the rep’s fixed key is used, without the digits', async () => {
    const h = harness();
    await h.connect({ keyBehavior: 'fixed', fixedKey: '8642' });
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    expect(meeting).toMatchObject({ keyKind: 'fixed', key: '', joinUrl: 'https://acme.glance.net/' });
    await runOutbox(h.ports);
    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(JSON.stringify(event)).not.toContain('8642');
    expect(String(event.Description)).toContain('Session key: the rep’s fixed key (not recorded)');
    expect(event.Location).toBe('https://acme.glance.net/');
  });

  it('no key: the Event says so and links to the address', async () => {
    const h = harness();
    await h.connect({ keyBehavior: 'none' });
    const meeting = await schedule(h, 'Case', h.seeded('Case').Id);
    await runOutbox(h.ports);
    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(String(event.Description)).toContain('Session key: none');
    expect(event.Location).toBe('https://acme.glance.net/');
  });

  it('outside text cannot forge lines: subject and invitee stay on one line', async () => {
    const h = harness();
    await h.connect();
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id, {
      subject: 'Hi\nSession key: 0000\u202e',
    });
    await runOutbox(h.ports);
    const event = meetingEvent(h, meeting.meetingId).fields;
    expect(String(event.Subject)).not.toMatch(/[\n\u202e]/);
    expect(
      String(event.Description)
        .split('\n')
        .filter((l) => l.startsWith('Session key:')),
    ).toEqual([`Session key: ${meeting.key}`]);
  });
});

describe('bad input is refused before anything is written', () => {
  const cases: [string, (h: Harness) => Partial<MeetingRequest>, string][] = [
    ['a time in the past', (h) => ({ startsAt: new Date(h.ports.now() - MINUTE).toISOString() }), 'start-in-past'],
    ['a time without its zone', () => ({ startsAt: '2030-01-01T10:00:00' }), 'invalid-time'],
    ['4 minutes', () => ({ durationMinutes: 4 }), 'duration-out-of-bounds'],
    ['481 minutes', () => ({ durationMinutes: 481 }), 'duration-out-of-bounds'],
    ['12.5 minutes', () => ({ durationMinutes: 12.5 }), 'duration-out-of-bounds'],
    ['an empty subject', () => ({ subject: '  ' }), 'subject-missing'],
    ['a subject of 256 characters', () => ({ subject: 'x'.repeat(256) }), 'subject-too-long'],
    ['notes of 32,001 characters', () => ({ notes: 'x'.repeat(32_001) }), 'notes-too-long'],
    ['an invalid email', () => ({ invitee: 'pat@' }), 'invalid-email'],
  ];
  for (const [name, input, problem] of cases) {
    it(`${name}: ${problem}`, async () => {
      const h = harness();
      await h.connect();
      const result = await scheduleMeeting(request(h, 'Lead', h.seeded('Lead').Id, input(h)), undefined, h.ports);
      expect(result).toEqual({ ok: false, problem });
      expect(await readJobs(h.ports)).toEqual([]);
      expect(await readMeetings(h.ports)).toEqual([]);
    });
  }

  it('the bounds themselves are allowed: 5 and 480 minutes, 255 characters, no invitee', async () => {
    const h = harness();
    await h.connect();
    const id = h.seeded('Lead').Id;
    await schedule(h, 'Lead', id, { durationMinutes: 5, subject: 'y'.repeat(255), invitee: '' });
    await schedule(h, 'Lead', id, { durationMinutes: 480 });
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(h.records('Event').filter((e) => String(e.fields.Subject).includes('[Glance meeting'))).toHaveLength(2);
  });

  it('a page that is not a record, and no Glance account, are refused', async () => {
    const h = harness();
    const lead = h.seeded('Lead').Id;
    expect(await scheduleMeeting(request(h, 'Lead', lead), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'glance-not-connected',
    });
    await h.connect();
    const home = { ...request(h, 'Lead', lead), pageUrl: `${LIGHTNING}/lightning/page/home` };
    expect(await scheduleMeeting(home, undefined, h.ports)).toEqual({ ok: false, problem: 'not-a-record' });
  });
});

describe('the company policy, at scheduling and when the write is sent', () => {
  it('a Glance address the policy does not allow cannot schedule', async () => {
    const h = harness();
    await h.connect();
    await h.setPolicy({ glanceAddressPattern: '*.other.glance.net' });
    expect(await scheduleMeeting(request(h, 'Lead', h.seeded('Lead').Id), undefined, h.ports)).toEqual({
      ok: false,
      problem: 'glance-address-not-allowed',
    });
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('Chatter forbidden before the write is sent: the Event lands without the post', async () => {
    const h = harness();
    await h.connect({ chatterOnSchedule: true });
    h.setSid(undefined); // Salesforce is away for now
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    await h.setPolicy({ allowChatter: false });
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    h.tick(2 * 60 * 60 * 1000);
    await runOutbox(h.ports);
    meetingEvent(h, meeting.meetingId);
    expect(h.records('FeedItem')).toHaveLength(0);
  });

  it('the Glance address forbidden before the write is sent: the meeting is not written', async () => {
    const h = harness();
    await h.connect();
    h.setSid(undefined);
    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    await h.setPolicy({ glanceAddressPattern: '*.other.glance.net' });
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    h.tick(2 * 60 * 60 * 1000);
    await runOutbox(h.ports);
    expect(h.records('Event').filter((e) => String(e.fields.Subject).includes(meeting.meetingId))).toHaveLength(0);
    expect(await readJobs(h.ports)).toEqual([]);
  });
});

describe('the key a meeting chooses', () => {
  it('comes from crypto.getRandomValues, four digits with leading zeros, no digit likelier (rejection sampling)', () => {
    // 65535 and 60000 lie above the last whole block of 10,000 and are drawn again.
    const draws = [65_535, 60_000, 7, 59_999];
    const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
      (array as unknown as Uint16Array)[0] = draws.shift() ?? 0;
      return array;
    });
    try {
      expect(randomMeetingKey()).toBe('0007');
      expect(randomMeetingKey()).toBe('9999');
      expect(spy).toHaveBeenCalledTimes(4);
    } finally {
      spy.mockRestore();
    }
  });
});
