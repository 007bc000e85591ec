// An org with Chatter off: who-am-I falls back to OpenID Connect userinfo so the toolbar says
// "ready", and a session still gets its Event while the refused post is recorded once for the panel.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { salesforceStatus } from '../../src/shared/salesforce/status.js';
import { eventOf, harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { currentSession } from '../support/session.js';

const HOME = `${LIGHTNING}/lightning/page/home`;
const paths = (h: ReturnType<typeof harness>, from: number) =>
  h
    .salesforceCalls()
    .slice(from)
    .map((c) => `${c.method} ${c.path}`);

describe('who-am-I with Chatter off', () => {
  it('falls back to userinfo and says ready with the user it names, then answers from the cache', async () => {
    const h = harness();
    const org = h.sandbox.state.salesforce;
    org.setup.chatter = false;
    const status = await salesforceStatus(HOME, h.ports);
    expect(status).toEqual({
      state: 'ready',
      apiHost: 'acme.my.salesforce.com',
      orgId: org.orgId18,
      user: {
        id: org.defaultUserId,
        name: 'Riley Rep',
        email: 'riley.rep@acme.example',
        username: 'riley.rep@acme.example',
      },
    });
    expect(paths(h, 0)).toEqual(['GET /services/data/v66.0/chatter/users/me', 'GET /services/oauth2/userinfo']);
    const before = h.salesforceCalls().length;
    expect(await salesforceStatus(HOME, h.ports)).toEqual(status);
    expect(h.salesforceCalls().length).toBe(before);
  });

  it('with Chatter on, asks Chatter alone, as before', async () => {
    const h = harness();
    expect(await salesforceStatus(HOME, h.ports)).toMatchObject({ state: 'ready', user: { name: 'Riley Rep' } });
    expect(paths(h, 0)).toEqual(['GET /services/data/v66.0/chatter/users/me']);
  });

  it('still says expired, not taken for the API or unavailable when Salesforce says so, without asking userinfo', async () => {
    const h = harness();
    h.sandbox.state.salesforce.setup.chatter = false;
    h.sandbox.state.salesforce.setup.apiAccessControl = true;
    expect(await salesforceStatus(HOME, h.ports)).toMatchObject({ state: 'session-not-for-api' });
    h.sandbox.state.salesforce.setup.apiAccessControl = false;
    h.sandbox.state.salesforce.expireSessions();
    h.setSid(`${h.sandbox.state.salesforce.orgId}!expired`);
    expect(await salesforceStatus(HOME, h.ports)).toMatchObject({ state: 'session-expired' });
    expect(h.salesforceCalls().map((c) => c.path)).not.toContain('/services/oauth2/userinfo');
  });
});

describe('a session with Chatter off', () => {
  it('logs the Event in the one start call, skips the post for good, and tells the rep once why', async () => {
    const h = harness();
    h.sandbox.state.salesforce.setup.chatter = false;
    await h.connect({ chatterOnStart: true });
    // The toolbar already asked who the rep is: the post would go to the rep's own feed.
    expect(await salesforceStatus(HOME, h.ports)).toMatchObject({ state: 'ready' });
    const lead = h.seeded('Lead');
    const before = h.salesforceCalls().length;
    const session = await start(h, 'Lead', lead.Id);
    await runOutbox(h.ports);
    expect(paths(h, before)).toEqual(['POST /services/data/v66.0/composite']);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhoId: lead.Id });
    expect(h.records('FeedItem')).toEqual([]);
    expect(await readJobs(h.ports)).toEqual([]);
    const view = await currentSession(h.ports);
    expect(view?.salesforce).toBe('logged');
    // Salesforce's words for a FeedItem the org does not have; the panel shows its own line for them.
    expect(view?.chatterError).toBe('The requested resource does not exist');
    // Nothing is sent again for the post.
    const after = h.salesforceCalls().length;
    await runOutbox(h.ports);
    expect(h.salesforceCalls().length).toBe(after);
  });
});

describe('an interrupted start with Chatter off', () => {
  it('looks up its Event, finds the feed unreadable for good, and is done: no rep needed, no second Event', async () => {
    const h = harness();
    await h.connect({ chatterOnStart: true });
    h.sandbox.state.salesforce.setup.chatter = false;
    const real = h.ports.fetch;
    let cut = true;
    h.ports.fetch = (async (input: string, init?: RequestInit) => {
      const answer = await real(input, init);
      if (cut && String(input).endsWith('/composite')) {
        cut = false;
        throw new TypeError('Failed to fetch'); // applied, but the answer was lost
      }
      return answer;
    }) as typeof fetch;
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    await runOutbox(h.ports);
    expect(await readJobs(h.ports)).toMatchObject([{ inFlight: true }]);
    // The retry's own alarm, when a rep's browser fires it (30 s: alarms.ts).
    await h.advance(30_000);
    expect(await readJobs(h.ports)).toEqual([]);
    eventOf(h, session.sessionId);
    expect((await currentSession(h.ports))?.salesforce).toBe('logged');
  });
});
