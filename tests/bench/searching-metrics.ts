// What the content script costs on a busy record page while placement is still searching (issue 29):
// a Lightning record page whose layout has no Activity composer (the sandbox's `noactivity` variant),
// so the extra "Schedule Glance meeting" button never finds its anchor and placement keeps watching
// the page for it (placement.ts SEEK_MS after the load). The page churns from 2 s after its load, as
// Lightning's late components and re-renders do, and the script time of the page with the extension
// is set against the same page in a plain context of the same browser (no extension), in the same
// round. Every round loads both pages afresh: the search window is counted from the load.
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';

const LIGHTNING = 'https://acme.lightning.force.com';
/** Lightning's rate on a busy record page (issue 13), as the sandbox's churn mode makes it. */
const CHURN_RATE = 2400;
/** Churn starts this long after the load: well inside the search window, after the toolbar docked. */
const FROM_LOAD_MS = 2000;
/** One measured stretch: four per round (with, without, without, with) end ~9 s after the load. */
const STRETCH_MS = 1500;
/** After this, placement has stopped searching (placement.ts SEEK_MS is 15 s): the settled state. */
const SETTLED_FROM_MS = 17_000;

export interface SearchingRound {
  /** Script ms per second of churn, with and without the extension, while the search runs. */
  searchingWith: number;
  searchingWithout: number;
  /** The same once the search has given up (undefined when not asked for). */
  settledWith?: number;
  settledWithout?: number;
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;
type Side = { page: Page; cdp: Cdp };

const scriptMs = async (cdp: Cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
};

const churn = (page: Page, rate: number) =>
  page.evaluate((r) => {
    const api = (window as unknown as { __sandboxChurn: { start(r: number): void; stop(): void } }).__sandboxChurn;
    if (r) api.start(r);
    else api.stop();
  }, rate);

/** Waits until the page is `ms` past its own navigation start. */
const untilFromLoad = (page: Page, ms: number) =>
  page.evaluate((at) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now()))), ms);

async function open(context: BrowserContext, path: string, withExtension: boolean): Promise<Side> {
  const page = await context.newPage();
  await page.goto(`${LIGHTNING}${path}`);
  await page.waitForFunction('!!window.__sandboxChurn');
  // The churn mode starts at the load: held until the measured stretches.
  await churn(page, 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (withExtension) await page.locator('[data-glance-sfx="toolbar"][data-docked="inline"]').waitFor();
  else if ((await page.locator('[data-glance-sfx]').count()) > 0)
    throw new Error('the extension runs in the plain context');
  if (await page.locator('runtime_sales_activities-activity-panel-composer').count())
    throw new Error('the page has an Activity composer: nothing is left to search for');
  return { page, cdp };
}

/** Script ms per second over one stretch of churn. */
async function stretch(side: Side): Promise<number> {
  await churn(side.page, CHURN_RATE);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = await scriptMs(side.cdp);
  const from = Date.now();
  await new Promise((resolve) => setTimeout(resolve, STRETCH_MS));
  const after = await scriptMs(side.cdp);
  const seconds = (Date.now() - from) / 1000;
  await churn(side.page, 0);
  return (after - before) / seconds;
}

/** with, without, without, with: the machine's drifting load weighs on both sides alike. */
async function pairedStretches(a: Side, b: Side): Promise<[number, number]> {
  const a1 = await stretch(a);
  const b1 = await stretch(b);
  const b2 = await stretch(b);
  const a2 = await stretch(a);
  return [(a1 + a2) / 2, (b1 + b2) / 2];
}

/**
 * `rounds` rounds (one more first, left out: it warms both renderers up). With `control: 'plain'`
 * the side "with" is a second plain context (A/A: the method's own noise). With `settled`, each
 * round also measures the same pages once the search has given up.
 */
export async function searchingChurn(
  extensionContext: BrowserContext,
  control: SandboxControl,
  newPlainContext: () => Promise<BrowserContext>,
  options: { rounds: number; control?: 'plain'; settled?: boolean },
): Promise<SearchingRound[]> {
  const [lead] = await control.records<{ Id: string }>('Lead');
  const path = `/lightning/r/Lead/${lead?.Id}/view`;
  const noExtension = options.control === 'plain';
  const sideA = noExtension ? await newPlainContext() : extensionContext;
  const without = await newPlainContext();
  try {
    const cookies = await extensionContext.cookies(`${LIGHTNING}/`);
    for (const context of [sideA, without]) {
      if (context !== extensionContext) await context.addCookies(cookies);
      await context.addCookies([{ name: 'sandbox_ui', value: 'noactivity,churn', url: `${LIGHTNING}/` }]);
    }
    const rounds: SearchingRound[] = [];
    for (let i = 0; i <= options.rounds; i++) {
      const [a, b] = await Promise.all([open(sideA, path, !noExtension), open(without, path, false)]);
      try {
        await Promise.all([untilFromLoad(a.page, FROM_LOAD_MS), untilFromLoad(b.page, FROM_LOAD_MS)]);
        const [searchingWith, searchingWithout] = await pairedStretches(a, b);
        // Still inside the search window at the end, or the figure would mix in the settled state.
        const late = (await a.page.evaluate(() => performance.now())) as number;
        if (late > SETTLED_FROM_MS - 2000)
          throw new Error(`the searching stretches ended ${Math.round(late)} ms after the load`);
        let settled: [number, number] | undefined;
        if (options.settled) {
          await Promise.all([untilFromLoad(a.page, SETTLED_FROM_MS), untilFromLoad(b.page, SETTLED_FROM_MS)]);
          settled = await pairedStretches(a, b);
        }
        if (i === 0) continue;
        rounds.push({
          searchingWith,
          searchingWithout,
          ...(settled ? { settledWith: settled[0], settledWithout: settled[1] } : {}),
        });
      } finally {
        await Promise.all([a.page.close(), b.page.close()]);
      }
    }
    await extensionContext.clearCookies({ name: 'sandbox_ui' });
    return rounds;
  } finally {
    await without.close();
    if (noExtension) await sideA.close();
  }
}
