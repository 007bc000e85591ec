// The report columns Glance's reports use, found in the report type's own describe at run time
// (Reports and Dashboards REST API Developer Guide, "Report Type Describe": GET
// /analytics/reportTypes/<type> answers reportTypeMetadata.categories[], each with its columns keyed
// by column API name, each with a label and a dataType). The guide documents how to read a report
// type's column API names, not the names themselves, so none is taken on trust: each column is the
// one with the name seen in the Lightning report builder's API ("SUBJECT"), else the one with its
// label ("Subject"), and always of a data type that can do what the report asks (a date to group by
// week, a number to sum).

/** What each report needs of the report type. */
type ColumnRole =
  | 'subject'
  | 'date'
  | 'duration'
  | 'location'
  | 'assigned'
  | 'whoName'
  | 'whatName'
  | 'whoType'
  | 'whatType';

/** Each role's column API name, in the org asked. */
export type ReportColumns = Record<ColumnRole, string>;

/** The guide's data types ("Report Type Metadata": dataType) that hold text, dates and numbers. */
const TEXT = ['string', 'picklist', 'textarea', 'combobox', 'reference', 'id', 'email', 'phone', 'url'];
const DATE = ['date', 'datetime'];
const NUMBER = ['int', 'double', 'currency', 'percent'];

interface Wanted {
  /** The API name the Activity report type has had in the orgs we know of. */
  name: string;
  /** Its label (in English: a user in another language sees their own, and the name decides). */
  labels: string[];
  types: string[];
}

const WANTED: Record<ColumnRole, Wanted> = {
  subject: { name: 'SUBJECT', labels: ['Subject'], types: TEXT },
  date: { name: 'DUE_DATE', labels: ['Date', 'Due Date'], types: DATE },
  duration: { name: 'DURATION', labels: ['Duration'], types: NUMBER },
  location: { name: 'LOCATION', labels: ['Location'], types: TEXT },
  assigned: { name: 'ASSIGNED', labels: ['Assigned', 'Assigned To'], types: TEXT },
  whoName: { name: 'WHO_NAME', labels: ['Name'], types: TEXT },
  whatName: { name: 'WHAT_NAME', labels: ['Related To'], types: TEXT },
  whoType: { name: 'WHO_TYPE', labels: ['Name: Type'], types: TEXT },
  whatType: { name: 'WHAT_TYPE', labels: ['Related To: Type'], types: TEXT },
};

interface Column {
  label: string;
  dataType: string;
}

/** Every column of a Report Type Describe answer, by API name; garbage is left out. */
function columnsOf(describe: unknown): Map<string, Column> {
  const columns = new Map<string, Column>();
  const categories = (describe as { reportTypeMetadata?: { categories?: unknown } } | null)?.reportTypeMetadata
    ?.categories;
  if (!Array.isArray(categories)) return columns;
  for (const category of categories) {
    const entries = (category as { columns?: unknown } | null)?.columns;
    if (typeof entries !== 'object' || entries === null) continue;
    for (const [name, raw] of Object.entries(entries)) {
      const { label, dataType } = (raw ?? {}) as { label?: unknown; dataType?: unknown };
      if (typeof label === 'string' && typeof dataType === 'string' && !columns.has(name))
        columns.set(name, { label, dataType: dataType.toLowerCase() });
    }
  }
  return columns;
}

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.toLowerCase();

/** The columns the reports need, or the label of the first the report type lacks. */
export function pickColumns(describe: unknown): { ok: true; columns: ReportColumns } | { ok: false; missing: string } {
  const columns = columnsOf(describe);
  const picked: Partial<ReportColumns> = {};
  for (const [role, wanted] of Object.entries(WANTED) as [ColumnRole, Wanted][]) {
    const fits = ([, column]: [string, Column]) => wanted.types.includes(column.dataType);
    const all = [...columns];
    const found =
      all.find((entry) => entry[0] === wanted.name && fits(entry)) ??
      all.find((entry) => fits(entry) && wanted.labels.some((label) => sameLabel(entry[1].label, label)));
    if (!found) return { ok: false, missing: wanted.labels[0] as string };
    picked[role] = found[0];
  }
  return { ok: true, columns: picked as ReportColumns };
}
