// A Setup tab (…my.salesforce-setup.com, Salesforce Help "My Domain URL Formats") is the rep's org:
// the popup names who is signed in there and "Check this org" checks its My Domain host. The toolbar
// is not injected into Setup (no record of ours is shown there).
import { expect, logInToSalesforce, test, toolbar } from './fixtures.js';
import { openOptions, openPopup } from './pages/extension-pages.js';

const SETUP_HOME = 'https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home';

test('from a Setup tab the popup shows the org and Check this org names its My Domain host', async ({
  page,
  context,
  extensionId,
  control,
}) => {
  await logInToSalesforce(context, control);
  // Setup's host signs the rep in through its own frontdoor hop, as Salesforce does.
  await page.goto(SETUP_HOME);
  await expect(page).toHaveURL(SETUP_HOME);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('salesforce-user')).toContainText('Riley Rep');
  await expect(popup.getByText('Org: acme.my.salesforce.com')).toBeVisible();
  await popup.close();

  const options = await openOptions(context, extensionId, '#company');
  const card = options.getByRole('region', { name: 'Check this org' });
  await card.getByRole('button', { name: 'Check this org' }).click();
  await expect(card.getByTestId('org-check-confirm')).toContainText('Check acme.my.salesforce.com?');
  await options.close();

  // Every API call went to the org's My Domain host, none to Setup's.
  const calls = await control.apiCalls();
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((c) => c.host === 'acme.my.salesforce.com')).toBe(true);
  expect(await toolbar(page).count()).toBe(0);
});
