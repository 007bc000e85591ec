// What the content script costs on a busy Lightning record page (issue 13): the same page, churning
// the same way (the sandbox's churn mode, seeded), with the extension's content script and without
// it, in one browser: the page without it is in an incognito context of the same browser, where the
// extension does not run (LaunchedBrowser.newPlainContext). Both sides then share the browser, its GPU
// and network processes and the machine's load; with a second browser as the baseline, the median
// moved from −3 % to +6 % between runs of the same content script. Chromium's
// own counters (DevTools Performance.getMetrics) give each page's main-thread task and script time
// over the window; the overhead is (with − without) / without.
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';

const LIGHTNING = 'https://acme.lightning.force.com';
const CHURN = 'churn';
/** Lightning's rate on a busy record page (issue 13), as the sandbox's churn mode makes it. */
const CHURN_RATE = 2400;

export interface ChurnRound {
  /** From a trace of the page with the extension: the content script's own main-thread time (its
   *  callbacks, with any style or layout they force), and all the page's main-thread task time, ms. */
  oursTraced: number;
  taskTraced: number;
  /** Main-thread task time, ms, with and without the extension. */
  taskWith: number;
  taskWithout: number;
  scriptWith: number;
  scriptWithout: number;
  /** Mutations per second the page actually made (with, without). */
  rateWith: number;
  rateWithout: number;
}

type Counters = { task: number; script: number; mutations: number; at: number };

async function counters(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<Counters> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const mutations = (await page.evaluate('window.__sandboxChurn?.count ?? 0')) as number;
  return { task: value('TaskDuration'), script: value('ScriptDuration'), mutations, at: Date.now() };
}

async function churningPage(context: BrowserContext, path: string, withExtension: boolean) {
  const page = await context.newPage();
  await page.goto(`${LIGHTNING}${path}`);
  if (withExtension) await page.locator('[data-glance-sfx="toolbar"][data-docked="inline"]').waitFor();
  await page.waitForFunction('window.__sandboxChurn?.count > 0');
  // The baseline must be the page alone: no content script of ours ran in it.
  if (!withExtension && (await page.locator('[data-glance-sfx]').count()) > 0)
    throw new Error('the extension runs in the plain context');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

/**
 * `rounds` rounds, each `windowMs` of churn on either side. With `control: 'plain'`, the side "with"
 * is a second plain context too (no extension on either side): the method's own noise, the A/A run
 * the overhead is read against.
 */
export async function contentChurnOverhead(
  extensionContext: BrowserContext,
  control: SandboxControl,
  newPlainContext: () => Promise<BrowserContext>,
  options: { rounds: number; windowMs: number; control?: 'plain' },
): Promise<ChurnRound[]> {
  const [lead] = await control.records<{ Id: string }>('Lead');
  const path = `/lightning/r/Lead/${lead?.Id}/view`;
  const noExtension = options.control === 'plain';
  const sideA = noExtension ? await newPlainContext() : extensionContext;
  const without = await newPlainContext();
  try {
    const cookies = await extensionContext.cookies(`${LIGHTNING}/`);
    for (const context of [sideA, without]) {
      if (context !== extensionContext) await context.addCookies(cookies);
      await context.addCookies([{ name: 'sandbox_ui', value: CHURN, url: `${LIGHTNING}/` }]);
    }
    // One page in each browser for the whole run; only the one being measured churns, and the order
    // goes with, without, without, with in every round, so the machine's other load (shared, and
    // drifting) weighs on both sides alike.
    const a = await churningPage(sideA, path, !noExtension);
    const b = await churningPage(without, path, false);
    const churn = (page: Page, rate: number) =>
      page.evaluate((r) => {
        const api = (window as unknown as { __sandboxChurn: { start(r: number): void; stop(): void } }).__sandboxChurn;
        if (r) api.start(r);
        else api.stop();
      }, rate);
    await Promise.all([churn(a.page, 0), churn(b.page, 0)]);
    const measure = async (side: typeof a) => {
      await churn(side.page, CHURN_RATE);
      // Let the timer reach its pace before the window opens.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const before = await counters(side.page, side.cdp);
      await new Promise((resolve) => setTimeout(resolve, options.windowMs / 2));
      const after = await counters(side.page, side.cdp);
      await churn(side.page, 0);
      return {
        task: after.task - before.task,
        script: after.script - before.script,
        rate: ((after.mutations - before.mutations) * 1000) / (after.at - before.at),
      };
    };
    const rounds: ChurnRound[] = [];
    // One round more than asked, the first left out: both pages' code warms up in it (V8 tiers it up,
    // the renderers settle). In a run of 8 (2026-11-26) the first two read 9 and 12 %, the other six
    // from −6.5 to +4.
    for (let i = 0; i <= options.rounds; i++) {
      const traced = noExtension
        ? { oursTraced: 0, taskTraced: 0 }
        : await traceOurs(a.page, a.cdp, churn, options.windowMs / 2);
      const a1 = await measure(a);
      const b1 = await measure(b);
      const b2 = await measure(b);
      const a2 = await measure(a);
      if (i === 0) continue;
      rounds.push({
        ...traced,
        taskWith: a1.task + a2.task,
        taskWithout: b1.task + b2.task,
        scriptWith: a1.script + a2.script,
        scriptWithout: b1.script + b2.script,
        rateWith: (a1.rate + a2.rate) / 2,
        rateWithout: (b1.rate + b2.rate) / 2,
      });
    }
    // The toolbar is still there, docked, after all that churn.
    if (!noExtension)
      await a.page.locator('[data-glance-sfx="toolbar"][data-docked="inline"]').waitFor({ timeout: 1000 });
    await Promise.all([a.page.close(), b.page.close()]);
    await extensionContext.clearCookies({ name: 'sandbox_ui' });
    return rounds;
  } finally {
    await without.close();
    if (noExtension) await sideA.close();
  }
}

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
};

/**
 * The content script's share, from Chromium's trace of the page with the extension over one window:
 * every call into our script (timers, animation frames, observer and event callbacks) and what runs
 * inside it, against all the main thread's tasks in the same window. Both come from the same
 * renderer at the same time, so the machine's load weighs on them alike. It leaves out the cost
 * the page's own calls pay for our observers (records queued for us), which the comparison with
 * the plain browser includes.
 */
async function traceOurs(
  page: Page,
  cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>,
  churn: (page: Page, rate: number) => Promise<void>,
  windowMs: number,
): Promise<{ oursTraced: number; taskTraced: number }> {
  await churn(page, CHURN_RATE);
  await new Promise((resolve) => setTimeout(resolve, 250));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await churn(page, 0);
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const ourCall = (e: TraceEvent) =>
    e.name === 'FunctionCall' && e.ph === 'X' && !!e.args?.data?.url?.startsWith('chrome-extension://');
  // The page's main thread: where our calls run, or (none in the window) the page's own script.
  const first =
    events.find(ourCall) ?? events.find((e) => e.name === 'FunctionCall' && !!e.args?.data?.url?.startsWith(LIGHTNING));
  if (!first) throw new Error('the trace holds no script of the churning page');
  const main = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X';
  // Outermost only: a call of ours inside another of ours is counted once.
  const sum = (list: TraceEvent[]) => {
    let total = 0;
    let end = 0;
    for (const e of list.sort((x, y) => x.ts - y.ts)) {
      if (e.ts < end) continue;
      total += e.dur ?? 0;
      end = e.ts + (e.dur ?? 0);
    }
    return total / 1000;
  };
  return {
    oursTraced: sum(events.filter((e) => main(e) && ourCall(e))),
    taskTraced: sum(
      events.filter((e) => main(e) && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')),
    ),
  };
}
