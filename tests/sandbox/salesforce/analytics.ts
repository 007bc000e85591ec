// The Analytics (Reports and Dashboards) REST API, the part Glance's report set-up uses:
//   GET  /analytics/reportTypes            the report types, by category ("Get a List of Report Types")
//   GET  /analytics/reportTypes/<type>     one report type's columns ("Report Type" resource)
//   POST /analytics/reports                a new report from reportMetadata ("Create a New Report")
//   GET  /analytics/reports/<id>/describe  a saved report's metadata ("Describe" resource)
// Sources: Salesforce Reports and Dashboards REST API Developer Guide (developer.salesforce.com/docs/
// analytics/salesforce-analytics-rest-api): "Create a New Report" ("you only have to specify
// reportMetadata with a name and a reportType"; the answer carries reportMetadata,
// reportExtendedMetadata and reportTypeMetadata), "Report Types" (report-types and reportTypes are
// the same resource), "Query" (reportMetadata's properties: name, developerName, folderId,
// reportFormat, detailColumns, groupingsDown with name/sortOrder/dateGranularity, aggregates such as
// s!<column> and RowCount, reportFilters with column/operator/value), and "Status Codes and Error
// Responses" (400 for a bad request body, 403 for a missing permission, 404 for what does not exist;
// error bodies are the REST API's [{errorCode, message}]).
//
// The report type's columns are read at run time from "Report Type Describe" (GET
// /analytics/reportTypes/<type>: reportMetadata, reportTypeMetadata.categories[].columns keyed by
// column API name, each with label, dataType, filterable, filterValues; the guide's "Report Type
// Metadata" and "Describe" pages), and a report naming a column the type does not have is refused with
// 400 BAD_REQUEST ("Status Codes and Error Responses"). The guide documents how to read the column
// API names, not the list itself, so the product picks its columns from the describe by label and
// data type and never relies on the names below: a test renames them all (org.setup.
// activityColumnNames) and the reports must still be made.
//
// *check* against a real org: the exact error messages, and the Activity report type's column API
// names and labels below.
import { ApiError, methodNotAllowed, notFound } from './errors.js';
import type { SalesforceOrg } from './org.js';
import { API_BASE, type ApiAnswer, type ApiCall, type ApiContext, type JsonObject, readJsonBody } from './records.js';

/**
 * "Tasks and Events", the standard report type of the Activities category: its API name is
 * "Activity" (Metadata API, "Report": reportType; the Lightning report builder lists it as "Tasks
 * and Events"). Each column: its API name, label and data type, as the report type describe gives them.
 */
const ACTIVITY_COLUMNS: Record<string, { label: string; dataType: string; date?: true; number?: true }> = {
  SUBJECT: { label: 'Subject', dataType: 'string' },
  ASSIGNED: { label: 'Assigned', dataType: 'string' },
  DUE_DATE: { label: 'Date', dataType: 'date', date: true },
  DURATION: { label: 'Duration', dataType: 'int', number: true },
  LOCATION: { label: 'Location', dataType: 'string' },
  WHO_NAME: { label: 'Name', dataType: 'string' },
  WHAT_NAME: { label: 'Related To', dataType: 'string' },
  WHO_TYPE: { label: 'Name: Type', dataType: 'string' },
  WHAT_TYPE: { label: 'Related To: Type', dataType: 'string' },
  TASK: { label: 'Task', dataType: 'boolean' },
  STATUS: { label: 'Status', dataType: 'string' },
};

type Columns = typeof ACTIVITY_COLUMNS;

const REPORT_TYPES: Record<string, { label: string; category: string; columns: Columns }> = {
  Activity: { label: 'Tasks and Events', category: 'Activities', columns: ACTIVITY_COLUMNS },
};

/** The report type's columns in this org: the API names renamed as a test asked (org.setup.activityColumnNames). */
function columnsOf(org: SalesforceOrg, type: string): Columns | undefined {
  const def = REPORT_TYPES[type];
  if (!def) return undefined;
  const renamed = org.setup.activityColumnNames;
  if (type !== 'Activity' || Object.keys(renamed).length === 0) return def.columns;
  return Object.fromEntries(Object.entries(def.columns).map(([name, column]) => [renamed[name] ?? name, column]));
}

/** reportFormat values (guide, "Query": TABULAR, SUMMARY, MATRIX, MULTI_BLOCK). */
const FORMATS = new Set(['TABULAR', 'SUMMARY', 'MATRIX', 'MULTI_BLOCK']);
/** groupingsDown dateGranularity values the guide lists for date groupings. */
const GRANULARITIES = new Set([
  'None',
  'Day',
  'Week',
  'Month',
  'Quarter',
  'Year',
  'FiscalQuarter',
  'FiscalYear',
  'MonthInYear',
  'DayInMonth',
  'FiscalPeriod',
  'FiscalWeek',
]);
/** reportFilters operators (guide, "Query": filter operators). */
const OPERATORS = new Set([
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
  'within',
]);
/** Salesforce's limit on a report name (Salesforce Help, "Save a Report": 40 characters). */
const REPORT_NAME_MAX = 40;

/** Each saved report's metadata, as created. */
const savedMetadata = new WeakMap<SalesforceOrg, Map<string, JsonObject>>();

const badRequest = (message: string) => ApiError.one(400, 'BAD_REQUEST', message);

export function analyticsResource(ctx: ApiContext, call: ApiCall, segments: string[]): ApiAnswer {
  const [collection, id, action, ...rest] = segments;
  if (collection === 'reportTypes' || collection === 'report-types') {
    if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
    if (action !== undefined) throw notFound();
    return { status: 200, body: id === undefined ? reportTypeList() : reportTypeDescribe(ctx.org, id) };
  }
  if (collection !== 'reports' || rest.length > 0) throw notFound();
  if (id === undefined) {
    if (call.method !== 'POST') throw methodNotAllowed(call.method, ['GET', 'HEAD', 'POST']);
    return createReport(ctx, call);
  }
  const report = ctx.org.get(id);
  const metadata = savedMetadata.get(ctx.org)?.get(report?.Id ?? '');
  if (report?.type !== 'Report' || !metadata) throw notFound();
  if (action !== 'describe') throw notFound();
  if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
  return { status: 200, body: describeAnswer(ctx.org, report.Id, metadata) };
}

function reportTypeList(): JsonObject[] {
  const categories = new Map<string, JsonObject[]>();
  for (const [type, def] of Object.entries(REPORT_TYPES)) {
    const list = categories.get(def.category) ?? [];
    list.push({ describeUrl: `${API_BASE}/analytics/reportTypes/${type}`, label: def.label, type });
    categories.set(def.category, list);
  }
  return [...categories].map(([label, reportTypes]) => ({ label, reportTypes }));
}

function reportTypeMetadata(org: SalesforceOrg, type: string): JsonObject {
  const def = REPORT_TYPES[type];
  const columns = columnsOf(org, type);
  if (!def || !columns) throw notFound();
  return {
    categories: [
      {
        label: def.label,
        columns: Object.fromEntries(
          Object.entries(columns).map(([name, c]) => [
            name,
            { label: c.label, dataType: c.dataType, filterable: true, filterValues: [] },
          ]),
        ),
      },
    ],
  };
}

function reportTypeDescribe(org: SalesforceOrg, type: string): JsonObject {
  return {
    reportMetadata: { reportType: { type, label: REPORT_TYPES[type]?.label ?? type } },
    reportTypeMetadata: reportTypeMetadata(org, type),
  };
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function createReport(ctx: ApiContext, call: ApiCall): ApiAnswer {
  const { org } = ctx;
  // Salesforce Help, "User Permissions for Reports": saving a new report takes "Create and Customize
  // Reports"; the API refuses what the report builder would not let the user save.
  if (!org.setup.createAndCustomizeReports)
    throw ApiError.one(403, 'FORBIDDEN', "You don't have permission to create reports.");
  const body = readJsonBody(call);
  const metadata = isObject(body) ? body.reportMetadata : undefined;
  if (!isObject(metadata)) throw badRequest('The request body must contain reportMetadata.');
  const name = metadata.name;
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('A report name is required.');
  if (name.length > REPORT_NAME_MAX)
    throw badRequest(`The report name can't be longer than ${REPORT_NAME_MAX} characters.`);
  const type = isObject(metadata.reportType) ? metadata.reportType.type : undefined;
  const reportType = typeof type === 'string' ? REPORT_TYPES[type] : undefined;
  if (!reportType) throw badRequest(`The report type ${String(type)} is not valid.`);
  const format = metadata.reportFormat ?? 'TABULAR';
  if (typeof format !== 'string' || !FORMATS.has(format)) throw badRequest(`Invalid report format: ${String(format)}`);
  checkColumns(metadata, columnsOf(org, type as string) ?? reportType.columns);
  const folder = folderFor(org, metadata.folderId, ctx.userId);
  const developerName = uniqueDeveloperName(
    org,
    typeof metadata.developerName === 'string' ? metadata.developerName : name,
  );
  const record = org.insert('Report', {
    Name: name,
    DeveloperName: developerName,
    FolderName: folder ? String(folder.fields.Name) : 'Private Reports',
    Format: format === 'SUMMARY' ? 'Summary' : format === 'MATRIX' ? 'Matrix' : 'Tabular',
    Description: typeof metadata.description === 'string' ? metadata.description : null,
    // A report in no folder is in the user's private reports: its owner is the user.
    OwnerId: folder?.Id ?? ctx.userId,
  });
  const saved: JsonObject = {
    ...metadata,
    id: record.Id,
    name,
    developerName,
    folderId: folder?.Id ?? ctx.userId,
    reportFormat: format,
    reportType: { type, label: reportType.label },
  };
  const all = savedMetadata.get(org) ?? new Map<string, JsonObject>();
  all.set(record.Id, saved);
  savedMetadata.set(org, all);
  // "Create a New Report": 200 with the new report's metadata (its id included).
  return { status: 200, body: describeAnswer(org, record.Id, saved) };
}

function describeAnswer(org: SalesforceOrg, id: string, metadata: JsonObject): JsonObject {
  const type = isObject(metadata.reportType) ? String(metadata.reportType.type) : '';
  return {
    attributes: {
      describeUrl: `${API_BASE}/analytics/reports/${id}/describe`,
      instancesUrl: `${API_BASE}/analytics/reports/${id}/instances`,
      reportId: id,
      reportName: metadata.name,
      type: 'Report',
    },
    reportMetadata: metadata,
    reportExtendedMetadata: { aggregateColumnInfo: {}, detailColumnInfo: {}, groupingColumnInfo: {} },
    reportTypeMetadata: reportTypeMetadata(org, type),
  };
}

/** Every column named (details, groupings, summaries, filters) must be one of the report type's. */
function checkColumns(metadata: JsonObject, columns: Columns): void {
  const known = (name: unknown): name is string => typeof name === 'string' && Object.hasOwn(columns, name);
  const refuse = (name: unknown) => badRequest(`The column ${String(name)} is not valid for this report type.`);
  const list = (value: unknown, what: string): unknown[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw badRequest(`${what} must be an array.`);
    return value;
  };
  for (const name of list(metadata.detailColumns, 'detailColumns')) if (!known(name)) throw refuse(name);
  const groupings = list(metadata.groupingsDown, 'groupingsDown');
  if (groupings.length > 0 && metadata.reportFormat !== 'SUMMARY' && metadata.reportFormat !== 'MATRIX')
    throw badRequest('Only summary and matrix reports can have groupings.');
  for (const grouping of groupings) {
    if (!isObject(grouping) || !known(grouping.name)) throw refuse(isObject(grouping) ? grouping.name : grouping);
    if (grouping.sortOrder !== undefined && grouping.sortOrder !== 'Asc' && grouping.sortOrder !== 'Desc')
      throw badRequest(`Invalid sort order: ${String(grouping.sortOrder)}`);
    const granularity = grouping.dateGranularity;
    if (granularity !== undefined && granularity !== 'None') {
      if (typeof granularity !== 'string' || !GRANULARITIES.has(granularity))
        throw badRequest(`Invalid date granularity: ${String(granularity)}`);
      if (!columns[grouping.name]?.date)
        throw badRequest(`The column ${grouping.name} is not a date and can't be grouped by ${granularity}.`);
    }
  }
  for (const aggregate of list(metadata.aggregates, 'aggregates')) {
    if (aggregate === 'RowCount') continue;
    // s!/a!/m!/x! before the column's API name, which may hold dots (a custom report type's "Object.Field").
    const match = typeof aggregate === 'string' ? /^([samx])!([\w.]+)$/.exec(aggregate) : null;
    if (!match || !known(match[2]) || !columns[match[2]]?.number) throw refuse(aggregate);
  }
  const filters = list(metadata.reportFilters, 'reportFilters');
  for (const filter of filters) {
    if (!isObject(filter) || !known(filter.column)) throw refuse(isObject(filter) ? filter.column : filter);
    if (typeof filter.operator !== 'string' || !OPERATORS.has(filter.operator))
      throw badRequest(`Invalid filter operator: ${String(filter.operator)}`);
  }
  // reportBooleanFilter ("1 OR 2"): filter logic over the filters' 1-based positions, each used.
  const logic = metadata.reportBooleanFilter;
  if (logic !== undefined && logic !== null && logic !== '') {
    const words = typeof logic === 'string' ? logic.toUpperCase().match(/\d+|AND|OR|NOT|\(|\)|\S+/g) : null;
    const numbers = (words ?? []).filter((w) => /^\d+$/.test(w)).map(Number);
    const valid =
      words?.every((w) => /^(\d+|AND|OR|NOT|\(|\))$/.test(w)) === true &&
      numbers.every((n) => n >= 1 && n <= filters.length) &&
      filters.every((_, i) => numbers.includes(i + 1));
    if (!valid) throw badRequest(`The filter logic ${String(logic)} is not valid for the filters given.`);
  }
}

/** The folder to save in; none for the user's private reports. A folder that is not there, or not the user's to save in, is refused. */
function folderFor(org: SalesforceOrg, folderId: unknown, userId: string) {
  if (folderId === undefined || folderId === null || folderId === '' || folderId === userId) return undefined;
  const folder = typeof folderId === 'string' ? org.get(folderId) : undefined;
  if (folder?.type !== 'Folder' || folder.fields.Type !== 'Report')
    throw badRequest(`The folder ID ${String(folderId)} is invalid.`);
  if (org.setup.viewOnlyReportFolders.has(folder.Id))
    throw ApiError.one(403, 'FORBIDDEN', "You don't have sufficient privileges to save reports in this folder.");
  return folder;
}

/** Unique names are unique in the org: Salesforce adds a suffix to a name already taken. */
function uniqueDeveloperName(org: SalesforceOrg, wanted: string): string {
  const base =
    wanted
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'X$1')
      .slice(0, 80) || 'Report';
  const taken = new Set(org.ofType('Report').map((r) => String(r.fields.DeveloperName)));
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
