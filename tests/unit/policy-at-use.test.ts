// The company policy at every use (issue 10, item 4): an admin's change reaches reps who saved their
// choices or connected their Glance address before it, when a session starts, polls and ends, and
// when the queue sends what was waiting.
import { beforeEach, describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession, refreshSession, startSession } from '../../src/background/session/service.js';
import { glanceAccountView, settingsView } from '../../src/background/settings/account.js';
import { LEAD_QUEUE_ID } from '../sandbox/salesforce/org.js';
import { type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

describe('the company policy, read at each use', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  const leadUrl = () => `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
  const glanceSessions = () => [...h.sandbox.state.glance.sessions.values()];

  it('refuses to start with a Glance address the policy no longer allows, before asking Glance', async () => {
    await h.connect();
    await h.setPolicy({ glanceAddressPattern: '*.globex.glance.net' });
    expect(await startSession(leadUrl(), 'screenshare', h.ports)).toEqual({
      ok: false,
      problem: 'glance-address-not-allowed',
    });
    expect(glanceSessions()).toHaveLength(0);
    expect(await glanceAccountView(h.ports)).toMatchObject({ address: 'acme.glance.net', allowed: false });
    await h.setPolicy({});
    expect(await glanceAccountView(h.ports)).toMatchObject({ allowed: true });
  });

  it('ends a running session at its next poll once the address is forbidden, and says why', async () => {
    // Ended at Glance too where the account has the assumed EndSession (A6).
    h.assumeGlanceOps();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await h.setPolicy({ glanceAddressPattern: 'other.glance.net' });
    h.tick(5000);
    expect(await refreshSession(h.ports, true)).toBeNull();
    expect(h.glanceSession(session.key).status).toBe('C');
    expect(h.tabMessages.at(-1)).toMatchObject({ session: null, reason: 'glance-address-not-allowed' });
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('ends a running fixed-key session at its next poll once fixed keys are forbidden', async () => {
    h.assumeGlanceOps();
    await h.connect({ keyBehavior: 'fixed', fixedKey: '4321' });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(session.key).toBe('4321');
    h.tick(5000);
    expect(await refreshSession(h.ports, true)).not.toBeNull();
    await h.setPolicy({ allowFixedKey: false });
    h.tick(5000);
    expect(await refreshSession(h.ports, true)).toBeNull();
    expect(h.glanceSession('4321').status).toBe('C');
    expect(h.tabMessages.at(-1)).toMatchObject({ session: null, reason: 'key-not-allowed' });
  });

  it('looks up the related record as the company now says the org is used', async () => {
    await h.connect({ usage: 'sales' });
    h.setSid(undefined);
    await start(h, 'Contact', h.seeded('Contact').Id);
    await runOutbox(h.ports);
    await h.setPolicy({ allowedUsage: ['support'] });
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    h.tick(3_600_000);
    const before = h.salesforceCalls().length;
    await runOutbox(h.ports);
    const sent = h
      .salesforceCalls()
      .slice(before)
      .map((c) => decodeURIComponent(c.body));
    expect(sent.join('\n')).toContain('FROM Case WHERE ContactId');
    expect(sent.join('\n')).not.toContain('FROM OpportunityContactRole');
  });

  it('sends no Chatter post the policy forbade after the session was queued', async () => {
    await h.connect({ chatterOnStart: true });
    h.setSid(undefined); // Salesforce unreachable for now: the post waits in the queue
    await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    await h.setPolicy({ allowChatter: false });
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    h.tick(3_600_000);
    await runOutbox(h.ports);
    expect(h.records('Event')).toHaveLength(1);
    expect(h.records('FeedItem')).toHaveLength(0);
  });

  it('creates no Lead the policy forbade after the guest was queued, and uses the policy’s level at the end', async () => {
    // Guests Glance reports (the assumed ops, A6): found by the poll, and by the end's answer.
    h.assumeGlanceOps();
    await h.connect({ leadCreation: 'email' });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    const leads = h.records('Lead').length;
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Wanda', email: 'wanda@newco.example' });
    h.tick(5000);
    h.setSid(undefined);
    await refreshSession(h.ports, true);
    await runOutbox(h.ports);
    await h.setPolicy({ maxLeadCreation: 'never' });
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Hal', email: 'hal@newco.example' });
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    h.tick(3_600_000);
    await runOutbox(h.ports);
    expect(h.records('Lead').length).toBe(leads);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  // Issue 26: REST creates run the org's Lead assignment rules unless told not to (REST API
  // Developer Guide, "Assignment Rule Header"); acme's routes new Leads to a queue.
  it("keeps guest Leads with the rep unless the policy hands them to the org's assignment rules", async () => {
    h.assumeGlanceOps();
    await h.connect({ leadCreation: 'email' });
    const ownerOf = async (email: string) => {
      const session = await start(h, 'Lead', h.seeded('Lead').Id);
      h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Una Guest', email });
      h.tick(5000);
      await refreshSession(h.ports);
      await runOutbox(h.ports);
      await endSession(session.sessionId, h.ports);
      await runOutbox(h.ports);
      const lead = h.sandbox.state.salesforce.ofType('Lead').find((l) => l.fields.Email === email);
      return lead?.fields.OwnerId;
    };
    expect(await ownerOf('una@kept.example')).toBe(h.sandbox.state.salesforce.defaultUserId);
    await h.setPolicy({ leadAssignmentRules: true });
    expect(await ownerOf('una@routed.example')).toBe(LEAD_QUEUE_ID);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('lists the saved choices the policy now overrides, so the popup can say so', async () => {
    await h.connect({ keyBehavior: 'fixed', fixedKey: '1234', leadCreation: 'emailAndName', chatterOnStart: true });
    await h.setPolicy({ allowFixedKey: false, maxLeadCreation: 'email', allowChatter: false });
    const view = await settingsView(h.ports);
    expect(view.overridden.sort()).toEqual(['chatter', 'keyBehavior', 'leadCreation']);
    expect(view.settings).toMatchObject({ keyBehavior: 'random', leadCreation: 'email', chatterOnStart: false });
    const started = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(started.key).not.toBe('1234');
  });
});
