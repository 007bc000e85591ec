// The rep's Salesforce session Events per day, for the popup's chart: pure, in the browser's own time
// zone (the rep's days, not UTC's).
import type { SalesforceSessionEvent } from '../../shared/protocol/index.js';

export interface DayTotal {
  /** Local midnight of the day. */
  date: Date;
  sessions: number;
  minutes: number;
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/** Today and the `days` days before it, oldest first, each with its sessions and minutes. */
export function totalsPerDay(events: SalesforceSessionEvent[], now: Date, days: number): DayTotal[] {
  const totals: DayTotal[] = [];
  const byKey = new Map<string, DayTotal>();
  for (let back = days; back >= 0; back--) {
    // Calendar arithmetic (not 24-hour steps), so a daylight-saving change moves no day.
    const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
    const total = { date, sessions: 0, minutes: 0 };
    totals.push(total);
    byKey.set(dayKey(date), total);
  }
  for (const event of events) {
    const total = byKey.get(dayKey(new Date(event.startedAt)));
    if (!total) continue; // Salesforce's days are the rep's Salesforce time zone's: an edge may differ
    total.sessions += 1;
    total.minutes += event.minutes;
  }
  return totals;
}
