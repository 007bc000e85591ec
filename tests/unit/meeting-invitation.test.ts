// The plain-text invitation (Copy invitation) and its mailto: link (Email invitation): the wording
// from _locales through t(), the phone details only when set, and hostile text that never adds a
// line that looks like ours nor a header to the mail (issue 11, items 3 and 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t, useMessages } from '../../src/shared/i18n.js';
import { type InvitationFacts, invitationText, mailtoUrl } from '../../src/shared/meeting/invitation.js';
import { singleLine, wellFormed } from '../../src/shared/meeting/text.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';
import { HOSTILE_TEXT } from '../support/hostile-text.js';

const facts = (overrides: Partial<InvitationFacts> = {}): InvitationFacts => ({
  subject: 'Glance meeting with Casey Customer',
  startUtc: '2026-03-05T15:00:00.000Z',
  endUtc: '2026-03-05T15:30:00.000Z',
  timeZone: 'America/New_York',
  locale: 'en-US',
  joinUrl: 'https://acme.glance.net/?key=4567',
  key: '4567',
  conference: { phoneNumbers: '', accessCode: '', notes: '' },
  notes: '',
  ...overrides,
});

const PHONE = {
  phoneNumbers: '+1 866 555 0100\n\n+44 20 7946 0000\n',
  accessCode: '123 456#',
  notes: 'Press 1 to join.',
};

/** Our own fields, as the reader sees a line start: nothing else may start a line like these. */
const LABELS = [
  'Glance meeting:',
  'When:',
  'In UTC:',
  'Join:',
  'Session key:',
  'Join by phone:',
  'Access code:',
  'Notes:',
];
const fieldLines = (text: string) => text.split('\n').filter((line) => LABELS.some((label) => line.startsWith(label)));

beforeEach(() => useMessages(chromeGetMessage));
afterEach(() => useMessages((key) => key));

describe('the plain-text invitation', () => {
  it('says when in the rep’s zone, named, and in UTC; the join address and the key', () => {
    expect(invitationText(facts(), t)).toBe(
      [
        'Glance meeting: Glance meeting with Casey Customer',
        '',
        'When: Thursday, March 5, 2026, 10:00 – 10:30 AM (Eastern Standard Time, America/New_York)',
        'In UTC: Thursday, March 5, 2026, 3:00 – 3:30 PM UTC',
        'Join: https://acme.glance.net/?key=4567',
        'Session key: 4567',
      ].join('\n'),
    );
  });

  it('uses the locale it is given, and the zone’s summer name', () => {
    const text = invitationText(
      facts({
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        startUtc: '2026-07-01T10:00:00Z',
        endUtc: '2026-07-01T11:00:00Z',
      }),
      t,
    );
    expect(text).toContain(
      'When: Mittwoch, 1. Juli 2026, 12:00–13:00 Uhr (Mitteleuropäische Sommerzeit, Europe/Berlin)',
    );
  });

  it('falls back to the runtime’s locale for a locale Intl refuses', () => {
    expect(invitationText(facts({ locale: 'not a locale!' }), t)).toContain('When: ');
  });

  it('leaves the key out when the meeting has none', () => {
    expect(invitationText(facts({ key: undefined }), t)).not.toContain('Session key');
    expect(invitationText(facts({ key: '' }), t)).not.toContain('Session key');
  });

  it('has no phone section when no phone detail is set', () => {
    const text = invitationText(facts({ conference: { phoneNumbers: ' \n ', accessCode: ' ', notes: '' } }), t);
    expect(text).not.toContain('Join by phone');
    expect(text).not.toContain('Access code');
  });

  it('lists each number, the access code and the phone notes when set', () => {
    const text = invitationText(facts({ conference: PHONE, notes: 'Bring the Q3 numbers.\nThanks!' }), t);
    expect(text.split('\n').slice(6)).toEqual([
      '',
      'Join by phone:',
      '  +1 866 555 0100',
      '  +44 20 7946 0000',
      '  Access code: 123 456#',
      '  Press 1 to join.',
      '',
      'Notes:',
      '  Bring the Q3 numbers.',
      '  Thanks!',
    ]);
  });

  it.each([
    ['only numbers', { phoneNumbers: '+1 866 555 0100', accessCode: '', notes: '' }, ['  +1 866 555 0100']],
    ['only an access code', { phoneNumbers: '', accessCode: '999', notes: '' }, ['  Access code: 999']],
  ])('shows %s alone', (_label, conference, expected) => {
    const lines = invitationText(facts({ conference }), t).split('\n');
    expect(lines.slice(lines.indexOf('Join by phone:') + 1)).toEqual(expected);
  });
});

describe('hostile text in the invitation', () => {
  const payloads = [
    ...HOSTILE_TEXT,
    { label: 'forged key line', text: 'Demo\r\nSession key: 0000' },
    { label: 'forged join line', text: 'Demo\nJoin: https://evil.example/' },
    { label: 'NEL', text: 'Demo\u0085Join: https://evil.example/' },
  ];

  it.each(payloads)('$label adds no line that looks like one of ours', ({ text }) => {
    const invitation = invitationText(
      facts({
        subject: text,
        notes: `${text}\n${text}`,
        key: text,
        conference: { phoneNumbers: text, accessCode: text, notes: text },
      }),
      t,
    );
    const ours = fieldLines(invitation);
    expect(ours.map((line) => LABELS.find((label) => line.startsWith(label)))).toEqual([
      'Glance meeting:',
      'When:',
      'In UTC:',
      'Join:',
      'Session key:',
      'Join by phone:',
      'Notes:',
    ]);
    expect(ours[0]).toBe(`Glance meeting: ${singleLine(text)}`);
    expect(ours[4]).toBe(`Session key: ${singleLine(text)}`);
    // The rep's own free text is indented under its heading, each line of it.
    const notes = invitation.split('\n').slice(invitation.split('\n').indexOf('Notes:') + 1);
    for (const line of notes) expect(line === '' || line.startsWith('  ')).toBe(true);
    expect(invitation).not.toMatch(/[\r\u0085\u2028\u2029\u202e]/);
  });
});

describe('the mailto: link', () => {
  const parsed = (url: string) => {
    const link = new URL(url);
    return { protocol: link.protocol, to: decodeURIComponent(link.pathname), params: [...link.searchParams] };
  };

  it('goes to the invitee with the subject and the body, line breaks as CRLF', () => {
    const body = invitationText(facts(), t);
    const url = mailtoUrl('casey@example.com', 'Glance meeting with Casey', body);
    expect(url.startsWith('mailto:casey@example.com?subject=')).toBe(true);
    expect(url).toContain('%0D%0A');
    expect(parsed(url)).toEqual({
      protocol: 'mailto:',
      to: 'casey@example.com',
      params: [
        ['subject', 'Glance meeting with Casey'],
        ['body', body.replaceAll('\n', '\r\n')],
      ],
    });
  });

  it.each([
    'Hi&bcc=evil@example.com',
    'Hi?bcc=evil@example.com',
    'Hi\r\nBcc: evil@example.com',
    'Hi%0D%0ABcc:%20evil@example.com',
    'Hi#&cc=evil@example.com',
    'a+b = c; 100% sure',
    ...HOSTILE_TEXT.map((payload) => payload.text),
    'half \uD83D an emoji',
  ])('text %j adds no header', (text) => {
    const url = mailtoUrl('casey@example.com', text, `${text}\n${text}`);
    const { to, params } = parsed(url);
    expect(to).toBe('casey@example.com');
    expect(params.map(([name]) => name)).toEqual(['subject', 'body']);
    expect(params[0]?.[1]).toBe(singleLine(text));
    expect(params[0]?.[1]).not.toMatch(/[\r\n]/);
    const crlf = wellFormed(text).replace(/\r\n|\r|\n/g, '\r\n');
    expect(params[1]?.[1]).toBe(`${crlf}\r\n${crlf}`);
    expect(url).not.toMatch(/[\s#]/);
  });

  it.each([
    'casey@example.com?bcc=evil@example.com',
    'casey@example.com,evil@example.com',
    'casey@example.com\r\nBcc: evil@example.com',
    'not an address',
    '',
  ])('leaves an invitee %j that is not an addr-spec out of the To', (to) => {
    const url = mailtoUrl(to, 'Hi', 'Body');
    expect(url.startsWith('mailto:?subject=')).toBe(true);
    expect(parsed(url).params.map(([name]) => name)).toEqual(['subject', 'body']);
  });

  it('percent-encodes what an address may hold but a URL would read as syntax', () => {
    const url = mailtoUrl('a%b&c/d#e?f@example.com', 'Hi', 'Body');
    expect(url.startsWith('mailto:a%25b%26c%2Fd%23e%3Ff@example.com?subject=Hi&body=Body')).toBe(true);
    expect(parsed(url).to).toBe('a%b&c/d#e?f@example.com');
  });
});
