// "Create Glance reports" (issue 27, item 2), the options page's code against the emulated org
// in-process: the folders listed by SOQL, the six reports made through the Analytics REST API in the
// folder chosen, nothing made twice, and Salesforce's refusals passed on in its own words.
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import { createGlanceReports, reportFolders } from '../../src/pages/options/reports/create.js';
import { GLANCE_REPORTS } from '../../src/pages/options/reports/definitions.js';
import { INVALID_MESSAGE } from '../../src/shared/protocol/index.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

const popup = { id: 'test', url: 'chrome-extension://test/src/pages/options/index.html' };
const pageUrl = `${LIGHTNING}/lightning/page/home`;

function admin() {
  const h = harness();
  const org = h.sandbox.state.salesforce;
  const folders = () => reportFolders(pageUrl, h.ports);
  const create = (folderId: string) => createGlanceReports(pageUrl, folderId, h.ports);
  const folderNamed = (name: string) => org.ofType('Folder').find((f) => f.fields.Name === name)?.Id as string;
  return { h, org, folders, create, folderNamed };
}

describe('Create Glance reports', () => {
  it('lists the report folders, makes the six reports in the one chosen, each linked to its Lightning page', async () => {
    const { h, org, folders, create, folderNamed } = admin();
    const listed = await folders();
    expect(listed).toEqual({
      ok: true,
      apiHost: 'acme.my.salesforce.com',
      folders: [
        { id: folderNamed('Executive Reports'), name: 'Executive Reports' },
        { id: folderNamed('Sales Team Reports'), name: 'Sales Team Reports' },
      ],
    });
    const team = folderNamed('Sales Team Reports');
    const result = await create(team);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.reports.map((r) => [r.key, r.created])).toEqual(GLANCE_REPORTS.map((r) => [r.key, true]));
    const saved = org.ofType('Report');
    expect(saved).toHaveLength(6);
    expect(saved.every((r) => r.fields.OwnerId === team && r.fields.FolderName === 'Sales Team Reports')).toBe(true);
    for (const report of result.reports) {
      expect(report.url).toBe(`https://acme.lightning.force.com/lightning/r/Report/${report.id}/view`);
      expect(org.get(report.id)?.type).toBe('Report');
    }
    // One query for what is there, the report type's describe for its columns, then one POST per
    // report: nothing else spent of the org's allowance.
    const analytics = h.salesforceCalls().filter((c) => c.path.includes('/analytics/'));
    expect(analytics.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /services/data/v66.0/analytics/reportTypes/Activity',
      ...Array(6).fill('POST /services/data/v66.0/analytics/reports'),
    ]);
  });

  it("takes its columns from the report type's describe, whatever the org's column API names are", async () => {
    const { h, org, create, folderNamed } = admin();
    // The Analytics guide documents how to read a report type's columns (Report Type Describe), not
    // their API names: an org whose names differ from the emulator's own must get the same reports.
    const emulated = ['SUBJECT', 'ASSIGNED', 'DUE_DATE', 'DURATION', 'LOCATION', 'WHO_NAME', 'WHAT_NAME'];
    const renamed = Object.fromEntries(
      [...emulated, 'WHO_TYPE', 'WHAT_TYPE', 'TASK', 'STATUS'].map((name) => [name, `Activity.${name.toLowerCase()}`]),
    );
    org.setup.activityColumnNames = renamed;
    const result = await create(folderNamed('Sales Team Reports'));
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.reports.map((r) => r.created)).toEqual(Array(6).fill(true));
    const describe = h.salesforceCalls().filter((c) => c.path.endsWith('/analytics/reportTypes/Activity'));
    expect(describe.map((c) => c.method)).toEqual(['GET']);
    const bodies = h
      .salesforceCalls()
      .filter((c) => c.method === 'POST' && c.path.endsWith('/analytics/reports'))
      .map((c) => String(c.body));
    expect(bodies).toHaveLength(6);
    for (const body of bodies) for (const name of emulated) expect(body).not.toContain(`"${name}"`);
    expect(bodies.join()).toContain('"Activity.what_type"');
    expect(bodies.join()).toContain('"s!Activity.duration"');
  });

  it('run again, makes no duplicate: the reports in the folder are kept, found by unique name or by name', async () => {
    const { h, org, create, folderNamed } = admin();
    const team = folderNamed('Sales Team Reports');
    const first = await create(team);
    if (!first.ok) throw new Error(JSON.stringify(first));
    // An admin changed one report's unique name in Salesforce: it is still found, by its name.
    const renamed = org.get(first.reports[0]?.id ?? '');
    if (renamed) renamed.fields.DeveloperName = 'Weekly_Glance';
    const before = h.salesforceCalls().length;
    const second = await create(team);
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.reports.map((r) => r.created)).toEqual(Array(6).fill(false));
    expect(second.reports.map((r) => r.id)).toEqual(first.reports.map((r) => r.id));
    expect(org.ofType('Report')).toHaveLength(6);
    const calls = h.salesforceCalls().slice(before);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    // A report deleted since is made again, the others kept.
    org.records.delete(first.reports[2]?.id ?? '');
    const third = await create(team);
    if (!third.ok) throw new Error(JSON.stringify(third));
    expect(third.reports.filter((r) => r.created).map((r) => r.key)).toEqual(['guests']);
    expect(org.ofType('Report')).toHaveLength(6);
  });

  it('without "Create and Customize Reports", says so in Salesforce\'s words and makes nothing', async () => {
    const { org, create, folderNamed } = admin();
    org.setup.createAndCustomizeReports = false;
    const result = await create(folderNamed('Sales Team Reports'));
    expect(result).toMatchObject({ ok: false, problem: 'refused', reports: [] });
    expect(result.ok ? '' : result.detail).toMatch(/permission to create reports/);
    expect(org.ofType('Report')).toEqual([]);
  });

  it("in a folder shared with the admin only as Viewer, or one deleted since, is refused in Salesforce's words", async () => {
    const { org, create, folderNamed } = admin();
    const viewOnly = await create(folderNamed('Executive Reports'));
    expect(viewOnly).toMatchObject({ ok: false, problem: 'refused' });
    expect(viewOnly.ok ? '' : viewOnly.detail).toMatch(/privileges/);
    const gone = folderNamed('Sales Team Reports');
    org.records.delete(gone);
    const missing = await create(gone);
    expect(missing).toMatchObject({ ok: false, problem: 'refused' });
    expect(missing.ok ? '' : missing.detail).toMatch(/folder/i);
    expect(org.ofType('Report')).toEqual([]);
  });

  it('with no Salesforce tab, or the session expired, names the problem; a folder id of another kind is not taken', async () => {
    const { h, org } = admin();
    expect(await reportFolders(null, h.ports)).toMatchObject({ ok: false, problem: 'no-salesforce-tab' });
    org.expireSessions();
    expect(await reportFolders(pageUrl, h.ports)).toMatchObject({ ok: false, problem: 'session-expired' });
    const lead = org.ofType('Lead')[0]?.Id as string;
    const before = h.salesforceCalls().length;
    expect(await createGlanceReports(pageUrl, lead, h.ports)).toEqual({
      ok: false,
      problem: 'refused',
      detail: '',
      reports: [],
    });
    expect(h.salesforceCalls()).toHaveLength(before);
  });

  it('runs in the options page only: the service worker no longer answers for it', async () => {
    const { h } = admin();
    expect(await routeMessage({ type: 'page:report-folders', pageUrl }, popup, h.ports)).toEqual(INVALID_MESSAGE);
    expect(await routeMessage({ type: 'page:create-reports', pageUrl, folderId: '00l' }, popup, h.ports)).toEqual(
      INVALID_MESSAGE,
    );
  });
});
