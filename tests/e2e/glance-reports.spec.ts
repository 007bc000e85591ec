// "Create Glance reports" on the options page's Company Settings tab (issue 27, item 2): the admin
// picks a report folder of the org of their Salesforce tab, the six reports are made there through
// the Analytics REST API (the sandbox's, as strict as Salesforce's), a second run makes none again,
// each link opens the report's page in Lightning, and a refusal is shown in Salesforce's words.
import AxeBuilder from '@axe-core/playwright';
import type { SandboxControl } from '../support/control.js';
import { expect, LIGHTNING, type Page, test } from './fixtures.js';
import { optionsUrl } from './pages/extension-pages.js';

type Row = Record<string, unknown> & { Id: string };

/** Each report's label on the page, and its name in Salesforce. */
const REPORTS: [string, string][] = [
  ['Sessions per rep per week', 'Glance sessions per rep per week'],
  ['Minutes per rep', 'Glance minutes per rep'],
  ['Sessions by guests', 'Glance sessions by guests'],
  ['Sessions by record type', 'Glance sessions by record type'],
  ['Meetings scheduled', 'Glance meetings scheduled'],
  ['Meetings held', 'Glance meetings held'],
];

async function openOptions(page: Page, control: SandboxControl, extensionId: string) {
  const lead = (await control.records<Row>('Lead'))[0];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const options = await page.context().newPage();
  await options.goto(optionsUrl(extensionId, '#company'));
  return options;
}

/** Keyboard only: the button, the folder choice, then the create button. */
async function createIn(options: Page, folder: string) {
  const card = options.getByRole('region', { name: 'Glance reports' });
  await card.getByRole('button', { name: 'Create Glance reports' }).focus();
  await options.keyboard.press('Enter');
  const choice = card.getByRole('combobox', { name: 'Report folder' });
  await expect(choice).toBeVisible();
  await choice.selectOption({ label: folder });
  await card.getByRole('button', { name: 'Create the reports in this folder' }).focus();
  await options.keyboard.press('Enter');
  return card;
}

test('creates the six reports in the folder picked, then again without duplicates; each link opens its report', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  const options = await openOptions(page, control, extensionId);
  const card = await createIn(options, 'Sales Team Reports');
  await expect(card.getByRole('status')).toHaveText('acme.my.salesforce.com: the Glance reports are ready.', {
    timeout: 20_000,
  });
  const items = card.getByTestId('reports-list').getByRole('listitem');
  await expect(items).toHaveCount(6);
  await expect(card.locator('li[data-created="true"]')).toHaveCount(6);
  const folder = (await control.records<Row>('Folder')).find((f) => f.Name === 'Sales Team Reports');
  const saved = await control.records<Row>('Report');
  expect(saved.map((r) => r.Name).sort()).toEqual(REPORTS.map(([, name]) => name).sort());
  expect(saved.every((r) => r.OwnerId === folder?.Id)).toBe(true);
  const axe = await new AxeBuilder({ page: options }).include('[data-testid="glance-reports"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Again: nothing new in Salesforce, each report kept and said to be.
  const before = (await control.apiCalls()).length;
  await createIn(options, 'Sales Team Reports');
  await expect(card.locator('li[data-created="false"]')).toHaveCount(6, { timeout: 20_000 });
  await expect(card.getByRole('status')).toHaveText('acme.my.salesforce.com: the Glance reports are ready.');
  expect(await control.records<Row>('Report')).toHaveLength(6);
  const again = (await control.apiCalls()).slice(before);
  expect(again.filter((c) => c.method === 'POST')).toEqual([]);

  // Each link opens the report's page in the org's Lightning Experience, in a new tab.
  for (const [label, name] of REPORTS) {
    const link = card.getByRole('link', { name: `${label} (opens in a new tab)` });
    const [tab] = await Promise.all([options.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^https:\/\/acme\.lightning\.force\.com\/lightning\/r\/Report\/00O\w{15}\/view$/);
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(name);
    await tab.close();
  }
  await options.close();
});

test('without "Create and Customize Reports", or in a folder shared as Viewer, says what Salesforce refused and makes nothing', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  const options = await openOptions(page, control, extensionId);
  const card = await createIn(options, 'Executive Reports');
  await expect(card.getByRole('status')).toHaveText(
    "Salesforce refused: You don't have sufficient privileges to save reports in this folder.",
    { timeout: 20_000 },
  );
  await control.setCreateAndCustomizeReports(false);
  await createIn(options, 'Sales Team Reports');
  await expect(card.getByRole('status')).toHaveText("Salesforce refused: You don't have permission to create reports.");
  expect(await control.records<Row>('Report')).toEqual([]);
  await options.close();
});
