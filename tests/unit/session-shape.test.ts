// What the content script takes from the background's messages (src/content/common/session-shape.ts) and
// how the panel makes the rest of a session view drawable (src/content/panel/session-view.ts). The content
// script checks only what it acts on (the session's id and mode); a background of another version
// that sends other fields must not crash the panel nor show "undefined" (issue 13 moved the detail
// out of the content script every Salesforce page loads).
import { describe, expect, it } from 'vitest';
import { readBackgroundMessage, readSessionView } from '../../src/content/common/session-shape.js';
import { drawableView } from '../../src/content/panel/session-view.js';
import type { SessionView } from '../../src/shared/messages.js';

const VIEW: SessionView = {
  sessionId: 's1',
  key: '1234',
  joinUrl: 'https://acme.glance.net/join?key=1234',
  glanceAddress: 'acme.glance.net',
  mode: 'screenshare',
  status: 'waiting',
  startedAt: '2026-01-01T10:00:00.000Z',
  expiresAt: '2026-01-01T12:00:00.000Z',
  guests: [
    { name: 'Ida', email: 'ida@newco.example', joinedAt: '2026-01-01T10:01:00.000Z', leftAt: '', byRep: false },
    { name: 'Ray', email: '', joinedAt: '2026-01-01T10:02:00.000Z', leftAt: '', byRep: true },
  ],
  record: { sobject: 'Lead', recordId: '00Q5g00000AbCdEEAV' },
  salesforce: 'logged',
  salesforceError: '',
  salesforceLeftOut: { fields: ['Location'], reason: 'no access' },
  chatterError: '',
  chatterMoved: '',
  glanceUnreachable: false,
  salesforceBudgetLow: false,
  launchUrl: 'glance://startssn?key=1234&username=acme.glance.net',
  joinedCustomer: false,
  startPageUrl: 'https://www.glance.net/agent/start',
  glanceReportsGuests: false,
  canSwitch: false,
};

describe('session views from the background', () => {
  it('takes a session with an id and a known mode, null as "no session", anything else as neither', () => {
    expect(readSessionView(VIEW)).toBe(VIEW);
    expect(readSessionView(null)).toBeNull();
    for (const raw of [
      undefined,
      'x',
      1,
      {},
      { ...VIEW, sessionId: '' },
      { ...VIEW, sessionId: 7 },
      { ...VIEW, mode: 'teleport' },
    ]) {
      expect(readSessionView(raw), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it('reads a broadcast and its reason, a failed shortcut Start, and nothing else', () => {
    expect(readBackgroundMessage({ type: 'background:session', session: VIEW, reason: 'key-not-allowed' })).toEqual({
      session: VIEW,
      reason: 'key-not-allowed',
    });
    expect(readBackgroundMessage({ type: 'background:session', session: null, reason: 'made-up' })).toEqual({
      session: null,
      reason: undefined,
    });
    expect(readBackgroundMessage({ type: 'background:session', session: { sessionId: 's1' } }).session).toBeUndefined();
    expect(readBackgroundMessage({ type: 'background:start-problem', problem: 'key-in-use' })).toEqual({
      problem: 'key-in-use',
    });
    expect(readBackgroundMessage({ type: 'background:start-problem', problem: 'switch-in-glance' })).toEqual({
      problem: 'switch-in-glance',
    });
    expect(readBackgroundMessage({ type: 'background:start-problem', problem: 3 })).toEqual({});
    expect(readBackgroundMessage({ type: 'content:session', session: VIEW })).toEqual({});
    expect(readBackgroundMessage(null)).toEqual({});
  });

  it('the panel draws a well-formed view as it came', () => {
    expect(drawableView(VIEW)).toEqual(VIEW);
  });

  it('the panel draws what is missing or of another type as empty', () => {
    const odd = {
      sessionId: 's1',
      mode: 'view',
      key: 5,
      guests: [{ name: 'Ida', byRep: 'yes' }, 'junk'],
      record: null,
      salesforceLeftOut: { fields: ['A', 2] },
      launchUrl: 7,
      joinedCustomer: 'yes',
      glanceReportsGuests: 'true',
      canSwitch: 1,
    };
    expect(drawableView(odd as unknown as SessionView)).toMatchObject({
      sessionId: 's1',
      mode: 'view',
      key: '',
      joinUrl: '',
      glanceAddress: '',
      startedAt: '',
      guests: [{ name: 'Ida', email: '', joinedAt: '', leftAt: '', byRep: false }],
      record: { sobject: '', recordId: '' },
      salesforce: '',
      salesforceError: '',
      salesforceLeftOut: { fields: ['A'], reason: '' },
      chatterError: '',
      chatterMoved: '',
      glanceUnreachable: false,
      salesforceBudgetLow: false,
      launchUrl: '',
      joinedCustomer: false,
      startPageUrl: '',
      glanceReportsGuests: false,
      canSwitch: false,
    });
  });
});
