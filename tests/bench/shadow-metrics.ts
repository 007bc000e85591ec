// The toolbar on a Lightning page fully in native shadow (the sandbox's `fullshadow` variant: every
// Lightning web component an open shadow root, hundreds a page) against the default page, in the
// same browser and run (issue 26, item 11): the navigations' timings, and the anchor search alone.
import type { BrowserContext, Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { SandboxControl } from '../support/control.js';
import { toolbarAfterNavigation } from './navigation-metrics.js';

const LIGHTNING = 'https://acme.lightning.force.com';
export const VARIANTS = ['default', 'fullshadow'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface ShadowSamples {
  /** Per variant: navigation → toolbar visible, and record's view visible → toolbar visible (ms). */
  navigation: Record<Variant, number[]>;
  afterShown: Record<Variant, number[]>;
  /** Per variant: one search of the visible page for the toolbar's anchor, as the content script makes it (µs). */
  search: Record<Variant, number[]>;
}

const setVariant = (context: BrowserContext, variant: Variant) =>
  context.addCookies([{ name: 'sandbox_ui', value: variant === 'default' ? '' : variant, url: `${LIGHTNING}/` }]);

/** The content script's anchor finder (anchor-finder.ts), bundled for the page's main world. */
const FINDER = buildSync({
  entryPoints: ['src/content/common/anchor-finder.ts'],
  bundle: true,
  format: 'iife',
  globalName: '__glancePlacement',
  write: false,
}).outputFiles[0]?.text as string;

/**
 * `rounds` samples of the search of the page on screen for the anchor (µs a search, each sample the
 * mean of a batch: one search is below the page's timer resolution); throws when none is found.
 */
async function searchTimes(page: Page, recordId: string, rounds: number): Promise<number[]> {
  await page.evaluate(
    `(() => { if (!window.__glancePlacement) { ${FINDER}; window.__glancePlacement = __glancePlacement; } })()`,
  );
  return page.evaluate(
    ({ recordId, rounds }) => {
      type Finder = { find(ui: string, id: string): Element | undefined };
      const api = (window as unknown as { __glancePlacement: { anchorFinder: () => Finder } }).__glancePlacement;
      const finder = api.anchorFinder();
      const times: number[] = [];
      const batch = 200;
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        let found: Element | undefined;
        for (let j = 0; j < batch; j++) found = finder.find('lightning', recordId);
        times.push(((performance.now() - start) * 1000) / batch);
        if (!found) throw new Error('no anchor found');
      }
      return times;
    },
    { recordId, rounds },
  );
}

/**
 * Alternating blocks of each variant (a variant is a cookie read at page load, so a block starts with
 * one), so the machine's load at any moment weighs on both alike.
 */
export async function nativeShadowSamples(
  page: Page,
  control: SandboxControl,
  { blocks = 2, rounds = 20 } = {},
): Promise<ShadowSamples> {
  const empty = () => ({ default: [] as number[], fullshadow: [] as number[] });
  const samples: ShadowSamples = { navigation: empty(), afterShown: empty(), search: empty() };
  const lead = (await control.records<{ Id: string }>('Lead'))[0]?.Id as string;
  try {
    for (let block = 0; block < blocks; block++) {
      for (const variant of VARIANTS) {
        await setVariant(page.context(), variant);
        const measured = await toolbarAfterNavigation(page, control, rounds, undefined, true);
        samples.navigation[variant].push(...measured.withExtension);
        samples.afterShown[variant].push(...measured.afterShown);
        await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
        await page.locator(`[data-glance-sfx="toolbar"][data-docked="inline"]`).waitFor();
        samples.search[variant].push(...(await searchTimes(page, lead, 20)));
      }
    }
  } finally {
    await setVariant(page.context(), 'default');
  }
  return samples;
}
