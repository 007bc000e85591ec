// The sync of Glance's session records (issue 27 item 4), measured in Node with the background
// harness (the worker's own code against the in-process emulators): Salesforce requests per synced
// session with no Lead to make, and a chaos run of ≥ 50 synced sessions through dropped and refused
// Salesforce writes (some landing before the connection drops), dropped Glance pages, a daily-limit
// window and "worker stops" (the sync state rolled back to before its last write, as if the worker
// had stopped before writing it). Harness-based, not in Chromium: the browser test
// (tests/e2e/glance-sync.spec.ts) shows the same paths in the real worker.
import { runOutbox } from '../../src/background/outbox/runner.js';
import { syncStateItem } from '../../src/background/storage/items.js';
import { runSync } from '../../src/background/sync/run.js';
import { harness } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import { prng } from '../support/seeded-random.js';
import { elsewhere, MINUTE, setUpSync } from '../support/sync-harness.js';
import type { Metric } from './main.js';

const HOUR = 60 * MINUTE;

/** Requests to the org per synced session, every guest already a Contact (no Lead to make). */
export async function syncCallsPerSession(sessions = 24): Promise<number> {
  const h = harness();
  for (let i = 0; i < sessions; i++)
    elsewhere(h, (i + 2) * 10 * MINUTE, 15, { guests: [{ name: 'Hank Scorpio', email: 'hank@globex.example' }] });
  await setUpSync(h);
  const before = h.salesforceCalls().length;
  await runSync(h.ports);
  const written = h.records('Event').length;
  if (written !== sessions) throw new Error(`synced ${written} of ${sessions} sessions`);
  return (h.salesforceCalls().length - before) / sessions;
}

export interface SyncChaosReport {
  sessions: number;
  missing: number;
  duplicated: number;
  leadsDuplicated: number;
  queueLeft: number;
  rounds: number;
  /** Faults armed, and how many of them met a request (a chaos run whose faults never hit proves nothing). */
  faultsArmed: number;
  faultsHit: number;
}

export async function syncChaos(seed: number, sessions = 60): Promise<SyncChaosReport> {
  const random = prng(seed);
  const h = harness();
  const faults = h.sandbox.state.faults;
  h.sandbox.state.glance.records.pageSize = 7;
  await setUpSync(h, 'hourly');
  const ids: string[] = [];
  let rounds = 0;
  let faultsArmed = 0;
  let faultsHit = 0;
  const countHits = () => {
    faultsHit += faults.filter((f) => f.remaining < (f as { armedWith?: number }).armedWith!).length;
  };
  // Sessions happen over six hours; every hour the sync runs (its alarm) through what the round arms.
  for (let hour = 0; hour < 6; hour++) {
    rounds++;
    for (let i = 0; i < sessions / 6; i++) {
      const n = ids.length;
      ids.push(
        elsewhere(h, 50 * MINUTE - i * 5 * MINUTE, 3 + random.int(30), {
          guests: [
            // Some guests are Contacts already, some are new every time, some come back.
            {
              name: `Guest ${n}`,
              email: random.pick(['hank@globex.example', `g${n}@newco.example`, 'repeat@newco.example']),
            },
          ],
        }),
      );
    }
    countHits();
    faults.length = 0;
    for (let f = 0; f < 3; f++) {
      const kind = random.int(4);
      if (kind === 0)
        faults.push({
          service: 'salesforce',
          pathIncludes: '/composite',
          bodyIncludes: 'sobjects/Event',
          remaining: 1,
          status: 0,
          afterApply: true,
        });
      if (kind === 1)
        faults.push({ service: 'salesforce', pathIncludes: '/composite', remaining: 1 + random.int(3), status: 503 });
      if (kind === 2)
        faults.push({
          service: 'glance',
          pathIncludes: '/api/crr/sessions',
          bodyIncludes: `"pageId":${7 * (1 + random.int(2))}`,
          remaining: 1,
          status: 0,
        });
      if (kind === 3)
        faults.push({
          service: 'salesforce',
          pathIncludes: '/composite',
          bodyIncludes: 'FROM%20Lead',
          remaining: 1,
          status: 0,
        });
    }
    for (const fault of faults) (fault as { armedWith?: number }).armedWith = fault.remaining;
    faultsArmed += faults.length;
    const org = h.sandbox.state.salesforce;
    if (hour === 2) org.apiUsage = org.apiLimit; // a daily-limit window for an hour
    if (hour === 3) org.apiUsage = 0;
    const before = await syncStateItem.read(h.ports);
    await h.advance(HOUR);
    // A worker stopped before the sync's last state write: the state is as it was.
    if (random.next() < 0.4) await syncStateItem.write(h.ports, before);
  }
  countHits();
  faults.length = 0;
  // Drain: the schedule goes on without faults until nothing waits.
  for (let i = 0; i < 12 && ((await readJobs(h.ports)).length > 0 || i < 2); i++) {
    await h.advance(HOUR);
    await runOutbox(h.ports);
  }
  const events = h.records('Event').map((e) => String(e.fields.Subject));
  const counts = ids.map((id) => events.filter((s) => s === `Glance session (glance-${id})`).length);
  const leadEmails = h
    .records('Lead')
    .map((l) => String(l.fields.Email ?? '').toLowerCase())
    .filter((e) => e.endsWith('@newco.example'));
  return {
    sessions: ids.length,
    missing: counts.filter((c) => c === 0).length,
    duplicated: counts.reduce((sum, c) => sum + Math.max(0, c - 1), 0),
    leadsDuplicated: leadEmails.length - new Set(leadEmails).size,
    queueLeft: (await readJobs(h.ports)).length,
    rounds,
    faultsArmed,
    faultsHit,
  };
}

export async function syncMetrics(seed: number): Promise<Metric[]> {
  const perSession = await syncCallsPerSession();
  const chaos = await syncChaos(seed);
  const detail = `seed ${seed}, ${chaos.sessions} sessions, ${chaos.rounds} hourly runs, faults hit ${chaos.faultsHit}/${chaos.faultsArmed} (Node harness)`;
  return [
    {
      metric: 'sf_calls_sync_per_session',
      value: Math.round(perSession * 100) / 100,
      unit: 'requests',
      target: '≤ 1',
      detail: 'no Lead to make; one look-up and one write composite per batch of 12 (Node harness)',
    },
    { metric: 'chaos_sync_sessions_missing', value: chaos.missing, unit: 'sessions', target: '0', detail },
    { metric: 'chaos_sync_events_duplicated', value: chaos.duplicated, unit: 'events', target: '0', detail },
    { metric: 'chaos_sync_leads_duplicated', value: chaos.leadsDuplicated, unit: 'leads', target: '0', detail },
    { metric: 'chaos_sync_queue_left', value: chaos.queueLeft, unit: 'jobs', target: '0', detail },
  ];
}
