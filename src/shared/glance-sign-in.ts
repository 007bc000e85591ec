// Glance single sign-on, the parts every context shares: how the company policy names its identity
// provider (help.glance.net/integrations/saml/session_cookie/: `idpid` the group id, `idpname` the
// group name, `idptoken` the Unique Account Identifier such as a Salesforce org id), and the message
// Glance's login-key page posts when sign-on succeeded (seen in Glance's shipped agent script, not
// documented: glance.md, C), which the sign-in listener (src/content/glance-sign-in) hands to the worker.

type IdpSelector = 'idpid' | 'idpname' | 'idptoken';

export interface IdentityProvider {
  selector: IdpSelector;
  value: string;
}

/** Which policy key names the identity provider which way, in the order they are tried. */
export const IDP_POLICY_KEYS: readonly { key: string; selector: IdpSelector; pattern: RegExp }[] = [
  { key: 'glanceIdpId', selector: 'idpid', pattern: /^\d{1,12}$/ },
  { key: 'glanceIdpName', selector: 'idpname', pattern: /^[A-Za-z0-9._-]{1,100}$/ },
  { key: 'glanceIdpToken', selector: 'idptoken', pattern: /^[A-Za-z0-9._@-]{1,100}$/ },
];

/** The identity provider a policy names, or null when it names none (or only malformed ones). */
export function readIdentityProvider(managed: Record<string, unknown>): IdentityProvider | null {
  for (const { key, selector, pattern } of IDP_POLICY_KEYS) {
    const value = managed[key];
    if (typeof value === 'string' && pattern.test(value.trim())) return { selector, value: value.trim() };
  }
  return null;
}

/** The `glanceEvent` of the login-key page's message when sign-on succeeded (C). */
export const SIGNED_IN_EVENT = 'authenticateSucceeded';
/** The sign-in listener's message to the worker: the page's login-key answer, as the page gave it. */
export const LOGIN_KEY_MESSAGE = 'glance-page:login-key';
/** Far longer than any real answer (`partnerid=…&partneruserid=…~$1$…$<43>`); longer is not Glance's. */
export const LOGIN_KEY_ANSWER_MAX = 400;
