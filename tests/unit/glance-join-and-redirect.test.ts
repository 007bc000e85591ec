// What Glance answers is input: the join link must be an https link on the account's own join host
// (else the documented link, A15, is used), and a redirect is never followed, so a 307 cannot
// re-post the password or the credential to another host.
import { describe, expect, it } from 'vitest';
import { connectGlance, GlanceClient, GlanceError } from '../../src/background/glance/client.js';
import { clientLaunchUrl } from '../../src/background/glance/documented.js';
import { inProcessSandbox } from '../support/in-process-fetch.js';

/**
 * The in-process sandbox behind a fetch that follows redirects as the Fetch standard says
 * (https://fetch.spec.whatwg.org/#http-redirect-fetch): 'follow' (the default) follows up to 20,
 * re-sending method and body on 307/308 and turning a POST into a bodiless GET on 301/302/303;
 * 'error' rejects with a TypeError; 'manual' hands back an opaque answer.
 */
function followingFetch(inner: typeof fetch): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    let url = String(input);
    let current = init;
    for (let hop = 0; hop <= 20; hop++) {
      const response = await inner(url, current);
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
      if (init.redirect === 'error') throw new TypeError('Failed to fetch');
      if (init.redirect === 'manual') return Response.error();
      url = new URL(location, url).href;
      if (response.status !== 307 && response.status !== 308 && current.method === 'POST') {
        current = { ...current, method: 'GET', body: undefined };
      }
    }
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
}

/**
 * A connected client of an account whose service has the assumed ops (A6), and a session its Glance
 * Client started with a key: the session answers (A7) are where a join link comes from.
 */
async function connected() {
  const sandbox = inProcessSandbox();
  sandbox.state.glance.assumedOps = true;
  const account = await connectGlance(sandbox.fetch, 'acme.glance.net', 'correct-horse');
  const launched = sandbox.state.glance.launchClient(clientLaunchUrl('1234', { username: account.address }));
  if (typeof launched === 'string') throw new Error(launched);
  return { sandbox, account, key: launched.key, client: new GlanceClient(account, followingFetch(sandbox.fetch)) };
}

describe('the join link from Glance', () => {
  it.each([
    'javascript:alert(document.domain)',
    'http://acme.glance.net/?key=1234',
    'https://collector.example/?key=1234',
    'https://acme.glance.net.collector.example/?key=1234',
    'https://ja.acme.glance.net/?key=1234',
    'https://acme.glance.net:8443/?key=1234',
    'https://rep@acme.glance.net/?key=1234',
    'data:text/html,<script>alert(1)</script>',
    '//collector.example/',
    'not a link',
    '',
  ])('is replaced by the documented link when Glance answers %j', async (hostile) => {
    const { sandbox, client, key } = await connected();
    sandbox.state.glance.misbehaviour.joinUrl = hostile;
    const status = await client.status(key);
    expect(status.key).toBe('1234');
    expect(status.joinUrl).toBe('https://acme.glance.net/?key=1234');
    // Every answer about the session is checked, not only the status.
    expect((await client.setType(key, 'C')).joinUrl).toBe(status.joinUrl);
    expect((await client.end(key)).joinUrl).toBe(status.joinUrl);
  });

  it('keeps a link Glance answers on the account host, with its own parameters', async () => {
    const { sandbox, client, key } = await connected();
    sandbox.state.glance.misbehaviour.joinUrl = 'https://ACME.glance.net/?key=1234&lang=fr';
    expect((await client.status(key)).joinUrl).toBe('https://acme.glance.net/?key=1234&lang=fr');
  });
});

describe('redirects from Glance', () => {
  it('are refused: the credential is not re-posted and the rep gets a typed failure', async () => {
    const { sandbox, account, client, key } = await connected();
    sandbox.state.glance.misbehaviour.redirect = { to: 'collector.example', count: 1 };
    const error = await client.status(key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlanceError);
    expect((error as GlanceError).failure).toBe('unavailable');
    expect(sandbox.calls.filter((c) => c.host === 'collector.example')).toEqual([]);
    expect(sandbox.calls.filter((c) => c.body.includes(account.credentials)).map((c) => c.host)).toEqual([
      'www.glance.net',
    ]);
  });

  it('are refused at Connect too: the password goes to Glance only', async () => {
    const sandbox = inProcessSandbox();
    sandbox.state.glance.misbehaviour.redirect = { to: 'collector.example', count: 1 };
    const error = await connectGlance(followingFetch(sandbox.fetch), 'acme.glance.net', 'correct-horse').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ failure: 'unavailable' });
    expect(sandbox.calls.filter((c) => c.body.includes('correct-horse')).map((c) => c.host)).toEqual([
      'www.glance.net',
    ]);
  });
});
