// The options page's "Check this org": the org check with the browser's own session of the org the
// rep's Salesforce tab shows. It runs in the options page (src/pages/options/org-check.ts gives it
// fetch and the cookie), never in the service worker, whose bundle holds none of src/org-check.
import type { OrgCheckView } from '../shared/org-check.js';
import type { SalesforceClientPorts } from '../shared/salesforce/client.js';
import { apiHostFor, proxiedSalesforceHost } from '../shared/salesforce-hosts.js';
import { salesforceChecks } from './salesforce-checks.js';

/** Only one check runs at a time: a second click while one runs waits for its answer. */
let running: Promise<OrgCheckView> | undefined;

export function checkOrg(pageUrl: string | null, ports: SalesforceClientPorts): Promise<OrgCheckView> {
  running ??= run(pageUrl, ports).finally(() => {
    running = undefined;
  });
  return running;
}

async function run(pageUrl: string | null, ports: SalesforceClientPorts): Promise<OrgCheckView> {
  let host = '';
  try {
    host = pageUrl ? new URL(pageUrl).hostname : '';
  } catch {
    host = '';
  }
  const apiHost = host && !proxiedSalesforceHost(host) ? apiHostFor(host) : undefined;
  if (!apiHost) return { ok: false, problem: 'no-salesforce-tab' };
  const results = await salesforceChecks({
    apiHost,
    fetch: ports.fetch,
    readSid: (host) => ports.readSid(host),
    ...(ports.salesforceTimeoutMs ? { salesforceTimeoutMs: ports.salesforceTimeoutMs } : {}),
  });
  return { ok: true, apiHost, results };
}
