// The Glance reports an administrator creates from the Company Settings tab (issue 27, item 2): which
// reports there are, and what the options page shows of them. Made by that page: src/pages/options/reports.
import type { MessageKey } from './i18n.js';
import type { SalesforceProblem } from './protocol/problems.js';

/** One Glance report, in the order they are created. */
export type GlanceReportKey =
  | 'sessions-per-rep-week'
  | 'minutes-per-rep'
  | 'guests'
  | 'record-types'
  | 'meetings-scheduled'
  | 'meetings-held';

/** A report folder of the org, as SOQL on Folder names it. */
export interface ReportFolder {
  id: string;
  name: string;
}

/** Why no folder list or no report could be had: no Salesforce tab, the status's problems, or the one vocabulary. */
export type ReportsProblem = 'no-salesforce-tab' | 'proxied' | SalesforceProblem;

export type ReportFoldersView =
  | { ok: true; apiHost: string; folders: ReportFolder[] }
  | { ok: false; problem: ReportsProblem; detail: string };

export interface GlanceReportView {
  key: GlanceReportKey;
  id: string;
  /** The report in the org's Lightning Experience. */
  url: string;
  /** False when the folder already held it (made by an earlier run): left as the admin may have edited it. */
  created: boolean;
}

/** What a run made or found; on a refusal, what was done before it and Salesforce's own words. */
export type CreateReportsResult =
  | { ok: true; apiHost: string; reports: GlanceReportView[] }
  | { ok: false; problem: ReportsProblem; detail: string; reports: GlanceReportView[] };

/** The message (extension/_locales) that names each report in the options page. */
export const REPORT_MESSAGE: Record<GlanceReportKey, MessageKey> = {
  'sessions-per-rep-week': 'reportSessionsPerRepWeek',
  'minutes-per-rep': 'reportMinutesPerRep',
  guests: 'reportGuests',
  'record-types': 'reportRecordTypes',
  'meetings-scheduled': 'reportMeetingsScheduled',
  'meetings-held': 'reportMeetingsHeld',
};
