// The Glance reports, as Analytics REST API reportMetadata ("Create a New Report": a name and a
// reportType are required, the rest optional; properties as the guide's "Query" resource lists them).
// All are on "Tasks and Events", the standard Activities report type (API name "Activity"), because a
// standard org with no package has no other report type over Events. Its columns are not named here:
// they are picked from the report type's describe when the reports are made (columns.ts).
//
// What each report counts follows how sessions are logged (src/background/records):
// - a session's Event ends with Location "Glance · <mode> · <n> guests[ · <outcome>]" (reportCategory),
//   also when the session was started from a scheduled meeting and wrote to the meeting's Event; a
//   session Event of its own has Subject "Glance session (<id>)". A session is either.
// - a scheduled meeting's Event has " [Glance meeting m-…]" in its Subject, "Cancelled: " before it
//   once cancelled. It was held when its session ended: the end wrote its Location as above (log-end),
//   so "held" needs no new field and no change to how meetings are written.
// - the record type: WhoId holds a Lead or Contact, WhatId an Opportunity, Case or Campaign; the
//   report groups by the type of each ("Related To: Type", then "Name: Type"), which the Activities
//   report type offers where Subject and Location carry no record type.
// Names are Salesforce data, in English like the Event's description; Salesforce takes 40 characters.
import type { GlanceReportKey } from '../../../shared/reports.js';
import type { ReportColumns } from './columns.js';

export const REPORT_TYPE = 'Activity';
/** What reportCategory (records/session-event.ts) starts an ended session's Location with. */
const ENDED_SESSION = 'Glance ·';
const SESSION_SUBJECT = 'Glance session';
const MEETING_MARK = '[Glance meeting';

interface Filter {
  column: string;
  operator: string;
  value: string;
}

interface ReportDefinition {
  key: GlanceReportKey;
  name: string;
  developerName: string;
  description: string;
  /** The report's reportMetadata, with the org's own column API names. */
  metadata(columns: ReportColumns): Record<string, unknown>;
}

/** A session: its own Event, or a meeting's Event its end wrote to. */
const sessions = (c: ReportColumns): { reportFilters: Filter[]; reportBooleanFilter: string } => ({
  reportFilters: [
    { column: c.subject, operator: 'startsWith', value: SESSION_SUBJECT },
    { column: c.location, operator: 'startsWith', value: ENDED_SESSION },
  ],
  reportBooleanFilter: '1 OR 2',
});

const meetings = (c: ReportColumns): Filter[] => [
  { column: c.subject, operator: 'contains', value: MEETING_MARK },
  { column: c.subject, operator: 'notContain', value: 'Cancelled:' },
];

const group = (name: string, dateGranularity = 'None') => ({ name, sortOrder: 'Asc', dateGranularity });

function definition(
  key: GlanceReportKey,
  name: string,
  description: string,
  metadata: (c: ReportColumns) => Record<string, unknown>,
): ReportDefinition {
  const developerName = name.replace(/[^A-Za-z0-9]+/g, '_');
  return {
    key,
    name,
    developerName,
    description,
    metadata: (c) => ({
      name,
      developerName,
      description,
      reportType: { type: REPORT_TYPE },
      reportFormat: 'SUMMARY',
      detailColumns: [c.subject, c.date, c.duration, c.location, c.whoName, c.whatName],
      aggregates: ['RowCount'],
      ...metadata(c),
    }),
  };
}

export const GLANCE_REPORTS: readonly ReportDefinition[] = [
  definition('sessions-per-rep-week', 'Glance sessions per rep per week', 'Glance sessions by rep and week.', (c) => ({
    groupingsDown: [group(c.assigned), group(c.date, 'Week')],
    ...sessions(c),
  })),
  definition('minutes-per-rep', 'Glance minutes per rep', 'Minutes in Glance sessions (Duration), by rep.', (c) => ({
    groupingsDown: [group(c.assigned)],
    aggregates: ['RowCount', `s!${c.duration}`],
    ...sessions(c),
  })),
  definition('guests', 'Glance sessions by guests', 'Ended Glance sessions by mode, guest count and outcome.', (c) => ({
    groupingsDown: [group(c.location)],
    reportFilters: [{ column: c.location, operator: 'startsWith', value: ENDED_SESSION }],
  })),
  definition(
    'record-types',
    'Glance sessions by record type',
    'Glance sessions by the type of related record.',
    (c) => ({
      groupingsDown: [group(c.whatType), group(c.whoType)],
      ...sessions(c),
    }),
  ),
  definition(
    'meetings-scheduled',
    'Glance meetings scheduled',
    'Glance meetings scheduled (not cancelled), by rep and month.',
    (c) => ({ groupingsDown: [group(c.assigned), group(c.date, 'Month')], reportFilters: meetings(c) }),
  ),
  definition(
    'meetings-held',
    'Glance meetings held',
    'Scheduled Glance meetings whose session ended, by rep and month.',
    (c) => ({
      groupingsDown: [group(c.assigned), group(c.date, 'Month')],
      reportFilters: [...meetings(c), { column: c.location, operator: 'startsWith', value: ENDED_SESSION }],
    }),
  ),
];
