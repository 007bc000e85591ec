// The sync of Glance's session records, as the options page and the worker both name it: Glance's own
// package offers these schedules (help.glance.net/integrations/salesforce/sf_settings/: hourly, every
// 2 hours, daily, never).
import type { SyncProblem } from './protocol/problems.js';

export const SYNC_SCHEDULES = ['never', 'hourly', 'two-hours', 'daily'] as const;
export type SyncSchedule = (typeof SYNC_SCHEDULES)[number];

/** Minutes between syncs; chrome.alarms' period (never under its 30 s floor). */
export const SYNC_PERIOD_MINUTES: Record<Exclude<SyncSchedule, 'never'>, number> = {
  hourly: 60,
  'two-hours': 120,
  daily: 24 * 60,
};

/** What the Company Settings tab shows of the sync: never the password or the API key. */
export interface SyncView {
  configured: boolean;
  username: string;
  partnerId: number | null;
  schedule: SyncSchedule;
  /** The org the Events are written to (the Salesforce tab's when the admin saved). */
  apiHost: string;
  last?: { at: number; found: number; queued: number; finished: boolean; problem?: SyncProblem };
  /** Glance sessions whose Salesforce writes wait in the queue, and why the first one waits ('' when due). */
  waiting: { sessions: number; problem: string };
  /** What the synced writes did (over the queue's kept logs). */
  written: { filled: number; logged: number; leads: number; noUser: number };
}

export interface SyncSettingsInput {
  username: string;
  /** Blank keeps the one saved. */
  password: string;
  partnerId: number;
  /** Blank keeps the one saved. */
  apiKey: string;
  schedule: SyncSchedule;
  pageUrl: string | null;
}
