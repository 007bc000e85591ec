// The org-check tool, run against the emulators: every check it would run against a real org and
// a real Glance account passes here, so a failure there points at a real difference. With the
// sandbox's org settings switched on, each check says which setting refused it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glanceChecks } from '../../scripts/org-check/glance-checks.js';
import { routeMessage } from '../../src/background/router.js';
import { refusedBy } from '../../src/org-check/check-kit.js';
import { dryRun } from '../../src/org-check/dry-run.js';
import { salesforceChecks } from '../../src/org-check/salesforce-checks.js';
import { checkThisOrg } from '../../src/pages/options/org-check.js';
import { INVALID_MESSAGE } from '../../src/shared/protocol/index.js';
import { SalesforceError } from '../../src/shared/salesforce/errors.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

// The polyfill refuses to load outside an extension; the page's browser API is the stubbed `chrome`
// global below (optionsPage), which the polyfill would wrap in an extension.
vi.mock('webextension-polyfill', () => ({
  default: {
    cookies: {
      get: (details: unknown) =>
        (globalThis as unknown as { chrome: { cookies: { get(d: unknown): unknown } } }).chrome.cookies.get(details),
    },
  },
}));

import { inProcessSandbox } from '../support/in-process-fetch.js';

function acme() {
  const sandbox = inProcessSandbox();
  const org = sandbox.state.salesforce;
  const { sid } = org.createSession(org.defaultUserId);
  const run = () =>
    salesforceChecks({ apiHost: 'acme.my.salesforce.com', fetch: sandbox.fetch, readSid: async () => sid });
  const counts = () => ({
    leads: org.ofType('Lead').length,
    events: org.ofType('Event').length,
    posts: org.ofType('FeedItem').length,
  });
  return { sandbox, org, run, counts };
}

describe('org check against the sandbox', () => {
  it('runs every Salesforce check, reads back what it wrote and leaves nothing behind', async () => {
    const { run, counts } = acme();
    const before = counts();
    const results = await run();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.id)).toEqual([
      'who-am-i',
      'test-lead',
      'event-start',
      'chatter-post',
      'event-end',
      'meeting-scheduled',
      'meeting-cancelled',
      'lead-rule',
      'guest-lead',
      'guest-known',
      'clean-up',
    ]);
    expect(results.find((r) => r.id === 'event-start')?.detail).toMatch(/read back as written/);
    expect(results.find((r) => r.id === 'chatter-post')?.detail).toMatch(
      /links to https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Event\/00U\w+\/view/,
    );
    expect(results.find((r) => r.id === 'lead-rule')?.detail).toMatch(/^FIELD_INTEGRITY_EXCEPTION/);
    // The meeting composite: the future Event with its reminder, read back, and its post linking to it.
    expect(results.find((r) => r.id === 'meeting-scheduled')?.detail).toMatch(
      /^Event 00U\w+ \(.+\): Subject, Type, StartDateTime, EndDateTime, IsReminderSet, ReminderDateTime, .* read back as written; the post links to it$/,
    );
    expect(results.find((r) => r.id === 'meeting-cancelled')?.detail).toMatch(
      /Subject, ShowAs, .* read back as written/,
    );
    expect(counts()).toEqual(before);
  });

  it('in a large org (millions of activities), every check passes and leaves nothing: its Event queries are selective', async () => {
    const { org, run, counts } = acme();
    org.setup.largeOrg = true;
    const before = counts();
    const results = await run();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(counts()).toEqual(before);
  });

  it('with API Access Control on, stops at the first call and names the settings that answer so', async () => {
    const { org, run } = acme();
    org.setup.apiAccessControl = true;
    const results = await run();
    expect(results).toEqual([expect.objectContaining({ id: 'who-am-i', ok: false, refusedBy: 'session-not-for-api' })]);
    expect(results[0]?.detail).toMatch(/not valid for use with the REST API/);
  });

  it('with a field the rep cannot write, the Event is logged without it, and the check fails naming field permissions', async () => {
    const { org, run, counts } = acme();
    const before = counts();
    org.setup.readOnlyFields.set('Event', new Set(['Description']));
    const results = await run();
    const start = results.find((r) => r.id === 'event-start');
    expect(start).toMatchObject({ ok: false, refusedBy: 'field-permissions' });
    expect(start?.detail).toMatch(/without Description/);
    expect(results.find((r) => r.id === 'clean-up')).toMatchObject({ ok: true });
    expect(counts()).toEqual(before);
  });

  it('with a validation rule on Lead, the guest Lead check names the validation rule', async () => {
    const { org, run, counts } = acme();
    const before = counts();
    org.setup.validationRules.push({ sobject: 'Lead', message: 'Leads need a source we know', field: 'LeadSource' });
    const results = await run();
    expect(results.find((r) => r.id === 'guest-lead')).toMatchObject({ ok: false, refusedBy: 'validation-rule' });
    expect(results.find((r) => r.id === 'clean-up')).toMatchObject({ ok: true });
    expect(counts()).toEqual(before);
  });

  it('with Chatter off, who-am-i and the post fail naming Chatter; the Event is still logged and nothing is left', async () => {
    const { org, run, counts } = acme();
    const before = counts();
    org.setup.chatter = false;
    const results = await run();
    expect(results.filter((r) => !r.ok).map((r) => [r.id, r.refusedBy])).toEqual([
      ['who-am-i', 'chatter-off'],
      ['chatter-post', 'chatter-off'],
    ]);
    expect(results.find((r) => r.id === 'event-start')).toMatchObject({ ok: true });
    expect(counts()).toEqual(before);
  });

  it('when the duplicate rule matches the guest by name and company, the guest gets their own Lead; the other is kept', async () => {
    const { org, run, counts } = acme();
    vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000);
    try {
      // The guest the check invents: "Org Check <stamp>" at example.com, so company "Example".
      const existing = org.insert('Lead', { FirstName: 'Org Check', LastName: '1790000000000', Company: 'Example' });
      const before = counts();
      const results = await run();
      const guest = results.find((r) => r.id === 'guest-lead');
      expect(guest).toMatchObject({ ok: true });
      expect(guest?.refusedBy).toBeUndefined();
      expect(guest?.detail).not.toContain(existing.Id);
      expect(results.find((r) => r.id === 'clean-up')).toMatchObject({ ok: true });
      expect(org.get(existing.Id)).toBeDefined();
      expect(counts()).toEqual(before);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a Block duplicate rule: the guest check names the duplicate rule, and no other Lead stands for the guest', async () => {
    const { org, run, counts } = acme();
    vi.spyOn(Date, 'now').mockReturnValue(1_790_000_000_000);
    try {
      org.setup.leadDuplicateAction = 'block';
      org.insert('Lead', { FirstName: 'Org Check', LastName: '1790000000000', Company: 'Example' });
      const before = counts();
      const results = await run();
      expect(results.find((r) => r.id === 'guest-lead')).toMatchObject({ ok: false, refusedBy: 'duplicate-rule' });
      expect(results.find((r) => r.id === 'clean-up')).toMatchObject({ ok: true });
      expect(counts()).toEqual(before);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('names the org setting behind each kind of refusal, by the extension’s classification', () => {
    const error = (status: number, errorCode: string, message = 'x') =>
      new SalesforceError(status, [{ errorCode, message }]);
    expect(refusedBy(error(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API'))).toBe(
      'session-not-for-api',
    );
    expect(refusedBy(error(403, 'API_DISABLED_FOR_ORG'))).toBe('api-disabled');
    expect(refusedBy(error(401, 'INVALID_SESSION_ID', 'Session expired or invalid'))).toBe('session');
    expect(refusedBy(error(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'))).toBe('daily-limit');
    expect(refusedBy(error(400, 'INVALID_FIELD_FOR_INSERT_UPDATE'))).toBe('field-permissions');
    expect(refusedBy(error(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION'))).toBe('validation-rule');
    expect(refusedBy(error(400, 'DUPLICATES_DETECTED'))).toBe('duplicate-rule');
    expect(refusedBy(error(403, 'FUNCTIONALITY_NOT_ENABLED'), true)).toBe('chatter-off');
    expect(refusedBy(error(400, 'MALFORMED_QUERY'))).toBe('other');
    expect(refusedBy(error(503, 'SERVER_UNAVAILABLE'))).toBe('unavailable');
  });

  it('tries every Glance assumption: all hold where the account has the assumed ops', async () => {
    const sandbox = inProcessSandbox();
    sandbox.state.glance.assumedOps = true;
    const results = await glanceChecks(sandbox.fetch, 'acme.glance.net', 'correct-horse');
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.name)).toEqual([
      'A1–A3 ValidateUser form POST answers a 32-hex credential',
      'A4 a wrong password is a fault with code InvalidPassword',
      'A5 a second ValidateUser leaves the first credential valid',
      'A6 GetSessionStatus',
      'A6 SetSessionType',
      'A6 EndSession',
      'A6 GetConferenceInfo',
      'A17 the trial sign-up page answers',
    ]);
  });

  it('says which assumed ops a real account lacks (ASMX’s unknown method), and what still holds', async () => {
    const sandbox = inProcessSandbox();
    const results = await glanceChecks(sandbox.fetch, 'acme.glance.net', 'correct-horse');
    expect(results.filter((r) => !r.ok)).toEqual([
      // A5 is confirmed through GetConferenceInfo, itself an A6 op: without it, A5 cannot be told.
      {
        name: 'A5 a second ValidateUser leaves the first credential valid',
        ok: false,
        detail: 'Glance absent (unknown web method)',
      },
      // In Glance's own words: ASMX's answer to a web method it does not have.
      ...['GetSessionStatus', 'SetSessionType', 'EndSession', 'GetConferenceInfo'].map((op) => ({
        name: `A6 ${op}`,
        ok: false,
        detail: expect.stringMatching(
          new RegExp(`^absent: System\\.InvalidOperationException: ${op} Web Service method name is not valid\\.`),
        ),
      })),
    ]);
    expect(results).toHaveLength(8);
  });

  it('says so when the Glance password is wrong', async () => {
    const sandbox = inProcessSandbox();
    const results = await glanceChecks(sandbox.fetch, 'acme.glance.net', 'nope');
    expect(results).toEqual([expect.objectContaining({ ok: false })]);
  });
});

describe('org check --dry-run', () => {
  it('lists every kind of request the service worker sends, built by the job code, without a network', async () => {
    const realFetch = globalThis.fetch;
    const spy = vi.fn();
    globalThis.fetch = spy as unknown as typeof fetch;
    try {
      const scenarios = await dryRun();
      const requests = scenarios.flatMap((s) => s.requests);
      expect(spy).not.toHaveBeenCalled();
      const subrequests = requests.flatMap(
        (r) =>
          (r.body as { compositeRequest?: { method: string; url: string; body?: unknown }[] })?.compositeRequest ?? [],
      );
      const kinds = new Set([
        ...requests
          .filter((r) => !r.path.endsWith('/composite'))
          .map((r) => `${r.method} ${r.path.replace(/\/\w{18}$/, '/<id>')}`),
        ...subrequests.map(
          (s) =>
            `${s.method} ${decodeURIComponent(s.url)
              .replace(/\?q=SELECT .* FROM (\w+).*/, '?q=…$1')
              .replace(/\/\w{18}$/, '/<id>')}`,
        ),
      ]);
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining([
          'DELETE /services/data/v66.0/sobjects/Event/<id>',
          'DELETE /services/data/v66.0/sobjects/FeedItem/<id>',
          'DELETE /services/data/v66.0/sobjects/Lead/<id>',
          'GET /services/data/v66.0/chatter/users/me',
          'GET /services/oauth2/userinfo',
          'GET /services/data/v66.0/query?q=…Contact',
          'GET /services/data/v66.0/query?q=…Event',
          'GET /services/data/v66.0/query?q=…FeedItem',
          'GET /services/data/v66.0/query?q=…Lead',
          'PATCH /services/data/v66.0/sobjects/Event/<id>',
          'POST /services/data/v66.0/sobjects/Event',
          'POST /services/data/v66.0/sobjects/FeedItem',
          'POST /services/data/v66.0/sobjects/Lead',
        ]),
      );
      // The Chatter post links to the Event made in the same call.
      expect(JSON.stringify(subrequests)).toContain('/lightning/r/Event/@{event.id}/view');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('"Check this org" from the options page', () => {
  const page = { id: 'test', url: 'chrome-extension://test/src/pages/options/index.html' };
  const leadPage = `${LIGHTNING}/lightning/r/Lead/00Q000000000001AAA/view`;

  /** The options page's globals: fetch to the emulators, the cookie API, the page's own listeners. */
  function optionsPage() {
    const sandbox = inProcessSandbox();
    const org = sandbox.state.salesforce;
    const { sid } = org.createSession(org.defaultUserId);
    const cookieReads: unknown[] = [];
    const guards = new Set<unknown>();
    let guardedCalls = 0;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (guards.size > 0) guardedCalls++;
      return sandbox.fetch(input, init);
    });
    vi.stubGlobal('chrome', {
      cookies: {
        get: async (details: { url: string; name: string }) => {
          cookieReads.push(details);
          return details.url === 'https://acme.my.salesforce.com/' ? { name: 'sid', value: sid } : null;
        },
      },
    });
    vi.stubGlobal(
      'addEventListener',
      (type: string, listener: unknown) => type === 'beforeunload' && guards.add(listener),
    );
    vi.stubGlobal(
      'removeEventListener',
      (type: string, listener: unknown) => type === 'beforeunload' && guards.delete(listener),
    );
    const counts = () => ({ leads: org.ofType('Lead').length, events: org.ofType('Event').length });
    return { sandbox, cookieReads, guards, counts, guardedCalls: () => guardedCalls };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs the checks in the page with the browser session of the tab’s org, guarded against closing', async () => {
    const p = optionsPage();
    const before = p.counts();
    const view = await checkThisOrg(leadPage);
    expect(view).toMatchObject({ ok: true, apiHost: 'acme.my.salesforce.com' });
    expect(view.ok && view.results.filter((r) => !r.ok)).toEqual([]);
    const calls = p.sandbox.calls.filter((c) => c.host.endsWith('.salesforce.com'));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.every((c) => c.host === 'acme.my.salesforce.com')).toBe(true);
    // The regular store's sid of the org's API host, and nothing else.
    expect(p.cookieReads.length).toBeGreaterThan(0);
    expect(new Set(p.cookieReads.map((d) => JSON.stringify(d)))).toEqual(
      new Set([JSON.stringify({ url: 'https://acme.my.salesforce.com/', name: 'sid' })]),
    );
    // Every call ran while the page asked before closing; the guard is gone once the check is done.
    expect(p.guardedCalls()).toBe(calls.length);
    expect(p.guards.size).toBe(0);
    expect(p.counts()).toEqual(before);
  });

  it('says there is no org to check without a Salesforce tab, and calls nothing', async () => {
    const p = optionsPage();
    expect(await checkThisOrg(null)).toEqual({ ok: false, problem: 'no-salesforce-tab' });
    expect(await checkThisOrg('https://example.com/')).toMatchObject({ ok: false });
    expect(p.sandbox.calls).toEqual([]);
    expect(p.guards.size).toBe(0);
  });

  it('is no message of the worker’s any more: our page gets the typed refusal, other senders nothing', async () => {
    const h = harness();
    expect(await routeMessage({ type: 'page:check-org', pageUrl: leadPage }, page, h.ports)).toEqual(INVALID_MESSAGE);
    expect(
      await routeMessage(
        { type: 'page:check-org', pageUrl: leadPage },
        { id: 'test', url: leadPage, tab: { id: 1 } } as never,
        h.ports,
      ),
    ).toBeUndefined();
    expect(h.salesforceCalls()).toEqual([]);
  });
});

describe('org check clean-up (issue 25, item 4)', () => {
  it('finds and deletes by its stamp what it wrote, even when the answer to a write was cut off', async () => {
    const { sandbox, org, counts } = acme();
    const { sid } = org.createSession(org.defaultUserId);
    const before = counts();
    let cut = false;
    // The Event's composite is applied in the org, then its answer never arrives (the connection drops).
    const cutting = (async (input: string | URL | Request, init?: RequestInit) => {
      const answer = await sandbox.fetch(input, init);
      if (!cut && String(input).endsWith('/composite') && String(init?.body ?? '').includes('/sobjects/Event"')) {
        cut = true;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    }) as typeof fetch;
    const results = await salesforceChecks({
      apiHost: 'acme.my.salesforce.com',
      fetch: cutting,
      readSid: async () => sid,
    });
    expect(cut).toBe(true);
    expect(results.find((r) => r.id === 'clean-up')).toMatchObject({ ok: true });
    expect(counts()).toEqual(before);
  });
});
