// Only the org of the session sees it (issue 10, item 2): a rep with their own org and a customer's
// org open starts a session in their own; the customer org's tab keeps its toolbar and never holds
// the key, the join link or the guests, while a second tab of the session's org shows the panel.
import {
  connectGlance,
  expect,
  GLOBEX_LIGHTNING,
  LIGHTNING,
  logInToSalesforce,
  type Row,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';

test('a session started in one org is shown in that org’s tabs only', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await logInToSalesforce(context, control, 'globex');
  const [acmeLead] = await control.records<Row>('Lead');
  const [globexLead] = await control.records<Row>('Lead', 'globex');
  const customer = await context.newPage();
  await customer.goto(`${GLOBEX_LIGHTNING}/lightning/r/Lead/${globexLead?.Id}/view`);
  await expect(toolbar(customer)).toHaveAttribute('data-salesforce', 'ready');
  const sameOrg = await context.newPage();
  await sameOrg.goto(`${LIGHTNING}/lightning/page/home`);

  await page.goto(`${LIGHTNING}/lightning/r/Lead/${acmeLead?.Id}/view`);
  const { panel } = await startFromToolbar(page);
  const key = (await panel.getByLabel('Session key').textContent()) ?? '';
  // The other tab of the same org shows the session at once.
  await expect(sessionPanel(sameOrg).getByLabel('Session key')).toHaveText(key);

  // The customer's org: still its toolbar, no panel, and nothing of the session anywhere in the page,
  // not even after it asks again (coming back to the tab) or reloads.
  await customer.bringToFront();
  await customer.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await customer.reload();
  await expect(toolbar(customer).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(sessionPanel(customer)).toHaveCount(0);
  const visible = await customer.evaluate(() =>
    [document.documentElement, ...[...document.querySelectorAll('*')].flatMap((e) => e.shadowRoot ?? [])]
      .map((n) => (n instanceof ShadowRoot ? n.innerHTML : n.outerHTML))
      .join('\n'),
  );
  expect(visible).not.toContain(`key=${key}`);
  expect(visible).not.toMatch(new RegExp(`>\\s*${key}\\s*<`));

  // Starting there says a session already runs, and still shows nothing of it.
  await toolbar(customer).getByRole('button', { name: 'Start Glance session' }).click();
  await expect(toolbar(customer).getByRole('status')).toContainText('already');
  await expect(sessionPanel(customer)).toHaveCount(0);

  // Ending it in its own org brings the toolbar back in both of its tabs.
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(sameOrg)).toHaveCount(0);
  await expect(sessionPanel(page)).toHaveCount(0);
});
