// The popup's one list of recent sessions (src/pages/components/session-list.ts): Salesforce's Events
// and this browser's sessions joined on the Event, each session once, newest first; and durations
// that never say "0 min".
import { describe, expect, it } from 'vitest';
import { mergeSessions, wholeMinutes } from '../../src/pages/components/session-list.js';
import type { RecentSessionView, SalesforceSessionEvent } from '../../src/shared/protocol/index.js';

const url = (id: string) => `https://acme.lightning.force.com/lightning/r/Event/${id}/view`;
const event = (id: string, startedAt: string, endedAt = startedAt): SalesforceSessionEvent => ({
  eventId: id,
  startedAt,
  endedAt,
  minutes: 0,
  eventUrl: url(id),
});
const local = (sessionId: string, startedAt: string, eventUrl: string, salesforce = 'logged'): RecentSessionView => ({
  sessionId,
  sobject: 'Lead',
  startedAt,
  endedAt: startedAt,
  minutes: 0,
  guests: 2,
  salesforce: salesforce as RecentSessionView['salesforce'],
  salesforceError: '',
  eventUrl,
});

describe('one list of recent sessions', () => {
  it("lists a session once when Salesforce has its Event and this browser ran it, with this browser's facts", () => {
    const lines = mergeSessions(
      [event('00U1', '2026-11-20T10:00:00.000Z'), event('00U2', '2026-11-21T10:00:00.000Z')],
      [local('s-2', '2026-11-21T10:00:00.000Z', url('00U2'))],
    );
    expect(lines.map((l) => [l.key, l.sobject, l.guests, l.eventUrl])).toEqual([
      ['s-2', 'Lead', 2, url('00U2')],
      ['00U1', undefined, undefined, url('00U1')],
    ]);
  });

  it("keeps this browser's sessions Salesforce does not list (still waiting, or past its 30 days), newest first", () => {
    const lines = mergeSessions(
      [event('00U1', '2026-11-20T10:00:00.000Z')],
      [
        local('s-wait', '2026-11-22T10:00:00.000Z', '', 'pending'),
        local('s-old', '2026-09-01T10:00:00.000Z', url('00U0')),
      ],
    );
    expect(lines.map((l) => [l.key, l.salesforce])).toEqual([
      ['s-wait', 'pending'],
      ['00U1', 'logged'],
      ['s-old', 'logged'],
    ]);
  });
});

describe('durations', () => {
  it('are the real time between start and end, rounded to minutes, and none under a minute', () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, seconds)).toISOString();
    expect(wholeMinutes(at(0), at(0))).toBeUndefined();
    expect(wholeMinutes(at(0), at(59))).toBeUndefined();
    expect(wholeMinutes(at(0), at(60))).toBe(1);
    expect(wholeMinutes(at(0), at(25 * 60 + 31))).toBe(26);
    expect(wholeMinutes(at(0), 'not a date')).toBeUndefined();
  });
});
