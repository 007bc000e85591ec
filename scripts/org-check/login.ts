// How `npm run org-check` gets a Salesforce session, by the methods Salesforce still offers tools:
// an access (session) token as is, the OAuth 2.0 username-password flow of a connected app, or SOAP
// login() at API 64.0 (SOAP login is gone from API 65.0 on and retired in Summer '27).
import jsforce from 'jsforce';

/** The last API version whose SOAP login() Salesforce still answers. */
export const SOAP_LOGIN_VERSION = '64.0';

export interface OrgSession {
  apiHost: string;
  accessToken: string;
  /** How it was obtained, for the report. */
  method: string;
}

type Env = Record<string, string | undefined>;

/** OAuth 2.0 username-password flow: POST /services/oauth2/token with grant_type=password. */
export async function oauthPasswordLogin(fetcher: typeof fetch, env: Env): Promise<OrgSession> {
  const loginUrl = (env.SF_LOGIN_URL ?? 'https://login.salesforce.com').replace(/\/+$/, '');
  const response = await fetcher(`${loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: env.SF_CLIENT_ID ?? '',
      client_secret: env.SF_CLIENT_SECRET ?? '',
      username: env.SF_USERNAME ?? '',
      // The security token follows the password unless the login IP is trusted.
      password: `${env.SF_PASSWORD ?? ''}${env.SF_SECURITY_TOKEN ?? ''}`,
    }).toString(),
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, string | undefined>;
  if (!response.ok || !answer.access_token || !answer.instance_url) {
    const why = `${answer.error ?? `HTTP ${response.status}`}: ${answer.error_description ?? ''}`;
    throw new Error(
      `OAuth username-password login refused (${why}). The connected app needs the flow allowed: Setup → OAuth and ` +
        'OpenID Connect Settings → "Allow OAuth Username-Password Flows" (off by default since Summer \'23), and ' +
        "the user's profile allowed on the app; or pass SF_INSTANCE_URL + SF_ACCESS_TOKEN instead.",
    );
  }
  return {
    apiHost: new URL(answer.instance_url).hostname,
    accessToken: answer.access_token,
    method: 'OAuth username-password flow',
  };
}

/** Picks the login method from the environment; undefined when nothing is set. */
export async function orgSession(fetcher: typeof fetch, env: Env): Promise<OrgSession | undefined> {
  if (env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    return { apiHost: new URL(env.SF_INSTANCE_URL).hostname, accessToken: env.SF_ACCESS_TOKEN, method: 'access token' };
  }
  if (env.SF_USERNAME && env.SF_PASSWORD && env.SF_CLIENT_ID) return oauthPasswordLogin(fetcher, env);
  if (env.SF_USERNAME && env.SF_PASSWORD) {
    // No connected app: SOAP login() at the last version that has it; our own client then makes the calls.
    const connection = new jsforce.Connection({
      loginUrl: env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
      version: SOAP_LOGIN_VERSION,
    });
    await connection.login(env.SF_USERNAME, `${env.SF_PASSWORD}${env.SF_SECURITY_TOKEN ?? ''}`);
    return {
      apiHost: new URL(connection.instanceUrl).hostname,
      accessToken: connection.accessToken ?? '',
      method: `SOAP login() at API ${SOAP_LOGIN_VERSION} (retired in Summer '27: prefer SF_CLIENT_ID/SF_CLIENT_SECRET)`,
    };
  }
  return undefined;
}
