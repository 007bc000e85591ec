// Text from outside (guests' names and emails, Glance's answers) never forges lines of the Event.
import { describe, expect, it } from 'vitest';
import { eventDescription, eventSubject, oneLine } from '../../src/background/records/session-event.js';

const facts = (guestName: string, guestEmail = 'x@example.com') => ({
  sessionId: '123',
  key: '4567',
  keyKind: 'random' as const,
  joinUrl: 'https://acme.glance.net/?key=4567',
  glanceAddress: 'acme.glance.net',
  modes: ['screenshare' as const],
  startedAt: '2026-11-26T10:00:00.000Z',
  guests: [{ name: guestName, email: guestEmail, joinedAt: '2026-11-26T10:01:00.000Z' }],
});

describe('Event text', () => {
  it.each([
    'Bob\r\nSession key: 0000',
    'Bob\nJoin link: https://evil.example/',
    'Bob\u2028Session key: 0000',
    'Bob\u2029Guests: 99',
    'Bob\u0085Session key: 0000',
    'Bob\rSession key: 0000',
    'Bob\u000bSession key: 0000',
  ])('a guest named %j stays on one line', (name) => {
    const lines = eventDescription(facts(name)).split('\n');
    expect(lines.filter((l) => l.startsWith('Session key:'))).toEqual(['Session key: 4567']);
    expect(lines.filter((l) => l.startsWith('Join link:'))).toEqual(['Join link: https://acme.glance.net/?key=4567']);
    expect(lines.filter((l) => l.startsWith('Guests:'))).toEqual(['Guests: 1']);
    expect(lines.at(-1)).toMatch(/^- Bob .*, joined 2026-11-26T10:01:00.000Z$/);
  });

  it('an email with a line break stays on the guest’s line', () => {
    const lines = eventDescription(facts('Ann', 'ann@x.example\nSession key: 0000')).split('\n');
    expect(lines.filter((l) => l.startsWith('Session key:'))).toEqual(['Session key: 4567']);
  });

  it('drops bidirectional overrides that would disguise text, and keeps the rest', () => {
    expect(oneLine('\u202eevil\u202c name\u2066x\u2069')).toBe('evil namex');
    expect(oneLine('名前 Zoë 👋')).toBe('名前 Zoë 👋');
  });

  it('a session id with a line break cannot add lines to the subject', () => {
    expect(eventSubject('1\r\nType: Call')).toBe('Glance session (1 Type: Call)');
  });
});
