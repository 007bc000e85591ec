// Inputs the extension does not control, in the real browser: URLs with malformed escapes (the URL
// parser must not kill the content script) and a Glance answer whose join link points elsewhere.
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, type Page, startFromToolbar, test, toolbar } from './fixtures.js';

async function leadId(control: SandboxControl, index = 0): Promise<string> {
  const lead = (await control.records<{ Id: string }>('Lead'))[index];
  if (!lead) throw new Error(`no seeded Lead #${index}`);
  return lead.Id;
}

function navigateInApp(page: Page, path: string) {
  return page.evaluate(
    (p) => (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(p),
    path,
  );
}

test('a Lightning record URL whose query or hash holds a malformed % still gets the toolbar', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await leadId(control);
  // Salesforce serves the record whatever its query holds; Chrome keeps the escapes as they came.
  for (const suffix of ['?c__ref=%E0%A4%A', '?c__ref=%zz&x=%', '#%E0%A4%A']) {
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view${suffix}`);
    expect(page.url()).toContain(suffix);
    await expect(toolbar(page), suffix).toHaveAttribute('data-record-id', lead);
    await expect(toolbar(page).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  }
});

test('a page whose path holds a malformed % reads as "not a record": the content script lives on', async ({
  salesforcePage: page,
  control,
}) => {
  const [lead1, lead2] = [await leadId(control, 0), await leadId(control, 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-record-id', lead1);
  // In-app navigation to a path with a truncated UTF-8 escape (Lightning shows its error page).
  await navigateInApp(page, '/lightning/page/%E0%A4%A');
  expect(page.url()).toContain('/lightning/page/%E0%A4%A');
  await expect(toolbar(page)).toHaveCount(0);
  // And it still follows the rep to the next record.
  await navigateInApp(page, `/lightning/r/Lead/${lead2}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-record-id', lead2);
});

test.describe('a join link from Glance that is not on the account’s join host', () => {
  test.beforeEach(async ({ context, extensionId, control: _control }) => {
    await connectGlance(context, extensionId);
  });

  for (const hostile of ['javascript:alert(document.domain)', 'https://collector.example/?key=1234']) {
    test(`is replaced by the documented link: ${hostile}`, async ({ salesforcePage: page, control }) => {
      await control.setGlanceJoinUrl(hostile);
      await page.goto(`${LIGHTNING}/lightning/r/Lead/${await leadId(control)}/view`);
      const { panel } = await startFromToolbar(page);
      const key = (await panel.getByLabel('Session key').textContent()) ?? '';
      await expect(panel.getByLabel('Join link')).toHaveValue(`https://acme.glance.net/?key=${key}`);
    });
  }
});

test.describe('a redirect from Glance’s web services', () => {
  test('is not followed: the password is not re-posted, and the rep is told Glance did not answer', async ({
    popupPage: popup,
    control,
  }) => {
    // A host the sandbox also answers, so a followed redirect would show up in its log. ValidateUser
    // carries the password; a 307 would re-post it as it is (RFC 9110 15.4.8).
    await control.redirectGlance('collector.glance.net', 1);
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByRole('alert')).toContainText('Glance did not answer.');
    const glanceRequests = await control.log('glance');
    expect(glanceRequests.map((e) => [e.host, e.path, e.status])).toEqual([
      ['www.glance.net', '/services/ProvisioningService.asmx/ValidateUser', 307],
    ]);
    expect(glanceRequests.filter((e) => e.host === 'collector.glance.net')).toEqual([]);
  });

  test('the probe of Glance’s assumed operations, after Connect, is one GET that carries no credential', async ({
    popupPage: popup,
    control,
  }) => {
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await popup.getByTestId('glance-connected').waitFor();
    await expect
      .poll(async () => (await control.log('glance')).filter((e) => e.path.startsWith('/services/SessionService')))
      .toMatchObject([
        { method: 'GET', host: 'www.glance.net', query: '?WSDL', status: 200, body: '', authorized: false },
      ]);
  });
});
