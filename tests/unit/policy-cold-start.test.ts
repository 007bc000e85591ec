// Issue 13, item 2: never wait for the company policy on the click path or to draw settings. After a
// browser start, managed storage answers only once Chromium's policy loader settled (1.8–4.8 s
// measured); the harness's managed storage does the same on its clock (restartBrowser). Uses the rep
// waits for act on the last known policy at once; the managed read's answer is enforced when it comes,
// and what cannot be taken back (a Salesforce write, saved settings, a stored credential) waits for it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { refreshSession, startSession } from '../../src/background/session/service.js';
import { connectAccount, popupOverview, saveSettings, settingsView } from '../../src/background/settings/account.js';
import { freshPolicy, knownPolicy } from '../../src/background/storage/policy.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { currentSession } from '../support/session.js';

const SETTLE_MS = 4000;

describe('the last known company policy after a browser start', () => {
  let h: Harness;
  const leadUrl = () => `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
  const glanceSessions = () => [...h.sandbox.state.glance.sessions.values()];
  /** The policy loader settles: every waiting managed read answers, and what it started finishes. */
  const settle = async () => {
    h.tick(SETTLE_MS);
    await freshPolicy(h.ports);
  };

  beforeEach(() => {
    h = harness();
  });
  // The loader always settles in the end: no read is left waiting into the next test (the queue's
  // per-org runs are the worker's, shared by every harness in this file).
  afterEach(settle);

  it('starts on the last known policy without waiting for managed storage', async () => {
    h.assumeGlanceOps();
    await h.connect();
    h.restartBrowser({ settlesAfterMs: SETTLE_MS });
    const result = await startSession(leadUrl(), 'screenshare', h.ports);
    expect(result).toMatchObject({ ok: true, session: { key: expect.stringMatching(/^\d{4}$/) } });
    // The key and the Glance Client launch are there while the managed read still waits for the policy loader.
    expect(h.waitingPolicyReads()).toBe(1);
    const atGlance = h.launchClient(result.ok ? result.session?.launchNow : undefined);
    await h.probed();
    await settle();
    // The policy that came allows it: the session runs on, here and at Glance.
    expect(await currentSession(h.ports)).toMatchObject({ key: atGlance.key });
    expect(glanceSessions().map((s) => s.status)).toEqual(['W']);
  });

  it('ends a session started on a stale policy as soon as managed storage answers one that forbids it', async () => {
    // Ended at Glance too where the account has the assumed EndSession (A6), which the start's probe finds.
    h.assumeGlanceOps();
    await h.connect();
    h.restartBrowser({ policy: { glanceAddressPattern: '*.globex.glance.net' }, settlesAfterMs: SETTLE_MS });
    const result = await startSession(leadUrl(), 'screenshare', h.ports);
    expect(result.ok).toBe(true);
    h.launchClient(result.ok ? result.session?.launchNow : undefined);
    await h.probed();
    await settle();
    expect(await currentSession(h.ports)).toBeNull();
    expect(glanceSessions().map((s) => s.status)).toEqual(['C']);
    expect(h.tabMessages.at(-1)).toMatchObject({ session: null, reason: 'glance-address-not-allowed' });
    // And the next Start is refused before anything is launched or asked (counted once the end's own
    // Salesforce write, sent in the background, has landed).
    await runOutbox(h.ports);
    const asked = h.sandbox.calls.length;
    expect(await startSession(leadUrl(), 'screenshare', h.ports)).toEqual({
      ok: false,
      problem: 'glance-address-not-allowed',
    });
    expect(h.sandbox.calls).toHaveLength(asked);
    expect(glanceSessions()).toHaveLength(1);
  });

  it('refuses at once what the last known policy forbids, without waiting', async () => {
    await h.connect({ keyBehavior: 'fixed', fixedKey: '2468' });
    await h.setPolicy({ glanceAddressPattern: 'other.glance.net' });
    h.restartBrowser({ settlesAfterMs: SETTLE_MS });
    expect(await startSession(leadUrl(), 'screenshare', h.ports)).toEqual({
      ok: false,
      problem: 'glance-address-not-allowed',
    });
    expect(h.waitingPolicyReads()).toBe(1);
  });

  it('a poll while managed storage has not answered acts on the last known policy', async () => {
    await h.connect();
    await h.setPolicy({ allowFixedKey: true });
    const started = await startSession(leadUrl(), 'screenshare', h.ports);
    expect(started.ok).toBe(true);
    h.restartBrowser({ settlesAfterMs: SETTLE_MS });
    h.tick(1000);
    expect(await refreshSession(h.ports, true)).not.toBeNull();
    expect(h.waitingPolicyReads()).toBe(1);
  });

  it('the popup draws on the last known policy at once and gets the new one when managed storage answers', async () => {
    await h.connect({ chatterOnStart: true });
    h.restartBrowser({ policy: { allowChatter: false }, settlesAfterMs: SETTLE_MS });
    const first = await popupOverview(h.ports, false);
    expect(first).toMatchObject({
      policyFresh: false,
      settings: { policy: { allowChatter: true }, settings: { chatterOnStart: true } },
      account: { address: 'acme.glance.net', allowed: true },
    });
    const fresh = popupOverview(h.ports, true);
    await settle();
    expect(await fresh).toMatchObject({
      policyFresh: true,
      settings: { policy: { allowChatter: false }, settings: { chatterOnStart: false }, managed: true },
    });
    // Once answered, the last known policy is current: the next popup draws it and asks no more.
    expect(await popupOverview(h.ports, false)).toMatchObject({ policyFresh: true, settings: { managed: true } });
  });

  it("a brand-new profile's first popup draws at once, marked as not knowing the policy, and settles when it comes", async () => {
    // Just installed: no last known policy, and the policy loader takes its seconds after the start.
    h.restartBrowser({ policy: { allowChatter: false }, settlesAfterMs: SETTLE_MS });
    const first = await popupOverview(h.ports, false);
    expect(first).toMatchObject({ policyKnown: false, policyFresh: false, account: null });
    expect(first.settings.settings).toEqual(DEFAULT_SETTINGS);
    expect(h.waitingPolicyReads()).toBe(1);
    const fresh = popupOverview(h.ports, true);
    await settle();
    expect(await fresh).toMatchObject({
      policyKnown: true,
      policyFresh: true,
      settings: { policy: { allowChatter: false } },
    });
  });

  it('Save and Connect wait for managed storage: a stale policy never lets a forbidden choice in', async () => {
    await h.connect();
    h.restartBrowser({ policy: { allowFixedKey: false }, settlesAfterMs: SETTLE_MS });
    const saving = saveSettings({ ...DEFAULT_SETTINGS, keyBehavior: 'fixed', fixedKey: '1357' }, h.ports);
    const connecting = connectAccount('acme.glance.net', 'correct-horse', h.ports);
    // Both wait for the one managed read under way.
    expect(h.waitingPolicyReads()).toBe(1);
    await settle();
    expect(await saving).toEqual({ ok: false, invalid: ['keyBehavior'] });
    expect((await connecting).ok).toBe(true);
    expect((await settingsView(h.ports)).settings.keyBehavior).toBe('random');
  });

  it('the queue sends nothing before managed storage answers, then only what it allows', async () => {
    await h.connect({ chatterOnStart: true });
    h.restartBrowser({ policy: { allowChatter: false }, settlesAfterMs: SETTLE_MS });
    const started = await startSession(leadUrl(), 'screenshare', h.ports);
    expect(started.ok).toBe(true);
    const run = runOutbox(h.ports);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.salesforceCalls()).toHaveLength(0);
    await settle();
    await run;
    await runOutbox(h.ports);
    expect(h.records('Event')).toHaveLength(1);
    expect(h.records('FeedItem')).toHaveLength(0);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('a browser that cannot lock storage keeps no last known policy (a content script could rewrite it)', async () => {
    h.setStorageLockable(false);
    expect(await knownPolicy(h.ports)).toEqual({ managed: {}, fresh: true });
    expect(h.local.has('lastPolicy')).toBe(false);
    h.restartBrowser({ policy: { allowChatter: false }, settlesAfterMs: SETTLE_MS });
    const known = knownPolicy(h.ports);
    await settle();
    expect(await known).toEqual({ managed: { allowChatter: false }, fresh: true });
  });

  it('where storage cannot be locked (Firefox), a last known policy an older version kept is removed, never used', async () => {
    // What a content script could have written there: everything allowed.
    h.local.set('lastPolicy', { allowChatter: true });
    h.setStorageLockable(false);
    h.restartBrowser({ policy: { allowChatter: false }, settlesAfterMs: SETTLE_MS });
    const known = knownPolicy(h.ports);
    await settle();
    expect(await known).toEqual({ managed: { allowChatter: false }, fresh: true });
    expect(h.local.has('lastPolicy')).toBe(false);
  });

  it('an unchanged policy costs no storage write; a first read with nothing known waits for it', async () => {
    const writes: string[] = [];
    const writeLocal = h.ports.writeLocal;
    h.ports.writeLocal = async (key, value) => {
      writes.push(key);
      await writeLocal(key, value);
    };
    // Nothing known yet (a new install): the policy is the managed read's answer.
    expect(await knownPolicy(h.ports)).toEqual({ managed: {}, fresh: true });
    expect(writes).toEqual(['lastPolicy']);
    for (let i = 0; i < 3; i++) await freshPolicy(h.ports);
    expect(await knownPolicy(h.ports)).toEqual({ managed: {}, fresh: true });
    expect(writes).toEqual(['lastPolicy']);
    await h.setPolicy({ allowNoKey: false });
    expect(writes).toEqual(['lastPolicy', 'lastPolicy']);
  });
});
