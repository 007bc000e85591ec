// "Check this org" on the options page: the org check runs in the options page with the browser's
// own session of the rep's Salesforce tab, passes against the sandbox, names the org setting that
// refused when the sandbox refuses, and leaves no record behind.
import AxeBuilder from '@axe-core/playwright';
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, type Page, test } from './fixtures.js';
import { optionsUrl } from './pages/extension-pages.js';

type Row = Record<string, unknown> & { Id: string };

const CHECKS = 11;

async function counts(control: SandboxControl) {
  const [leads, events] = await Promise.all([control.records<Row>('Lead'), control.records<Row>('Event')]);
  return { leads: leads.length, events: events.length };
}

/** A Salesforce tab on a Lead, then the options page's Company Settings tab; answers the options page. */
async function openOptions(page: Page, control: SandboxControl, extensionId: string) {
  const lead = (await control.records<Row>('Lead'))[0];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const options = await page.context().newPage();
  // The org check is on the Glance Company Settings tab.
  await options.goto(optionsUrl(extensionId, '#company'));
  return options;
}

async function runCheck(options: Page, control: SandboxControl) {
  const card = options.getByRole('region', { name: 'Check this org' });
  // Keyboard only: focus the button and press Enter.
  await card.getByRole('button', { name: 'Check this org' }).focus();
  const before = (await counts(control)).leads;
  await options.keyboard.press('Enter');
  // It names the org and asks first, warning that Lead inserts run the org's automation: nothing written yet.
  const confirm = card.getByTestId('org-check-confirm');
  await expect(confirm).toContainText('Check acme.my.salesforce.com?');
  await expect(confirm).toContainText("Creating Leads runs the org's own automation");
  expect((await counts(control)).leads).toBe(before);
  await confirm.getByRole('button', { name: 'Run the check' }).click();
  await expect(card.getByRole('status')).toContainText('acme.my.salesforce.com:', { timeout: 20_000 });
  return card;
}

test('passes against the sandbox with the browser session, every call listed, nothing left behind', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  const before = await counts(control);
  const options = await openOptions(page, control, extensionId);
  const card = await runCheck(options, control);
  await expect(card.getByRole('status')).toHaveText('acme.my.salesforce.com: every call worked.');
  const results = card.getByTestId('org-check-results').getByRole('listitem');
  await expect(results).toHaveCount(CHECKS);
  await expect(card.locator('li[data-ok="true"]')).toHaveCount(CHECKS);
  await expect(card.locator('li[data-check="chatter-post"]')).toContainText('/lightning/r/Event/');
  // The meeting composite: the future Event and its post in one request, then its cancellation.
  await expect(card.locator('li[data-check="meeting-scheduled"]')).toContainText('the post links to it');
  await expect(card.locator('li[data-check="meeting-cancelled"]')).toContainText('read back as written');
  expect(await counts(control)).toEqual(before);
  // Every call went to the org's own API host with its My Domain session.
  const calls = await control.apiCalls();
  expect(calls.length).toBeGreaterThan(CHECKS);
  expect(calls.every((c) => c.host === 'acme.my.salesforce.com')).toBe(true);
  const axe = await new AxeBuilder({ page: options }).include('[data-testid="org-check"]').analyze();
  expect(axe.violations).toEqual([]);
  await options.close();
});

test('API Access Control on: fails at the first call and names the settings that answer so', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  await control.setApiAccessControl(true);
  const options = await openOptions(page, control, extensionId);
  const card = await runCheck(options, control);
  await expect(card.getByRole('status')).toHaveText('acme.my.salesforce.com: 1 of the calls did not work.');
  const first = card.locator('li[data-check="who-am-i"]');
  await expect(first).toHaveAttribute('data-ok', 'false');
  await expect(first).toContainText('Failed');
  await expect(first).toContainText('Several settings answer so: API Access Control');
  await expect(first).toContainText('not valid for use with the REST API');
  await options.close();
});

test('a field the rep cannot write: the Event check fails naming field permissions, and the check cleans up', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  const before = await counts(control);
  await control.setFieldWritable('Event', 'Description', false);
  const options = await openOptions(page, control, extensionId);
  const card = await runCheck(options, control);
  const start = card.locator('li[data-check="event-start"]');
  await expect(start).toHaveAttribute('data-ok', 'false');
  await expect(start).toContainText('Refused by field permissions');
  await expect(start).toContainText('without Description');
  await expect(card.locator('li[data-check="clean-up"]')).toHaveAttribute('data-ok', 'true');
  expect(await counts(control)).toEqual(before);
  await options.close();
});

test('Chatter off: who-am-i and the post fail naming Chatter; the Event is still logged', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  await control.setChatter(false);
  const options = await openOptions(page, control, extensionId);
  const card = await runCheck(options, control);
  await expect(card.getByRole('status')).toHaveText('acme.my.salesforce.com: 2 of the calls did not work.');
  await expect(card.locator('li[data-check="chatter-post"]')).toContainText('Chatter is off in this org');
  await expect(card.locator('li[data-check="who-am-i"]')).toContainText('Chatter is off in this org');
  await expect(card.locator('li[data-check="event-start"]')).toHaveAttribute('data-ok', 'true');
  await options.close();
});

test('Check Glance: a documented-only account offers none of the assumed operations; one that has them shows each', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const options = await openOptions(page, control, extensionId);
  const card = options.getByRole('region', { name: 'Check Glance' });
  await card.getByRole('button', { name: 'Check Glance' }).click();
  await expect(card.getByRole('status')).toHaveText('What acme.glance.net offers beyond what Glance documents:');
  const rows = card.getByRole('listitem');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Not offered' })).toHaveCount(4);

  // The same account where the (assumed) operations answer: each is found, and kept for sessions.
  await control.glanceAssumedOps(true);
  await card.getByRole('button', { name: 'Check Glance' }).click();
  await expect(rows.filter({ hasText: 'Available' })).toHaveCount(4);
  const results = await new AxeBuilder({ page: options }).include('[data-testid="glance-check"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
