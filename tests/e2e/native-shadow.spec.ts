// Lightning fully in native shadow DOM (the sandbox's `fullshadow` variant): every Lightning web
// component is a real open shadow root, the highlights panel a dozen roots deep, behind the
// navigation bar's, and, once Lightning keeps the pages a rep opened before, behind hundreds more.
import { expect, firstId, LIGHTNING, navigate, type Page, test, toolbar, variant } from './fixtures.js';

/**
 * The page's open shadow roots in document order (a shadow tree before its host's light children,
 * as the composed tree draws it), and how many come before the visible view's highlights panel.
 */
function shadowCensus(page: Page) {
  return page.evaluate(() => {
    let total = 0;
    let beforeHighlights = -1;
    let depth = 0;
    const view = document.querySelector('.oneContent.active, .windowViewMode-maximized.active');
    const walk = (root: ParentNode, nesting: number, inView: boolean) => {
      for (const el of root.children) {
        const here = inView || el === view;
        if (here && beforeHighlights < 0 && el.localName === 'records-highlights2') {
          beforeHighlights = total;
          depth = nesting;
        }
        if (el.shadowRoot) {
          total++;
          walk(el.shadowRoot, nesting + 1, here);
        }
        walk(el, nesting, here);
      }
    };
    walk(document, 0, false);
    return { total, beforeHighlights, depth };
  });
}

async function expectDockedFor(page: Page, sobject: string, recordId: string) {
  const bar = toolbar(page);
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-record-id', recordId);
  await expect(bar).toHaveAttribute('data-sobject', sobject);
  await expect(bar).toHaveAttribute('data-docked', 'inline');
  await expect(bar).toBeVisible();
  const where = await bar.evaluate((el) => {
    let view: Element | null = null;
    for (let node: Node | null = el; node && !view; ) {
      if (node instanceof ShadowRoot) node = node.host;
      else if (node instanceof Element) {
        if (node.matches('.oneContent.active, .windowViewMode-maximized.active')) view = node;
        node = node.parentNode;
      } else node = null;
    }
    return {
      after: el.previousElementSibling?.localName ?? null,
      inShadowRoot: el.getRootNode() instanceof ShadowRoot,
      inActiveView: !!view,
    };
  });
  expect(where).toEqual({ after: 'records-highlights2', inShadowRoot: true, inActiveView: true });
}

test('fully in native shadow, hundreds of roots: the toolbar docks in the highlights panel, page after page', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'fullshadow');
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  const [contact, kase] = [await firstId(control, 'Contact'), await firstId(control, 'Case')];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  // Below the page's top component (light DOM, in Aura's view) nothing of the record page is.
  expect(
    await page.evaluate(() => ({
      top: !!document.querySelector('.oneContent.active > div > one-record-home-flexipage2')?.shadowRoot,
      inside: document.querySelector('.adg-rollup-wrapped, records-highlights2, .highlights')?.localName ?? null,
    })),
  ).toEqual({ top: true, inside: null });
  await expectDockedFor(page, 'Lead', lead1);
  const first = await shadowCensus(page);
  // A dozen shadow roots deep, behind the navigation bar's roots.
  expect(first.depth).toBeGreaterThanOrEqual(11);
  expect(first.beforeHighlights).toBeGreaterThanOrEqual(30);
  // The Activity composer is as deep, in the tabset: the scheduling button finds it too.
  await expect(
    page.locator('runtime_sales_activities-activity-panel-composer + [data-glance-sfx="activity-action"]'),
  ).toHaveCount(1);

  // Lightning keeps the pages left, hidden: their roots come before the new page's.
  for (const [type, id] of [
    ['Lead', lead2],
    ['Contact', contact],
    ['Case', kase],
  ] as const) {
    await navigate(page, `/lightning/r/${type}/${id}/view`);
    await expectDockedFor(page, type, id);
  }
  const later = await shadowCensus(page);
  // About 150 roots a record page: hundreds on the page, 300 and more before the visible panel.
  expect(later.total).toBeGreaterThanOrEqual(400);
  expect(later.beforeHighlights).toBeGreaterThanOrEqual(300);

  // Back to a page kept in the DOM: docked there again, and nowhere else.
  await navigate(page, `/lightning/r/Lead/${lead1}/view`);
  await expectDockedFor(page, 'Lead', lead1);
});

test('fully in native shadow in a console app: docks in the visible subtab', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'console,fullshadow');
  const [case1, case2] = [await firstId(control, 'Case', 0), await firstId(control, 'Case', 1)];
  const contact = await firstId(control, 'Contact');
  const ws1 = `/lightning/r/Case/${case1}/view`;
  await page.goto(`${LIGHTNING}${ws1}`);
  await expectDockedFor(page, 'Case', case1);
  await navigate(page, `/lightning/r/Contact/${contact}/view?ws=${encodeURIComponent(ws1)}`);
  await expectDockedFor(page, 'Contact', contact);
  await navigate(page, `/lightning/r/Case/${case2}/view`);
  await expectDockedFor(page, 'Case', case2);
});

test('fully in native shadow, the highlights panel drawn when its record data arrives: the toolbar docks then', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'fullshadow');
  // Every answer of the org slowed, the record data too: the panel comes well after the page around it.
  await control.latency('salesforce', 400);
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expectDockedFor(page, 'Lead', lead1);
  // A record visited first now: its view, then (inside shadow roots) its panel.
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expectDockedFor(page, 'Lead', lead2);
});
