// `npm run org-check`: runs the extension's exact Salesforce calls and Glance assumptions against a
// real org and a real Glance account, when you have them, reads back what was written, says which org
// setting refused what, and deletes what it made. Nothing in CI calls real services; the same checks
// run against the sandbox in tests/unit/org-check.test.ts (and in the browser, from the options page).
//
// Signing in to Salesforce, only in ways new orgs allow (org-check/sign-in.ts):
//   npm run org-check -- --target-org acme             an org the Salesforce CLI is signed in to (or SF_TARGET_ORG=acme)
//   SF_INSTANCE_URL=https://acme.my.salesforce.com SF_ACCESS_TOKEN=…      a session or access token
//   SF_CLIENT_ID=… [SF_LOGIN_URL=https://acme.my.salesforce.com]      the device flow of an External Client App
//   A username and password (SF_USERNAME, SF_PASSWORD) is refused, naming these instead.
//   GLANCE_ADDRESS=acme.glance.net GLANCE_PASSWORD=…
//
//   npm run org-check -- --dry-run      prints every request the extension can send; sends nothing
//   npm run org-check -- --glance       the Glance checks alone: each assumed operation present, absent or refused
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { dryRun } from '../src/org-check/dry-run.js';
import { salesforceChecks } from '../src/org-check/salesforce-checks.js';
import { ORG_CHECK_MESSAGE, ORG_SETTING_MESSAGE } from '../src/shared/org-check.js';
import { type CheckResult, glanceChecks, glanceRequests } from './org-check/glance-checks.js';
import { orgSession, type SignInDeps } from './org-check/login.js';
import { NO_SIGN_IN } from './org-check/sign-in.js';

const env = process.env;

const signInDeps: SignInDeps = {
  fetch,
  runSf: (args) => promisify(execFile)('sf', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }),
  sleep: (ms) => sleep(ms),
  say: (line) => console.log(line),
};

/** The extension's own English strings, so the report names checks as the options page does. */
const messages = JSON.parse(
  readFileSync(new URL('../extension/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
const say = (key: string) => messages[key]?.message ?? key;

function report(title: string, results: CheckResult[]): boolean {
  console.log(`\n${title}`);
  for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}\n      ${r.detail}`);
  return results.every((r) => r.ok);
}

if (process.argv.includes('--dry-run')) {
  for (const scenario of await dryRun()) {
    console.log(`\n# ${scenario.title}`);
    for (const request of scenario.requests) {
      console.log(`${request.method} ${request.path}`);
      if (request.body !== undefined) console.log(JSON.stringify(request.body, null, 2));
    }
  }
  for (const scenario of glanceRequests()) {
    console.log(`\n# ${scenario.title}`);
    for (const line of scenario.lines) console.log(line);
  }
  process.exit(0);
}

const glanceOnly = process.argv.includes('--glance');

let ok = true;
const session = glanceOnly
  ? undefined
  : await orgSession(process.argv.slice(2), env, signInDeps).catch((error: unknown) => {
      console.log(`Salesforce: could not sign in: ${error instanceof Error ? error.message : String(error)}`);
      ok = false;
      return undefined;
    });
if (session) {
  const results = await salesforceChecks({ apiHost: session.apiHost, fetch, readSid: async () => session.accessToken });
  ok =
    report(
      `Salesforce (${session.apiHost}, ${session.method})`,
      results.map((r) => ({
        name: say(ORG_CHECK_MESSAGE[r.id]),
        ok: r.ok,
        detail: r.refusedBy ? `${say(ORG_SETTING_MESSAGE[r.refusedBy])}\n      ${r.detail}` : r.detail,
      })),
    ) && ok;
} else if (ok && !glanceOnly) {
  console.log(NO_SIGN_IN);
}
if (env.GLANCE_ADDRESS && env.GLANCE_PASSWORD) {
  ok =
    report(`Glance (${env.GLANCE_ADDRESS})`, await glanceChecks(fetch, env.GLANCE_ADDRESS, env.GLANCE_PASSWORD)) && ok;
} else {
  console.log('Glance: skipped (set GLANCE_ADDRESS and GLANCE_PASSWORD)');
}
process.exit(ok ? 0 : 1);
