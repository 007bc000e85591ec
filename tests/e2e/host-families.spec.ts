// Every Salesforce host family in the table (src/shared/salesforce-hosts.ts) works end to end: the
// toolbar on a Lightning and a Classic record page, who-am-I from the right API host, and a session
// logged in that org. Salesforce behind a Defender for Cloud Apps proxy gets a clear state instead.
import {
  connectGlance,
  expect,
  logInToSalesforce,
  type Row,
  sessionEvents,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';
import { openPopup } from './pages/extension-pages.js';

const FAMILIES = [
  {
    org: 'uat',
    family: 'sandbox',
    lightning: 'acme--uat.sandbox.lightning.force.com',
    classic: 'acme--uat.sandbox.my.salesforce.com',
  },
  {
    org: 'dev',
    family: 'Developer Edition',
    lightning: 'acme-dev-ed.develop.lightning.force.com',
    classic: 'acme-dev-ed.develop.my.salesforce.com',
  },
  {
    org: 'scratch',
    family: 'scratch org',
    lightning: 'site-force-1234.scratch.lightning.force.com',
    classic: 'site-force-1234.scratch.my.salesforce.com',
  },
  {
    org: 'trail',
    family: 'Trailhead Playground',
    lightning: 'curious-fox-abc.trailblaze.lightning.force.com',
    classic: 'curious-fox-abc.trailblaze.my.salesforce.com',
  },
  {
    org: 'dod',
    family: 'Government Cloud Plus',
    lightning: 'dod.lightning.crmforce.mil',
    classic: 'dod.my.salesforce.mil',
  },
  {
    org: 'ali',
    family: 'China (Alibaba Cloud)',
    lightning: 'ali.lightning.sfcrmapps.cn',
    classic: 'ali.my.sfcrmproducts.cn',
  },
] as const;

for (const { org, family, lightning, classic } of FAMILIES) {
  test(`${family}: toolbar on Lightning and Classic, a session logged in that org`, async ({
    page,
    context,
    extensionId,
    control,
  }) => {
    await logInToSalesforce(context, control, org);
    await connectGlance(context, extensionId);
    const [lead] = await control.records<Row>('Lead', org);
    if (!lead) throw new Error(`no lead in ${org}`);

    await page.goto(`https://${classic}/${lead.Id}`);
    await expect(toolbar(page)).toHaveAttribute('data-record-id', lead.Id);

    await page.goto(`https://${lightning}/lightning/r/Lead/${lead.Id}/view`);
    await expect(toolbar(page)).toHaveAttribute('data-record-id', lead.Id);
    await expect(toolbar(page).getByRole('status')).toContainText('Riley Rep');
    const { panel, sessionId } = await startFromToolbar(page);
    await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
    const events = await sessionEvents(control, sessionId, org);
    expect(events).toHaveLength(1);
    expect(events[0]?.WhoId).toBe(lead.Id);
    // Every API call went to the org's own My Domain host of its family.
    const hosts = new Set((await control.apiCalls()).map((c) => c.host));
    expect([...hosts]).toEqual([classic]);
    await panel.getByRole('button', { name: 'End session' }).click();
    await expect(sessionPanel(page)).toHaveCount(0);
  });
}

test('Salesforce behind a Defender for Cloud Apps proxy: the popup says the extension cannot work there', async ({
  page,
  context,
  extensionId,
  control,
}) => {
  const [lead] = await control.records<Row>('Lead');
  await page.goto(`https://acme.lightning.force.com.mcas.ms/lightning/r/Lead/${lead?.Id}/view`);
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('salesforce-proxied')).toContainText('security proxy');
  await expect(popup.getByTestId('salesforce-proxied')).toContainText('acme.lightning.force.com');
  expect(await control.apiCalls()).toEqual([]);
  await popup.close();
});
