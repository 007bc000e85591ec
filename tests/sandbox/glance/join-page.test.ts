import { beforeEach, describe, expect, it } from 'vitest';
import { clientLaunchUrl } from '../../../src/background/glance/documented.js';
import { glanceHandler } from './api.js';
import { NO_SESSION_MESSAGE } from './join-page.js';
import { GlanceService } from './service.js';
import { request } from './test-helpers.js';
import { sessionInfoXml } from './xml.js';

describe('Glance guest join page', () => {
  let glance: GlanceService;
  const page = async (method: string, url: string, form?: Record<string, string>) => {
    const answer = await glanceHandler(glance)(request(method, url, form));
    return { status: answer?.status, body: String(answer?.body) };
  };
  /** The rep's Glance Client receives the extension's launch with this key ('' for none). */
  const start = (key: string) => {
    const session = glance.launchClient(clientLaunchUrl(key, { username: 'acme.glance.net' }));
    if (typeof session === 'string') throw new Error(session);
    return session;
  };
  beforeEach(() => {
    glance = new GlanceService();
    // A frozen wall clock: only advance() moves time, so durations and expiry are exact.
    glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
  });

  it('shows a labelled form with the key from the join link prefilled', async () => {
    const { status, body } = await page('GET', 'https://acme.glance.net/?key=4321');
    expect(status).toBe(200);
    expect(body).toContain('Join Riley Rep&#39;s session');
    for (const id of ['key', 'name', 'email', 'phone']) expect(body).toMatch(new RegExp(`<label for="${id}">`));
    expect(body).toMatch(/<input id="key" name="key" value="4321"/);
    expect(body).toContain('<button type="submit">Join session</button>');
  });

  it('joins with the right key', async () => {
    const session = start('2468');
    const { body } = await page('POST', 'https://acme.glance.net/', {
      key: '2468',
      name: 'Wanda',
      email: 'w@example.com',
    });
    expect(body).toContain('You have joined Riley Rep&#39;s session');
    expect(session.status).toBe('A');
    expect(session.guests).toMatchObject([{ name: 'Wanda', email: 'w@example.com', phone: '' }]);
  });

  it('shows the form again with an error for a wrong key, keeping what was typed', async () => {
    const session = start('2468');
    const { body } = await page('POST', 'https://acme.glance.net/', { key: '1111', name: 'Wanda', email: '' });
    expect(body).toContain(NO_SESSION_MESSAGE);
    expect(body).toMatch(/<input id="name" name="name" value="Wanda"/);
    expect(session.guests).toHaveLength(0);
  });

  it('joins the no-key session with an empty key, but not an expired or ended one', async () => {
    const noKey = start('');
    expect((await page('POST', 'https://acme.glance.net/', { key: '', name: 'A' })).body).toContain('You have joined');
    expect(noKey.guests).toHaveLength(1);
    glance.endFromGlance(noKey.sessionId);
    expect((await page('POST', 'https://acme.glance.net/', { key: '', name: 'B' })).body).toContain(NO_SESSION_MESSAGE);
    const keyed = start('8642');
    glance.advance(10 * 60 * 1000);
    expect((await page('POST', 'https://acme.glance.net/', { key: keyed.key, name: 'C' })).body).toContain(
      NO_SESSION_MESSAGE,
    );
  });

  it('does not join a session of another address with the same key', async () => {
    start('5555');
    const { body } = await page('POST', 'https://ja.acme.glance.net/', { key: '5555', name: 'Wanda' });
    expect(body).toContain(NO_SESSION_MESSAGE);
    expect(body).toContain('Jamie Agent');
  });

  it('requires a name', async () => {
    const session = start('2468');
    const { body } = await page('POST', 'https://acme.glance.net/', { key: '2468', name: '  ' });
    expect(body).toContain('Please enter your name');
    expect(session.guests).toHaveLength(0);
  });

  it('escapes hostile guest names on the page and in the session XML', async () => {
    const session = start('2468');
    const hostile = '<img src=x onerror="alert(1)"> & \'Bob\'';
    const joined = await page('POST', 'https://acme.glance.net/', {
      key: '2468',
      name: hostile,
      email: '"x"@example.com',
    });
    expect(joined.body).not.toContain('<img');
    expect(joined.body).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;Bob&#39;');
    const wrong = await page('POST', 'https://acme.glance.net/', { key: '9', name: hostile });
    expect(wrong.body).not.toContain('<img');
    const info = sessionInfoXml(session);
    expect(info).not.toContain('<img');
    expect(info).toContain('<name>&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;Bob&#39;</name>');
  });

  it('answers 404 for an address without an account and ignores other paths', async () => {
    expect((await page('GET', 'https://nobody.glance.net/')).status).toBe(404);
    expect(await glanceHandler(glance)(request('GET', 'https://acme.glance.net/robots.txt'))).toBeUndefined();
  });
});
