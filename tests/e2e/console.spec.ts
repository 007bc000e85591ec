// Lightning console apps as they are (issue 9, item 2; salesforce.md "Console apps"): a workspace
// (primary tab) URL has no ?ws=, a focused subtab's URL names its PARENT in ?ws=; workspaces nest
// their subtabs, and a background workspace keeps its active subtab, hidden. The toolbar docks in
// the visible record's header in each shape, never in a hidden workspace.
import type { BrowserContext } from '@playwright/test';
import {
  connectGlance,
  expect,
  firstId,
  LIGHTNING,
  navigate,
  type Page,
  sessionPanel,
  test,
  toolbar,
} from './fixtures.js';

/** The user's app is a console app: Salesforce remembers the last app, the URL does not say it. */
async function consoleApp(context: BrowserContext, extra = '') {
  await context.addCookies([{ name: 'sandbox_ui', value: `console${extra}`, url: `${LIGHTNING}/` }]);
}

const recordPath = (type: string, id: string) => `/lightning/r/${type}/${id}/view`;
const subtabUrl = (path: string, parent: string) => `${path}?ws=${encodeURIComponent(parent)}`;

/** Docked inline in the visible workspace's focused subtab, showing this record, and nowhere else. */
async function expectDockedFor(page: Page, sobject: string, recordId: string) {
  const bar = toolbar(page);
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-record-id', recordId);
  await expect(bar).toHaveAttribute('data-sobject', sobject);
  await expect(bar).toHaveAttribute('data-docked', 'inline');
  await expect(bar).toBeVisible();
  await expect(
    page.locator(
      'section.oneConsoleTab.active:not([hidden]) > .oneWorkspace > .wsTabset > .tabsetBody > section.oneConsoleTab.active:not([hidden]) .windowViewMode-maximized.active [data-glance-sfx="toolbar"]',
    ),
  ).toHaveCount(1);
  await expect(page.locator('section.oneConsoleTab[hidden] [data-glance-sfx="toolbar"]')).toHaveCount(0);
  // In the focused subtab's own header, beside the highlights panel.
  expect(await bar.evaluate((el) => el.previousElementSibling?.localName)).toBe('records-highlights2');
}

test('console primary tab: the URL has no ?ws= and the toolbar docks in the workspace', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await consoleApp(context);
  const kase = await firstId(control, 'Case');
  await page.goto(`${LIGHTNING}${recordPath('Case', kase)}`);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('body[data-sandbox-shell="console"]')).toHaveCount(1);
  await expectDockedFor(page, 'Case', kase);
});

test('console subtab: the URL names its parent in ?ws= and the toolbar docks in the subtab, for the subtab record', async ({
  salesforcePage: page,
  control,
}) => {
  const kase = await firstId(control, 'Case');
  const contact = await firstId(control, 'Contact');
  // Opened straight from a subtab's URL (a bookmark, a reload): the parent's page is in the DOM, hidden.
  await page.goto(`${LIGHTNING}${subtabUrl(recordPath('Contact', contact), recordPath('Case', kase))}`);
  await expectDockedFor(page, 'Contact', contact);
  await expect(page.locator('section[data-sandbox-subtab][hidden] records-highlights2')).toHaveCount(1);
});

test('two workspaces, each with an active subtab: the toolbar follows the visible one, never a hidden workspace', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await consoleApp(context);
  const [case1, case2] = [await firstId(control, 'Case', 0), await firstId(control, 'Case', 1)];
  const [contact, lead] = [await firstId(control, 'Contact'), await firstId(control, 'Lead')];
  const ws1 = recordPath('Case', case1);
  const ws2 = recordPath('Case', case2);

  await page.goto(`${LIGHTNING}${ws1}`);
  await expectDockedFor(page, 'Case', case1);

  // A subtab in workspace 1.
  await navigate(page, subtabUrl(recordPath('Contact', contact), ws1));
  await expect(page).toHaveURL(`${LIGHTNING}${subtabUrl(recordPath('Contact', contact), ws1)}`);
  await expectDockedFor(page, 'Contact', contact);

  // A second workspace: its primary tab's URL has no ws; workspace 1 goes to the background, hidden,
  // and keeps its active subtab (with Lightning's `active` classes on it).
  await navigate(page, ws2);
  await expect(page).toHaveURL(`${LIGHTNING}${ws2}`);
  await expectDockedFor(page, 'Case', case2);
  const background = page.locator(`section[data-sandbox-workspace][data-sandbox-path="${ws1}"]`);
  await expect(background).toBeHidden();
  await expect(
    background.locator('section.oneConsoleTab.active .windowViewMode-maximized.active records-highlights2'),
  ).toHaveCount(1);

  // A subtab in workspace 2, opened the way reps do: a record link in the Case's header (its
  // Contact, maybe the very Contact open in workspace 1). Both workspaces now hold an active subtab.
  const link = page.locator('section.oneConsoleTab.active:not([hidden]) records-highlights2 a[href*="/Contact/"]');
  const linked = /\/Contact\/(\w+)\/view/.exec((await link.getAttribute('href')) ?? '')?.[1] as string;
  await link.click();
  await expect(page).toHaveURL(`${LIGHTNING}${subtabUrl(recordPath('Contact', linked), ws2)}`);
  await expectDockedFor(page, 'Contact', linked);
  await navigate(page, subtabUrl(recordPath('Lead', lead), ws2));
  await expectDockedFor(page, 'Lead', lead);

  // Back to workspace 1 through its tab: Salesforce shows its focused subtab again, URL ws=<parent>.
  await page.locator(`[data-sandbox-tabs] a[href="${ws1}"]`).click();
  await expect(page).toHaveURL(`${LIGHTNING}${subtabUrl(recordPath('Contact', contact), ws1)}`);
  await expectDockedFor(page, 'Contact', contact);

  // And to workspace 1's primary tab through its subtab bar: no ws again.
  await page
    .locator(`section[data-sandbox-workspace][data-sandbox-path="${ws1}"] [data-sandbox-subtabs] a[href="${ws1}"]`)
    .click();
  await expect(page).toHaveURL(`${LIGHTNING}${ws1}`);
  await expectDockedFor(page, 'Case', case1);

  await page.goBack();
  await expectDockedFor(page, 'Contact', contact);
});

test('a Glance session started in a console subtab: the panel docks in the visible subtab of each workspace', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await consoleApp(context);
  const [case1, case2] = [await firstId(control, 'Case', 0), await firstId(control, 'Case', 1)];
  const contact = await firstId(control, 'Contact');
  const ws1 = recordPath('Case', case1);
  await page.goto(`${LIGHTNING}${subtabUrl(recordPath('Contact', contact), ws1)}`);
  await expectDockedFor(page, 'Contact', contact);
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).click();
  const shown = sessionPanel(page);
  await expect(shown.getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/, { timeout: 3_000 });
  // Logged on the subtab's record (the URL's path), not on its parent named in ws.
  await expect(shown.getByRole('region', { name: 'Glance session' })).toContainText('Logged on this Contact');
  const dockedInVisibleSubtab = page.locator(
    'section.oneConsoleTab.active:not([hidden]) section.oneConsoleTab.active:not([hidden]) .windowViewMode-maximized.active [data-glance-sfx="session-panel"]',
  );
  await expect(shown).toHaveAttribute('data-docked', 'inline');
  await expect(dockedInVisibleSubtab).toHaveCount(1);

  await navigate(page, recordPath('Case', case2));
  await expect(shown).toHaveAttribute('data-docked', 'inline');
  await expect(dockedInVisibleSubtab).toHaveCount(1);
  await expect(shown).toBeVisible();
  await expect(page.locator('section.oneConsoleTab[hidden] [data-glance-sfx="session-panel"]')).toHaveCount(0);
});
