// The org-check tool, run against the emulators: every check it would run against a real org and
// a real Glance account passes here, so a failure there points at a real difference.
import { describe, expect, it } from 'vitest';
import { glanceChecks } from '../../scripts/org-check/glance-checks.js';
import { salesforceChecks } from '../../scripts/org-check/salesforce-checks.js';
import { inProcessSandbox } from '../support/in-process-fetch.js';

describe('org check against the sandbox', () => {
  it('runs every Salesforce check and leaves nothing behind', async () => {
    const sandbox = inProcessSandbox();
    const org = sandbox.state.salesforce;
    const before = { leads: org.ofType('Lead').length, events: org.ofType('Event').length };
    const { sid } = org.createSession(org.defaultUserId);
    const results = await salesforceChecks({
      apiHost: 'acme.my.salesforce.com',
      accessToken: sid,
      fetch: sandbox.fetch,
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.name)).toHaveLength(8);
    expect(results.find((r) => r.name.startsWith('rule:'))?.detail).toMatch(/^FIELD_INTEGRITY_EXCEPTION/);
    expect({ leads: org.ofType('Lead').length, events: org.ofType('Event').length }).toEqual(before);
  });

  it('tries every Glance assumption', async () => {
    const sandbox = inProcessSandbox();
    const results = await glanceChecks(sandbox.fetch, 'acme.glance.net', 'correct-horse');
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(9);
  });

  it('says so when the Glance password is wrong', async () => {
    const sandbox = inProcessSandbox();
    const results = await glanceChecks(sandbox.fetch, 'acme.glance.net', 'nope');
    expect(results).toEqual([expect.objectContaining({ ok: false })]);
  });
});
