// Gets the Salesforce session `npm run org-check` runs the checks with, the way sign-in.ts picked:
// a token as it is, the Salesforce CLI's token for one of its orgs, or the OAuth 2.0 device flow.
import { apiHostFor } from '../../src/shared/salesforce-url.js';
import { deviceFlowToken } from './device-flow.js';
import { type Env, type SignIn, signInFrom } from './sign-in.js';

export interface OrgSession {
  apiHost: string;
  accessToken: string;
  /** How it was obtained, for the report. */
  method: string;
}

export interface SignInDeps {
  fetch: typeof fetch;
  /** Runs `sf` with these arguments; rejects with code ENOENT when it is not installed. */
  runSf(args: string[]): Promise<{ stdout: string }>;
  sleep(ms: number): Promise<void>;
  /** One line for the person running the check (where to approve the device flow). */
  say(line: string): void;
}

/** The hosts a device flow may start on besides an org's own My Domain. */
const LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);

/**
 * The org's API host, from the address given with a token. Only a Salesforce host: a token sent to a
 * mistyped address would be a token given away.
 */
function apiHostOf(address: string, allowLoginHost = false): string {
  let url: URL | undefined;
  try {
    url = new URL(address);
  } catch {
    url = undefined;
  }
  const host = url?.protocol === 'https:' ? url.hostname.toLowerCase() : '';
  const apiHost = allowLoginHost && LOGIN_HOSTS.has(host) ? host : apiHostFor(host);
  if (!apiHost) {
    throw new Error(`${address} is not a Salesforce org's address (https://yourorg.my.salesforce.com)`);
  }
  return apiHost;
}

const SF_CLI_HELP =
  'Sign the Salesforce CLI in to the org first (sf org login web --instance-url https://yourorg.my.salesforce.com ' +
  '--alias acme; sf org list shows the orgs it has), or pass SF_INSTANCE_URL + SF_ACCESS_TOKEN.';

/** `sf org display --target-org X --json`: the CLI refreshes the token if it has to. */
async function sfCliSession(targetOrg: string, deps: SignInDeps): Promise<OrgSession> {
  const args = ['org', 'display', '--target-org', targetOrg, '--json'];
  let stdout: string;
  try {
    ({ stdout } = await deps.runSf(args));
  } catch (error) {
    const failure = error as { code?: unknown; stdout?: unknown };
    if (failure.code === 'ENOENT') {
      throw new Error(
        'The Salesforce CLI (sf) is not installed: get it from https://developer.salesforce.com/tools/salesforcecli, ' +
          'or pass SF_INSTANCE_URL + SF_ACCESS_TOKEN instead.',
      );
    }
    // sf exits 1 on an error and still prints its JSON answer on stdout.
    if (typeof failure.stdout !== 'string') throw error;
    stdout = failure.stdout;
  }
  let answer: { status?: number; message?: string; result?: Record<string, unknown> } = {};
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    answer = { message: stdout.trim().slice(0, 300) };
  }
  const { accessToken, instanceUrl, username } = answer.result ?? {};
  if (answer.status !== 0 || typeof accessToken !== 'string' || typeof instanceUrl !== 'string') {
    throw new Error(`sf ${args.join(' ')} answered: ${answer.message ?? 'no access token'}\n${SF_CLI_HELP}`);
  }
  return {
    apiHost: apiHostOf(instanceUrl),
    accessToken,
    method: `Salesforce CLI org ${targetOrg}${typeof username === 'string' ? ` (${username})` : ''}`,
  };
}

export async function sessionFor(signIn: SignIn, deps: SignInDeps): Promise<OrgSession> {
  switch (signIn.method) {
    case 'access-token':
      return { apiHost: apiHostOf(signIn.instanceUrl), accessToken: signIn.accessToken, method: 'access token' };
    case 'sf-cli':
      return sfCliSession(signIn.targetOrg, deps);
    case 'device-flow': {
      // Only the client id goes to the login URL, but a mistyped one should fail here, not at a stranger's.
      apiHostOf(signIn.loginUrl, true);
      const granted = await deviceFlowToken(signIn.clientId, signIn.loginUrl, deps);
      return {
        apiHost: apiHostOf(granted.instanceUrl),
        accessToken: granted.accessToken,
        method: `device flow of External Client App ${signIn.clientId.slice(0, 12)}…`,
      };
    }
  }
}

/** The session asked for by the command line and environment; undefined when none is asked for. */
export async function orgSession(argv: readonly string[], env: Env, deps: SignInDeps): Promise<OrgSession | undefined> {
  const signIn = signInFrom(argv, env);
  return signIn && sessionFor(signIn, deps);
}
