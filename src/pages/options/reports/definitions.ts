// The Glance reports, as Analytics REST API reportMetadata ("Create a New Report": a name and a
// reportType are required, the rest optional; properties as the guide's "Query" resource lists them).
// All are on "Tasks and Events", the standard Activities report type (API name "Activity"), because a
// standard org with no package has no other report type over Events; its column API names are in
// tests/sandbox/salesforce/analytics.ts, with what is still to check against a real org.
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

export interface ReportDefinition {
  key: GlanceReportKey;
  name: string;
  developerName: string;
  description: string;
  metadata: Record<string, unknown>;
}

/** A session: its own Event, or a meeting's Event its end wrote to. */
const SESSIONS: { reportFilters: Filter[]; reportBooleanFilter: string } = {
  reportFilters: [
    { column: 'SUBJECT', operator: 'startsWith', value: SESSION_SUBJECT },
    { column: 'LOCATION', operator: 'startsWith', value: ENDED_SESSION },
  ],
  reportBooleanFilter: '1 OR 2',
};

const MEETINGS: Filter[] = [
  { column: 'SUBJECT', operator: 'contains', value: MEETING_MARK },
  { column: 'SUBJECT', operator: 'notContain', value: 'Cancelled:' },
];

const DETAILS = ['SUBJECT', 'DUE_DATE', 'DURATION', 'LOCATION', 'WHO_NAME', 'WHAT_NAME'];
const byRep = { name: 'ASSIGNED', sortOrder: 'Asc', dateGranularity: 'None' };
const byDate = (dateGranularity: 'Week' | 'Month') => ({ name: 'DUE_DATE', sortOrder: 'Asc', dateGranularity });

function definition(
  key: GlanceReportKey,
  name: string,
  description: string,
  metadata: Record<string, unknown>,
): ReportDefinition {
  const developerName = name.replace(/[^A-Za-z0-9]+/g, '_');
  return {
    key,
    name,
    developerName,
    description,
    metadata: {
      name,
      developerName,
      description,
      reportType: { type: REPORT_TYPE },
      reportFormat: 'SUMMARY',
      detailColumns: DETAILS,
      aggregates: ['RowCount'],
      ...metadata,
    },
  };
}

export const GLANCE_REPORTS: readonly ReportDefinition[] = [
  definition('sessions-per-rep-week', 'Glance sessions per rep per week', 'Glance sessions by rep and week.', {
    groupingsDown: [byRep, byDate('Week')],
    ...SESSIONS,
  }),
  definition('minutes-per-rep', 'Glance minutes per rep', 'Minutes in Glance sessions (Duration), by rep.', {
    groupingsDown: [byRep],
    aggregates: ['RowCount', 's!DURATION'],
    ...SESSIONS,
  }),
  definition('guests', 'Glance sessions by guests', 'Ended Glance sessions by mode, guest count and outcome.', {
    groupingsDown: [{ name: 'LOCATION', sortOrder: 'Asc', dateGranularity: 'None' }],
    reportFilters: [{ column: 'LOCATION', operator: 'startsWith', value: ENDED_SESSION }],
  }),
  definition('record-types', 'Glance sessions by record type', 'Glance sessions by the type of related record.', {
    groupingsDown: [
      { name: 'WHAT_TYPE', sortOrder: 'Asc', dateGranularity: 'None' },
      { name: 'WHO_TYPE', sortOrder: 'Asc', dateGranularity: 'None' },
    ],
    ...SESSIONS,
  }),
  definition(
    'meetings-scheduled',
    'Glance meetings scheduled',
    'Glance meetings scheduled (not cancelled), by rep and month.',
    {
      groupingsDown: [byRep, byDate('Month')],
      reportFilters: MEETINGS,
    },
  ),
  definition(
    'meetings-held',
    'Glance meetings held',
    'Scheduled Glance meetings whose session ended, by rep and month.',
    {
      groupingsDown: [byRep, byDate('Month')],
      reportFilters: [...MEETINGS, { column: 'LOCATION', operator: 'startsWith', value: ENDED_SESSION }],
    },
  ),
];
