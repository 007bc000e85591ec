// The sync of Glance's session records (issue 27, item 4) against the emulated records service and
// org: matching the extension's Events, sessions started elsewhere, and nothing lost or written
// twice through cut connections, a stopped worker and the daily API limit.
import { describe, expect, it } from 'vitest';
import { SYNC_ALARM } from '../../src/background/alarm-names.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession } from '../../src/background/session/service.js';
import { syncStateItem } from '../../src/background/storage/items.js';
import { runSync } from '../../src/background/sync/run.js';
import { forgetSync, saveSync, syncView } from '../../src/background/sync/settings.js';
import { SEED_RECORDS_ACCESS } from '../sandbox/glance/records-state.js';
import { eventOf, type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { elsewhere, MINUTE, setUpSync } from '../support/sync-harness.js';

const org = (h: Harness) => h.sandbox.state.salesforce;
const HOUR = 60 * MINUTE;
const glanceEvents = (h: Harness) => h.records('Event').map((e) => e.fields as Record<string, unknown>);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the sync fills in the Event the extension logged', () => {
  it('guests with join and leave, and the real start and end, matched by rep, key and time', async () => {
    const h = harness();
    await h.connect();
    const contact = h.seeded('Contact');
    const session = await start(h, 'Contact', contact.Id);
    const glanceSession = h.glanceSession(session.key);
    const startedAt = h.ports.now();
    h.tick(MINUTE);
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Hank Scorpio', email: 'hank@globex.example' });
    h.tick(7 * MINUTE);
    h.sandbox.state.glance.leave(glanceSession.sessionId, 'Hank Scorpio');
    h.tick(2 * MINUTE);
    // The rep pressed End at 10 minutes; Glance's session really ended at 12 (the rep stopped sharing later).
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    h.tick(2 * MINUTE);
    h.sandbox.state.glance.endInClient('acme.glance.net');
    expect(String(eventOf(h, session.sessionId).Description)).toContain('Guests: 0');

    h.tick(HOUR);
    await setUpSync(h);
    await runSync(h.ports);
    const event = eventOf(h, session.sessionId);
    expect(glanceEvents(h)).toHaveLength(1);
    expect(Date.parse(String(event.StartDateTime))).toBe(Math.floor(startedAt / 1000) * 1000);
    expect(Date.parse(String(event.EndDateTime))).toBe(Math.floor((startedAt + 12 * MINUTE) / 1000) * 1000);
    expect(event.DurationInMinutes).toBe(12);
    expect(event.Location).toBe('Glance · Screen share · 1 guest');
    const description = String(event.Description);
    expect(description).toContain(`Glance record: ${glanceSession.sessionId}`);
    expect(description).toContain(
      `- Hank Scorpio <hank@globex.example>, joined ${iso(Math.floor((startedAt + MINUTE) / 1000) * 1000)}, left ${iso(Math.floor((startedAt + 8 * MINUTE) / 1000) * 1000)}`,
    );
    // The extension's own lines stay; the end and guest lines are Glance's now, once each.
    expect(description).toContain(`Glance session: ${session.sessionId}`);
    expect(description.match(/^Ended: /gm)).toHaveLength(1);
    // Hank is a Contact already: no Lead.
    expect(h.records('Lead').filter((l) => l.fields.Email === 'hank@globex.example')).toHaveLength(0);
    expect(await syncView(h.ports)).toMatchObject({ written: { filled: 1, logged: 0 }, waiting: { sessions: 0 } });
  });

  it('a second session of the same rep an hour later is not taken for the first', async () => {
    const h = harness();
    await h.connect();
    const first = await start(h, 'Contact', h.seeded('Contact').Id);
    h.tick(5 * MINUTE);
    await endSession(first.sessionId, h.ports);
    h.sandbox.state.glance.endInClient('acme.glance.net');
    h.tick(HOUR);
    const second = await start(h, 'Contact', h.seeded('Contact', 1).Id);
    // Joined, so it does not time out unjoined after 10 minutes (and is a completed session).
    h.sandbox.state.glance.join('acme.glance.net', second.key, { name: 'Peter', email: 'peter@initech.example' });
    h.tick(20 * MINUTE);
    await endSession(second.sessionId, h.ports);
    h.sandbox.state.glance.endInClient('acme.glance.net');
    await runOutbox(h.ports);
    // Records list sessions that ended before the window's end (R4): the sync runs a minute later.
    h.tick(MINUTE);
    await setUpSync(h);
    await runSync(h.ports);
    expect(String(eventOf(h, first.sessionId).Description)).toContain(
      `Glance record: ${h.glanceSession(first.key).sessionId}`,
    );
    expect(String(eventOf(h, second.sessionId).Description)).toContain(
      `Glance record: ${h.glanceSession(second.key).sessionId}`,
    );
    expect(eventOf(h, first.sessionId).DurationInMinutes).toBe(5);
    expect(eventOf(h, second.sessionId).DurationInMinutes).toBe(20);
    expect(glanceEvents(h)).toHaveLength(2);
  });
});

describe('sessions started outside Salesforce', () => {
  it("are logged as the rep's Event, on the guest's Contact, and new guests become Leads by the policy", async () => {
    const h = harness();
    const hank = h.seeded('Contact');
    const glanceId = elsewhere(h, 3 * HOUR, 25, {
      guests: [
        { name: 'Hank Scorpio', email: 'hank@globex.example' },
        { name: 'Nora New', email: 'nora@newco.example' },
      ],
    });
    await setUpSync(h);
    await runSync(h.ports);
    const events = glanceEvents(h);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      Subject: `Glance session (glance-${glanceId})`,
      Type: 'Meeting',
      OwnerId: org(h).defaultUserId,
      WhoId: hank.Id,
      DurationInMinutes: 25,
      Location: 'Glance · Screen share · 2 guests',
    });
    expect(String(events[0]?.Description)).toContain('Started outside Salesforce');
    const leads = h.records('Lead').filter((l) => l.fields.Email === 'nora@newco.example');
    expect(leads).toHaveLength(1);
    expect(await syncView(h.ports)).toMatchObject({ written: { logged: 1, leads: 1 } });
  });

  it('a Glance user no Salesforce user has the e-mail of is not logged, and the status counts it', async () => {
    const h = harness();
    elsewhere(h, HOUR, 10, { host: { name: 'Stranger', email: 'stranger@elsewhere.example' } });
    await setUpSync(h);
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(0);
    expect(await syncView(h.ports)).toMatchObject({ written: { noUser: 1 }, last: { found: 1, finished: true } });
  });

  it('costs at most one Salesforce request per session when no Lead is made', async () => {
    const h = harness();
    for (let i = 0; i < 6; i++)
      elsewhere(h, (i + 2) * HOUR, 15, { guests: [{ name: 'Hank', email: 'hank@globex.example' }] });
    await setUpSync(h);
    const before = h.salesforceCalls().length;
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(6);
    expect(h.salesforceCalls().length - before).toBeLessThanOrEqual(6);
  });
});

describe('nothing lost, nothing twice', () => {
  it('a write cut off after it landed is found again and not repeated', async () => {
    const h = harness();
    const glanceId = elsewhere(h, 2 * HOUR, 30, { guests: [{ name: 'Nora New', email: 'nora@newco.example' }] });
    await setUpSync(h);
    h.sandbox.state.faults.push({
      service: 'salesforce',
      pathIncludes: '/composite',
      bodyIncludes: 'sobjects/Event',
      remaining: 1,
      status: 0,
      afterApply: true,
    });
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(1); // it landed; the answer was lost
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'sync-sessions' }]);
    await h.advance(2 * MINUTE); // the queue's alarm
    expect(await readJobs(h.ports)).toEqual([]);
    expect(glanceEvents(h)).toHaveLength(1);
    expect(glanceEvents(h)[0]?.Subject).toBe(`Glance session (glance-${glanceId})`);
    expect(h.records('Lead').filter((l) => l.fields.Email === 'nora@newco.example')).toHaveLength(1);
    // The next scheduled run reads an overlapping window: nothing is queued again.
    h.tick(HOUR);
    await runSync(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(glanceEvents(h)).toHaveLength(1);
  });

  it('a worker stopped between queueing a page and moving the cursor re-reads the page and writes nothing twice', async () => {
    const h = harness();
    h.sandbox.state.glance.records.pageSize = 2;
    for (let i = 0; i < 5; i++)
      elsewhere(h, (10 - i) * HOUR, 10, { guests: [{ name: `Guest ${i}`, email: `g${i}@newco.example` }] });
    await setUpSync(h);
    const before = await syncStateItem.read(h.ports);
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(5);
    // As if the worker had stopped before any cursor write: the sync state is what it was.
    await syncStateItem.write(h.ports, before);
    await runSync(h.ports);
    await runOutbox(h.ports);
    expect(glanceEvents(h)).toHaveLength(5);
    expect(h.records('Lead').filter((l) => String(l.fields.Email).endsWith('@newco.example'))).toHaveLength(5);
  });

  it('a cut connection to Glance mid-window: the next run goes on from the page after the last one queued', async () => {
    const h = harness();
    h.sandbox.state.glance.records.pageSize = 2;
    for (let i = 0; i < 5; i++) elsewhere(h, (10 - i) * HOUR, 10);
    await setUpSync(h);
    h.sandbox.state.faults.push({
      service: 'glance',
      pathIncludes: '/api/crr/sessions',
      bodyIncludes: '"pageId":2',
      remaining: 1,
      status: 0,
    });
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(2);
    expect(await syncView(h.ports)).toMatchObject({
      last: { problem: 'glance-unavailable', finished: false, queued: 2 },
    });
    expect((await syncStateItem.read(h.ports)).cursor?.pageId).toBe(2);
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(5);
    expect(await syncView(h.ports)).toMatchObject({ last: { finished: true, queued: 3 } });
  });

  it('the daily API limit: the synced sessions wait, the status says why, and each lands once', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) elsewhere(h, (i + 2) * HOUR, 10);
    await setUpSync(h);
    org(h).apiUsage = org(h).apiLimit;
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(0);
    expect(await syncView(h.ports)).toMatchObject({ waiting: { sessions: 3, problem: 'daily-limit' } });
    org(h).apiUsage = 0;
    await h.advance(2 * HOUR);
    expect(glanceEvents(h)).toHaveLength(3);
    expect(await syncView(h.ports)).toMatchObject({ waiting: { sessions: 0 }, written: { logged: 3 } });
  });
});

describe('the credentials and the schedule', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    username: SEED_RECORDS_ACCESS.username,
    password: SEED_RECORDS_ACCESS.password,
    partnerId: SEED_RECORDS_ACCESS.partnerId,
    apiKey: SEED_RECORDS_ACCESS.apiKey,
    schedule: 'daily' as const,
    pageUrl: `${LIGHTNING}/lightning/page/home`,
    ...over,
  });

  it('are checked with Glance, kept in storage.local only, and never shown back', async () => {
    const h = harness();
    expect(await saveSync(input({ password: 'wrong' }), h.ports)).toEqual({ ok: false, problem: 'glance-credentials' });
    expect(h.local.has('glanceRecordsSync')).toBe(false);
    h.setStorageLockable(false);
    expect(await saveSync(input(), h.ports)).toEqual({ ok: false, problem: 'browser-too-old' });
    h.setStorageLockable(true);
    const saved = await saveSync(input(), h.ports);
    expect(saved).toMatchObject({
      ok: true,
      view: { configured: true, schedule: 'daily', apiHost: 'acme.my.salesforce.com' },
    });
    expect(JSON.stringify(saved)).not.toContain(SEED_RECORDS_ACCESS.password);
    expect(JSON.stringify(saved)).not.toContain(SEED_RECORDS_ACCESS.apiKey);
    expect(JSON.stringify(h.local.get('glanceRecordsSync'))).toContain(SEED_RECORDS_ACCESS.apiKey);
    // Sent only to Glance's records service.
    const hosts = new Set(
      h.sandbox.calls.filter((c) => c.body.includes(SEED_RECORDS_ACCESS.password)).map((c) => c.host),
    );
    expect([...hosts]).toEqual(['cloud.glance.net']);
    // A blank password keeps the saved one; forget removes it.
    expect(await saveSync(input({ password: '', apiKey: '', schedule: 'hourly' }), h.ports)).toMatchObject({
      ok: true,
    });
    await forgetSync(h.ports);
    expect(h.local.has('glanceRecordsSync')).toBe(false);
    expect(h.alarms.scheduledTime(SYNC_ALARM)).toBeUndefined();
  });

  it('the schedule is an alarm: every hour it syncs what happened meanwhile', async () => {
    const h = harness();
    await setUpSync(h, 'hourly');
    expect(h.alarms.scheduledTime(SYNC_ALARM)).toBe(h.ports.now() + HOUR);
    elsewhere(h, 10 * MINUTE, 5);
    await h.advance(HOUR + MINUTE);
    expect(glanceEvents(h)).toHaveLength(1);
    await saveSync(input({ password: '', apiKey: '', schedule: 'never' }), h.ports);
    expect(h.alarms.scheduledTime(SYNC_ALARM)).toBeUndefined();
  });
});

describe('who and which Event', () => {
  it('an e-mail two active Salesforce users share names nobody: the session is not logged as either', async () => {
    const h = harness();
    org(h).insert('User', {
      Name: 'Riley Twin',
      LastName: 'Twin',
      Email: 'riley.rep@acme.example',
      Username: 'riley.twin@acme.example',
      IsActive: true,
    });
    elsewhere(h, HOUR, 10);
    await setUpSync(h);
    await runSync(h.ports);
    expect(glanceEvents(h)).toHaveLength(0);
    expect(await syncView(h.ports)).toMatchObject({ written: { noUser: 1 } });
  });

  it('the policy allowing no Leads by the time the queue sends: a synced guest gets none', async () => {
    const h = harness();
    elsewhere(h, HOUR, 10, { guests: [{ name: 'Nora New', email: 'nora@newco.example' }] });
    await setUpSync(h);
    org(h).apiUsage = org(h).apiLimit; // queued while the org's allowance is spent
    await runSync(h.ports);
    await h.setPolicy({ maxLeadCreation: 'never' });
    org(h).apiUsage = 0;
    await h.advance(2 * HOUR);
    expect(glanceEvents(h)).toHaveLength(1);
    expect(h.records('Lead').filter((l) => l.fields.Email === 'nora@newco.example')).toHaveLength(0);
    // Not even queued (the status would count it).
    expect(await syncView(h.ports)).toMatchObject({ written: { logged: 1, leads: 0 } });
  });
});
