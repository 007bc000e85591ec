// The chaos run at npm-test size (the bench runs it with ≥ 50 sessions): sessions across two orgs
// while the sandbox fails about 30 % of the Salesforce writes, the service worker is stopped and the
// browser restarted; afterwards one complete Event per session, no Chatter post or Lead twice, and
// an empty queue. CHAOS_SEED replays a run; CHAOS_SESSIONS changes its size; CHAOS_VERBOSE=1 prints each
// session. Alone: npx playwright test --project chaos --no-deps
import { expect, test } from '@playwright/test';
import { startSandbox } from '../sandbox/server.js';
import { describeChaos, randomSeed, runChaos } from '../support/chaos/index.js';

// biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
test('chaos: sessions across two orgs while Salesforce writes fail, the worker stops and the browser restarts', async ({}, testInfo) => {
  test.setTimeout(150_000);
  const seed = Number(process.env.CHAOS_SEED ?? randomSeed());
  const sessions = Number(process.env.CHAOS_SESSIONS ?? 12);
  testInfo.annotations.push({ type: 'seed', description: `CHAOS_SEED=${seed}` });
  console.log(`chaos seed ${seed} (replay with CHAOS_SEED=${seed})`);
  const sandbox = await startSandbox({ quiet: true });
  try {
    const report = await runChaos(sandbox, {
      sessions,
      seed,
      workerStops: 3,
      limitWindows: 1,
      hangs: 0,
      drainTimeoutMs: 45_000,
      log: process.env.CHAOS_VERBOSE ? (line) => console.log(line) : undefined,
    });
    console.log(describeChaos(report));
    expect(report.sessions).toBe(sessions);
    expect(report.workerStops).toBeGreaterThanOrEqual(2);
    expect(report.browserRestarts).toBe(1);
    expect(report.problems).toEqual([]);
    expect({
      missing: report.eventsMissing,
      duplicated: report.eventsDuplicated,
      incomplete: report.eventsIncomplete,
      chatterDuplicated: report.chatterDuplicated,
      leadsDuplicated: report.leadsDuplicated,
      guestsMisattributed: report.guestsMisattributed,
      queueLeft: report.queueLeft,
    }).toEqual({
      missing: 0,
      duplicated: 0,
      incomplete: 0,
      chatterDuplicated: 0,
      leadsDuplicated: 0,
      guestsMisattributed: 0,
      queueLeft: 0,
    });
  } finally {
    await sandbox.close();
  }
});
