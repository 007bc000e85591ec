// Signing in to Glance with the company's single sign-on (settings/single-sign-on.ts): the login key
// Glance's page hands over becomes the account, checked with Glance's Authorization API, and every
// launch, start page and viewer carries it instead of the address. The emulator mints real login
// keys with the group's API key (tests/sandbox/glance/single-sign-on.ts), which never reaches the
// extension.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseLoginKeyAnswer } from '../../src/background/glance/single-sign-on.js';
import { routeMessage } from '../../src/background/router.js';
import { startSession } from '../../src/background/session/service.js';
import { signInStatus, startSignIn } from '../../src/background/settings/single-sign-on.js';
import { glanceAccountItem } from '../../src/background/storage/items.js';
import { mintLoginKey } from '../sandbox/glance/single-sign-on.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';

const ACME_ORG_ID = '00D5g00000ACMEA';

/** What Glance's login-key page would hand over for this user of acme's group. */
function answerFor(h: Harness, address = 'acme.glance.net'): string {
  const glance = h.sandbox.state.glance;
  const group = glance.sso.groups[0];
  const account = glance.account(address);
  if (!group || !account) throw new Error('no seeded SSO group or account');
  return glance.sso.loginKeyAnswer(group, account);
}

/** The listener's message from the sign-in window's tab, on Glance's login-key page. */
function fromLoginKeyPage(h: Harness, answer: string, tabId = [...h.signIn.windows.values()][0]?.tabId) {
  return routeMessage(
    { type: 'glance-page:login-key', answer },
    {
      id: 'test',
      url: 'https://www.glance.net/account/GetLoginKey.aspx?sso=1&mode=embedded&fmt=html&idptoken=00D5g00000ACMEA',
      tab: { id: tabId },
      frameId: 0,
    },
    h.ports,
  );
}

describe('single sign-on to Glance', () => {
  let h: Harness;
  beforeEach(async () => {
    h = harness();
    await h.setPolicy({ glanceIdpToken: ACME_ORG_ID });
  });

  it("opens Glance's login-key page for the policy's identity provider, and keeps the login key it answers", async () => {
    expect(await startSignIn(h.ports)).toEqual({ ok: true });
    const [window] = [...h.signIn.windows.values()];
    expect(new URL(window?.url ?? '').pathname).toBe('/account/GetLoginKey.aspx');
    expect(Object.fromEntries(new URL(window?.url ?? '').searchParams)).toEqual({
      sso: '1',
      mode: 'embedded',
      fmt: 'html',
      idptoken: ACME_ORG_ID,
    });
    expect(h.signIn.listening).toBe(true);
    expect(await signInStatus(h.ports)).toEqual({ state: 'waiting' });

    const answer = answerFor(h);
    await fromLoginKeyPage(h, answer);
    const account = await glanceAccountItem.read(h.ports);
    expect(account?.address).toBe('acme.glance.net');
    expect(account?.credentials).toBe('');
    expect(account?.sso).toMatchObject({ partnerId: '72431', partnerUserId: 'riley.rep' });
    expect(account?.sso?.loginKey).toBe(answer.split('~')[1]);
    // Confirmed with Glance's Authorization API, the one call the sign-in made.
    expect(h.sandbox.calls.filter((c) => c.host === 'www.glance.net').map((c) => c.path)).toEqual([
      '/services/AuthorizationService.svc/rest/Authorize?groupid=72431&service=webservices&duration=1',
    ]);
    expect(h.signIn.windows.size).toBe(0);
    expect(h.signIn.listening).toBe(false);
    expect(await signInStatus(h.ports)).toEqual({ state: 'signed-in' });
  });

  it('starts sessions with the login key: the client launch names the partner user, never an address or password', async () => {
    await startSignIn(h.ports);
    await fromLoginKeyPage(h, answerFor(h));
    const lead = h.seeded('Lead');
    const result = await startSession(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`, 'screenshare', h.ports);
    if (!result.ok || !result.session) throw new Error(JSON.stringify(result));
    const launch = new URL(result.session.launchNow?.replace('glance://', 'https://') ?? '');
    expect([...launch.searchParams.keys()].sort()).toEqual(['key', 'loginkey', 'partnerid', 'partneruserid']);
    expect(new URL(result.session.startPageUrl).searchParams.get('loginkey')).toBe(launch.searchParams.get('loginkey'));
    // The emulated Glance Client accepts it and hosts the session on the rep's account.
    expect(h.launchClient(result.session.launchNow).address).toBe('acme.glance.net');
  });

  it('refuses an expired login key at Start: the rep signs in again first', async () => {
    await startSignIn(h.ports);
    await fromLoginKeyPage(h, answerFor(h));
    const account = await glanceAccountItem.read(h.ports);
    h.tick((account?.sso?.expiresAt ?? 0) - h.ports.now() + 1);
    const lead = h.seeded('Lead');
    expect(await startSession(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`, 'screenshare', h.ports)).toEqual({
      ok: false,
      problem: 'glance-reconnect',
    });
  });

  it('keeps nothing from an answer Glance would not accept, or from another tab', async () => {
    await startSignIn(h.ports);
    const forged = `partnerid=72431&partneruserid=riley.rep~${mintLoginKey('guessed-api-key', '72431', 'riley.rep', Math.floor(h.ports.now() / 1000) + 3600)}`;
    await fromLoginKeyPage(h, answerFor(h), 999);
    expect(await glanceAccountItem.read(h.ports)).toBeUndefined();
    expect(await signInStatus(h.ports)).toEqual({ state: 'waiting' });
    await fromLoginKeyPage(h, forged);
    expect(await glanceAccountItem.read(h.ports)).toBeUndefined();
    expect(await signInStatus(h.ports)).toEqual({ state: 'failed', problem: 'sign-in-refused' });
  });

  it('refuses a login key for another group than the policy names by id', async () => {
    await h.setPolicy({ glanceIdpId: '99999' });
    await startSignIn(h.ports);
    await fromLoginKeyPage(h, answerFor(h));
    expect(await glanceAccountItem.read(h.ports)).toBeUndefined();
    expect(await signInStatus(h.ports)).toEqual({ state: 'failed', problem: 'sign-in-refused' });
  });

  it('says so when the policy names no identity provider', async () => {
    await h.setPolicy({});
    expect(await startSignIn(h.ports)).toEqual({ ok: false, problem: 'sso-not-set-up' });
    expect(h.signIn.windows.size).toBe(0);
  });

  it('reads only a login key of the documented shape, valid now and at most a day ahead', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    const at = (s: number) => `$1$${s}$${'a'.repeat(43)}`;
    const in1h = now / 1000 + 3600;
    expect(parseLoginKeyAnswer(`partnerid=1&partneruserid=u~${at(in1h)}`, now)?.expiresAt).toBe(in1h * 1000);
    for (const bad of [
      `partnerid=1&partneruserid=u~${at(now / 1000 - 1)}`,
      `partnerid=1&partneruserid=u~${at(now / 1000 + 3 * 86400)}`,
      `partnerid=x&partneruserid=u~${at(in1h)}`,
      `partnerid=1~${at(in1h)}`,
      `partnerid=1&partneruserid=u~$2$${in1h}$${'a'.repeat(43)}`,
      `partnerid=1&partneruserid=u${at(in1h)}`,
      '',
    ]) {
      expect(parseLoginKeyAnswer(bad, now), bad).toBeNull();
    }
  });
});
