// Runs the extension's exact Salesforce calls (the same job code the service worker runs) against an
// org, reads back what they wrote, and says which org setting refused what. Everything it creates it
// deletes again. Run by `npm run org-check` from Node with a token, and by the options page's
// "Check this org" in that page with the browser's own session. The checks are rows of checks.ts.
import type { OrgCheckResult } from '../shared/org-check.js';
import { SalesforceError } from '../shared/salesforce/errors.js';
import { type OrgTarget, Refused, refusedBy } from './check-kit.js';
import { ORG_CHECKS } from './checks.js';
import { type OrgCheck, OrgCheckRun } from './context.js';

/** Runs one row: a thrown SalesforceError or Refused says which setting refused it. */
async function runOne(check: OrgCheck, run: OrgCheckRun): Promise<OrgCheckResult> {
  const { id } = check;
  run.since = run.client.refusals.length;
  try {
    const outcome = await check.run(run);
    return typeof outcome === 'string' ? { id, ok: true, detail: outcome } : { id, ok: true, ...outcome };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const setting =
      error instanceof Refused
        ? error.setting
        : error instanceof SalesforceError
          ? refusedBy(error, check.chatter)
          : undefined;
    return { id, ok: false, detail, ...(setting ? { refusedBy: setting } : {}) };
  }
}

export async function salesforceChecks(target: OrgTarget): Promise<OrgCheckResult[]> {
  const run = new OrgCheckRun(target);
  const results: OrgCheckResult[] = [];
  for (const check of ORG_CHECKS) {
    if (check.needsLead && !run.leadId) continue;
    const result = await runOne(check, run);
    results.push(result);
    if (check.id === 'who-am-i') run.me = result;
    if (check.stopsTheRest?.(result)) break;
  }
  return results;
}
