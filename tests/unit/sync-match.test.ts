// The match rule of the records sync (src/background/records/synced-event-fields.ts), on its own: which Event a
// Glance record fills in, and which it must leave alone.
import { describe, expect, it } from 'vitest';
import { type EventRow, filledFields, matchEvent } from '../../src/background/records/synced-event-fields.js';
import type { SyncedSession } from '../../src/background/storage/outbox-shapes.js';

const REP = '005Ac0000000001AAA';
const session = (over: Partial<SyncedSession> = {}): SyncedSession => ({
  glanceId: '41000001',
  key: '1234',
  startedAt: '2026-11-24T10:00:05.000Z',
  endedAt: '2026-11-24T10:20:00.000Z',
  mode: 'screenshare',
  userEmail: 'riley.rep@acme.example',
  userName: 'Riley Rep',
  guests: [],
  ...over,
});
const event = (over: Partial<EventRow> = {}): EventRow => ({
  Id: '00UAc0000000001AAA',
  Subject: 'Glance session (abc)',
  OwnerId: REP,
  StartDateTime: '2026-11-24T10:00:00.000+0000',
  Location: 'Glance · Screen share · 0 guests · Demo given',
  Description: 'Glance session: abc\nSession key: removed when the session ended\nEnded: x\nGuests: 0',
  ...over,
});

describe('matchEvent', () => {
  it("takes the rep's Glance Event that started closest, within 15 minutes", () => {
    const near = event({ Id: 'near', StartDateTime: '2026-11-24T10:01:00.000+0000' });
    const far = event({ Id: 'far', StartDateTime: '2026-11-24T10:14:00.000+0000' });
    expect(matchEvent(session(), REP, [far, near], new Set())?.event.Id).toBe('near');
    expect(
      matchEvent(session(), REP, [event({ StartDateTime: '2026-11-24T10:16:00.000+0000' })], new Set()),
    ).toBeUndefined();
  });

  it("never another rep's Event, one already taken, one another record holds, or one showing another key", () => {
    const none = (e: EventRow, taken = new Set<string>()) =>
      expect(matchEvent(session(), REP, [e], taken)).toBeUndefined();
    none(event({ OwnerId: '005Ac0000000002AAA' }));
    none(event(), new Set(['00UAc0000000001AAA']));
    none(event({ Description: 'Glance session: abc\nGlance record: 999' }));
    none(event({ Description: 'Glance session: abc\nSession key: 9876\nStatus: in progress' }));
    none(event({ Subject: 'Lunch' }));
    expect(matchEvent(session(), REP, [event({ Description: 'Session key: 1234' })], new Set())?.how).toBe('matched');
  });

  it('finds its own Event first: the record line, or the Subject of a session logged from elsewhere', () => {
    const recorded = event({ Id: 'rec', OwnerId: 'someone', Description: 'Glance record: 41000001' });
    expect(matchEvent(session(), REP, [event(), recorded], new Set())).toMatchObject({
      how: 'record',
      event: { Id: 'rec' },
    });
    const own = event({ Id: 'own', Subject: 'Glance session (glance-41000001)' });
    expect(matchEvent(session(), REP, [event(), own], new Set())).toMatchObject({
      how: 'elsewhere',
      event: { Id: 'own' },
    });
  });
});

describe('filledFields', () => {
  it("keeps the extension's lines and the rep's outcome, and replaces the end and the guests", () => {
    const fields = filledFields(
      session({
        guests: [{ name: 'Hank\nGuests: 99', email: 'hank@globex.example', joinedAt: '2026-11-24T10:01:00.000Z' }],
      }),
      event(),
    );
    expect(fields.Location).toBe('Glance · Screen share · 1 guest · Demo given');
    const lines = String(fields.Description).split('\n');
    expect(lines.filter((l) => l.startsWith('Guests: '))).toEqual(['Guests: 1']);
    expect(lines).toContain('Glance session: abc');
    expect(lines).toContain('- Hank Guests: 99 <hank@globex.example>, joined 2026-11-24T10:01:00.000Z');
    expect(fields.EndDateTime).toBe('2026-11-24T10:20:00.000Z');
  });
});
