// The meeting messages (issue 11): validated like every content request, for a record page of the
// sender's own host, and a meeting only from a tab of its own org and cookie store.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { routeMessage } from '../../src/background/router.js';
import type { MeetingResult, MeetingView } from '../../src/shared/protocol/index.js';
import { INVALID_MESSAGE, parseContentMessage } from '../../src/shared/protocol/index.js';
import { harness, LIGHTNING } from '../support/background-harness.js';
import { MINUTE, request } from '../support/meetings.js';
import { readJobs } from '../support/queue.js';

const sender = (url: string, tabId: number, incognito = false) => ({
  id: 'test',
  url,
  frameId: 0,
  tab: { id: tabId, url, incognito },
});

describe('meeting messages', () => {
  it('validates shapes: wrong types and missing fields are invalid, an over-long subject gets its own problem', () => {
    const meeting = {
      pageUrl: `${LIGHTNING}/lightning/r/Lead/00Q000000000001AAA/view`,
      startsAt: '2030-01-01T10:00:00Z',
      durationMinutes: 30,
      subject: 's',
      invitee: '',
      notes: '',
    };
    expect(parseContentMessage({ type: 'content:schedule-meeting', meeting })).toEqual({
      type: 'content:schedule-meeting',
      meeting,
    });
    for (const bad of [
      { ...meeting, durationMinutes: '30' },
      { ...meeting, startsAt: 7 },
      { ...meeting, subject: undefined },
      { ...meeting, notes: 'x'.repeat(100_000) },
      null,
    ])
      expect(parseContentMessage({ type: 'content:schedule-meeting', meeting: bad })).toBeUndefined();
    expect(parseContentMessage({ type: 'content:cancel-meeting', meetingId: '' })).toBeUndefined();
    expect(parseContentMessage({ type: 'content:reschedule-meeting', meetingId: 'm', startsAt: 'x' })).toBeUndefined();
    expect(parseContentMessage({ type: 'content:start-scheduled-meeting', meetingId: 'm' })).toBeUndefined();
  });

  it('schedules from the sender’s own record page only; another host’s page is an invalid message', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const page = `${LIGHTNING}/lightning/r/Lead/${lead}/view`;
    const meeting = request(h, 'Lead', lead);
    const answer = (await routeMessage(
      { type: 'content:schedule-meeting', meeting },
      sender(page, 1),
      h.ports,
    )) as MeetingResult;
    expect(answer.ok).toBe(true);
    const other = 'https://globex.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view';
    expect(await routeMessage({ type: 'content:schedule-meeting', meeting }, sender(other, 2), h.ports)).toEqual(
      INVALID_MESSAGE,
    );
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('the upcoming meeting, reschedule, cancel and start answer only the meeting’s own org and cookie store', async () => {
    const h = harness();
    await h.connect();
    const lead = h.seeded('Lead').Id;
    const page = `${LIGHTNING}/lightning/r/Lead/${lead}/view`;
    const scheduled = (await routeMessage(
      { type: 'content:schedule-meeting', meeting: request(h, 'Lead', lead) },
      sender(page, 1),
      h.ports,
    )) as MeetingResult;
    if (!scheduled.ok) throw new Error(scheduled.problem);
    const { meetingId } = scheduled.meeting;
    const upcoming = (await routeMessage(
      { type: 'content:upcoming-meeting', pageUrl: page },
      sender(page, 1),
      h.ports,
    )) as MeetingView;
    expect(upcoming.meetingId).toBe(meetingId);
    // The same record in an incognito window (another cookie store) has no meeting, and may not touch it.
    const incognito = sender(page, 3, true);
    expect(await routeMessage({ type: 'content:upcoming-meeting', pageUrl: page }, incognito, h.ports)).toBeNull();
    const gone = { ok: false, problem: 'meeting-gone' };
    expect(await routeMessage({ type: 'content:cancel-meeting', meetingId }, incognito, h.ports)).toEqual(gone);
    const startsAt = new Date(h.ports.now() + 60 * MINUTE).toISOString();
    expect(
      await routeMessage(
        { type: 'content:reschedule-meeting', meetingId, startsAt, durationMinutes: 20 },
        incognito,
        h.ports,
      ),
    ).toEqual(gone);
    expect(
      await routeMessage({ type: 'content:start-scheduled-meeting', meetingId, pageUrl: page }, incognito, h.ports),
    ).toEqual(gone);
    // From the rep's own tab: moved to within the hour, then started when due.
    const moved = (await routeMessage(
      { type: 'content:reschedule-meeting', meetingId, startsAt, durationMinutes: 20 },
      sender(page, 1),
      h.ports,
    )) as MeetingResult;
    expect(moved).toMatchObject({ ok: true, meeting: { sequence: 1, durationMinutes: 20 } });
    h.tick(50 * MINUTE);
    const started = (await routeMessage(
      { type: 'content:start-scheduled-meeting', meetingId, pageUrl: page },
      sender(page, 1),
      h.ports,
    )) as { ok: boolean; session?: { key: string } };
    expect(started).toMatchObject({ ok: true, session: { key: scheduled.meeting.key } });
  });
});
