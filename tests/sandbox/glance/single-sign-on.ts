// Glance's SAML single sign-on and login keys, as the emulator serves them:
// - A group's SSO set-up (help.glance.cx/portal/sso_configure/, saml_provisioning): its identity
//   provider's endpoint and signing key, its name (`idpname`) and its Unique Account Identifier
//   (`idptoken`, a Salesforce org id for a Salesforce IdP), besides its numeric id (`idpid`).
// - Service target URLs authorise with the `GSSNID` session cookie any Glance login sets, and start
//   an SP-initiated sign-on when there is none (help.glance.net/integrations/saml/session_cookie/).
// - The login-key STU `/account/GetLoginKey.aspx?sso=1&idpid=…` is also the ACS URL the IdP posts
//   its Response to (saml_setup). Its embedded form answers by posting
//   {glanceEvent: "authenticateSucceeded", data: {loginKey: "partnerid=…&partneruserid=…~$1$…"}}
//   to its parent (seen in Glance's shipped agent script, not documented: glance.md, C).
// - Login keys (help.glance.net …/quickstart/sso_login/): `$1$<expiry>$<first 43 of base64url
//   HMAC-SHA256(apiKey, partnerid + partneruserid + "1" + expiry)>`, valid until expiry, never more
//   than a day ahead. The group's API key exists only here, on Glance's side.
import { createHmac, randomBytes } from 'node:crypto';
import { encodeAuthnRequest, verifyResponse } from '../saml/assertion.js';
import type { GlanceAccount } from './service.js';

export const LOGIN_KEY_PAGE_PATH = '/account/getloginkey.aspx';
export const SESSION_COOKIE = 'GSSNID';
/** Glance's service provider entity id (saml_setup). */
export const GLANCE_ENTITY_ID = 'glance.net/sp/1';
const MAX_LOGIN_KEY_AHEAD_S = 24 * 60 * 60;

export interface SsoGroup {
  groupId: string;
  idpName: string;
  idpToken: string;
  /** The IdP's SP-initiated endpoint (HTTP-Redirect binding). */
  idpUrl: string;
  /** The issuer whose signed assertions this group trusts, and the key it checks them with. */
  issuer: string;
  signingKey: string;
  /** The company's Glance API key: it mints login keys; never leaves Glance (or the company's server). */
  apiKey: string;
  /** How long a login key minted here is valid ("expiration period selectable by the customer"). */
  loginKeyLifetimeS: number;
}

export type IdpSelector = { idpid: string } | { idpname: string } | { idptoken: string };

export class GlanceSingleSignOn {
  readonly groups: SsoGroup[] = [];
  /** GSSNID cookie value → Glance address. */
  readonly webSessions = new Map<string, string>();

  constructor(
    private readonly accounts: () => Iterable<GlanceAccount>,
    private readonly now: () => number,
  ) {}

  /** The group an STU's `idpid`, `idpname` or `idptoken` names (ASP.NET: names case-insensitive). */
  groupOf(query: URLSearchParams): SsoGroup | undefined {
    const get = (name: string) => [...query].find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
    const [id, name, token] = [get('idpid'), get('idpname'), get('idptoken')];
    return this.groups.find(
      (g) => (id && g.groupId === id) || (name && g.idpName === name) || (token && g.idpToken === token),
    );
  }

  /** The SP-initiated sign-on: where the browser goes to authenticate, coming back to `returnTo`. */
  signOnRedirect(group: SsoGroup, returnTo: string): string {
    const request = encodeAuthnRequest({
      issuer: GLANCE_ENTITY_ID,
      acsUrl: `https://www.glance.net/account/GetLoginKey.aspx?sso=1&idpid=${group.groupId}`,
    });
    const url = new URL(group.idpUrl);
    url.searchParams.set('SAMLRequest', request);
    url.searchParams.set('RelayState', returnTo);
    return url.href;
  }

  /** The user the IdP's Response signs in (matched by e-mail or Partner UID), and a new GSSNID; or why not. */
  consumeResponse(group: SsoGroup, samlResponse: string): { account: GlanceAccount; gssnid: string } | string {
    const assertion = verifyResponse(samlResponse, group.signingKey);
    if (!assertion || assertion.issuer !== group.issuer)
      return 'The sign-on answer is not signed by your identity provider.';
    const nameId = assertion.nameId.toLowerCase();
    const account = [...this.accounts()].find(
      (a) =>
        a.groupId === group.groupId && (a.email.toLowerCase() === nameId || a.partnerUserId?.toLowerCase() === nameId),
    );
    if (!account) return `No Glance user in your company matches ${assertion.nameId}.`;
    const gssnid = randomBytes(24).toString('hex');
    this.webSessions.set(gssnid, account.address);
    return { account, gssnid };
  }

  /** The signed-in user of a GSSNID cookie in this group. */
  signedIn(group: SsoGroup, gssnid: string | undefined): GlanceAccount | undefined {
    const address = gssnid ? this.webSessions.get(gssnid) : undefined;
    return [...this.accounts()].find((a) => a.address === address && a.groupId === group.groupId);
  }

  /** `partnerid=…&partneruserid=…~$1$…`, as the login-key page hands it over. */
  loginKeyAnswer(group: SsoGroup, account: GlanceAccount): string {
    const partnerUserId = account.partnerUserId ?? '';
    const expiry = Math.floor(this.now() / 1000) + group.loginKeyLifetimeS;
    const key = mintLoginKey(group.apiKey, group.groupId, partnerUserId, expiry);
    return `${new URLSearchParams({ partnerid: group.groupId, partneruserid: partnerUserId })}~${key}`;
  }

  /** The user a login key signs in, when it is valid now; undefined otherwise. */
  verifyLoginKey(partnerId: string, partnerUserId: string, loginKey: string): GlanceAccount | undefined {
    const group = this.groups.find((g) => g.groupId === partnerId);
    const match = /^\$1\$(\d+)\$([A-Za-z0-9_-]{43})$/.exec(loginKey);
    if (!group || !match) return undefined;
    const expiry = Number(match[1]);
    const nowS = Math.floor(this.now() / 1000);
    if (expiry <= nowS || expiry > nowS + MAX_LOGIN_KEY_AHEAD_S) return undefined;
    if (mintLoginKey(group.apiKey, partnerId, partnerUserId, expiry) !== loginKey) return undefined;
    return [...this.accounts()].find((a) => a.groupId === partnerId && a.partnerUserId === partnerUserId);
  }
}

export function mintLoginKey(apiKey: string, partnerId: string, partnerUserId: string, expiry: number): string {
  const signature = createHmac('sha256', apiKey).update(`${partnerId}${partnerUserId}1${expiry}`).digest('base64url');
  return `$1$${expiry}$${signature.slice(0, 43)}`;
}
