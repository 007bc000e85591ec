// "Check this org" runs here, in the options page, not in the service worker (admin-salesforce.ts says
// why). The check itself is src/org-check: page-side code, the one importer of the worker's job code
// outside the worker (biome.json), because the check must run the worker's own job code to be worth
// anything. The worker's bundle holds none of it (tests/unit/worker-bundle.test.ts).
import { checkOrg } from '../../org-check/run.js';
import type { OrgCheckView } from '../../shared/org-check.js';
import { pagePorts } from './admin-salesforce.js';

/** Closing the page mid-check would leave its test records in the org: the browser asks first. */
const stay = (event: Event) => event.preventDefault();

export async function checkThisOrg(pageUrl: string | null): Promise<OrgCheckView> {
  addEventListener('beforeunload', stay);
  try {
    // The regular window's cookie store, as the worker read it: an options page is never incognito.
    const { fetch, readSid } = pagePorts();
    return await checkOrg(pageUrl, { fetch, readSid: (apiHost) => readSid(apiHost) });
  } finally {
    removeEventListener('beforeunload', stay);
  }
}
