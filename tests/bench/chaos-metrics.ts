// The chaos run at bench size: ≥ 50 sessions across two orgs with about 30 % of Salesforce writes
// failing, hangs, two daily-limit windows, an expired login, the worker stopped eight times and the
// browser restarted once (tests/support/chaos.ts). The seed and every figure go to stderr; the
// metrics are the counts that must be 0.
import { startSandbox } from '../sandbox/server.js';
import { type ChaosReport, describeChaos, type FaultKind, randomSeed, runChaos } from '../support/chaos/index.js';
import type { Metric } from './main.js';

export async function chaosMetrics(options: {
  sessions: number;
  seed?: number;
  without?: string[];
}): Promise<Metric[]> {
  const seed = options.seed ?? randomSeed();
  console.error(`chaos seed ${seed} (replay with npm run bench -- --chaos-only --seed=${seed})`);
  const sandbox = await startSandbox({ quiet: true });
  let report: ChaosReport;
  try {
    report = await runChaos(sandbox, {
      sessions: options.sessions,
      seed,
      workerStops: 8,
      limitWindows: 2,
      hangs: 2,
      salesforceLatencyMs: 100,
      drainTimeoutMs: 10 * 60_000,
      without: options.without as FaultKind[] | undefined,
      log: process.env.CHAOS_VERBOSE ? (line) => console.error(line) : undefined,
    });
  } finally {
    await sandbox.close();
  }
  console.error(describeChaos(report));
  const faults = Object.entries(report.faults)
    .map(([kind, { armed, hit }]) => `${kind} ${hit}/${armed}`)
    .join(', ');
  const detail = `seed ${seed}, ${Math.round(report.wallMs / 1000)} s`;
  return [
    { metric: 'chaos_sessions', value: report.sessions, unit: 'sessions', target: '≥ 50', detail },
    { metric: 'chaos_events_missing', value: report.eventsMissing, unit: 'events', target: '0', detail },
    { metric: 'chaos_events_duplicated', value: report.eventsDuplicated, unit: 'events', target: '0', detail },
    {
      metric: 'chaos_events_incomplete',
      value: report.eventsIncomplete,
      unit: 'events',
      target: '0',
      detail: 'without end time or relation',
    },
    { metric: 'chaos_chatter_duplicated', value: report.chatterDuplicated, unit: 'posts', target: '0', detail },
    { metric: 'chaos_leads_duplicated', value: report.leadsDuplicated, unit: 'leads', target: '0', detail },
    {
      metric: 'chaos_guests_misattributed',
      value: report.guestsMisattributed,
      unit: 'guests',
      target: '0',
      detail: 'logged as another person, or their Lead not the rep',
    },
    {
      metric: 'chaos_queue_left',
      value: report.queueLeft,
      unit: 'jobs',
      target: '0',
      detail: `faults hit/armed: ${faults}; worker stops ${report.workerStops}, browser restarts ${report.browserRestarts}`,
    },
  ];
}
