// The chaos run (issue 8, item 9), shared by tests/e2e/chaos.spec.ts (small) and the bench (≥ 50
// sessions): a rep runs Glance sessions from records of two orgs, as a rep does (record page, the
// toolbar's Start, a guest now and then, End), while the sandbox fails about 30 % of the Salesforce
// writes (5xx, cuts before and after the write applied, row locks, hangs, a daily-limit window, an
// expired login, a session the REST API will not take), the service worker is stopped several times
// and the browser restarted once. The orgs route REST-created Leads to a queue by an assignment rule,
// share Leads privately, and hold a queue's Lead that the duplicate rule matches but the rep cannot
// see; two free-mail guests share a name: each guest must be logged as their own Lead, the rep's.
// Afterwards every session must have exactly one Event with its end and its relation, no Chatter
// post or Lead twice, and an empty queue. Faults are armed per session with counts that run out;
// the sandbox is never reset (that would wipe the orgs). The seed makes the choices reproducible.
// The run's parts, in order: model.ts (options, report, guests), plan.ts (when the org-wide trouble
// happens), rig.ts (the browser and the rep's hands), faults.ts (per-write faults and their tally),
// session.ts (one session), drain.ts (the end), audit.ts (what Salesforce holds).

import { DEFAULT_SETTINGS } from '../../../src/shared/settings.js';
import { secretLeaks } from '../../e2e/secrets.js';
import type { Sandbox } from '../../sandbox/server.js';
import { prng } from '../seeded-random.js';
import { auditRun } from './audit.js';
import { drainQueue } from './drain.js';
import { Faults } from './faults.js';
import {
  type ChaosOptions,
  type ChaosReport,
  GLANCE_ADDRESS,
  HIDDEN_LEAD,
  ORGS,
  type Row,
  type SessionRun,
  SOBJECTS,
} from './model.js';
import { planTrouble } from './plan.js';
import { ChaosRig } from './rig.js';
import { runSession, type SessionDeps } from './session.js';

export type { ChaosOptions, ChaosReport, FaultKind, SessionRun } from './model.js';

export const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

/** The rep connects Glance in the popup and turns on Chatter and Leads for guests with an email. */
async function setUpRep(rig: ChaosRig): Promise<void> {
  const popup = await rig.context.newPage();
  await popup.goto(rig.extensionUrl('popup'));
  await popup.getByLabel('Glance address').fill(GLANCE_ADDRESS);
  await popup.getByLabel('Glance password').fill('correct-horse');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await popup.getByTestId('glance-connected').waitFor();
  await popup.close();
  await rig.extensionPage.evaluate((settings) => chrome.storage.sync.set({ settings }), {
    ...DEFAULT_SETTINGS,
    chatterOnStart: true,
    leadCreation: 'email',
  } as Record<string, unknown>);
  await rig.logIn('acme');
  await rig.logIn('globex');
  for (const org of ORGS) {
    const emulated = rig.sandbox.state().org(org);
    emulated.insert('Lead', { ...HIDDEN_LEAD, IsConverted: false, OwnerId: emulated.setup.leadAssignmentQueue });
  }
}

export async function runChaos(sandbox: Sandbox, options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = prng(options.seed);
  const rig = new ChaosRig(sandbox, options.log ?? (() => undefined));
  const { control } = rig;
  const faults = new Faults(sandbox, control, random, options.faultShare ?? 0.3, options.without);
  const plan = planTrouble(options.sessions, options.workerStops, options.limitWindows);
  const records: Record<'acme' | 'globex', Record<string, Row[]>> = { acme: {}, globex: {} };
  for (const org of ORGS) for (const type of SOBJECTS) records[org][type] = await control.records<Row>(type, org);

  await rig.launch();
  try {
    await setUpRep(rig);
    if (options.salesforceLatencyMs) await control.latency('salesforce', options.salesforceLatencyMs);
    const deps: SessionDeps = { rig, plan, faults, random, options, records, hangsLeft: options.hangs ?? 0 };
    const runs: SessionRun[] = [];
    for (let index = 0; index < options.sessions; index++) runs.push(await runSession(deps, index));

    const drainMs = await drainQueue(rig, options.drainTimeoutMs ?? 120_000);
    const audit = await auditRun(rig, runs);
    // Through all of it, the Glance password and credential stayed where they belong.
    const seen = (await Promise.all(rig.consoles.map((c) => c.messages()))).flat();
    const log = await control.log();
    for (const leak of await secretLeaks({
      context: rig.context,
      extensionId: rig.extensionId,
      sandbox,
      log,
      console: seen,
    }))
      audit.problems.push(`Glance secret where it must not be: ${leak}`);

    return {
      seed: options.seed,
      sessions: runs.length,
      ...audit,
      faults: faults.tally(),
      workerStops: rig.workerStops,
      browserRestarts: rig.browserRestarts,
      retryPresses: rig.retryPresses,
      drainMs,
      wallMs: Date.now() - started,
    };
  } finally {
    await control.latency('salesforce', 0).catch(() => undefined);
    await rig.close();
  }
}

/** The report as one line per figure, for logs. */
export function describeChaos(report: ChaosReport): string {
  const faults = Object.entries(report.faults)
    .map(([kind, { armed, hit }]) => `${kind} ${hit}/${armed}`)
    .join(', ');
  return [
    `chaos seed ${report.seed}: ${report.sessions} sessions in ${Math.round(report.wallMs / 1000)} s (queue drained in ${Math.round(report.drainMs / 1000)} s)`,
    `  Events missing ${report.eventsMissing}, duplicated ${report.eventsDuplicated}, incomplete ${report.eventsIncomplete}`,
    `  Chatter missing ${report.chatterMissing}, duplicated ${report.chatterDuplicated}; Leads duplicated ${report.leadsDuplicated}, missing ${report.leadsMissing}; guests logged as someone else ${report.guestsMisattributed}; queue left ${report.queueLeft}`,
    `  faults hit/armed: ${faults}`,
    `  cut connections Chromium resent by itself: ${
      Object.entries(report.browserResent)
        .map(([what, count]) => `${what} ${count}`)
        .join(', ') || 'none'
    }`,
    `  look-ups of a start in doubt: ${report.doubtLookups}`,
    `  worker stops ${report.workerStops}, browser restarts ${report.browserRestarts}, popup Retry presses ${report.retryPresses}`,
    ...report.problems.map((p) => `  PROBLEM ${p}`),
  ].join('\n');
}
