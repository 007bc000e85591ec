// A renamed My Domain (issue 26, item 10; Salesforce Help "Understand Redirections for Previous My
// Domain Host Names"): a Salesforce tab opened before the rename keeps its old address, where every
// API call now redirects. The popup names the org's new address, the session's records wait for the
// new host and say why, and land there once the rep is logged in at the new address.
import {
  connectGlance,
  expect,
  LIGHTNING,
  logInToSalesforce,
  type Row,
  sessionEvents,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';
import { openPopup } from './pages/extension-pages.js';

test('the popup names the new address and the session is logged there once the rep logs in', async ({
  page,
  context,
  extensionId,
  control,
}) => {
  await logInToSalesforce(context, control);
  await connectGlance(context, extensionId);
  const [lead] = await control.records<Row>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page).getByRole('status')).toContainText('Riley Rep');

  // The admin renames the org's My Domain while the rep's tab is open.
  await control.changeMyDomain('acme-corp');
  const { sessionId } = await startFromToolbar(page);

  const popup = await openPopup(context, extensionId);
  const moved = popup.getByTestId('salesforce-moved');
  await expect(moved).toContainText("This org's My Domain moved to acme-corp.my.salesforce.com.");
  await expect(moved.getByRole('link', { name: 'Open Salesforce at the new address' })).toHaveAttribute(
    'href',
    'https://acme-corp.lightning.force.com/',
  );
  await expect(popup.getByTestId('salesforce-queue')).toContainText(
    "This org's My Domain moved from acme.my.salesforce.com to acme-corp.my.salesforce.com",
  );
  expect(await sessionEvents(control, sessionId)).toEqual([]);
  // The session never went to the new host without a session of its own there.
  const before = await control.apiCalls();
  expect(before.filter((c) => c.host === 'acme-corp.my.salesforce.com' && c.authorized)).toEqual([]);
  await popup.close();

  // The rep logs in at the new address: the new host's sid cookie sends what waited.
  await logInToSalesforce(context, control);
  await expect.poll(async () => (await sessionEvents(control, sessionId)).length, { timeout: 15_000 }).toBe(1);
  const calls = await control.apiCalls();
  const writes = calls.filter((c) => c.method !== 'GET' && c.status < 300);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((c) => c.host === 'acme-corp.my.salesforce.com')).toBe(true);
});
