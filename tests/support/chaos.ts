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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { secretLeaks, watchConsole } from '../e2e/secrets.js';
import type { Sandbox } from '../sandbox/server.js';
import { type LaunchedBrowser, launchWithExtension } from './chromium.js';
import { SandboxControl } from './control.js';

/** The chaos run's two orgs (both in the production host family). */
type OrgName = 'acme' | 'globex';

export interface ChaosOptions {
  /** How many Glance sessions to run (alternating acme and globex). */
  sessions: number;
  seed: number;
  /** Share of Salesforce writes given a fault (default 0.3). */
  faultShare?: number;
  /** Writes that get no answer at all; each costs the extension's 30 s timeout (default 0). */
  hangs?: number;
  /** Times the service worker is stopped mid-run (default 3). */
  workerStops?: number;
  /** Daily-limit windows, each on one org (default 1). */
  limitWindows?: number;
  /** How long the end waits for the queue to empty (default 120 s). */
  drainTimeoutMs?: number;
  /** Added to every Salesforce answer, so that stopping the worker catches writes in flight (default 0). */
  salesforceLatencyMs?: number;
  /** Fault kinds left out of the per-write choices, to tell causes apart (default: none). */
  without?: FaultKind[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export type FaultKind =
  | 'composite-503'
  | 'composite-cut'
  | 'composite-cut-after-apply'
  | 'composite-cut-mid-answer'
  | 'composite-hang'
  | 'patch-503'
  | 'patch-cut'
  | 'patch-cut-after-apply'
  | 'lead-503'
  | 'lead-cut-after-apply'
  | 'lead-cut-mid-answer'
  | 'lock'
  | 'daily-limit'
  | 'session-expired'
  | 'session-not-for-api';

export interface SessionRun {
  index: number;
  org: OrgName;
  sobject: string;
  recordId: string;
  url: string;
  sessionId: string;
  guests: { name: string; email: string }[];
  /** What happened around this session: faults armed, worker stopped, browser restarted, … */
  notes: string[];
}

export interface ChaosReport {
  seed: number;
  sessions: number;
  eventsMissing: number;
  /** Events beyond the first of a session. */
  eventsDuplicated: number;
  /** Sessions whose one Event lacks its end or its relation to the record. */
  eventsIncomplete: number;
  chatterMissing: number;
  /** Chatter posts beyond the first of a session. */
  chatterDuplicated: number;
  /** Leads beyond the first of an email, per org. */
  leadsDuplicated: number;
  /** New guest emails of an org that got no Lead. */
  leadsMissing: number;
  /** Guests logged as a record that is not theirs (another email), or whose Lead is not the rep's. */
  guestsMisattributed: number;
  /** Jobs still in the outbox at the end (attention jobs included). */
  queueLeft: number;
  /** Per fault kind: how many were armed and how many requests they caught. */
  faults: Record<string, { armed: number; hit: number }>;
  workerStops: number;
  browserRestarts: number;
  /**
   * Connections the sandbox cut (before or after applying) that Chromium sent again by itself at
   * once, by request and cut; the extension never saw those cuts.
   */
  browserResent: Record<string, number>;
  /** Start writes the extension looked up before sending again, because an earlier send was in doubt. */
  doubtLookups: number;
  /** Times the end pressed Retry in the popup (jobs waiting on a pause or a long back-off). */
  retryPresses: number;
  drainMs: number;
  wallMs: number;
  /** One paragraph per session that went wrong, with its faults, Events and queue entries. */
  problems: string[];
}

const GLANCE_ADDRESS = 'acme.glance.net';
/** In the body of the composite call that creates a guest's Lead. */
const LEAD_CREATE = '/sobjects/Lead"';
const SOBJECTS = ['Lead', 'Contact', 'Opportunity', 'Case'] as const;
/** Guests reuse these addresses across sessions and orgs, so a second Lead for one would show. */
const GUESTS = [
  { name: 'Quinn Chaos', email: 'quinn@chaos-labs.example' },
  { name: 'Rosa Turbulence', email: 'rosa@turbulence.example' },
  { name: 'Sol Entropy', email: 'sol@entropy.example' },
  { name: 'Tariq Noise', email: 'tariq@noisefloor.example' },
  { name: 'Uma Jitter', email: 'uma@jitter.example' },
  { name: 'Ada Lovelace', email: 'ada@engines.example' }, // a Lead in both orgs already
  { name: 'Hank Scorpio', email: 'hank@globex.example' }, // a Contact in both orgs already
  // Free-mail guests get the placeholder company: the same name matches under the duplicate rule,
  // each other and HIDDEN_LEAD, which the rep cannot see.
  { name: 'Sam Guest', email: 'sam.guest@gmail.com' },
  { name: 'Sam Guest', email: 'samg@yahoo.com' },
];
/** A queue's Lead in each org, unseen by the rep under Private Lead sharing, that the rule still compares. */
const HIDDEN_LEAD = {
  FirstName: 'Sam',
  LastName: 'Guest',
  Company: 'Unknown (Glance guest)',
  Email: 'sam@hotmail.com',
};
const KNOWN_CONTACTS = new Set(['hank@globex.example']);

type Row = Record<string, unknown> & { Id: string };
interface StoredQueue {
  jobs: (Record<string, unknown> & {
    sessionId: string;
    apiHost: string;
    kind: string;
    attention?: boolean;
    notBefore: number;
  })[];
  logs: Record<string, unknown>;
  orgs: Record<string, { paused?: { problem: string; until: number } }>;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

/** "POST /composite" for a call to /services/data/vNN.N/composite. */
const describeCall = (c: { method: string; path: string }) =>
  `${c.method} ${c.path.replace(/^\/services\/data\/v[\d.]+/, '')}`;
/** The same with record ids left out: "PATCH /sobjects/Event/{id}". */
const callKind = (c: { method: string; path: string }) =>
  describeCall(c).replace(/(\/sobjects\/\w+\/)[a-zA-Z0-9]{15,18}$/, '$1{id}');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const apiHostOf = (org: OrgName) => `${org}.my.salesforce.com`;
const subjectOf = (sessionId: string) => `Glance session (${sessionId})`;

/** One weighted choice. */
function pick<T>(random: () => number, choices: [T, number][]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return (choices.at(-1) as [T, number])[0];
}

/** Spreads `count` distinct session indexes over the run, away from its first and last session. */
function spread(count: number, sessions: number, offset: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < count; i++) {
    out.add(Math.min(sessions - 2, Math.max(1, Math.round(((i + offset) / (count + 0.5)) * sessions))));
  }
  return [...out];
}

export async function runChaos(sandbox: Sandbox, options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const faultShare = options.faultShare ?? 0.3;
  const say = options.log ?? (() => undefined);
  const control = new SandboxControl(sandbox.controlUrl);
  const profile = mkdtempSync(join(tmpdir(), 'glance-sfx-chaos-'));
  const runs: SessionRun[] = [];
  const armed: { kind: FaultKind; org: OrgName; rule?: { remaining: number }; count: number }[] = [];
  const locksArmed: Record<OrgName, number> = { acme: 0, globex: 0 };
  const windowHits: Record<'daily-limit' | 'session-expired' | 'session-not-for-api', number> = {
    'daily-limit': 0,
    'session-expired': 0,
    'session-not-for-api': 0,
  };
  let workerStops = 0;
  let browserRestarts = 0;
  let retryPresses = 0;
  let hangsLeft = options.hangs ?? 0;

  const n = options.sessions;
  const stopAt = new Map(
    spread(options.workerStops ?? 3, n, 0.6).map((index, i) => [
      index,
      (['after-start', 'after-end', 'after-guest'] as const)[i % 3],
    ]),
  );
  const limitAt = new Set(spread(options.limitWindows ?? 1, n, 0.4));
  // The popup's Retry after the org's next session has queued behind the pause.
  const retryAt = new Set([...limitAt].map((i) => Math.min(n - 1, i + 2)));
  // The expired login on an org that is not paused just then (a paused org sends nothing to refuse).
  let expireAt = Math.floor(n * 0.45);
  while ([...limitAt].some((i) => expireAt >= i && expireAt <= i + 2 && (expireAt - i) % 2 === 0)) expireAt += 1;
  let restartAt = Math.floor(n * 0.65);
  while (limitAt.has(restartAt) || restartAt === expireAt) restartAt += 1;
  // A session the REST API will not take (a High Assurance requirement), on an org not paused then.
  let refuseAt = Math.floor(n * 0.25);
  while ([...limitAt].some((i) => refuseAt >= i && refuseAt <= i + 2) || [expireAt, restartAt].includes(refuseAt))
    refuseAt += 1;

  const records: Record<OrgName, Record<string, Row[]>> = { acme: {}, globex: {} };
  for (const org of ['acme', 'globex'] as const)
    for (const type of SOBJECTS) records[org][type] = await control.records<Row>(type, org);

  const lastSeq = async () => (await control.log()).at(-1)?.seq ?? 0;
  /** Each browser's console, for the secrets check at the end (tests/e2e/secrets.ts). */
  const consoles: ReturnType<typeof watchConsole>[] = [];
  const launch = async () => {
    const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, userDataDir: profile });
    consoles.push(watchConsole(launched.context));
    // tsx keeps function names with an __name() helper that pages do not have (see the bench).
    await launched.context.addInitScript('globalThis.__name = (fn) => fn;');
    return launched;
  };

  let browser: LaunchedBrowser = await launch();
  let context: BrowserContext = browser.context;
  const extensionId = browser.extensionId;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/src/pages/${path}/index.html`;
  let page!: Page;
  /** An extension page: reads the extension's storage and hosts the CDP session that stops the worker. */
  let extensionPage!: Page;

  const logIn = async (org: OrgName, highAssurance = false) => {
    const { sid, lightningSid } = await control.salesforceLogin(org, { highAssurance });
    const cookie = { name: 'sid', secure: true, httpOnly: true, sameSite: 'None' as const };
    await context.addCookies([
      { ...cookie, value: sid, url: `https://${org}.my.salesforce.com/` },
      { ...cookie, value: lightningSid, url: `https://${org}.lightning.force.com/` },
    ]);
  };
  const openPages = async () => {
    extensionPage = await context.newPage();
    await extensionPage.goto(extensionUrl('options'));
    page = await context.newPage();
  };
  const readStored = async (): Promise<StoredQueue> =>
    extensionPage.evaluate(async () => {
      const got = await chrome.storage.local.get(['outbox', 'sessionLogs', 'orgStates']);
      return {
        jobs: (got.outbox as { value?: unknown } | undefined)?.value ?? [],
        logs: (got.sessionLogs as { value?: unknown } | undefined)?.value ?? {},
        orgs: (got.orgStates as { value?: unknown } | undefined)?.value ?? {},
      } as StoredQueue;
    });
  const stopWorker = async (moment: string, run: SessionRun) => {
    const cdp = await context.newCDPSession(extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    workerStops += 1;
    run.notes.push(`worker stopped ${moment}`);
    say(`  worker stopped ${moment}`);
  };
  /** What a rep does when the popup shows writes waiting: press Retry on the first that does not need them. */
  const pressRetry = async (why: string) => {
    const popup = await context.newPage();
    try {
      await popup.goto(extensionUrl('popup'));
      const queue = popup.getByTestId('salesforce-queue');
      await queue.waitFor();
      const all = queue.getByRole('button', { name: 'Retry all now' });
      const button = (await all.count())
        ? all.first()
        : queue.locator('li:not([data-state="needs-attention"])').getByRole('button', { name: /^Retry sending/ });
      if ((await button.count()) === 0) return false;
      await button.first().click();
      retryPresses += 1;
      say(`  popup Retry (${why})`);
      // The button stays disabled until the background answered (after this pass of the queue).
      await popup.waitForFunction(
        () => !document.querySelector('[data-testid="salesforce-queue"] button:disabled'),
        undefined,
        { timeout: 60_000 },
      );
      return true;
    } finally {
      await popup.close();
    }
  };
  /** Waits (bounded) until the sandbox answered `status` to one of this org's API calls since `since`. */
  const waitForAnswer = async (
    org: OrgName,
    status: number,
    since: number,
    timeoutMs: number,
    request = '',
    bodyIncludes = '',
  ) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hits = (await control.apiCalls(since)).filter(
        (c) =>
          c.host === apiHostOf(org) &&
          c.status === status &&
          describeCall(c).includes(request) &&
          c.body.includes(bodyIncludes),
      );
      if (hits.length > 0) return hits.length;
      await sleep(200);
    }
    return 0;
  };

  const arm = async (kind: FaultKind, org: OrgName, run: SessionRun) => {
    const rule = (pathIncludes: string, method: string, extra: Record<string, unknown>) => ({
      service: 'salesforce' as const,
      pathIncludes,
      method,
      count: 1,
      org,
      ...extra,
    });
    const sfUnavailable = JSON.stringify([{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server unavailable (chaos)' }]);
    const status503 = () =>
      random() < 0.5 ? { status: 503 } : { status: 503, body: sfUnavailable, contentType: 'application/json' };
    switch (kind) {
      case 'composite-503':
        await control.fail(rule('/composite', 'POST', status503()));
        break;
      case 'composite-cut':
        await control.fail(rule('/composite', 'POST', { status: 0 }));
        break;
      // Applied, and the answer had begun when the connection broke: Chromium cannot resend it, so
      // the extension itself sees no answer and must look before writing again.
      case 'composite-cut-mid-answer':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true, midAnswer: true }));
        break;
      case 'lead-cut-mid-answer':
        await control.fail(
          rule('/composite', 'POST', { status: 0, afterApply: true, midAnswer: true, bodyIncludes: LEAD_CREATE }),
        );
        break;
      case 'composite-cut-after-apply':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true }));
        break;
      case 'composite-hang':
        await control.hang(rule('/composite', 'POST', {}));
        break;
      case 'patch-503':
        await control.fail(rule('/sobjects/Event/', 'PATCH', status503()));
        break;
      case 'patch-cut':
        await control.fail(rule('/sobjects/Event/', 'PATCH', { status: 0 }));
        break;
      case 'patch-cut-after-apply':
        await control.fail(rule('/sobjects/Event/', 'PATCH', { status: 0, afterApply: true }));
        break;
      // A guest's Lead is created in a composite call (with its twin check): the one whose body creates it.
      case 'lead-503':
        await control.fail(rule('/composite', 'POST', { ...status503(), bodyIncludes: LEAD_CREATE }));
        break;
      case 'lead-cut-after-apply':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true, bodyIncludes: LEAD_CREATE }));
        break;
      case 'lock': {
        // lockRows sets the org's count: add one to what is still armed.
        const left = sandbox.state().org(org).trouble.lockedWrites;
        await control.lockRows(left + 1, org);
        locksArmed[org] += 1;
        break;
      }
      default:
        throw new Error(`not armed per write: ${kind}`);
    }
    const state = sandbox.state();
    const last = kind === 'composite-hang' ? state.hangs.at(-1) : kind === 'lock' ? undefined : state.faults.at(-1);
    armed.push({ kind, org, rule: last, count: 1 });
    run.notes.push(`armed ${kind}`);
  };
  const maybeArm = async (choices: [FaultKind, number][], org: OrgName, run: SessionRun) => {
    // The same draws whatever is left out, so the rest of the run stays the same for a seed.
    const roll = random();
    const choice = pick(random, choices);
    if (roll < faultShare && !options.without?.includes(choice)) await arm(choice, org, run);
  };

  try {
    await openPages();
    // The rep connects Glance in the popup and turns on Chatter and Leads for guests with an email.
    const popup = await context.newPage();
    await popup.goto(extensionUrl('popup'));
    await popup.getByLabel('Glance address').fill(GLANCE_ADDRESS);
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await popup.getByTestId('glance-connected').waitFor();
    await popup.close();
    await extensionPage.evaluate((settings) => chrome.storage.sync.set({ settings }), {
      ...DEFAULT_SETTINGS,
      chatterOnStart: true,
      leadCreation: 'email',
    } as Record<string, unknown>);
    await logIn('acme');
    await logIn('globex');
    for (const org of ['acme', 'globex'] as const) {
      const emulated = sandbox.state().org(org);
      emulated.insert('Lead', { ...HIDDEN_LEAD, IsConverted: false, OwnerId: emulated.setup.leadAssignmentQueue });
    }
    if (options.salesforceLatencyMs) await control.latency('salesforce', options.salesforceLatencyMs);

    const toolbar = () => page.locator('[data-glance-sfx="toolbar"]');
    const panel = () => page.locator('[data-glance-sfx="session-panel"]');
    let limitWindow: { org: OrgName; since: number; used: number } | undefined;

    for (let index = 0; index < n; index++) {
      const org: OrgName = index % 2 === 0 ? 'acme' : 'globex';
      const sobject = SOBJECTS[Math.floor(index / 2) % SOBJECTS.length] as string;
      const candidates = records[org][sobject] ?? [];
      const record = candidates[Math.floor(random() * candidates.length)];
      if (!record) throw new Error(`no ${sobject} in ${org}`);
      const classic = random() < 0.2;
      const url = classic
        ? `https://${org}.my.salesforce.com/${record.Id.slice(0, 15)}`
        : `https://${org}.lightning.force.com/lightning/r/${sobject}/${record.Id}/view`;
      const run: SessionRun = { index, org, sobject, recordId: record.Id, url, sessionId: '', guests: [], notes: [] };
      runs.push(run);

      await page.goto(url);
      await toolbar().getByRole('status').filter({ hasText: 'Riley Rep' }).waitFor({ timeout: 15_000 });

      // Org-wide trouble begins after the page asked who the rep is, so only the queue meets it. The
      // daily-limit window opens while this session's start is in doubt: Salesforce answers slowly,
      // the worker stops while the start is on its way (the org applies it, the extension never
      // hears), and the allowance is spent before the worker comes back to look.
      if (limitAt.has(index)) {
        // This start is to be the org's only write in the window: let older ones land first (bounded).
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline && (await readStored()).jobs.some((j) => j.apiHost === apiHostOf(org)))
          await sleep(250);
      }
      const heldSince = limitAt.has(index) ? await lastSeq() : undefined;
      if (heldSince !== undefined) {
        await control.latency('salesforce', 1_500);
        run.notes.push('start held 1.5 s');
      }
      let refusedSince: number | undefined;
      if (index === refuseAt) {
        refusedSince = await lastSeq();
        sandbox.state().org(org).setup.highAssuranceForApi = true;
        armed.push({ kind: 'session-not-for-api', org, count: 1 });
        run.notes.push('the REST API takes only High Assurance sessions');
      }
      let expiredSince: number | undefined;
      if (index === expireAt) {
        expiredSince = await lastSeq();
        await control.expireSalesforceSessions(org);
        armed.push({ kind: 'session-expired', org, count: 1 });
        run.notes.push('Salesforce sessions expired');
      }

      const startChoices: [FaultKind, number][] = [
        ['composite-503', 3],
        ['composite-cut', 1],
        ['composite-cut-after-apply', 3],
        ['composite-cut-mid-answer', 3],
        ['lock', 2],
      ];
      if (heldSince !== undefined) {
        // no other fault: the window is the fault
      } else if (hangsLeft > 0 && index < n - 3 && random() < 0.25) {
        hangsLeft -= 1;
        await arm('composite-hang', org, run);
      } else await maybeArm(startChoices, org, run);

      await toolbar().getByRole('button', { name: 'Start Glance session' }).click();
      await panel()
        .getByLabel('Session key')
        .filter({ hasText: /^\d{4}$/ })
        .waitFor({ timeout: 15_000 });
      run.sessionId = (await panel().getAttribute('data-session-id')) ?? '';
      say(`#${index} ${org} ${sobject}${classic ? ' (Classic)' : ''} ${run.sessionId} ${run.notes.join(', ')}`);
      if (stopAt.get(index) === 'after-start') await stopWorker('after start', run);

      if (heldSince !== undefined) {
        await sleep(300);
        await stopWorker('while the start was on its way', run);
        // The held start spends the last call of the allowance; whatever comes after it is refused.
        const { used, max } = await control.setApiLimit({ org });
        limitWindow = { org, since: heldSince, used };
        await control.setApiLimit({ used: max - 1, org });
        const applied = await waitForAnswer(org, 200, heldSince, 5_000, 'POST /composite');
        await control.latency('salesforce', options.salesforceLatencyMs ?? 0);
        armed.push({ kind: 'daily-limit', org, count: 1 });
        run.notes.push(
          `daily-limit window opened (${applied ? 'the start landed unheard' : 'the start had not landed'})`,
        );
        // Keep the window open until the worker is back and its look-up of this start was refused
        // (the panel wakes it within 5 s), unless an older job of the org met the limit first.
        await waitForAnswer(org, 403, heldSince, 10_000, 'POST /composite', run.sessionId);
        windowHits['daily-limit'] += await waitForAnswer(org, 403, limitWindow.since, 40_000);
        say(`  ${run.notes.at(-1)}`);
      }
      if (expiredSince !== undefined) {
        windowHits['session-expired'] += await waitForAnswer(org, 401, expiredSince, 40_000);
      }
      if (refusedSince !== undefined) {
        windowHits['session-not-for-api'] += await waitForAnswer(org, 401, refusedSince, 40_000);
      }

      if (index === restartAt) {
        // The browser closes mid-session and comes back with the same profile; the rep logs in again.
        await browser.close();
        browser = await launch();
        context = browser.context;
        browserRestarts += 1;
        run.notes.push('browser restarted');
        say('  browser restarted');
        await openPages();
        await logIn('acme');
        await logIn('globex');
        await page.goto(url);
        await panel()
          .and(page.locator(`[data-session-id="${run.sessionId}"]`))
          .waitFor({ timeout: 15_000 });
      }

      const guestCount = random() < 0.5 ? (random() < 0.3 ? 2 : 1) : 0;
      for (let g = 0; g < guestCount; g++) {
        const guest = GUESTS[Math.floor(random() * GUESTS.length)] as (typeof GUESTS)[number];
        if (run.guests.some((known) => known.email === guest.email)) continue;
        await maybeArm(
          [
            ['lead-503', 2],
            ['lead-cut-after-apply', 3],
            ['lead-cut-mid-answer', 2],
            ['lock', 2],
          ],
          org,
          run,
        );
        // Glance documents no feed of a screen share's guests: the rep adds each one in the panel.
        await page.bringToFront();
        await panel().getByLabel('Name', { exact: true }).fill(guest.name);
        await panel().getByLabel('E-mail', { exact: true }).fill(guest.email);
        await panel().getByRole('button', { name: 'Add guest' }).click();
        await panel().getByRole('list', { name: 'Guests' }).getByText(guest.email).waitFor({ timeout: 15_000 });
        run.guests.push(guest);
      }
      if (stopAt.get(index) === 'after-guest') await stopWorker('after a guest joined', run);

      await maybeArm(
        [
          ['patch-503', 2],
          ['patch-cut', 1],
          ['patch-cut-after-apply', 3],
          ['lock', 2],
        ],
        org,
        run,
      );
      await panel().getByRole('button', { name: 'End session' }).click();
      await panel().waitFor({ state: 'detached', timeout: 15_000 });
      await toolbar().getByRole('button', { name: 'Start Glance session' }).waitFor({ timeout: 15_000 });
      if (stopAt.get(index) === 'after-end') await stopWorker('after end', run);

      if (limitWindow && limitAt.has(index)) {
        // The allowance frees again; the extension keeps the org paused until Retry (or 30 min).
        await control.setApiLimit({ used: limitWindow.used, org: limitWindow.org });
        run.notes.push('daily-limit window closed');
      }
      if (expiredSince !== undefined) {
        await logIn(org); // a new sid: the extension sends what waited for this org
        run.notes.push('logged in again');
      }
      if (refusedSince !== undefined) {
        // The rep logs in again with a second factor: the new sid sends what waited, with no Retry.
        await logIn(org, true);
        sandbox.state().org(org).setup.highAssuranceForApi = false;
        run.notes.push('logged in again with a second factor');
      }
      if (retryAt.has(index) && (await pressRetry('after the daily-limit window'))) run.notes.push('popup Retry');
    }

    // The end: every org has a valid login; wait for the queue, pressing Retry when everything
    // left waits on a pause or a long back-off.
    const drainStarted = Date.now();
    await logIn('acme');
    await logIn('globex');
    const deadline = drainStarted + (options.drainTimeoutMs ?? 120_000);
    let lastRetry = 0;
    for (;;) {
      const { jobs, orgs } = await readStored();
      const waiting = jobs.filter((j) => !j.attention);
      if (waiting.length === 0 || Date.now() > deadline) break;
      const now = Date.now();
      const paused = (j: StoredQueue['jobs'][number]) => (orgs[j.apiHost]?.paused?.until ?? 0) > now;
      // A session's later write (its end) waits for its earlier one (its start): blocked, not due.
      const blocked = (j: StoredQueue['jobs'][number]) =>
        waiting.some(
          (other) => other !== j && other.sessionId === j.sessionId && waiting.indexOf(other) < waiting.indexOf(j),
        );
      const idle = waiting.every((j) => paused(j) || j.notBefore > now + 3_000 || blocked(j));
      if (idle && now - lastRetry > 3_000) {
        lastRetry = now;
        await pressRetry(`${waiting.length} writes waiting`);
      }
      await sleep(300);
    }
    const drainMs = Date.now() - drainStarted;
    say(`queue drained in ${Math.round(drainMs / 1000)} s`);

    // Count what Salesforce holds.
    const final = await readStored();
    const problems: string[] = [];
    const events: Record<OrgName, Row[]> = {
      acme: await control.records<Row>('Event', 'acme'),
      globex: await control.records<Row>('Event', 'globex'),
    };
    const posts: Record<OrgName, Row[]> = {
      acme: await control.records<Row>('FeedItem', 'acme'),
      globex: await control.records<Row>('FeedItem', 'globex'),
    };
    // Every Salesforce API call of the run: what each session's trail was, and which cut connections
    // Chromium sent again by itself (it resends a request whose reused keep-alive connection closed
    // before any answer, POST included).
    const calls = (await control.log('salesforce')).filter((e) => e.path.startsWith('/services/'));
    const browserResent: Record<string, number> = {};
    calls.forEach((e, i) => {
      if (e.dropped !== 'cut' && e.dropped !== 'cut-after-apply') return;
      const again = calls
        .slice(i + 1, i + 40)
        .find(
          (f) =>
            f.host === e.host &&
            f.method === e.method &&
            f.path === e.path &&
            f.body === e.body &&
            Date.parse(f.at) - Date.parse(e.at) < 1_000,
        );
      const what = `${callKind(e)} ${e.dropped}`;
      browserResent[what] = (browserResent[what] ?? 0) + (again ? 1 : 0);
    });
    // Each time the extension looked before writing again (an earlier start was in doubt): a composite
    // that lists the session's Events without creating one. (Creates list them too, to find twins.)
    const doubtLookups = calls.filter(
      (c) =>
        describeCall(c) === 'POST /composite' &&
        /FROM(%20|\+| )Event(%20|\+| )WHERE(%20|\+| )Subject/.test(c.body) &&
        !c.body.includes('/sobjects/Event"'),
    ).length;
    const trailOf = (sessionId: string, ids: string[]) =>
      calls
        .filter((e) => e.body.includes(sessionId) || ids.some((id) => e.path.includes(id)))
        .map((e) => `${e.seq} ${e.at.slice(11, 23)} ${describeCall(e)} ${e.status}${e.dropped ? ` ${e.dropped}` : ''}`);
    for (const run of runs.filter((r) => r.notes.some((note) => note.startsWith('daily-limit window opened'))))
      say(`daily-limit window of #${run.index}: ${trailOf(run.sessionId, []).join(' | ')}`);
    let eventsMissing = 0;
    let eventsDuplicated = 0;
    let eventsIncomplete = 0;
    let chatterMissing = 0;
    let chatterDuplicated = 0;
    for (const run of runs) {
      const subject = subjectOf(run.sessionId);
      const own = events[run.org].filter((e) => e.Subject === subject);
      const other = events[run.org === 'acme' ? 'globex' : 'acme'].filter((e) => e.Subject === subject);
      const feed = posts[run.org].filter((f) => f.Title === subject);
      const wrong: string[] = [];
      if (own.length === 0) {
        eventsMissing += 1;
        wrong.push('no Event');
      }
      if (own.length > 1) {
        eventsDuplicated += own.length - 1;
        wrong.push(`${own.length} Events`);
      }
      if (other.length > 0) wrong.push(`${other.length} Event(s) in the other org`);
      const event = own[0];
      if (event) {
        // The end landed: its line in the description, and Salesforce's end no earlier than the start.
        // Sessions here last seconds (the rep's own clock ends them now, not Glance's), and Salesforce
        // keeps an Event's length in whole minutes, so its EndDateTime equals the start then.
        const ended =
          String(event.Description ?? '').includes('Ended:') &&
          Date.parse(String(event.EndDateTime)) >= Date.parse(String(event.StartDateTime));
        const related = event.WhoId === run.recordId || event.WhatId === run.recordId;
        if (!ended || !related) {
          eventsIncomplete += 1;
          if (!ended) wrong.push(`Event without its end (${event.StartDateTime} → ${event.EndDateTime})`);
          if (!related)
            wrong.push(`Event not related to ${run.recordId} (WhoId ${event.WhoId}, WhatId ${event.WhatId})`);
        }
      }
      if (feed.length === 0) {
        chatterMissing += 1;
        wrong.push('no Chatter post');
      }
      if (feed.length > 1) {
        chatterDuplicated += feed.length - 1;
        wrong.push(`${feed.length} Chatter posts`);
      }
      if (wrong.length > 0) {
        const queued = final.jobs.filter((j) => j.sessionId === run.sessionId);
        problems.push(
          `session #${run.index} ${run.sessionId} (${run.org} ${run.sobject} ${run.url}): ${wrong.join('; ')}. ` +
            `Around it: ${run.notes.join(', ') || 'no faults'}. Events: ${JSON.stringify(own)}. ` +
            `Queue: ${JSON.stringify(queued)}. Log: ${JSON.stringify(final.logs[run.sessionId] ?? null)}. ` +
            `Salesforce calls: ${trailOf(
              run.sessionId,
              own.map((e) => e.Id),
            ).join(' | ')}`,
        );
      }
    }

    let leadsDuplicated = 0;
    let leadsMissing = 0;
    for (const org of ['acme', 'globex'] as const) {
      const leads = await control.records<Row>('Lead', org);
      const byEmail = new Map<string, Row[]>();
      for (const lead of leads) {
        const email = String(lead.Email ?? '').toLowerCase();
        if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), lead]);
      }
      for (const [email, found] of byEmail) {
        if (found.length < 2) continue;
        leadsDuplicated += found.length - 1;
        const sessions = runs.filter((r) => r.org === org && r.guests.some((g) => g.email === email));
        problems.push(
          `${found.length} Leads for ${email} in ${org}: ${JSON.stringify(found)}; guest of ${sessions
            .map((r) => `#${r.index} ${r.sessionId} (${r.notes.join(', ')})`)
            .join(' | ')}`,
        );
      }
      const guestEmails = new Set(runs.filter((r) => r.org === org).flatMap((r) => r.guests.map((g) => g.email)));
      for (const email of guestEmails) {
        if (KNOWN_CONTACTS.has(email) || byEmail.has(email)) continue;
        leadsMissing += 1;
        problems.push(`no Lead for guest ${email} in ${org}`);
      }
    }

    // Each guest is logged as their own person: the record named for their email has that email, and
    // a Lead made for them is the rep's (no assignment rule took it away, no duplicate stood in for it).
    let guestsMisattributed = 0;
    for (const org of ['acme', 'globex'] as const) {
      const people = new Map<string, Row>();
      for (const type of ['Lead', 'Contact'])
        for (const r of await control.records<Row>(type, org)) people.set(r.Id, r);
      const repId = sandbox.state().org(org).defaultUserId;
      const byEmail = (email: string) =>
        [...people.values()].filter((p) => String(p.Email ?? '').toLowerCase() === email.toLowerCase());
      for (const run of runs.filter((r) => r.org === org)) {
        const log = final.logs[run.sessionId] as { leads?: Record<string, string> } | undefined;
        for (const guest of run.guests) {
          // The queue keeps the logs of the last 50 sessions (store.ts): an older session's guest is
          // checked in the org instead, as the one record that has their email.
          const id = log ? log.leads?.[guest.email.toLowerCase()] : byEmail(guest.email)[0]?.Id;
          const person = id ? people.get(id) : undefined;
          const isLead = id?.startsWith('00Q');
          const theirs = String(person?.Email ?? '').toLowerCase() === guest.email.toLowerCase();
          // A Lead known before (not made by the extension) keeps its owner; one it made is the rep's.
          if (person && theirs && (!isLead || person.LeadSource !== 'Glance' || person.OwnerId === repId)) continue;
          guestsMisattributed += 1;
          problems.push(
            `guest ${guest.email} of #${run.index} ${run.sessionId} (${org}) logged as ${id || 'nothing'}: ${JSON.stringify(person ?? null)}`,
          );
        }
      }
    }

    if (final.jobs.length > 0) problems.push(`queue left: ${JSON.stringify(final.jobs)}`);
    // Through all of it, the Glance password and credential stayed where they belong.
    const seen = (await Promise.all(consoles.map((c) => c.messages()))).flat();
    for (const leak of await secretLeaks({ context, extensionId, sandbox, log: await control.log(), console: seen }))
      problems.push(`Glance secret where it must not be: ${leak}`);

    const faults: ChaosReport['faults'] = {};
    const state = sandbox.state();
    for (const a of armed) {
      const entry = faults[a.kind] ?? { armed: 0, hit: 0 };
      faults[a.kind] = entry;
      entry.armed += a.count;
      if (a.rule) entry.hit += a.count - a.rule.remaining;
    }
    const locks = (['acme', 'globex'] as const).reduce((sum, org) => sum + locksArmed[org], 0);
    if (locks > 0) {
      const left = (['acme', 'globex'] as const).reduce((sum, org) => sum + state.org(org).trouble.lockedWrites, 0);
      faults.lock = { armed: locks, hit: locks - left };
    }
    for (const kind of ['daily-limit', 'session-expired', 'session-not-for-api'] as const) {
      const entry = faults[kind];
      if (entry) entry.hit = windowHits[kind];
    }

    return {
      seed: options.seed,
      sessions: runs.length,
      eventsMissing,
      eventsDuplicated,
      eventsIncomplete,
      chatterMissing,
      chatterDuplicated,
      leadsDuplicated,
      leadsMissing,
      guestsMisattributed,
      queueLeft: final.jobs.length,
      faults,
      workerStops,
      browserRestarts,
      browserResent,
      doubtLookups,
      retryPresses,
      drainMs,
      wallMs: Date.now() - started,
      problems,
    };
  } finally {
    await control.latency('salesforce', 0).catch(() => undefined);
    await browser.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
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
