// `npm run org-check`: runs the extension's exact Salesforce calls and Glance assumptions against a
// real org and a real Glance account, when you have them, and prints what held. Nothing in CI calls
// real services; the same checks run against the sandbox in tests/unit/org-check.test.ts.
//
//   SF_INSTANCE_URL=https://acme.my.salesforce.com SF_ACCESS_TOKEN=… (a session id), or
//   SF_LOGIN_URL=https://login.salesforce.com SF_USERNAME=… SF_PASSWORD=… (password + security token)
//   GLANCE_ADDRESS=acme.glance.net GLANCE_PASSWORD=…
import jsforce from 'jsforce';
import { API_VERSION } from '../src/background/salesforce/client.js';
import { glanceChecks } from './org-check/glance-checks.js';
import { type CheckResult, salesforceChecks } from './org-check/salesforce-checks.js';

const env = process.env;

async function salesforceTarget(): Promise<{ apiHost: string; accessToken: string } | undefined> {
  if (env.SF_INSTANCE_URL && env.SF_ACCESS_TOKEN) {
    return { apiHost: new URL(env.SF_INSTANCE_URL).hostname, accessToken: env.SF_ACCESS_TOKEN };
  }
  if (env.SF_USERNAME && env.SF_PASSWORD) {
    // jsforce does the SOAP login; our own client then makes the calls the extension makes.
    const connection = new jsforce.Connection({
      loginUrl: env.SF_LOGIN_URL ?? 'https://login.salesforce.com',
      version: API_VERSION,
    });
    await connection.login(env.SF_USERNAME, env.SF_PASSWORD);
    return { apiHost: new URL(connection.instanceUrl).hostname, accessToken: connection.accessToken ?? '' };
  }
  return undefined;
}

function report(title: string, results: CheckResult[]): boolean {
  console.log(`\n${title}`);
  for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}\n      ${r.detail}`);
  return results.every((r) => r.ok);
}

let ok = true;
const target = await salesforceTarget();
if (target) ok = report(`Salesforce (${target.apiHost})`, await salesforceChecks({ ...target, fetch })) && ok;
else console.log('Salesforce: skipped (set SF_INSTANCE_URL + SF_ACCESS_TOKEN, or SF_USERNAME + SF_PASSWORD)');
if (env.GLANCE_ADDRESS && env.GLANCE_PASSWORD) {
  ok =
    report(`Glance (${env.GLANCE_ADDRESS})`, await glanceChecks(fetch, env.GLANCE_ADDRESS, env.GLANCE_PASSWORD)) && ok;
} else {
  console.log('Glance: skipped (set GLANCE_ADDRESS and GLANCE_PASSWORD)');
}
process.exit(ok ? 0 : 1);
