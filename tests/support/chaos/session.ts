// One session of the chaos run, as a rep runs it (record page, the toolbar's Start, a guest now and
// then, End), with this session's faults armed and the plan's org-wide trouble around it.
import type { Random } from '../seeded-random.js';
import type { Faults } from './faults.js';
import {
  apiHostOf,
  type ChaosOptions,
  type FaultKind,
  GUESTS,
  type OrgName,
  type Row,
  type SessionRun,
  SOBJECTS,
  sleep,
} from './model.js';
import type { ChaosPlan } from './plan.js';
import type { ChaosRig } from './rig.js';

export interface SessionDeps {
  rig: ChaosRig;
  plan: ChaosPlan;
  faults: Faults;
  random: Random;
  options: ChaosOptions;
  records: Record<OrgName, Record<string, Row[]>>;
  /** Hanging writes still to arm (each costs the extension's 30 s timeout). */
  hangsLeft: number;
}

const START_FAULTS: [FaultKind, number][] = [
  ['composite-503', 3],
  ['composite-cut', 1],
  ['composite-cut-after-apply', 3],
  ['composite-cut-mid-answer', 3],
  ['lock', 2],
];
const GUEST_FAULTS: [FaultKind, number][] = [
  ['lead-503', 2],
  ['lead-cut-after-apply', 3],
  ['lead-cut-mid-answer', 2],
  ['lock', 2],
];
const END_FAULTS: [FaultKind, number][] = [
  ['patch-503', 2],
  ['patch-cut', 1],
  ['patch-cut-after-apply', 3],
  ['lock', 2],
];

export async function runSession(deps: SessionDeps, index: number): Promise<SessionRun> {
  const { rig, plan, faults, random, options, records } = deps;
  const { control, sandbox } = rig;
  const n = options.sessions;
  const toolbar = () => rig.page.locator('[data-glance-sfx="toolbar"]');
  const panel = () => rig.page.locator('[data-glance-sfx="session-panel"]');

  const org: OrgName = index % 2 === 0 ? 'acme' : 'globex';
  const sobject = SOBJECTS[Math.floor(index / 2) % SOBJECTS.length] as string;
  const candidates = records[org][sobject] ?? [];
  const record = candidates[Math.floor(random.next() * candidates.length)];
  if (!record) throw new Error(`no ${sobject} in ${org}`);
  const classic = random.next() < 0.2;
  const url = classic
    ? `https://${org}.my.salesforce.com/${record.Id.slice(0, 15)}`
    : `https://${org}.lightning.force.com/lightning/r/${sobject}/${record.Id}/view`;
  const run: SessionRun = { index, org, sobject, recordId: record.Id, url, sessionId: '', guests: [], notes: [] };

  await rig.page.goto(url);
  await toolbar().getByRole('status').filter({ hasText: 'Riley Rep' }).waitFor({ timeout: 15_000 });

  // Org-wide trouble begins after the page asked who the rep is, so only the queue meets it. The
  // daily-limit window opens while this session's start is in doubt: Salesforce answers slowly, the
  // worker stops while the start is on its way (the org applies it, the extension never hears), and
  // the allowance is spent before the worker comes back to look.
  const limitHere = plan.limitAt.has(index);
  if (limitHere) {
    // This start is to be the org's only write in the window: let older ones land first (bounded).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await rig.readStored()).jobs.some((j) => j.apiHost === apiHostOf(org)))
      await sleep(250);
  }
  const heldSince = limitHere ? await rig.lastSeq() : undefined;
  if (heldSince !== undefined) {
    await control.latency('salesforce', 1_500);
    run.notes.push('start held 1.5 s');
  }
  let refusedSince: number | undefined;
  if (index === plan.refuseAt) {
    refusedSince = await rig.lastSeq();
    sandbox.state().org(org).setup.highAssuranceForApi = true;
    faults.opened('session-not-for-api', org);
    run.notes.push('the REST API takes only High Assurance sessions');
  }
  let expiredSince: number | undefined;
  if (index === plan.expireAt) {
    expiredSince = await rig.lastSeq();
    await control.expireSalesforceSessions(org);
    faults.opened('session-expired', org);
    run.notes.push('Salesforce sessions expired');
  }

  if (heldSince !== undefined) {
    // no other fault: the window is the fault
  } else if (deps.hangsLeft > 0 && index < n - 3 && random.next() < 0.25) {
    deps.hangsLeft -= 1;
    await faults.arm('composite-hang', org, run);
  } else await faults.maybeArm(START_FAULTS, org, run);

  await toolbar().getByRole('button', { name: 'Start Glance session' }).click();
  await panel()
    .getByLabel('Session key')
    .filter({ hasText: /^\d{4}$/ })
    .waitFor({ timeout: 15_000 });
  run.sessionId = (await panel().getAttribute('data-session-id')) ?? '';
  rig.say(`#${index} ${org} ${sobject}${classic ? ' (Classic)' : ''} ${run.sessionId} ${run.notes.join(', ')}`);
  if (plan.stopAt.get(index) === 'after-start') await rig.stopWorker('after start', run);

  let limitUsed: number | undefined;
  if (heldSince !== undefined) {
    await sleep(300);
    await rig.stopWorker('while the start was on its way', run);
    // The held start spends the last call of the allowance; whatever comes after it is refused.
    const { used, max } = await control.setApiLimit({ org });
    limitUsed = used;
    await control.setApiLimit({ used: max - 1, org });
    const applied = await rig.waitForAnswer(org, 200, heldSince, 5_000, 'POST /composite');
    await control.latency('salesforce', options.salesforceLatencyMs ?? 0);
    faults.opened('daily-limit', org);
    run.notes.push(`daily-limit window opened (${applied ? 'the start landed unheard' : 'the start had not landed'})`);
    // Keep the window open until the worker is back and its look-up of this start was refused (the
    // panel wakes it within 5 s), unless an older job of the org met the limit first.
    await rig.waitForAnswer(org, 403, heldSince, 10_000, 'POST /composite', run.sessionId);
    faults.windowHit('daily-limit', await rig.waitForAnswer(org, 403, heldSince, 40_000));
    rig.say(`  ${run.notes.at(-1)}`);
  }
  if (expiredSince !== undefined) {
    faults.windowHit('session-expired', await rig.waitForAnswer(org, 401, expiredSince, 40_000));
  }
  if (refusedSince !== undefined) {
    faults.windowHit('session-not-for-api', await rig.waitForAnswer(org, 401, refusedSince, 40_000));
  }

  if (index === plan.restartAt) {
    // The browser closes mid-session and comes back with the same profile; the rep logs in again.
    await rig.restart();
    run.notes.push('browser restarted');
    rig.say('  browser restarted');
    await rig.logIn('acme');
    await rig.logIn('globex');
    await rig.page.goto(url);
    await panel()
      .and(rig.page.locator(`[data-session-id="${run.sessionId}"]`))
      .waitFor({ timeout: 15_000 });
  }

  const guestCount = random.next() < 0.5 ? (random.next() < 0.3 ? 2 : 1) : 0;
  for (let g = 0; g < guestCount; g++) {
    const guest = GUESTS[Math.floor(random.next() * GUESTS.length)] as (typeof GUESTS)[number];
    if (run.guests.some((known) => known.email === guest.email)) continue;
    await faults.maybeArm(GUEST_FAULTS, org, run);
    // Glance documents no feed of a screen share's guests: the rep adds each one in the panel.
    await rig.page.bringToFront();
    await panel().getByLabel('Name', { exact: true }).fill(guest.name);
    await panel().getByLabel('E-mail', { exact: true }).fill(guest.email);
    await panel().getByRole('button', { name: 'Add guest' }).click();
    await panel().getByRole('list', { name: 'Guests' }).getByText(guest.email).waitFor({ timeout: 15_000 });
    run.guests.push(guest);
  }
  if (plan.stopAt.get(index) === 'after-guest') await rig.stopWorker('after a guest joined', run);

  await faults.maybeArm(END_FAULTS, org, run);
  await panel().getByRole('button', { name: 'End session' }).click();
  await panel().waitFor({ state: 'detached', timeout: 15_000 });
  await toolbar().getByRole('button', { name: 'Start Glance session' }).waitFor({ timeout: 15_000 });
  if (plan.stopAt.get(index) === 'after-end') await rig.stopWorker('after end', run);

  if (limitUsed !== undefined) {
    // The allowance frees again; the extension keeps the org paused until Retry (or 30 min).
    await control.setApiLimit({ used: limitUsed, org });
    run.notes.push('daily-limit window closed');
  }
  if (expiredSince !== undefined) {
    await rig.logIn(org); // a new sid: the extension sends what waited for this org
    run.notes.push('logged in again');
  }
  if (refusedSince !== undefined) {
    // The rep logs in again with a second factor: the new sid sends what waited, with no Retry.
    await rig.logIn(org, true);
    sandbox.state().org(org).setup.highAssuranceForApi = false;
    run.notes.push('logged in again with a second factor');
  }
  if (plan.retryAt.has(index) && (await rig.pressRetry('after the daily-limit window'))) run.notes.push('popup Retry');
  return run;
}
