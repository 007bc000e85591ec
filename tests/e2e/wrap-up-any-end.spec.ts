// The wrap-up after every end the worker records (issue 27, item 5), not only after the rep's own End
// in the tab that pressed it: Glance ending the session, or End pressed in another tab of the org,
// offers the same summary and form in the session's org's tabs (never in another org's). The wrap-up
// waiting in the worker follows the toolbar through Lightning's in-app navigation and a reload, until
// it is saved or skipped. All through Salesforce's and Glance's own answers in the sandbox.
import {
  connectGlance,
  expect,
  GLOBEX_LIGHTNING,
  LIGHTNING,
  logInToSalesforce,
  navigate,
  type Page,
  type Row,
  sessionEvents,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';

const wrapUp = (page: Page) => page.locator('[data-glance-sfx="wrap-up"]');
const card = (page: Page) => wrapUp(page).getByRole('region', { name: 'Session wrap-up' });
const SAVED = 'Wrap-up saved. It goes to Salesforce with the session’s Event.';

async function openRecord(page: Page, type: string, id: string, base = LIGHTNING): Promise<void> {
  await page.goto(`${base}/lightning/r/${type}/${id}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'ready');
}

test('Glance ends the session: the summary and the wrap-up in the session’s org’s tabs, none in another org’s; Save writes it', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await control.glanceAssumedOps(true);
  await connectGlance(context, extensionId);
  await logInToSalesforce(context, control, 'globex');
  const [contact] = await control.records<Row>('Contact');
  const [globexLead] = await control.records<Row>('Lead', 'globex');
  const customer = await context.newPage();
  await openRecord(customer, 'Lead', String(globexLead?.Id), GLOBEX_LIGHTNING);

  await page.bringToFront();
  await openRecord(page, 'Contact', String(contact?.Id));
  const { sessionId } = await startFromToolbar(page);
  await expect(sessionPanel(page).getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  // The rep ends sharing in the Glance Client (once the client hosts the session).
  await expect
    .poll(
      () =>
        control.endInGlanceClient().then(
          () => true,
          () => false,
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
  // The panel's poll learns it from Glance; the summary and the form take its place.
  await expect(sessionPanel(page)).toHaveCount(0, { timeout: 15_000 });
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByText('Glance session ended after less than a minute.', { exact: true })).toBeVisible();
  await expect(card(page).getByText('No guests joined.')).toBeVisible();

  await card(page).getByLabel('Notes').fill('Glance ended it; the customer had what they needed.');
  await card(page).getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(card(page).getByText(SAVED)).toBeVisible();
  await expect
    .poll(async () => String((await sessionEvents(control, sessionId))[0]?.Description), { timeout: 10_000 })
    .toContain('Notes:\n  Glance ended it; the customer had what they needed.');

  // The customer's org was never offered this session's wrap-up, not even after a reload.
  await customer.reload();
  await expect(toolbar(customer).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(wrapUp(customer)).toHaveCount(0);
});

test('End pressed in another tab of the org: the tab that started the session offers the wrap-up too; saved in one, it closes in the other', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const [contact] = await control.records<Row>('Contact');
  await openRecord(page, 'Contact', String(contact?.Id));
  const { sessionId } = await startFromToolbar(page);
  const other = await context.newPage();
  await other.goto(`${LIGHTNING}/lightning/page/home`);
  await sessionPanel(other).getByRole('button', { name: 'End session' }).click();
  await expect(card(other)).toBeVisible();

  await page.bringToFront();
  await expect(sessionPanel(page)).toHaveCount(0);
  await expect(card(page)).toBeVisible();
  await card(page).getByLabel('Notes').fill('Ended from the other tab.');
  await card(page).getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(card(page).getByText(SAVED)).toBeVisible();
  // Nothing left to wrap up in the other tab.
  await expect(wrapUp(other)).toHaveCount(0);
  await expect
    .poll(async () => String((await sessionEvents(control, sessionId))[0]?.Description), { timeout: 10_000 })
    .toContain('Notes:\n  Ended from the other tab.');
});

test('a Lightning navigation and a reload between End and Save: the wrap-up follows the toolbar and is saved', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const [contact] = await control.records<Row>('Contact');
  const [lead] = await control.records<Row>('Lead');
  await openRecord(page, 'Contact', String(contact?.Id));
  const { panel, sessionId } = await startFromToolbar(page);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(card(page)).toBeVisible();

  // In-app navigation (pushState): the card goes with the toolbar into the new record's view, never
  // left behind in the hidden view of the record the rep left.
  await navigate(page, `/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-record-id', String(lead?.Id));
  await expect(card(page)).toBeVisible();
  await expect(page.locator('.oneContent.active [data-glance-sfx="wrap-up"]')).toHaveCount(1);
  await expect(page.locator('.oneContent:not(.active) [data-glance-sfx="wrap-up"]')).toHaveCount(0);
  await expect(
    page.locator('.oneContent.active [data-glance-sfx="toolbar"] + [data-glance-sfx="wrap-up"]'),
  ).toHaveCount(1);

  // A reload: the worker still has it.
  await page.reload();
  await expect(toolbar(page)).toHaveAttribute('data-record-id', String(lead?.Id));
  await expect(card(page)).toBeVisible();
  await card(page).getByLabel('Notes').fill('Moved on to the lead before saving.');
  await card(page).getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(card(page).getByText(SAVED)).toBeVisible();
  await expect
    .poll(async () => String((await sessionEvents(control, sessionId))[0]?.Description), { timeout: 10_000 })
    .toContain('Notes:\n  Moved on to the lead before saving.');

  // Saved: a reload offers it no more.
  await page.reload();
  await expect(toolbar(page)).toHaveAttribute('data-record-id', String(lead?.Id));
  await expect(toolbar(page).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(wrapUp(page)).toHaveCount(0);
});

test('Skip is remembered: a reload or another tab offers the wrap-up no more', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const [contact] = await control.records<Row>('Contact');
  await openRecord(page, 'Contact', String(contact?.Id));
  const { panel } = await startFromToolbar(page);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(card(page)).toBeVisible();
  await card(page).getByRole('button', { name: 'Skip' }).click();
  await expect(wrapUp(page)).toHaveCount(0);

  await page.reload();
  await expect(toolbar(page).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  const other = await context.newPage();
  await openRecord(other, 'Contact', String(contact?.Id));
  await expect(toolbar(other).getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(wrapUp(page)).toHaveCount(0);
  await expect(wrapUp(other)).toHaveCount(0);
});
