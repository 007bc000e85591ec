// Scheduling meetings in the background harness (issue 11): a request for a seeded record, and the
// meeting's one Event in the emulator.
import { expect } from 'vitest';
import { scheduleMeeting } from '../../src/background/meeting/service.js';
import type { MeetingRequest } from '../../src/shared/protocol/index.js';
import { type Harness, LIGHTNING } from './background-harness.js';

export const MINUTE = 60_000;

/** A meeting two days ahead on the record's Lightning page. */
export function request(h: Harness, type: string, id: string, extra: Partial<MeetingRequest> = {}): MeetingRequest {
  return {
    pageUrl: `${LIGHTNING}/lightning/r/${type}/${id}/view`,
    startsAt: new Date(h.ports.now() + 2 * 24 * 60 * MINUTE).toISOString(),
    durationMinutes: 30,
    subject: `Demo for ${type}`,
    invitee: 'pat@customer.example',
    notes: 'Bring the Q3 numbers.',
    ...extra,
  };
}

export async function schedule(h: Harness, type: string, id: string, extra: Partial<MeetingRequest> = {}) {
  const result = await scheduleMeeting(request(h, type, id, extra), undefined, h.ports);
  if (!result.ok) throw new Error(`schedule failed: ${result.problem}`);
  return result.meeting;
}

export function meetingEvent(h: Harness, meetingId: string) {
  const events = h.records('Event').filter((e) => String(e.fields.Subject).includes(meetingId));
  expect(events).toHaveLength(1);
  return events[0] as { Id: string; fields: Record<string, unknown> };
}
