// Which way `npm run org-check` signs in to Salesforce, read from its command line and environment.
// Only ways a new org allows: orgs created since Summer '23 block the OAuth username-password flow
// (Summer '23 release notes, "Username-Password Flow Blocked by Default"), External Client Apps
// never offer it and new connected apps cannot be created since Spring '26 (REST API Developer Guide,
// "Authorization Through External Client Apps or Connected Apps"), and SOAP login() is off by default
// in new orgs and gone from API 65.0 (SOAP API Developer Guide, login()). So a password is refused here,
// before anything is sent, rather than failing later as an "authentication failure" that hides why.

export type Env = Record<string, string | undefined>;

export type SignIn =
  /** A session or access token as it is, with the org's address. */
  | { method: 'access-token'; instanceUrl: string; accessToken: string }
  /** An org the Salesforce CLI is signed in to: its token from `sf org display`. */
  | { method: 'sf-cli'; targetOrg: string }
  /** The OAuth 2.0 device flow of an External Client App: the user approves in a browser. */
  | { method: 'device-flow'; clientId: string; loginUrl: string };

/** Asked to sign in a way new orgs refuse: not an error of the tool's, a change the user makes. */
export class SignInRefused extends Error {
  override name = 'SignInRefused';
}

export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';

export const PASSWORD_REFUSAL = [
  'org-check no longer signs in with a username and password (SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN):',
  "new orgs refuse it. The OAuth username-password flow is blocked by default since Summer '23 and External",
  'Client Apps do not offer it; SOAP login() is off by default in new orgs and gone from API 65.0. Instead,',
  'unset those variables and use one of:',
  '  - the Salesforce CLI: sf org login web --instance-url https://yourorg.my.salesforce.com --alias acme,',
  '    then npm run org-check -- --target-org acme (or SF_TARGET_ORG=acme);',
  '  - an access token: SF_INSTANCE_URL=https://yourorg.my.salesforce.com SF_ACCESS_TOKEN=<token>',
  '    (for example the accessToken and instanceUrl of sf org display --json);',
  '  - the device flow of an External Client App with the device flow on: SF_CLIENT_ID=<consumer key>',
  '    [SF_LOGIN_URL=https://yourorg.my.salesforce.com], then approve the code it shows in a browser.',
].join('\n');

const TARGET_ORG_FLAGS = ['--target-org', '-o'];

/** The value of `--target-org X`, `--target-org=X` or `-o X`; '' when the flag has no value. */
function targetOrgArgument(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg.startsWith('--target-org=')) return arg.slice('--target-org='.length);
    if (TARGET_ORG_FLAGS.includes(arg)) {
      const value = argv[index + 1] ?? '';
      return value.startsWith('-') ? '' : value;
    }
  }
  return undefined;
}

const loginUrlOf = (env: Env) => (env.SF_LOGIN_URL || DEFAULT_LOGIN_URL).replace(/\/+$/, '');

/**
 * The sign-in asked for, the command line before the environment; undefined when nothing asks for
 * one. Throws SignInRefused for a username and password, whatever else is set, so that nobody keeps
 * a password in their environment thinking it is used; and Error for a half-given way.
 */
export function signInFrom(argv: readonly string[], env: Env): SignIn | undefined {
  if (env.SF_PASSWORD || env.SF_SECURITY_TOKEN) throw new SignInRefused(PASSWORD_REFUSAL);

  const targetOrg = targetOrgArgument(argv);
  if (targetOrg === '') throw new Error("--target-org needs an org's alias or username (as sf org list shows them)");
  if (targetOrg) return { method: 'sf-cli', targetOrg };
  if (argv.includes('--device')) {
    if (!env.SF_CLIENT_ID) throw new Error('--device needs SF_CLIENT_ID, the consumer key of your External Client App');
    return { method: 'device-flow', clientId: env.SF_CLIENT_ID, loginUrl: loginUrlOf(env) };
  }

  if (env.SF_ACCESS_TOKEN || env.SF_INSTANCE_URL) {
    if (!env.SF_INSTANCE_URL) throw new Error('SF_ACCESS_TOKEN needs SF_INSTANCE_URL, the org it is for');
    if (!env.SF_ACCESS_TOKEN) throw new Error('SF_INSTANCE_URL needs SF_ACCESS_TOKEN, a session or access token');
    return { method: 'access-token', instanceUrl: env.SF_INSTANCE_URL, accessToken: env.SF_ACCESS_TOKEN };
  }
  if (env.SF_TARGET_ORG) return { method: 'sf-cli', targetOrg: env.SF_TARGET_ORG };
  if (env.SF_CLIENT_ID) return { method: 'device-flow', clientId: env.SF_CLIENT_ID, loginUrl: loginUrlOf(env) };
  // A username with nothing else is the old way's half: say what replaced it rather than skip.
  if (env.SF_USERNAME) throw new SignInRefused(PASSWORD_REFUSAL);
  return undefined;
}

/** What the report says when Salesforce is skipped. */
export const NO_SIGN_IN =
  'Salesforce: skipped (use --target-org <sf CLI org>, SF_INSTANCE_URL + SF_ACCESS_TOKEN, or SF_CLIENT_ID for the device flow)';
