// Issue 26, item 5: the unit harness keeps a store-installed build's alarms (tests/support/fake-alarms.ts:
// none fires sooner than 30 s after it is set, as Chromium holds packed MV3 extensions), so what these
// tests see waiting is what a rep waits. The browser tests load the unpacked build, whose floor is 1 s.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_ALARM, GUEST_POLL_ALARM, OUTBOX_ALARM } from '../../src/background/alarm-names.js';
import { MIN_ALARM_DELAY_MS } from '../../src/background/alarms.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession } from '../../src/background/session/service.js';
import { useMessages } from '../../src/shared/i18n.js';
import { eventOf, type Harness, harness, start } from '../support/background-harness.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';
import { fakeAlarms, PACKED_MINIMUM_MS } from '../support/fake-alarms.js';
import { readJobs } from '../support/queue.js';

beforeEach(() => useMessages(chromeGetMessage));
afterEach(() => useMessages((key) => key));

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Salesforce's API hosts do not answer while `down.on`; the harness times of the composite calls (writes and look-ups). */
function salesforceDown(h: Harness) {
  const real = h.ports.fetch;
  const down = { on: true, writes: [] as number[], tries: () => [...new Set(down.writes)] };
  h.ports.fetch = (async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/composite')) down.writes.push(h.ports.now());
    if (down.on && new URL(url).host.endsWith('.my.salesforce.com')) throw new TypeError('Failed to fetch');
    return real(input, init);
  }) as typeof fetch;
  return down;
}

/** No alarm the worker asked for was meant to fire sooner than a rep's browser fires it. */
function expectNoAlarmAskedSooner(h: Harness) {
  const sooner = h.alarms.requests.filter((r) => r.askedDelayMs < PACKED_MINIMUM_MS);
  expect(sooner).toEqual([]);
}

describe("a packed build's alarms (the harness's fake, as Chromium keeps them)", () => {
  it('fires an alarm asked sooner than 30 s at 30 s; chrome.alarms.get still answers the time asked', async () => {
    let now = 1_000_000;
    const alarms = fakeAlarms(() => now);
    await alarms.port.create('soon', { when: now + 5 * SECOND });
    // alarm_manager.cc keeps the asked time as scheduledTime; only the firing waits.
    expect(await alarms.port.get('soon')).toEqual({ name: 'soon', scheduledTime: now + 5 * SECOND });
    expect(alarms.firesAt('soon')).toBe(now + 30 * SECOND);
    expect(alarms.requests).toMatchObject([{ name: 'soon', askedDelayMs: 5 * SECOND }]);
    now += 29 * SECOND;
    expect(alarms.poll()).toEqual([]);
    now += SECOND;
    expect(alarms.poll()).toEqual(['soon']);
    expect(alarms.has('soon')).toBe(false);
  });

  it("fires the extension's alarms at most once every 30 s, and keeps a periodic one in line with its first time", async () => {
    let now = 0;
    const alarms = fakeAlarms(() => now);
    await alarms.port.create('minute', { when: 40 * SECOND, periodInMinutes: 1 });
    await alarms.port.create('later', { when: 50 * SECOND });
    now = 40 * SECOND;
    expect(alarms.poll()).toEqual(['minute']);
    // 'later' is due 10 s after that poll: it waits for the next one, 30 s after it.
    expect(alarms.nextPollBy(Number.POSITIVE_INFINITY)).toBe(70 * SECOND);
    now = 70 * SECOND;
    expect(alarms.poll()).toEqual(['later']);
    expect(alarms.scheduledTime('minute')).toBe(100 * SECOND);
    expect(alarms.firesAt('minute')).toBe(100 * SECOND);
    // Missed periods are skipped, not fired one after another.
    now = 250 * SECOND;
    expect(alarms.poll()).toEqual(['minute']);
    expect(alarms.scheduledTime('minute')).toBe(280 * SECOND);
  });
});

describe('the Salesforce queue under the 30 s floor', () => {
  it('Salesforce down then back: the queue retries at 30 s on the harness clock and lands; no alarm is asked sooner than 30 s', async () => {
    const h = harness();
    await h.connect();
    const down = salesforceDown(h);
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    const failedAt = h.ports.now();
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'log-start', problem: 'unavailable', attempts: 1 }]);
    down.on = false;
    await h.advance(30 * SECOND - 1);
    expect(h.records('Event').filter((e) => String(e.fields.Subject).includes(session.sessionId))).toEqual([]);
    await h.advance(1);
    eventOf(h, session.sessionId);
    // Tried at the start, then once 30 s later (its look-up for the cut send, then the send).
    expect(new Set(down.writes)).toEqual(new Set([failedAt, failedAt + 30 * SECOND]));
    expect(await readJobs(h.ports)).toEqual([]);
    expectNoAlarmAskedSooner(h);
    expect(h.alarms.requests.some((r) => r.name === OUTBOX_ALARM)).toBe(true);
  });

  it('Salesforce down for a while: retried after 30 s, 1, 2, 4 min, then every 5 min, each when its alarm fires', async () => {
    const h = harness();
    await h.connect();
    const down = salesforceDown(h);
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    await runOutbox(h.ports);
    await h.advance(30 * MINUTE);
    const tries = down.tries();
    const gaps = tries.slice(1).map((at, i) => (at - (tries[i] ?? 0)) / SECOND);
    expect(gaps).toEqual([30, 60, 120, 240, 300, 300, 300, 300]);
    // What the queue says it waits for is when its alarm really fires.
    const [job] = await readJobs(h.ports);
    expect(job?.notBefore).toBe(h.alarms.firesAt(OUTBOX_ALARM));
    expectNoAlarmAskedSooner(h);
    down.on = false;
    await h.advance(5 * MINUTE);
    eventOf(h, session.sessionId);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(h.alarms.has(OUTBOX_ALARM)).toBe(false);
  });
});

describe("the session's alarms under the 30 s floor", () => {
  it('guests are polled every 30 s, on the alarm asked 30 s ahead', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    await start(h, 'Lead', h.seeded('Lead').Id);
    const startedAt = h.ports.now();
    await h.advance(2 * MINUTE);
    expect(h.alarms.fired.filter((f) => f.name === GUEST_POLL_ALARM).map((f) => (f.at - startedAt) / SECOND)).toEqual([
      30, 60, 90, 120,
    ]);
    expectNoAlarmAskedSooner(h);
    expect(MIN_ALARM_DELAY_MS).toBe(PACKED_MINIMUM_MS);
  });

  it('the badge asks no alarm sooner than 30 s and is never more than 30 s behind, even after the device slept', async () => {
    const h = harness();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    const started = Date.parse((h.local.get('activeSession') as { startedAt: string }).startedAt);
    const minutes = (at: number) => Math.floor(Math.max(0, at - started) / MINUTE);
    const shown = () => Number(h.badge.text.replace('m', ''));
    /** Second by second: the badge shows the session's minute, or the one before it for at most 30 s. */
    const watch = async (seconds: number) => {
      for (let i = 0; i < seconds; i++) {
        await h.advance(SECOND);
        const now = h.ports.now();
        const at = `${(now - started) / SECOND} s into the session`;
        expect(shown(), at).toBeGreaterThanOrEqual(minutes(now - 30 * SECOND));
        expect(shown(), at).toBeLessThanOrEqual(minutes(now));
      }
    };
    await watch(150);
    // On time while nothing holds the alarms.
    expect(h.alarms.fired.filter((f) => f.name === BADGE_ALARM).map((f) => (f.at - started) / SECOND)).toEqual([
      60, 120,
    ]);
    // The device sleeps through two minutes; when it wakes (25 s before the session's fifth minute),
    // the missed alarms fire at once, and the next minute is closer than the store build's floor.
    h.tick(125 * SECOND);
    await h.advance(0);
    expect(shown()).toBe(minutes(h.ports.now()));
    await watch(300);
    expectNoAlarmAskedSooner(h);
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    expect(h.alarms.has(BADGE_ALARM)).toBe(false);
  });
});
