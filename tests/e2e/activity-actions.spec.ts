import { buildSync } from 'esbuild';
import { CLASSIC, expect, firstId, LIGHTNING, navigate, type Page, test, variant } from './fixtures.js';

const TYPES = ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case'] as const;

const BUNDLE = buildSync({
  entryPoints: ['src/content/toolbar/activity-actions.ts'],
  bundle: true,
  format: 'iife',
  globalName: '__glanceActivityActions',
  write: false,
}).outputFiles[0]?.text as string;

/** What the activity actions' finder (activityActions.find) answers on the page now, described (null: undefined). */
async function activityAnchor(page: Page, ui: 'lightning' | 'classic', recordId: string) {
  // Loaded once per document, so its memory of which element served which record lasts as in a tab.
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not restrict.
  await page.evaluate(
    `(() => { if (!window.__glanceActivityActions) { ${BUNDLE}; window.__glanceActivityActions = __glanceActivityActions; } })()`,
  );
  return page.evaluate(
    ({ ui, recordId }) => {
      type Api = { activityActions: { find(ui: string, id: string): Element | undefined } };
      const el = (window as unknown as { __glanceActivityActions: Api }).__glanceActivityActions.activityActions.find(
        ui,
        recordId,
      );
      if (!el) return null;
      const ancestors: Element[] = [];
      for (let node: Node | null = el.parentNode; node; ) {
        if (node instanceof ShadowRoot) node = node.host;
        else if (node instanceof Element) {
          ancestors.push(node);
          node = node.parentNode;
        } else node = null;
      }
      return {
        localName: el.localName,
        title: el.getAttribute('title'),
        visible: el.checkVisibility(),
        inShadowRoot: el.getRootNode() instanceof ShadowRoot,
        inActiveView: ancestors.some((a) => a.matches('.oneContent.active, .windowViewMode-maximized.active')),
        relatedList: ancestors.find((a) => a.matches('.bRelatedList'))?.id ?? null,
      };
    },
    { ui, recordId },
  );
}

test('Lightning: after the Activity composer on record pages of the five types, in the visible view', async ({
  salesforcePage: page,
  control,
}) => {
  // Five full page loads on a machine the suite shares: more than one page's time.
  test.slow();
  for (const type of TYPES) {
    const id = await firstId(control, type);
    await page.goto(`${LIGHTNING}/lightning/r/${type}/${id}/view`);
    await expect
      .poll(() => activityAnchor(page, 'lightning', id), { message: type })
      .toEqual({
        localName: 'runtime_sales_activities-activity-panel-composer',
        title: null,
        visible: true,
        inShadowRoot: false,
        inActiveView: true,
        relatedList: null,
      });
  }
});

test('Classic: after the Open Activities list’s last button on record pages of the five types', async ({
  salesforcePage: page,
  control,
}) => {
  // Five full page loads on a machine the suite shares: more than one page's time.
  test.slow();
  for (const type of TYPES) {
    const id = await firstId(control, type);
    await page.goto(`${CLASSIC}/${id.slice(0, 15)}`);
    expect(await activityAnchor(page, 'classic', id), type).toEqual({
      localName: 'input',
      title: 'New Event',
      visible: true,
      inShadowRoot: false,
      inActiveView: false,
      relatedList: `${id.slice(0, 15)}_RelatedActivityList`,
    });
  }
});

test('pages without activity actions: undefined, so only the toolbar offers scheduling', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  for (const path of ['/home/home.jsp', '/00Q/o']) {
    await page.goto(`${CLASSIC}${path}`);
    expect(await activityAnchor(page, 'classic', lead), path).toBeNull();
  }
  await page.goto(`${LIGHTNING}/lightning/page/home`);
  await expect(page.locator('.oneContent.active')).toBeVisible();
  expect(await activityAnchor(page, 'lightning', lead)).toBeNull();
  // A Lightning record page whose layout leaves the Activity component out.
  await variant(context, 'noactivity');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expect(page.locator('records-highlights2')).toBeVisible();
  expect(await activityAnchor(page, 'lightning', lead)).toBeNull();
});

test('Lightning variants: German labels, native shadow DOM, a console app, and the hidden previous page', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  // No label text in the selectors: German Salesforce is found the same.
  await variant(context, 'de');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expect(page.getByRole('button', { name: 'Neues Ereignis' })).toBeVisible();
  expect(await activityAnchor(page, 'lightning', lead1)).toMatchObject({
    localName: 'runtime_sales_activities-activity-panel-composer',
    inActiveView: true,
  });

  // Native shadow DOM: found through the open shadow roots.
  await variant(context, 'shadow');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expect
    .poll(() => activityAnchor(page, 'lightning', lead1))
    .toMatchObject({ localName: 'runtime_sales_activities-activity-panel-composer', inShadowRoot: true });

  // Client-side navigation keeps the previous page hidden in the DOM: the new page's composer is found.
  await variant(context, 'console');
  const case1 = await firstId(control, 'Case');
  const ws = `/lightning/r/Case/${case1}/view`;
  await page.goto(`${LIGHTNING}${ws}`);
  await expect
    .poll(() => activityAnchor(page, 'lightning', case1))
    .toMatchObject({ visible: true, inActiveView: true });
  await navigate(page, `/lightning/r/Lead/${lead2}/view?ws=${encodeURIComponent(ws)}`);
  await expect
    .poll(() => activityAnchor(page, 'lightning', lead2))
    .toMatchObject({
      localName: 'runtime_sales_activities-activity-panel-composer',
      visible: true,
      inActiveView: true,
    });
  // The hidden Case subtab's composer is not offered for the Lead, nor the Lead's for the Case.
  const hiddenComposers = await page.evaluate(
    () =>
      [...document.querySelectorAll('runtime_sales_activities-activity-panel-composer')].filter(
        (el) => !el.checkVisibility(),
      ).length,
  );
  expect(hiddenComposers).toBeGreaterThan(0);
  expect(await activityAnchor(page, 'lightning', case1)).toBeNull();
});
