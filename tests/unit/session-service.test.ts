// The session feature's background logic with in-memory storage and the real emulators answering
// in-process: what is sent to Glance and Salesforce, how many Salesforce calls each step costs, and
// how the outbox survives Salesforce being down, logged out or answering late.
import { beforeEach, describe, expect, it } from 'vitest';
import { retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import {
  addGuest,
  endSession,
  refreshSession,
  startSession,
  startSessionForTab,
  switchMode,
} from '../../src/background/session/service.js';
import { salesforceStatus } from '../../src/shared/salesforce/status.js';
import { eventOf, type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { currentSession } from '../support/session.js';

const glanceCalls = (h: Harness) => h.sandbox.calls.filter((c) => c.host.endsWith('glance.net')).length;
/** The probe of the assumed ops (capabilities.ts): each op once, with the identity and nothing else. */
/** The probe of the assumed operations: one GET of the service's WSDL, no credential in it. */
const PROBE = ['GET /services/SessionService.asmx?WSDL '];
/** Glance calls since the first `from`, as path and form field names, sorted. */
const probeCalls = (h: Harness, from: number) =>
  h.sandbox.calls
    .filter((c) => c.host.endsWith('glance.net'))
    .slice(from)
    .map((c) => `${c.method} ${c.path} ${[...new URLSearchParams(c.body).keys()].join(',')}`)
    .sort();

describe('a session from a Lead', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it('starts with a key of its own and the Glance Client launch, calling nobody, then logs one Event in one call', async () => {
    await h.connect();
    const lead = h.seeded('Lead');
    const before = h.salesforceCalls().length;
    const glanceBefore = glanceCalls(h);
    const session = await startSession(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`, 'screenshare', h.ports);
    expect(session).toMatchObject({ ok: true, session: { mode: 'screenshare', salesforce: 'pending' } });
    if (!session.ok || !session.session) throw new Error('no session');
    expect(session.session.key).toMatch(/^\d{4}$/);
    // The tab opens the launch on the rep's click: the Glance Client starts the session with that key.
    expect(session.session.launchNow).toBe(`glance://startssn?key=${session.session.key}&username=acme.glance.net`);
    expect(session.session).toMatchObject({
      launchUrl: session.session.launchNow,
      joinUrl: `https://acme.glance.net/?key=${session.session.key}`,
      expiresAt: new Date(h.ports.now() + 10 * 60_000).toISOString(),
    });
    // The rep's click waited for neither Glance nor Salesforce, and asked Glance nothing: the probe of
    // the assumed ops (capabilities.ts) comes after a connection, or after the key is on screen.
    expect(probeCalls(h, glanceBefore)).toEqual([]);
    expect(h.salesforceCalls().length).toBe(before);
    await h.probed();
    expect(probeCalls(h, glanceBefore)).toEqual(PROBE);
    expect(h.launchClient(session.session.launchNow).key).toBe(session.session.key);
    await runOutbox(h.ports);
    const calls = h.salesforceCalls().slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /services/data/v66.0/composite']);
    const event = eventOf(h, session.session.sessionId);
    expect(event).toMatchObject({ WhoId: lead.Id, Type: 'Meeting', Location: session.session.joinUrl });
    expect(event.WhatId ?? null).toBeNull();
    expect(String(event.Description)).toContain(`Session key: ${session.session.key}`);
  });

  it('the clicking tab gets the key, and an End pressed at once still ends the session everywhere', async () => {
    // An account whose service has EndSession (A6), found by a first session's probe.
    h.assumeGlanceOps();
    await h.connect();
    await endSession((await start(h, 'Lead', h.seeded('Lead', 1).Id)).sessionId, h.ports);
    const lead = h.seeded('Lead');
    const pageUrl = `${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`;
    // Storage writes that take a while, as chrome.storage's do (an IPC each); the tab is answered
    // while the start's own writes are still on their way (startSessionForTab).
    const later = () => new Promise((resolve) => setTimeout(resolve, 10));
    const ports = {
      ...h.ports,
      cache: { ...h.ports.cache, set: async (k: string, v: unknown) => later().then(() => h.ports.cache.set(k, v)) },
      writeLocal: async (k: string, v: unknown) => later().then(() => h.ports.writeLocal(k, v)),
      writeLocalItems: async (items: Record<string, unknown>) => later().then(() => h.ports.writeLocalItems(items)),
    };
    const answered = await startSessionForTab(pageUrl, 'screenshare', ports);
    expect(answered).toMatchObject({ ok: true, session: { mode: 'screenshare', salesforce: 'pending' } });
    if (!answered.ok || !answered.session) throw new Error('no session');
    expect(answered.session.key).toMatch(/^\d{4}$/);
    const atGlance = h.launchClient(answered.session.launchNow);
    // An End pressed at once waits for those writes (the session lock): it finds the session, ends
    // it, and the Event is logged.
    const ended = await endSession(answered.session.sessionId, ports);
    expect(ended).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50)); // every delayed write has landed
    expect(await currentSession(h.ports)).toBeNull();
    // Ended at Glance too: an End that ran before the start was stored would have found nothing to end.
    expect(atGlance.status).toBe('C');
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(eventOf(h, answered.session.sessionId)).toMatchObject({ WhoId: lead.Id });
  });

  it('shows the guests Glance reports, creates Leads by policy, switches, and ends with one update', async () => {
    // Glance reports guests and switches only where the account has the assumed ops (A6, A11).
    h.assumeGlanceOps();
    await h.connect({ leadCreation: 'email' });
    const lead = h.seeded('Lead');
    const session = await start(h, 'Lead', lead.Id);
    await runOutbox(h.ports);
    const leadsBefore = h.records('Lead').length;

    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Wanda Guest', email: 'wanda@newco.example' });
    h.tick(5000);
    // Counted from before the poll: finding a guest starts the outbox by itself.
    let before = h.salesforceCalls().length;
    const seen = await refreshSession(h.ports);
    expect(seen?.guests.map((g) => g.name)).toEqual(['Wanda Guest']);
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(2);
    const created = h.records('Lead').slice(leadsBefore);
    expect(created.map((r) => r.fields)).toEqual([
      expect.objectContaining({
        FirstName: 'Wanda',
        LastName: 'Guest',
        Company: 'Newco',
        Email: 'wanda@newco.example',
        LeadSource: 'Glance',
      }),
    ]);

    // A guest whose email Salesforce already knows (a Contact) costs one call and creates nothing.
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Hank', email: 'HANK@globex.example' });
    h.tick(5000);
    before = h.salesforceCalls().length;
    await refreshSession(h.ports);
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(1);
    expect(h.records('Lead').length).toBe(leadsBefore + 1);

    // Hank leaves: the panel says so, and so will the Event.
    h.sandbox.state.glance.leave(h.glanceSession(session.key).sessionId, 'Hank');
    h.tick(5000);
    const afterLeave = await refreshSession(h.ports);
    expect(afterLeave?.guests.map((g) => [g.name, g.leftAt !== ''])).toEqual([
      ['Wanda Guest', false],
      ['Hank', true],
    ]);
    expect(h.broadcasts.at(-1)?.guests.at(-1)?.leftAt).not.toBe('');
    expect(afterLeave).toMatchObject({ glanceReportsGuests: true, canSwitch: true });
    expect((await switchMode(session.sessionId, 'cobrowse', h.ports)).ok).toBe(true);
    expect(h.glanceSession(session.key).sessionType).toBe('C');
    // Asking again for the mode it is in changes nothing (two tabs clicking at once).
    expect((await switchMode(session.sessionId, 'cobrowse', h.ports)).ok).toBe(true);
    await runOutbox(h.ports);
    before = h.salesforceCalls().length;
    h.tick(60_000);
    expect(await endSession(session.sessionId, h.ports)).toEqual({ ok: true, session: null });
    await runOutbox(h.ports);
    expect(
      h
        .salesforceCalls()
        .slice(before)
        .map((c) => c.method),
    ).toEqual(['PATCH']);
    const event = eventOf(h, session.sessionId);
    expect(Date.parse(String(event.EndDateTime))).toBeGreaterThan(Date.parse(String(event.StartDateTime)) - 1);
    expect(String(event.Description)).toContain('Mode: Screen share → Cobrowse');
    expect(String(event.Description)).toContain('Wanda Guest <wanda@newco.example>');
    expect(String(event.Description)).toContain('Guests: 2');
    expect(String(event.Description)).toMatch(/- Hank <HANK@globex\.example>, joined \S+, left \S+/);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(h.broadcasts.at(-1)).toBeNull();
  });

  it('creates no Lead when the policy says never, or when the guest gave no name under "email and name"', async () => {
    h.assumeGlanceOps();
    await h.connect({ leadCreation: 'emailAndName' });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    const leadsBefore = h.records('Lead').length;
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: '', email: 'anon@newco.example' });
    h.tick(5000);
    await refreshSession(h.ports);
    await runOutbox(h.ports);
    expect(h.records('Lead').length).toBe(leadsBefore);
  });

  it('posts to Chatter in the same request when the setting is on', async () => {
    await h.connect({ chatterOnStart: true });
    // The toolbar asked who the rep is when the page loaded; the click itself asks Salesforce nothing.
    await salesforceStatus(`${LIGHTNING}/lightning/page/home`, h.ports);
    const beforeClick = h.salesforceCalls().length;
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(h.salesforceCalls().length).toBe(beforeClick);
    const before = h.salesforceCalls().length;
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length - before).toBe(1);
    const event = h.records('Event').find((e) => String(e.fields.Subject).includes(session.sessionId));
    const post = h.records('FeedItem').at(-1)?.fields;
    expect(post).toMatchObject({
      Type: 'LinkPost',
      LinkUrl: `${LIGHTNING}/lightning/r/Event/${event?.Id}/view`,
      ParentId: h.sandbox.state.salesforce.defaultUserId,
    });
    // Colleagues join from the linked Event; the post itself never carries the key (issue 10).
    expect(post?.Visibility).toBe('InternalUsers');
    expect(JSON.stringify(post)).not.toContain(session.key);
  });

  it("posts to the record's feed when who the rep is was not known yet, rather than make the click wait", async () => {
    await h.connect({ chatterOnStart: true });
    const lead = h.seeded('Lead');
    const before = h.salesforceCalls().length;
    await start(h, 'Lead', lead.Id);
    expect(h.salesforceCalls().length).toBe(before);
    await runOutbox(h.ports);
    expect(h.records('FeedItem').at(-1)?.fields.ParentId).toBe(lead.Id);
  });
});

describe('relations by how the rep uses Salesforce', () => {
  it('a Contact with exactly one open Opportunity (sales) gets it as WhatId', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const hank = h.records('Contact').find((c) => c.fields.LastName === 'Scorpio');
    if (!hank) throw new Error('seed changed');
    const session = await start(h, 'Contact', hank.Id);
    await runOutbox(h.ports);
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    const opp = h.records('Opportunity').find((o) => o.fields.ContactId === hank.Id && o.fields.IsClosed === false);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhoId: hank.Id, WhatId: opp?.Id });
  });

  it('a Contact with two open Opportunities gets no guessed WhatId', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const peter = h.records('Contact').find((c) => c.fields.LastName === 'Gibbons');
    if (!peter) throw new Error('seed changed');
    const session = await start(h, 'Contact', peter.Id);
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    const event = eventOf(h, session.sessionId);
    expect(event.WhoId).toBe(peter.Id);
    expect(event.WhatId ?? null).toBeNull();
  });

  it('a Case in support mode: WhatId the Case, WhoId its contact', async () => {
    const h = harness();
    await h.connect({ usage: 'support' });
    const kase = h.seeded('Case');
    const session = await start(h, 'Case', kase.Id);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhatId: kase.Id });
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhatId: kase.Id, WhoId: kase.fields.ContactId });
  });
});

describe('when things go wrong', () => {
  it('Glance down: the start does not ask it, so the session starts and is logged all the same', async () => {
    const h = harness();
    await h.connect();
    h.sandbox.state.faults.push({ service: 'glance', pathIncludes: '/', remaining: 10_000, status: 503 });
    const before = glanceCalls(h);
    const result = await startSession(
      `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`,
      'screenshare',
      h.ports,
    );
    if (!result.ok || !result.session) throw new Error(JSON.stringify(result));
    expect(result.session.launchNow).toMatch(/^glance:\/\/startssn\?key=\d{4}&username=acme\.glance\.net$/);
    expect(probeCalls(h, before)).toEqual([]);
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'log-start' }]);
    await runOutbox(h.ports);
    eventOf(h, result.session.sessionId);
  });

  it('not connected, not a record, one session at a time', async () => {
    const h = harness();
    const url = `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
    expect(await startSession(url, 'screenshare', h.ports)).toEqual({ ok: false, problem: 'glance-not-connected' });
    await h.connect();
    expect(await startSession(`${LIGHTNING}/lightning/page/home`, 'screenshare', h.ports)).toEqual({
      ok: false,
      problem: 'not-a-record',
    });
    await start(h, 'Lead', h.seeded('Lead').Id);
    expect(await startSession(url, 'screenshare', h.ports)).toEqual({ ok: false, problem: 'session-running' });
  });

  it('Salesforce session expired: the session runs, the writes wait for a new login, then land once', async () => {
    const h = harness();
    await h.connect();
    const page = `${LIGHTNING}/lightning/page/home`;
    expect((await salesforceStatus(page, h.ports))?.state).toBe('ready');
    h.sandbox.state.salesforce.expireSessions();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect((await refreshSession(h.ports, true))?.salesforce).toBe('session-expired');
    // The toolbar's cached "logged as" answer is forgotten: it asks Salesforce again and says to log in.
    expect((await salesforceStatus(page, h.ports))?.state).toBe('session-expired');
    expect(h.records('Event')).toHaveLength(0);
    h.setSid(h.sandbox.state.salesforce.createSession(h.sandbox.state.salesforce.defaultUserId).sid);
    await retryNow(h.ports);
    eventOf(h, session.sessionId);
  });

  it('Salesforce down, then an answer lost on the way back: retried without a duplicate Event', async () => {
    const h = harness();
    await h.connect();
    h.sandbox.state.faults.push({ service: 'salesforce', pathIncludes: '/composite', remaining: 1, status: 503 });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(h.records('Event')).toHaveLength(0);
    // A 503 without Salesforce's error body may have been applied: the next attempt looks first.
    expect((await readJobs(h.ports))[0]).toMatchObject({ attempts: 1, inFlight: true, problem: 'unavailable' });

    // Salesforce applies the next request but the answer never arrives.
    const realFetch = h.ports.fetch;
    h.ports.fetch = (async (input: string, init?: RequestInit) => {
      const answer = await realFetch(input, init);
      if (String(input).endsWith('/composite')) throw new TypeError('Failed to fetch');
      return answer;
    }) as typeof fetch;
    await retryNow(h.ports);
    h.ports.fetch = realFetch;
    await retryNow(h.ports);
    eventOf(h, session.sessionId);
    expect(await readJobs(h.ports)).toEqual([]);
  });

  it('Salesforce refuses the Event for good: the job waits for the rep (Retry / Discard) and the panel says why', async () => {
    const h = harness();
    await h.connect();
    h.sandbox.state.faults.push({
      service: 'salesforce',
      pathIncludes: '/composite',
      remaining: 1,
      status: 400,
      body: JSON.stringify([{ errorCode: 'INSUFFICIENT_ACCESS', message: 'You cannot create events.' }]),
    });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    // Never dropped: it stays queued, marked for the rep, and is not sent again on its own.
    expect(await readJobs(h.ports)).toMatchObject([{ kind: 'log-start', attention: true, problem: 'refused' }]);
    const view = await refreshSession(h.ports, true);
    expect(view).toMatchObject({
      sessionId: session.sessionId,
      salesforce: 'needs-attention',
      salesforceError: 'You cannot create events.',
    });
    const calls = h.salesforceCalls().length;
    h.tick(60 * 60 * 1000);
    await runOutbox(h.ports);
    expect(h.salesforceCalls()).toHaveLength(calls);
  });

  it('Glance ends the session (or it expires unjoined): the Event is closed all the same', async () => {
    const h = harness();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    h.sandbox.state.glance.advance(11 * 60 * 1000);
    h.tick(11 * 60 * 1000);
    expect(await refreshSession(h.ports)).toBeNull();
    await runOutbox(h.ports);
    expect(String(eventOf(h, session.sessionId).Description)).toContain('Ended:');
  });
});

describe('on Glance as it documents itself (no assumed ops, as on a real account)', () => {
  it('the rep adds a guest by hand: shown, a Lead by policy, in the Event, and the session no longer times out', async () => {
    const h = harness();
    await h.connect({ leadCreation: 'email' });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(session).toMatchObject({ glanceReportsGuests: false, canSwitch: false, guests: [] });
    const leads = h.records('Lead').length;
    const glanceBefore = glanceCalls(h);
    h.tick(60_000);
    const added = await addGuest(session.sessionId, { name: ' Gina Guest ', email: 'gina@newco.example ' }, h.ports);
    expect(added).toMatchObject({
      ok: true,
      session: {
        status: 'active',
        guests: [{ name: 'Gina Guest', email: 'gina@newco.example', leftAt: '', byRep: true }],
      },
    });
    expect(h.broadcasts.at(-1)?.guests.map((g) => g.name)).toEqual(['Gina Guest']);
    await runOutbox(h.ports);
    expect(
      h
        .records('Lead')
        .slice(leads)
        .map((r) => r.fields.Email),
    ).toEqual(['gina@newco.example']);
    // Past the 10 minutes an unjoined session has: this one has a guest, so it runs on.
    h.tick(20 * 60_000);
    expect(await refreshSession(h.ports, true)).toMatchObject({ sessionId: session.sessionId });
    expect(await endSession(session.sessionId, h.ports)).toEqual({ ok: true, session: null });
    // Nothing of it asked Glance: the rep ends sharing in the Glance Client, which still hosts it.
    expect(glanceCalls(h)).toBe(glanceBefore);
    expect(h.glanceSession(session.key).status).toBe('W');
    await runOutbox(h.ports);
    expect(String(eventOf(h, session.sessionId).Description)).toContain('Gina Guest <gina@newco.example>');
    expect(await addGuest(session.sessionId, { name: 'Too Late', email: '' }, h.ports)).toEqual({
      ok: false,
      problem: 'session-gone',
    });
  });

  it('a switch is made in Glance’s own window: the panel says so, and the session stays as it is', async () => {
    const h = harness();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(await switchMode(session.sessionId, 'cobrowse', h.ports)).toEqual({
      ok: false,
      problem: 'switch-in-glance',
    });
    expect(await currentSession(h.ports)).toMatchObject({ mode: 'screenshare', canSwitch: false });
  });
});

describe('with the assumed ops a probe found (A6)', () => {
  it('the rep ends sharing in the Glance Client: the next poll ends the session with Glance’s end time', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    expect(await h.probed()).toMatchObject({ status: true, setType: true, end: true, conference: true });
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Wanda Guest', email: '' });
    h.tick(5000);
    expect((await refreshSession(h.ports))?.guests.map((g) => g.name)).toEqual(['Wanda Guest']);
    h.tick(3 * 60_000);
    h.sandbox.state.glance.endInClient('acme.glance.net');
    expect(h.glanceSession(session.key).endedAt).toBe(h.ports.now());
    // Seen at the next poll, minutes later: the Event ends when the rep stopped sharing.
    h.tick(5 * 60_000);
    expect(await refreshSession(h.ports)).toBeNull();
    expect(h.broadcasts.at(-1)).toBeNull();
    await runOutbox(h.ports);
    const event = eventOf(h, session.sessionId);
    // Salesforce keeps an Event as a start and whole minutes.
    expect(Date.parse(String(event.EndDateTime)) - Date.parse(String(event.StartDateTime))).toBe(3 * 60_000);
  });

  it('an op the account no longer answers is forgotten: the session goes on as documented Glance has it', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    h.assumeGlanceOps(false);
    h.tick(5000);
    expect(await refreshSession(h.ports)).toMatchObject({
      sessionId: session.sessionId,
      glanceReportsGuests: false,
      glanceUnreachable: false,
    });
    // Not asked again: the next polls ask Glance nothing.
    const asked = glanceCalls(h);
    h.tick(5000);
    await refreshSession(h.ports);
    expect(glanceCalls(h)).toBe(asked);
  });
});

describe('Glance not answering while a session runs', () => {
  it('keeps the session, says the guest list may be stale, and clears that when Glance answers', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    h.sandbox.state.faults.push({
      service: 'glance',
      pathIncludes: 'GetSessionStatus',
      remaining: 1,
      status: 502,
      body: '<html>Bad gateway</html>',
    });
    h.tick(5000);
    expect(await refreshSession(h.ports)).toMatchObject({ sessionId: session.sessionId, glanceUnreachable: true });
    expect(h.broadcasts.at(-1)).toMatchObject({ glanceUnreachable: true });
    h.tick(5000);
    expect(await refreshSession(h.ports)).toMatchObject({ sessionId: session.sessionId, glanceUnreachable: false });
    expect(h.broadcasts.at(-1)).toMatchObject({ glanceUnreachable: false });
  });
});

describe('overlapping requests', () => {
  it('a guest poll still waiting for Glance does not bring back a session the rep just ended', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const realFetch = h.ports.fetch;
    // Glance answers the poll before the End, but the answer is still on its way back.
    h.ports.fetch = (async (input: string, init?: RequestInit) => {
      const answer = await realFetch(input, init);
      if (String(input).endsWith('/GetSessionStatus')) await gate;
      return answer;
    }) as typeof fetch;
    h.tick(5000);
    const asked = h.sandbox.calls.length;
    const polling = refreshSession(h.ports);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const ending = endSession(session.sessionId, h.ports);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The poll did reach Glance (with the session's key) and waits for its answer.
    expect(h.sandbox.calls.slice(asked).filter((c) => c.path.endsWith('/GetSessionStatus'))).toMatchObject([
      { body: expect.stringContaining(`key=${session.key}`) },
    ]);
    release();
    await Promise.all([polling, ending]);
    expect(await currentSession(h.ports)).toBeNull();
    await runOutbox(h.ports);
    // One end, one Event update.
    expect(h.salesforceCalls().filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(await refreshSession(h.ports, true)).toBeNull();
    expect(h.broadcasts.at(-1)).toBeNull();
  });
});
