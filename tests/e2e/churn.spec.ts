// A busy Lightning record page (the sandbox's churn mode, lightning-churn.ts): the sandbox churns the
// way Lightning does, and the content script stays quiet while nothing changes for the toolbar —
// no layout or style read, no search of the page — yet follows a re-rendered header at once.
import type { CDPSession } from '@playwright/test';
import { expect, firstId, LIGHTNING, navigate, type Page, test, toolbar, variant } from './fixtures.js';

type Churn = { count: number; step(n: number): void; stop(): void; start(rate: number): void };
const churn = <T>(page: Page, fn: (api: Churn) => T) =>
  page.evaluate(`(${fn.toString()})(window.__sandboxChurn)`) as Promise<Awaited<T>>;

test('the sandbox churns a Lightning record page like Lightning, inside the visible view', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'churn');
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  // Its timer runs on its own.
  await page.waitForFunction(() => (window as unknown as { __sandboxChurn: Churn }).__sandboxChurn.count > 1000);
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-record-id', lead2);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  await churn(page, (api) => api.stop());
  // Driven step by step: exactly one mutation record per step, of Lightning's kinds, never in the
  // hidden previous view.
  const seen = await page.evaluate(async () => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    (window as unknown as { __sandboxChurn: Churn }).__sandboxChurn.step(2400);
    await new Promise((resolve) => setTimeout(resolve, 0));
    records.push(...observer.takeRecords());
    observer.disconnect();
    // The extension's own changes (its toolbar taking the Salesforce status meanwhile) are not the sandbox's.
    const ours = (node: Node) => node instanceof Element && !!node.closest('[data-glance-sfx]');
    records.splice(
      0,
      records.length,
      ...records.filter((r) => !ours(r.target) && ![...r.addedNodes, ...r.removedNodes].some(ours)),
    );
    const hidden = document.querySelector('.oneContent:not(.active)');
    return {
      count: records.length,
      classFlips: records.filter((r) => r.attributeName === 'class').length,
      otherAttributes: records.filter((r) => r.type === 'attributes' && r.attributeName !== 'class').length,
      added: records.filter((r) => r.addedNodes.length).length,
      removed: records.filter((r) => r.removedNodes.length).length,
      onBody: records.filter((r) => r.target === document.body).length,
      inHiddenView: records.filter((r) => hidden?.contains(r.target)).length,
      rows: document.querySelector('.oneContent.active .sandbox-churn-rows')?.children.length ?? 0,
    };
  });
  expect(seen.count).toBe(2400);
  expect(seen.classFlips).toBeGreaterThan(1000);
  expect(seen.otherAttributes).toBeGreaterThan(100);
  expect(seen.added).toBeGreaterThan(100);
  expect(seen.removed).toBeGreaterThan(100);
  expect(seen.onBody).toBeGreaterThan(10);
  expect(seen.inHiddenView).toBe(0);
  // A related list that grows, and is recycled past 40 rows rather than without end (39 right after
  // a recycled row left, 40 after the next one came).
  expect(seen.rows).toBeGreaterThanOrEqual(39);
  expect(seen.rows).toBeLessThanOrEqual(40);
});

/** The content script's isolated world, reached through the DevTools protocol. */
async function contentWorld(page: Page): Promise<{ cdp: CDPSession; run(expression: string): Promise<unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Glance for Salesforce');
  if (!world) throw new Error(`no content script world among ${contexts.map((c) => c.name).join(', ')}`);
  return {
    cdp,
    async run(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    },
  };
}

/** Counts, in the content script's world, every call that forces style or layout or searches the page. */
const COUNT_READS = `(() => {
  const counts = (globalThis.__reads = {});
  const wrap = (proto, name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      counts[name] = (counts[name] ?? 0) + 1;
      return original.apply(this, args);
    };
  };
  for (const name of ['checkVisibility', 'getBoundingClientRect', 'getClientRects', 'querySelector', 'querySelectorAll', 'closest', 'matches']) wrap(Element.prototype, name);
  for (const name of ['querySelector', 'querySelectorAll']) { wrap(Document.prototype, name); wrap(DocumentFragment.prototype, name); }
  wrap(globalThis, 'getComputedStyle');
  for (const name of ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']) {
    const d = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, { get() { counts[name] = (counts[name] ?? 0) + 1; return d.get.call(this); } });
  }
})()`;

for (const ui of ['churn', 'churn,shadow']) {
  test(`on a churning record page (${ui}) the placed toolbar reads no layout and searches nothing`, async ({
    salesforcePage: page,
    context,
    control,
  }) => {
    await variant(context, ui);
    const lead = await firstId(control, 'Lead');
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
    await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
    await expect(page.locator('[data-glance-sfx="activity-action"]')).toHaveCount(1);
    const world = await contentWorld(page);
    await world.run(COUNT_READS);
    // A few hundred frames of Lightning's churn, with nothing of ours moving.
    const before = await churn(page, (api) => api.count);
    await page.waitForFunction(
      (n) => (window as unknown as { __sandboxChurn: Churn }).__sandboxChurn.count > n,
      before + 4800,
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await world.run('globalThis.__reads')).toEqual({});
    await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
    await world.cdp.detach();
  });
}

test('on a churning page a re-rendered header gets the toolbar back, docked after the new one', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'churn');
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  // Lightning re-renders the highlights panel: a new element replaces the old, without our toolbar.
  await page.evaluate(() => {
    const old = document.querySelector('.oneContent.active records-highlights2') as Element;
    old.parentElement?.replaceChildren(old.cloneNode(true));
  });
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  expect(
    await toolbar(page).evaluate(
      (el) => el.previousElementSibling?.localName === 'records-highlights2' && el.isConnected,
    ),
  ).toBe(true);
  // And the activity composer re-rendered: the Schedule button follows it too.
  await page.evaluate(() => {
    const old = document.querySelector(
      '.oneContent.active runtime_sales_activities-activity-panel-composer',
    ) as Element;
    old.replaceWith(old.cloneNode(true));
  });
  await expect(
    page.locator('runtime_sales_activities-activity-panel-composer + [data-glance-sfx="activity-action"]'),
  ).toHaveCount(1);
});

test('on a churning record page without an Activity composer, the search for it passes the churn over, yet finds it late', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  // An admin left the Activity component out of the layout: the Schedule button's anchor is missing,
  // so placement keeps searching for it (placement.ts SEEK_MS) while Lightning churns (issue 29).
  await variant(context, 'noactivity,churn');
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  await expect(page.locator('[data-glance-sfx="activity-action"]')).toHaveCount(0);
  const world = await contentWorld(page);
  await world.run(COUNT_READS);
  const before = await churn(page, (api) => api.count);
  await page.waitForFunction(
    (n) => (window as unknown as { __sandboxChurn: Churn }).__sandboxChurn.count > n,
    before + 4800,
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // A selector match on what Lightning adds may decide that nothing came; a search of the page, or
  // a read of style or layout, may not.
  const {
    matches: _matches,
    querySelector: _querySelector,
    ...searches
  } = (await world.run('globalThis.__reads')) as Record<string, number>;
  expect(searches).toEqual({});
  await world.cdp.detach();
  // Lightning draws the Activity component late, hidden first (an inactive tab), then shown: the
  // Schedule button follows it there, within the search window.
  await page.evaluate(() => {
    const tab = document.createElement('div');
    tab.style.display = 'none';
    tab.append(document.createElement('runtime_sales_activities-activity-panel-composer'));
    document.querySelector('.oneContent.active .slds-card__body')?.append(tab);
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.locator('[data-glance-sfx="activity-action"]')).toHaveCount(0);
  await page.evaluate(() =>
    document
      .querySelector('.oneContent.active runtime_sales_activities-activity-panel-composer')
      ?.parentElement?.removeAttribute('style'),
  );
  await expect(
    page.locator('runtime_sales_activities-activity-panel-composer + [data-glance-sfx="activity-action"]'),
  ).toHaveCount(1);
});
