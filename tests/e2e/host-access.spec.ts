// The popup says so when the browser has withheld the extension's access to Salesforce. Firefox
// leaves MV3 host permissions to the rep (granted at install from Firefox 127 and revocable in
// Add-ons and themes → Permissions); Chrome lets a rep limit site access too ("Site access: On click"
// on chrome://extensions), which is what this test does in real Chromium. It runs in a
// browser of its own: the access withdrawn here cannot be given back without the browser's prompt.
import { launchWithExtension } from '../support/chromium.js';
import { expect, test } from './fixtures.js';
import { openPopup } from './pages/extension-pages.js';

test('withheld Salesforce access: the popup names it and offers Allow access', async ({ sandbox }) => {
  const browser = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
  try {
    const popup = await openPopup(browser.context, browser.extensionId);
    // Granted (Chrome grants host permissions at install): no notice.
    await expect(popup.locator('[data-host-access="granted"]')).toHaveCount(1);
    await expect(popup.getByTestId('host-access-missing')).toHaveCount(0);

    // What a rep does on chrome://extensions → Details → Site access → "On click".
    const settings = await browser.context.newPage();
    await settings.goto('chrome://extensions/');
    await settings.evaluate(
      (id) =>
        (
          chrome as unknown as {
            developerPrivate: { updateExtensionConfiguration(update: object): Promise<void> };
          }
        ).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }),
      browser.extensionId,
    );
    await settings.close();
    await popup.reload();
    const notice = popup.getByTestId('host-access-missing');
    await expect(notice.getByRole('heading', { name: 'Access to Salesforce' })).toBeVisible();
    await expect(notice.getByRole('alert')).toHaveText(
      'The browser hasn’t let Glance for Salesforce use your Salesforce pages yet, so the Glance toolbar can’t appear there.',
    );
    await expect(notice.getByRole('button', { name: 'Allow access' })).toBeEnabled();
    await expect(popup.locator('[data-host-access="granted"]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
