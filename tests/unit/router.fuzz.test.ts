// The message router under fuzzing: random and mutated messages from every kind of sender. It must
// never throw or leave a promise rejected unhandled; our own pages and content script get a typed
// answer every time (INVALID_MESSAGE for what does not validate), and senders we do not trust get
// no answer at all (router.ts says why). Seeded, so a failure reproduces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import type { MessageSender } from '../../src/background/sender.js';
import { INVALID_MESSAGE, parseContentMessage, parseExtensionPageMessage } from '../../src/shared/protocol/index.js';
import { harness, LIGHTNING } from '../support/background-harness.js';
import { prng, type Random } from '../support/seeded-random.js';

const EXTENSION_ID = 'test';
const LEAD_URL = `${LIGHTNING}/lightning/r/Lead/00Q000000000001AAA/view`;
const CLASSIC_URL = 'https://acme.my.salesforce.com/00Q000000000001';
const PAGE = `chrome-extension://${EXTENSION_ID}/src/pages/popup/index.html`;
const topFrame = (url: string, incognito = false) => ({
  id: EXTENSION_ID,
  url,
  frameId: 0,
  tab: { id: 3, url, incognito },
});

const TRUSTED: [string, MessageSender, 'content' | 'extension-page'][] = [
  ['our popup', { id: EXTENSION_ID, url: PAGE }, 'extension-page'],
  [
    'our options page',
    { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/pages/options/index.html` },
    'extension-page',
  ],
  ['our content script, Lightning top frame', topFrame(LEAD_URL), 'content'],
  ['our content script, Classic top frame', topFrame(CLASSIC_URL), 'content'],
  ['our content script, incognito tab', topFrame(LEAD_URL, true), 'content'],
];
const UNTRUSTED: [string, MessageSender][] = [
  ['a Salesforce subframe', { ...topFrame(LEAD_URL), frameId: 2 }],
  [
    'another extension',
    { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' },
  ],
  ['another extension on a Salesforce tab', { ...topFrame(LEAD_URL), id: 'abcdefghijklmnopabcdefghijklmnop' }],
  ['a web page', topFrame('https://evil.example/lightning/r/Lead/00Q000000000001AAA/view')],
  ['a Salesforce look-alike host', topFrame('https://acme.lightning.force.com.evil.example/')],
  ['Salesforce over http', topFrame('http://acme.lightning.force.com/')],
  ['Salesforce behind a proxy', topFrame('https://acme.lightning.force.com.mcas.ms/')],
  ['a sender without url', { id: EXTENSION_ID, frameId: 0, tab: { id: 3 } }],
  ['a malformed url', topFrame('https://%zz%/')],
  ['a url that is no string', { ...topFrame(LEAD_URL), url: 42 as unknown as string }],
  ['a sender without tab', { id: EXTENSION_ID, url: LEAD_URL, frameId: 0 }],
  ['a sender without id', { url: PAGE }],
  ['a page of an extension with our id in its path', { id: EXTENSION_ID, url: `https://evil.example/${EXTENSION_ID}` }],
  ['an empty sender', {}],
];

const VALID: Record<string, unknown>[] = [
  { type: 'content:salesforce-status' },
  { type: 'content:start-session', pageUrl: LEAD_URL, mode: 'screenshare' },
  { type: 'content:session', refresh: false },
  { type: 'content:session', refresh: true },
  { type: 'content:switch-mode', sessionId: '41000001', mode: 'cobrowse' },
  { type: 'content:end-session', sessionId: '41000001' },
  { type: 'content:open-settings' },
  { type: 'content:open-help' },
  { type: 'content:toolbar-collapsed' },
  { type: 'content:toolbar-collapsed', collapsed: true },
  { type: 'content:toolbar-collapsed', collapsed: false },
  {
    type: 'content:schedule-meeting',
    meeting: {
      pageUrl: LEAD_URL,
      startsAt: '2030-01-01T10:00:00Z',
      durationMinutes: 30,
      subject: 'Demo',
      invitee: 'pat@customer.example',
      notes: '',
    },
  },
  { type: 'content:upcoming-meeting', pageUrl: LEAD_URL },
  { type: 'content:meeting-defaults', pageUrl: LEAD_URL },
  { type: 'content:reschedule-meeting', meetingId: 'm-1', startsAt: '2030-01-02T10:00:00Z', durationMinutes: 45 },
  { type: 'content:cancel-meeting', meetingId: 'm-1' },
  { type: 'content:start-scheduled-meeting', meetingId: 'm-1', pageUrl: LEAD_URL },
  { type: 'page:salesforce-status', pageUrl: LEAD_URL },
  { type: 'page:salesforce-status', pageUrl: null },
  { type: 'page:glance-account' },
  { type: 'page:connect-glance', address: 'acme.glance.net', password: 'correct-horse' },
  { type: 'page:disconnect-glance' },
  { type: 'page:settings' },
  { type: 'page:overview', fresh: false },
  { type: 'page:overview', fresh: true },
  { type: 'page:now' },
  { type: 'page:save-settings', settings: { sessionType: 'screenshare', keyMode: 'random', chatter: false } },
  { type: 'page:conference-info' },
  { type: 'page:recent-sessions' },
  { type: 'page:salesforce-queue' },
  { type: 'page:retry-salesforce', activityId: '' },
  { type: 'page:discard-salesforce', activityId: '41000001' },
];

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const TYPE_NAMES = [...new Set(VALID.map((m) => String(m.type)))];

function junk(random: Random, depth = 0): unknown {
  switch (random.int(depth > 3 ? 6 : 9)) {
    case 0:
      return random.pick([0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, -0]);
    case 1:
      return random.pick([true, false, null, undefined]);
    case 2:
      return random.pick([
        '',
        ' ',
        'screenshare',
        'cobrowse',
        LEAD_URL,
        'javascript:alert(1)',
        '\u0000\ud800',
        '%E0%A4%A',
        '<img src=x onerror=alert(1)>',
      ]);
    case 3:
      return 'x'.repeat(random.pick([101, 301, 1001, 4097, 100_000]));
    case 4:
      return random.pick(HOSTILE_KEYS);
    case 5:
      return random.pick(TYPE_NAMES);
    case 6:
      return Array.from({ length: random.int(4) }, () => junk(random, depth + 1));
    default: {
      // JSON.parse makes "__proto__" an own key, as a message arriving from another context does.
      const entries = Array.from({ length: 1 + random.int(3) }, () => [
        random.pick([
          ...HOSTILE_KEYS,
          'type',
          'settings',
          'pageUrl',
          'sessionId',
          'activityId',
          'mode',
          'meeting',
          'meetingId',
          'x',
        ]),
        junk(random, depth + 1),
      ]);
      return JSON.parse(JSON.stringify(Object.fromEntries(entries)) ?? 'null');
    }
  }
}

function mutate(message: Record<string, unknown>, random: Random): unknown {
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(message));
  const keys = Object.keys(out);
  const steps = 1 + random.int(3);
  for (let step = 0; step < steps; step++) {
    const key = random.pick(keys.length ? keys : ['type']);
    switch (random.int(8)) {
      case 0: // a field of the wrong type, or junk
        out[key] = junk(random);
        break;
      case 1: // a missing field
        delete out[key];
        break;
      case 2: // another or a hostile type name
        out.type = random.pick([...TYPE_NAMES, ...HOSTILE_KEYS, 'CONTENT:SESSION', 'content:', 'page:settings ', '']);
        break;
      case 3: // prototype-pollution keys as own properties
        Object.assign(
          out,
          JSON.parse(
            `{"__proto__": {"polluted": true, "type": "page:settings"}, "constructor": {"prototype": {"polluted": true}}}`,
          ),
        );
        break;
      case 4: // a huge string where a string belongs
        out[key] = `${typeof out[key] === 'string' ? out[key] : ''}${'𝔘'.repeat(60_000)}`;
        break;
      case 5: // nested junk
        out[random.pick(['settings', 'extra', key])] = junk(random);
        break;
      case 6: {
        // the same message from the other protocol
        const type = typeof out.type === 'string' ? out.type : '';
        out.type = type.startsWith('content:')
          ? type.replace('content:', random.pick(['page:', 'options:']))
          : type.replace(/^(page|options):/, 'content:');
        break;
      }
      default:
        return random.pick([junk(random), [out], out.type, null, undefined]);
    }
  }
  return out;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** What our own senders may answer to a valid request: never undefined. */
function expectNormalAnswer(message: Record<string, unknown>, answer: unknown, label: string) {
  expect(answer, label).not.toBeUndefined();
  expect(answer, label).not.toEqual(INVALID_MESSAGE);
  switch (message.type) {
    case 'content:salesforce-status':
      expect(answer, label).toHaveProperty('state');
      break;
    case 'content:open-settings':
    case 'content:open-help':
      expect(answer, label).toEqual({ ok: true });
      break;
    case 'content:toolbar-collapsed':
      expect(typeof (answer as { collapsed: unknown }).collapsed, label).toBe('boolean');
      break;
    case 'page:settings':
      expect(Object.keys(answer as object).sort(), label).toEqual([
        'managed',
        'managedPolicy',
        'overridden',
        'policy',
        'settings',
      ]);
      break;
    case 'page:overview':
      expect(Object.keys(answer as object).sort(), label).toEqual([
        'account',
        'policyFresh',
        'policyKnown',
        'settings',
      ]);
      break;
    case 'page:recent-sessions':
      expect(Array.isArray(answer), label).toBe(true);
      break;
    case 'page:salesforce-queue':
      expect(answer, label).toHaveProperty('waiting');
      break;
  }
}

describe('routeMessage under fuzzing', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(() => void process.on('unhandledRejection', onUnhandled));
  afterAll(() => void process.off('unhandledRejection', onUnhandled));

  it('answers 6,000 random and mutated messages from every kind of sender without a throw', async () => {
    const h = harness();
    await h.connect();
    const random = prng(0x0bad_cafe);
    const counts = { trusted: 0, untrusted: 0, invalid: 0, valid: 0, normal: 0 };
    for (let i = 0; i < 6_000; i++) {
      const base = random.pick(VALID);
      // One in twenty is a valid message as it is, which must still answer normally.
      const raw = i % 20 === 0 ? base : random.int(4) === 0 ? junk(random) : mutate(base, random);
      const trusted = random.int(3) !== 0;
      const [label, sender, kind] = trusted ? random.pick(TRUSTED) : [...random.pick(UNTRUSTED), undefined];
      // Built only when something fails: stringifying every message would cost more than routing it.
      const context = () => `#${i} ${label}: ${JSON.stringify(raw)?.slice(0, 300)}`;
      let answer: unknown;
      try {
        answer = await routeMessage(raw, sender, h.ports);
      } catch (error) {
        throw new Error(`routeMessage threw ${String(error)} for ${context()}`);
      }
      if (!kind) {
        counts.untrusted++;
        if (answer !== undefined) expect.fail(`answered ${JSON.stringify(answer)} to ${context()}`);
        continue;
      }
      counts.trusted++;
      // Whatever crosses back to a sender must survive the structured clone Chrome applies.
      structuredClone(answer);
      const parsed = kind === 'content' ? parseContentMessage(raw) : parseExtensionPageMessage(raw);
      // A start or a meeting names its page: the router refuses one that is not the sender's own page's host.
      const namedPage =
        parsed?.type === 'content:start-session' ||
        parsed?.type === 'content:upcoming-meeting' ||
        parsed?.type === 'content:meeting-defaults' ||
        parsed?.type === 'content:start-scheduled-meeting'
          ? parsed.pageUrl
          : parsed?.type === 'content:schedule-meeting'
            ? parsed.meeting.pageUrl
            : undefined;
      const foreignPage = namedPage !== undefined && hostOf(namedPage) !== hostOf(String(sender.url));
      if (!parsed || foreignPage) {
        counts.invalid++;
        if (answer !== INVALID_MESSAGE) expect(answer, context()).toEqual(INVALID_MESSAGE);
      } else {
        counts.valid++;
        if (answer === undefined || answer === INVALID_MESSAGE) expect.fail(`no typed answer to ${context()}`);
        if (raw === base) {
          counts.normal++;
          expectNormalAnswer(base, answer, context());
        }
      }
    }
    // Let any stray promise settle before looking for unhandled rejections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(Object.getPrototypeOf({}).polluted).toBeUndefined();
    // Each branch was exercised in earnest.
    expect(counts.untrusted).toBeGreaterThan(1500);
    expect(counts.invalid).toBeGreaterThan(1500);
    expect(counts.valid).toBeGreaterThan(300);
    expect(counts.normal).toBeGreaterThan(50);
  });

  it('refuses a start for another page than the sender’s with the typed answer', async () => {
    const h = harness();
    await h.connect();
    const answer = await routeMessage(
      { type: 'content:start-session', pageUrl: CLASSIC_URL, mode: 'screenshare' },
      topFrame(LEAD_URL),
      h.ports,
    );
    expect(answer).toEqual(INVALID_MESSAGE);
  });
});
