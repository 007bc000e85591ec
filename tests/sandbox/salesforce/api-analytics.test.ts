// The Analytics REST API as the report set-up meets it (analytics.ts): a report made from
// reportMetadata in a folder, found again by SOQL on Report, and refused as Salesforce refuses —
// no "Create and Customize Reports", a report type or column that does not exist, a folder that is
// not there or not the user's to save in.
import { describe, expect, it } from 'vitest';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { API, apiClient } from './api-test-client.js';
import { salesforcePagesHandler } from './pages.js';

const folders = (client: ReturnType<typeof apiClient>) =>
  client.org.ofType('Folder').map((f) => ({ id: f.Id, name: String(f.fields.Name) }));

function setup() {
  const client = apiClient();
  const [team, executive] = folders(client);
  const metadata = (extra: Record<string, unknown> = {}) => ({
    name: 'Glance sessions per rep',
    developerName: 'Glance_sessions_per_rep',
    reportType: { type: 'Activity' },
    reportFormat: 'SUMMARY',
    folderId: team?.id,
    detailColumns: ['SUBJECT', 'DUE_DATE', 'DURATION'],
    groupingsDown: [
      { name: 'ASSIGNED', sortOrder: 'Asc' },
      { name: 'DUE_DATE', sortOrder: 'Asc', dateGranularity: 'Week' },
    ],
    aggregates: ['RowCount', 's!DURATION'],
    reportFilters: [{ column: 'SUBJECT', operator: 'startsWith', value: 'Glance session' }],
    ...extra,
  });
  const create = (reportMetadata: unknown) =>
    client.must('POST', `${API}/analytics/reports`, { body: { reportMetadata } });
  return { ...client, team: team!, executive: executive!, metadata, create };
}

describe('Analytics REST API: reports', () => {
  it('lists the Activities report types and describes the columns of Tasks and Events', async () => {
    const { must } = setup();
    const list = await must('GET', `${API}/analytics/reportTypes`);
    expect(list.json).toEqual([
      {
        label: 'Activities',
        reportTypes: [
          { describeUrl: `${API}/analytics/reportTypes/Activity`, label: 'Tasks and Events', type: 'Activity' },
        ],
      },
    ]);
    const describe = await must('GET', `${API}/analytics/report-types/Activity`);
    const columns = (describe.json as { reportTypeMetadata: { categories: { columns: object }[] } }).reportTypeMetadata
      .categories[0]?.columns;
    expect(Object.keys(columns ?? {})).toEqual(expect.arrayContaining(['SUBJECT', 'ASSIGNED', 'DUE_DATE', 'LOCATION']));
    expect((await must('GET', `${API}/analytics/reportTypes/NoSuchType`)).status).toBe(404);
  });

  it('creates a report in a folder: 200 with its id, found again by SOQL on Report in that folder', async () => {
    const { create, metadata, must, team } = setup();
    const answer = await create(metadata());
    expect(answer.status).toBe(200);
    const body = answer.json as { reportMetadata: { id: string; folderId: string; developerName: string } };
    expect(body.reportMetadata.id).toMatch(/^00O\w{15}$/);
    expect(body.reportMetadata).toMatchObject({ folderId: team.id, developerName: 'Glance_sessions_per_rep' });
    const soql = `SELECT Id, Name, DeveloperName, FolderName FROM Report WHERE OwnerId = '${team.id}'`;
    const found = await must('GET', `${API}/query?q=${encodeURIComponent(soql)}`);
    expect((found.json as { records: unknown[] }).records).toEqual([
      expect.objectContaining({
        Id: body.reportMetadata.id,
        Name: 'Glance sessions per rep',
        DeveloperName: 'Glance_sessions_per_rep',
        FolderName: team.name,
      }),
    ]);
    const describe = await must('GET', `${API}/analytics/reports/${body.reportMetadata.id}/describe`);
    expect(describe.json).toMatchObject({ reportMetadata: { name: 'Glance sessions per rep' } });
  });

  it("takes filter logic over the filters' positions", async () => {
    const { create, metadata } = setup();
    const filters = [
      { column: 'SUBJECT', operator: 'startsWith', value: 'Glance session' },
      { column: 'LOCATION', operator: 'startsWith', value: 'Glance ·' },
    ];
    expect((await create(metadata({ reportFilters: filters, reportBooleanFilter: '1 OR 2' }))).status).toBe(200);
  });

  it('gives a second report of the same unique name a suffix (unique names are unique in the org)', async () => {
    const { create, metadata } = setup();
    await create(metadata());
    const again = await create(metadata());
    expect((again.json as { reportMetadata: { developerName: string } }).reportMetadata.developerName).toBe(
      'Glance_sessions_per_rep_1',
    );
  });

  it('refuses a user without "Create and Customize Reports" with 403', async () => {
    const { create, metadata, org } = setup();
    org.setup.createAndCustomizeReports = false;
    const answer = await create(metadata());
    expect(answer.status).toBe(403);
    expect(answer.error?.errorCode).toBe('FORBIDDEN');
    expect(org.ofType('Report')).toEqual([]);
  });

  it('refuses a report type that does not exist, and columns the report type does not have', async () => {
    const { create, metadata, org } = setup();
    const badType = await create(metadata({ reportType: { type: 'GlanceSessions' } }));
    expect(badType).toMatchObject({ status: 400, error: { errorCode: 'BAD_REQUEST' } });
    expect(badType.error?.message).toMatch(/report type GlanceSessions/);
    for (const bad of [
      { detailColumns: ['SUBJECT', 'Subject__c'] },
      { groupingsDown: [{ name: 'OWNER' }] },
      { aggregates: ['s!SUBJECT'] },
      { reportFilters: [{ column: 'NOPE', operator: 'equals', value: 'x' }] },
    ]) {
      const answer = await create(metadata(bad));
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.error?.message).toMatch(/column/);
    }
    // A week grouping needs a date column; groupings need a summary or matrix report.
    expect((await create(metadata({ groupingsDown: [{ name: 'SUBJECT', dateGranularity: 'Week' }] }))).status).toBe(
      400,
    );
    expect((await create(metadata({ reportFormat: 'TABULAR' }))).status).toBe(400);
    // Filter logic must use each filter's position, and no other.
    expect((await create(metadata({ reportBooleanFilter: '1 OR 2' }))).status).toBe(400);
    expect((await create(metadata({ reportBooleanFilter: '1 OR' + ' DROP' }))).status).toBe(400);
    expect(org.ofType('Report')).toEqual([]);
  });

  it("serves an org's own column API names in the describe, and refuses the emulator's there", async () => {
    const { create, metadata, must, org } = setup();
    org.setup.activityColumnNames = { SUBJECT: 'Activity.Subject' };
    const describe = await must('GET', `${API}/analytics/reportTypes/Activity`);
    const columns = (describe.json as { reportTypeMetadata: { categories: { columns: object }[] } }).reportTypeMetadata
      .categories[0]?.columns;
    expect(columns).toHaveProperty(['Activity.Subject'], expect.objectContaining({ label: 'Subject' }));
    expect(columns).not.toHaveProperty('SUBJECT');
    const refused = await create(metadata());
    expect(refused).toMatchObject({ status: 400, error: { errorCode: 'BAD_REQUEST' } });
    expect(refused.error?.message).toMatch(/column SUBJECT/);
    const subject = { detailColumns: ['Activity.Subject'], reportFilters: [] };
    expect((await create(metadata(subject))).status).toBe(200);
  });

  it('refuses a folder that is not there, and one shared with the user only as Viewer', async () => {
    const { create, metadata, executive, org } = setup();
    const missing = await create(metadata({ folderId: '00lAc000000NoSuch' }));
    expect(missing).toMatchObject({ status: 400, error: { errorCode: 'BAD_REQUEST' } });
    expect(missing.error?.message).toMatch(/folder/i);
    const viewOnly = await create(metadata({ folderId: executive.id }));
    expect(viewOnly).toMatchObject({ status: 403, error: { errorCode: 'FORBIDDEN' } });
    expect(org.ofType('Report')).toEqual([]);
  });

  it('refuses a body without reportMetadata or a name, and a name longer than 40 characters', async () => {
    const { must, create, metadata } = setup();
    expect((await must('POST', `${API}/analytics/reports`, { body: { name: 'x' } })).status).toBe(400);
    expect((await create(metadata({ name: '' }))).status).toBe(400);
    expect((await create(metadata({ name: 'G'.repeat(41) }))).status).toBe(400);
  });

  it("lists the org's report folders to SOQL, not writable through sobjects", async () => {
    const { must, team } = setup();
    const soql = "SELECT Id, Name, DeveloperName FROM Folder WHERE Type = 'Report' ORDER BY Name";
    const answer = await must('GET', `${API}/query?q=${encodeURIComponent(soql)}`);
    expect((answer.json as { records: { Name: string }[] }).records.map((r) => r.Name)).toEqual([
      'Executive Reports',
      'Sales Team Reports',
    ]);
    const write = await must('POST', `${API}/sobjects/Report`, { body: { Name: 'x', OwnerId: team.id } });
    expect(write.status).toBeGreaterThanOrEqual(400);
  });

  it("opens a saved report on its Lightning page, /lightning/r/Report/<id>/view, with the report's name", async () => {
    const { create, metadata, org, session } = setup();
    const created = await create(metadata());
    const id = (created.json as { reportMetadata: { id: string } }).reportMetadata.id;
    const url = new URL(`https://${org.lightningHost}/lightning/r/Report/${id}/view`);
    const req: SandboxRequest = {
      method: 'GET',
      url,
      host: url.hostname,
      headers: {},
      body: '',
      cookies: { sid: session.lightningSid },
    };
    const page = (await salesforcePagesHandler(org)(req)) as SandboxResponse;
    expect(page.status).toBe(200);
    expect(String(page.body)).toMatch(/<h1 class="slds-page-header__title">Glance sessions per rep<\/h1>/);
    expect(String(page.body)).toContain('<title>Glance sessions per rep | Salesforce</title>');
  });
});
