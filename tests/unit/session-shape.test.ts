// What the content script takes from the background's messages (src/content/common/session-shape.ts) and
// how the panel makes the rest of a session view drawable (src/content/panel/session-view.ts). The content
// script checks only what it acts on (the session's id and mode); a background of another version
// that sends other fields must not crash the panel nor show "undefined" (issue 13 moved the detail
// out of the content script every Salesforce page loads).
import { describe, expect, it } from 'vitest';
import { readBackgroundMessage, readSessionView } from '../../src/content/common/session-shape.js';
import { drawableView } from '../../src/content/panel/session-view.js';
import type { SessionView } from '../../src/shared/protocol/index.js';

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
  related: null,
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

  it('reads a wrap-up that waits or is over, and nothing from a malformed one', () => {
    expect(readBackgroundMessage({ type: 'background:wrap-up', sessionId: 's1', open: true })).toEqual({
      wrapUp: { sessionId: 's1', open: true },
    });
    expect(readBackgroundMessage({ type: 'background:wrap-up', sessionId: 's1', open: false })).toEqual({
      wrapUp: { sessionId: 's1', open: false },
    });
    for (const raw of [
      { type: 'background:wrap-up', sessionId: '', open: true },
      { type: 'background:wrap-up', sessionId: 7, open: true },
      { type: 'background:wrap-up', sessionId: 's1', open: 'yes' },
      { type: 'background:wrap-up', sessionId: 's1' },
    ])
      expect(readBackgroundMessage(raw), JSON.stringify(raw)).toEqual({});
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
      related: null,
    });
  });

  it('the panel offers open records only as a list of two or more with ids, and a choice only among them', () => {
    const related = {
      sobject: 'Opportunity',
      candidates: [
        { id: '006A00000000001AAA', name: 'Initech - TPS Reports', detail: '' },
        { id: '006A00000000002AAA', name: '<img src=x onerror=alert(1)>', detail: '' },
      ],
      more: true,
      chosen: '006A00000000002AAA',
    } as const;
    expect(drawableView({ ...VIEW, related: { ...related, candidates: [...related.candidates] } }).related).toEqual(
      related,
    );
    const odd = (value: unknown) => drawableView({ ...VIEW, related: value } as unknown as SessionView).related;
    expect(odd({ ...related, sobject: 'Lead' })).toBeNull();
    expect(odd({ ...related, candidates: [related.candidates[0], { name: 'no id' }, 'junk'] })).toBeNull();
    expect(odd({ ...related, chosen: '006A00000000009AAA', more: 'yes' })).toMatchObject({ chosen: '', more: false });
    expect(odd({ ...related, candidates: [{ id: 'a', name: 3 }, { id: 'b' }] })?.candidates).toEqual([
      { id: 'a', name: '', detail: '' },
      { id: 'b', name: '', detail: '' },
    ]);
    expect(odd('x')).toBeNull();
  });
});
