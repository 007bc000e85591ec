// "Create Glance reports" (Company Settings tab), run in the options page (admin-salesforce.ts): lists
// the org's report folders, then makes the Glance reports (definitions.ts) in the one the administrator
// picked, through the Analytics REST API, with the browser's own session of the admin's Salesforce tab. A second run makes no duplicates: the
// reports already in the folder (found by unique name or name, one SOQL query) are left as they are,
// so an admin's own edits to them survive; only the missing ones are created.
import type {
  CreateReportsResult,
  GlanceReportKey,
  GlanceReportView,
  ReportFoldersView,
  ReportsProblem,
} from '../../../shared/reports.js';
import { SalesforceClient, soqlString } from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import { type StatusPorts, salesforceStatus } from '../../../shared/salesforce/status.js';
import { lightningHostFor } from '../../../shared/salesforce-hosts.js';
import { to18 } from '../../../shared/salesforce-id.js';
import { pickColumns, type ReportColumns } from './columns.js';
import { GLANCE_REPORTS, REPORT_TYPE } from './definitions.js';

/** Data for the admin, like Salesforce's own words in a refusal (shown in reportsRefused). */
const missingColumn = (label: string) => `The report type ${REPORT_TYPE} has no column "${label}".`;

/** More report folders than an org shows one admin in a picker; the list says so by ending there. */
const FOLDER_LIMIT = 200;

type Ready = { ok: true; client: SalesforceClient } | { ok: false; problem: ReportsProblem };

async function clientFor(pageUrl: string | null, ports: StatusPorts, storeId?: string): Promise<Ready> {
  const status = pageUrl ? await salesforceStatus(pageUrl, ports, { storeId }) : null;
  if (!status) return { ok: false, problem: 'no-salesforce-tab' };
  if (status.state !== 'ready') return { ok: false, problem: status.state };
  return { ok: true, client: new SalesforceClient(status.apiHost, ports, storeId) };
}

const failure = (error: unknown) => {
  if (!(error instanceof SalesforceError)) throw error;
  return { problem: error.problem, detail: error.salesforceMessage };
};

/**
 * The org's report folders the user can see (SOQL on Folder, Object Reference "Folder": Type
 * 'Report'). Whether the user may save in one is not in the object: Salesforce refuses the save, and
 * the refusal is shown in Salesforce's words.
 */
export async function reportFolders(
  pageUrl: string | null,
  ports: StatusPorts,
  storeId?: string,
): Promise<ReportFoldersView> {
  const ready = await clientFor(pageUrl, ports, storeId);
  if (!ready.ok) return { ...ready, detail: '' };
  try {
    const rows = await ready.client.query<{ Id?: unknown; Name?: unknown }>(
      `SELECT Id, Name FROM Folder WHERE Type = 'Report' ORDER BY Name LIMIT ${FOLDER_LIMIT}`,
    );
    const folders = rows.flatMap((row) => {
      const id = typeof row.Id === 'string' ? to18(row.Id) : undefined;
      return id && typeof row.Name === 'string' ? [{ id, name: row.Name }] : [];
    });
    return { ok: true, apiHost: ready.client.apiHost, folders };
  } catch (error) {
    return { ok: false, ...failure(error) };
  }
}

/** The reports of ours already in the folder, by unique name, else by name (an admin may have renamed the unique name). */
function existingReportsSoql(folderId: string): string {
  const list = (values: string[]) => values.map(soqlString).join(', ');
  return (
    'SELECT Id, Name, DeveloperName FROM Report' +
    ` WHERE OwnerId = ${soqlString(folderId)} AND (DeveloperName IN (${list(GLANCE_REPORTS.map((r) => r.developerName))})` +
    ` OR Name IN (${list(GLANCE_REPORTS.map((r) => r.name))}))`
  );
}

/** Only one run at a time: a second click while one runs gets its answer, not a second set of reports. */
let running: Promise<CreateReportsResult> | undefined;

export function createGlanceReports(
  pageUrl: string | null,
  folderId: string,
  ports: StatusPorts,
  storeId?: string,
): Promise<CreateReportsResult> {
  running ??= create(pageUrl, folderId, ports, storeId).finally(() => {
    running = undefined;
  });
  return running;
}

async function create(
  pageUrl: string | null,
  folderId: string,
  ports: StatusPorts,
  storeId?: string,
): Promise<CreateReportsResult> {
  // A report folder's id (key prefix 00l), in its 18-character form: anything else is no folder.
  if (!to18(folderId)?.startsWith('00l')) return { ok: false, problem: 'refused', detail: '', reports: [] };
  const ready = await clientFor(pageUrl, ports, storeId);
  if (!ready.ok) return { ...ready, detail: '', reports: [] };
  const { client } = ready;
  const url = (id: string) => `https://${lightningHostFor(client.apiHost)}/lightning/r/Report/${id}/view`;
  const reports: GlanceReportView[] = [];
  try {
    const rows = await client.query<{ Id?: unknown; Name?: unknown; DeveloperName?: unknown }>(
      existingReportsSoql(folderId),
    );
    const found = new Map<GlanceReportKey, string>();
    for (const report of GLANCE_REPORTS) {
      const row =
        rows.find((r) => r.DeveloperName === report.developerName) ?? rows.find((r) => r.Name === report.name);
      const id = typeof row?.Id === 'string' ? to18(row.Id) : undefined;
      if (id) found.set(report.key, id);
    }
    let columns: ReportColumns | undefined;
    for (const report of GLANCE_REPORTS) {
      const existing = found.get(report.key);
      if (existing) {
        reports.push({ key: report.key, id: existing, url: url(existing), created: false });
        continue;
      }
      // The report type's columns, asked once and only when a report is to be made (columns.ts).
      if (!columns) {
        const picked = pickColumns(await client.request('GET', `/analytics/reportTypes/${REPORT_TYPE}`));
        if (!picked.ok) return { ok: false, problem: 'refused', detail: missingColumn(picked.missing), reports };
        columns = picked.columns;
      }
      const answer = await client.request<{ reportMetadata?: { id?: unknown } }>('POST', '/analytics/reports', {
        reportMetadata: { ...report.metadata(columns), folderId },
      });
      const id = typeof answer?.reportMetadata?.id === 'string' ? to18(answer.reportMetadata.id) : undefined;
      if (!id) throw new SalesforceError(200, [], 'unavailable');
      reports.push({ key: report.key, id, url: url(id), created: true });
    }
    return { ok: true, apiHost: client.apiHost, reports };
  } catch (error) {
    return { ok: false, ...failure(error), reports };
  }
}
