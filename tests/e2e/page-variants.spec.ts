import type { Locator } from '@playwright/test';
import { CLASSIC, expect, firstId, LIGHTNING, navigate, type Page, test, toolbar, variant } from './fixtures.js';

/** Where the toolbar is: what it follows, whether it is in a shadow root, and whether any ancestor
 *  (across shadow boundaries) is Salesforce's action list. */
function placement(page: Page) {
  return toolbar(page).evaluate((el) => {
    const ancestors: Element[] = [];
    for (let node: Node | null = el.parentNode; node; ) {
      if (node instanceof ShadowRoot) node = node.host;
      else if (node instanceof Element) {
        ancestors.push(node);
        node = node.parentNode;
      } else node = null;
    }
    return {
      after: el.previousElementSibling?.localName ?? null,
      afterClass: el.previousElementSibling?.className ?? null,
      inShadowRoot: el.getRootNode() instanceof ShadowRoot,
      inActionList: ancestors.some((a) =>
        a.matches('runtime_platform_actions-actions-ribbon, .oneActionsRibbon, .forceActionsContainer, ul'),
      ),
      inActiveView: ancestors.some((a) => a.matches('.oneContent.active, .windowViewMode-maximized.active')),
    };
  });
}

async function expectToolbarFor(page: Page, sobject: string, recordId: string, docked: 'inline' | 'floating') {
  const bar = toolbar(page);
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-record-id', recordId);
  await expect(bar).toHaveAttribute('data-sobject', sobject);
  await expect(bar).toHaveAttribute('data-docked', docked);
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Start Glance session' })).toBeVisible();
}

test('Dynamic Highlights panel: docks after record_flexipage-dynamic-highlights2', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'dynamic');
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expectToolbarFor(page, 'Lead', lead, 'inline');
  expect(await placement(page)).toMatchObject({
    after: 'record_flexipage-dynamic-highlights2',
    inActionList: false,
    inActiveView: true,
  });
});

test('older Aura highlights: docks after .forceHighlightsPanel, outside its action bar', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'aura');
  const opportunity = await firstId(control, 'Opportunity');
  await page.goto(`${LIGHTNING}/lightning/r/Opportunity/${opportunity}/view`);
  await expectToolbarFor(page, 'Opportunity', opportunity, 'inline');
  expect(await placement(page)).toMatchObject({
    afterClass: 'forceHighlightsPanel',
    inActionList: false,
    inActiveView: true,
  });
});

test('a record page without a highlights panel: the toolbar floats, it does not go missing', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'nohighlights');
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expectToolbarFor(page, 'Lead', lead1, 'floating');
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expectToolbarFor(page, 'Lead', lead2, 'floating');
});

test('Lightning in German: placement does not depend on label text', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'de');
  const kase = await firstId(control, 'Case');
  await page.goto(`${LIGHTNING}/lightning/r/Case/${kase}/view`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Bearbeiten' })).toBeVisible();
  await expectToolbarFor(page, 'Case', kase, 'inline');
  expect(await placement(page)).toMatchObject({
    after: 'records-highlights2',
    inActionList: false,
    inActiveView: true,
  });
});

test('native shadow DOM: the toolbar finds the highlights panel inside open shadow roots', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'shadow');
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  // The components really are shadow roots: invisible to document.querySelector.
  expect(
    await page.evaluate(() => document.querySelector('records-highlights2, .slds-page-header_record-home')),
  ).toBeNull();
  await expectToolbarFor(page, 'Lead', lead1, 'inline');
  expect(await placement(page)).toMatchObject({
    after: 'records-highlights2',
    inShadowRoot: true,
    inActionList: false,
    inActiveView: true,
  });
  // The component re-renders its shadow tree without our toolbar: it comes back, docked.
  await toolbar(page).evaluate((el) => el.remove());
  await expectToolbarFor(page, 'Lead', lead1, 'inline');
  expect(await placement(page)).toMatchObject({ after: 'records-highlights2', inShadowRoot: true });
  // Client-side navigation: the new view's components are shadow roots too.
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expectToolbarFor(page, 'Lead', lead2, 'inline');
  expect(await placement(page)).toMatchObject({ after: 'records-highlights2', inShadowRoot: true, inActiveView: true });
});

test('native shadow DOM with Dynamic Highlights in a console app: docks in the visible subtab', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await variant(context, 'console,shadow,dynamic');
  const [case1, case2] = [await firstId(control, 'Case', 0), await firstId(control, 'Case', 1)];
  const contact = await firstId(control, 'Contact');
  const ws1 = `/lightning/r/Case/${case1}/view`;
  await page.goto(`${LIGHTNING}${ws1}`);
  await expectToolbarFor(page, 'Case', case1, 'inline');
  await navigate(page, `/lightning/r/Contact/${contact}/view?ws=${encodeURIComponent(ws1)}`);
  await expectToolbarFor(page, 'Contact', contact, 'inline');
  await navigate(page, `/lightning/r/Case/${case2}/view`);
  await expectToolbarFor(page, 'Case', case2, 'inline');
  expect(await placement(page)).toMatchObject({
    after: 'record_flexipage-dynamic-highlights2',
    inShadowRoot: true,
    inActionList: false,
    inActiveView: true,
  });
  await expect(page.locator('section.oneConsoleTab[hidden] [data-glance-sfx="toolbar"]')).toHaveCount(0);
});

/** How a button looks, as the rep sees it: the computed style Classic's .btn sets, and its drawn height. */
function buttonLook(button: Locator) {
  return button.evaluate((el) => {
    const style = getComputedStyle(el);
    const look: Record<string, string | number> = { height: Math.round(el.getBoundingClientRect().height) };
    for (const property of [
      'color',
      'background-color',
      'background-image',
      'border-top-width',
      'border-top-style',
      'border-top-color',
      'border-left-color',
      'border-bottom-color',
      'border-top-left-radius',
      'font-family',
      'font-size',
      'font-weight',
      'padding-top',
      'padding-left',
    ])
      look[property] = style.getPropertyValue(property);
    return look;
  });
}

test('Classic: our buttons look like Classic’s own New Task and New Event, not bigger and bluer', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  await page.goto(`${CLASSIC}/${lead.slice(0, 15)}`);
  const bar = toolbar(page);
  await bar.getByRole('button', { name: 'Start Glance session' }).waitFor();
  const activityButton = page
    .locator('[data-glance-sfx="activity-action"]')
    .getByRole('button', { name: 'Schedule Glance meeting' });
  await activityButton.waitFor();
  const classic = await buttonLook(page.locator('input.btn[name="task"]'));
  // The page's own two agree (the emulator's Classic .btn), and ours match them.
  expect(await buttonLook(page.locator('input.btn[name="event"]'))).toEqual(classic);
  expect(await buttonLook(activityButton), 'beside New Task and New Event').toEqual(classic);
  for (const name of ['Start Glance session', 'More ways to start a Glance session', 'Schedule Glance meeting'])
    expect(await buttonLook(bar.getByRole('button', { name, exact: true })), name).toEqual(classic);
});
