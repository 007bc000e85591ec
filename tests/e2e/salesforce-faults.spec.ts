// What the rep sees when a real org's Salesforce stands in the way of logging a session (issue 8):
// the panel, the toolbar and the popup name the reason in the rep's words, nothing is lost, and the
// popup's Retry and Discard act on what waits.
import type { SandboxControl } from '../support/control.js';
import {
  connectGlance,
  expect,
  LIGHTNING,
  logInToSalesforce,
  type Page,
  type Row,
  sessionEvents,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';
import { openOptions, openPopup } from './pages/extension-pages.js';

async function startOnLead(page: Page, control: SandboxControl, index = 0) {
  const lead = (await control.records<Row>('Lead'))[index];
  if (!lead) throw new Error('no lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`);
  return startFromToolbar(page);
}

test('API Access Control: toolbar, panel and popup say the session is not taken, name no cause as fact; Retry sends it', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.setApiAccessControl(true);
  const lead = (await control.records<Row>('Lead'))[0];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'session-not-for-api');
  await expect(toolbar(page).getByRole('status')).toContainText('administrator');
  await expect(toolbar(page).getByRole('status')).not.toContainText('API Access Control');

  const { panel, sessionId } = await startOnLead(page, control);
  await expect(panel.getByText(/does not accept this browser session for its API/)).toBeVisible({ timeout: 10_000 });

  const popup = await openPopup(context, extensionId);
  const queue = popup.getByTestId('salesforce-queue');
  await expect(queue).toContainText('1 session record waiting for Salesforce');
  await expect(queue).toContainText('log in again, or ask your Salesforce administrator');
  expect(await sessionEvents(control, sessionId)).toHaveLength(0);

  // The admin allows the API for the rep's profile; the rep presses Retry.
  await control.setApiAccessControl(false);
  await queue.getByRole('button', { name: /^Retry sending the Lead session/ }).click();
  await expect(queue).toContainText('Every session is in Salesforce.');
  expect(await sessionEvents(control, sessionId)).toHaveLength(1);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible();
  await popup.close();
});

test('a High Assurance requirement: logging in again with a second factor sends the waiting session, no Retry', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.setHighAssuranceForApi(true);
  const { panel, sessionId } = await startOnLead(page, control);
  await expect(panel.getByText(/does not accept this browser session for its API/)).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByRole('link', { name: 'Log in to Salesforce' })).toBeVisible();
  expect(await sessionEvents(control, sessionId)).toHaveLength(0);
  // The rep logs in again with their second factor: a new sid cookie on the org's API host.
  await logInToSalesforce(context, control, 'acme', { highAssurance: true });
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  expect(await sessionEvents(control, sessionId)).toHaveLength(1);
});

test("an org's refusal that leaving fields out cannot fix: Salesforce's words in the panel; Discard in the popup", async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.addValidationRule({ sobject: 'Event', message: 'Events are read-only during the audit.' });
  const { panel, sessionId } = await startOnLead(page, control);
  await expect(
    panel.getByText(/Salesforce refused to log this session: Events are read-only during the audit\./),
  ).toBeVisible({
    timeout: 10_000,
  });
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(page)).toHaveCount(0);

  const popup = await openPopup(context, extensionId);
  const queue = popup.getByTestId('salesforce-queue');
  await expect(queue).toContainText('Salesforce refused it: Events are read-only during the audit.');
  await queue.getByRole('button', { name: /^Discard the Salesforce records of the Lead session/ }).click();
  await expect(queue).toContainText('Every session is in Salesforce.');
  await popup.getByRole('tab', { name: 'Sessions' }).click();
  await expect(popup.getByTestId('recent-sessions')).toContainText('Discarded');
  expect(await sessionEvents(control, sessionId)).toHaveLength(0);
  await popup.close();
});

test('a field the rep may not write: the session is logged without it, and the options page shows the org budget', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.setFieldWritable('Event', 'Type', false);
  const { panel, sessionId } = await startOnLead(page, control);
  await expect(
    panel.getByText(/Logged to Salesforce\. Salesforce would not take Type, so the Event was logged without/),
  ).toBeVisible({
    timeout: 10_000,
  });
  await expect(panel).toContainText('Unable to create/update fields: Type.');
  const [event] = await sessionEvents(control, sessionId);
  expect(event?.Type ?? null).toBeNull();
  expect(event?.Location).toMatch(/^https:\/\/acme\.glance\.net\//);

  // An administrator's figure: on the options page's Company Settings, not in the rep's popup.
  const options = await openOptions(context, extensionId, '#company');
  await expect(options.getByTestId('org-usage')).toContainText(
    /acme\.my\.salesforce\.com: \d+% of the daily API allowance used/,
  );
  await options.close();
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('readiness')).toBeVisible();
  await expect(popup.getByTestId('org-usage')).toHaveCount(0);
  await popup.close();
});

test('the daily API limit: "2 session records waiting for Salesforce", why, and Retry all now', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.setApiLimit({ used: 15_000, max: 15_000 });
  const sessions: string[] = [];
  for (const index of [0, 1]) {
    const { panel, sessionId } = await startOnLead(page, control, index);
    await expect(panel.getByText(/used its daily API allowance/)).toBeVisible({ timeout: 10_000 });
    await panel.getByRole('button', { name: 'End session' }).click();
    await expect(sessionPanel(page)).toHaveCount(0);
    sessions.push(sessionId);
  }
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'daily-limit');

  const popup = await openPopup(context, extensionId);
  const queue = popup.getByTestId('salesforce-queue');
  await expect(queue).toContainText('2 session records waiting for Salesforce');
  await expect(queue).toContainText("The org's daily API allowance is spent; sent when it frees.");
  const options = await openOptions(context, extensionId, '#company');
  await expect(options.getByTestId('org-usage')).toContainText(
    'acme.my.salesforce.com: 100% of the daily API allowance used',
  );
  await options.close();
  // The rolling 24-hour window frees part of the allowance; the rep does not wait for the pause.
  await control.setApiLimit({ used: 14_000, max: 15_000 });
  await queue.getByRole('button', { name: 'Retry all now' }).click();
  await expect(queue).toContainText('Every session is in Salesforce.');
  for (const sessionId of sessions) {
    const events = await sessionEvents(control, sessionId);
    expect(events).toHaveLength(1);
    expect(String(events[0]?.Description)).toContain('Ended:');
  }
  await popup.close();
});

test('a large org, a cut answer and look-ups that keep timing out: the rep is told it could not be confirmed; Retry then finds the one Event', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.largeOrg(true);
  // Every query times out, however selective (the queue retries at once after a cut answer, so this
  // is on before the start).
  await control.timeOutQueries(1000);
  // The start's composite lands in Salesforce, but its answer is cut short once it began (so Chromium
  // does not resend it: that is a fault of its own).
  await control.fail({
    service: 'salesforce',
    pathIncludes: '/composite',
    bodyIncludes: '/sobjects/Event"',
    status: 0,
    afterApply: true,
    midAnswer: true,
    count: 1,
  });
  const { panel, sessionId } = await startOnLead(page, control);
  await expect.poll(async () => (await sessionEvents(control, sessionId)).length, { timeout: 10_000 }).toBe(1);

  const popup = await openPopup(context, extensionId);
  const queue = popup.getByTestId('salesforce-queue');
  const retry = queue.getByRole('button', { name: /^Retry sending the Lead session/ });
  const discard = queue.getByRole('button', { name: /^Discard the Salesforce records of the Lead session/ });
  // Each press is one more look-up (the queue also tries on its own meanwhile): at most six in a row fail.
  for (let press = 0; press < 6 && (await discard.count()) === 0; press++) {
    await retry.click();
    await expect(retry).toBeEnabled();
  }
  await expect(queue).toContainText("Couldn't confirm whether Salesforce saved this; Retry or Discard.");
  await expect(discard).toBeVisible();
  await expect(panel.getByText(/Couldn't confirm whether Salesforce saved this session/)).toBeVisible();
  expect(await sessionEvents(control, sessionId)).toHaveLength(1);

  // Salesforce answers again: Retry looks once more and keeps the Event that landed.
  await control.timeOutQueries(0);
  await retry.click();
  await expect(queue).toContainText('Every session is in Salesforce.');
  expect(await sessionEvents(control, sessionId)).toHaveLength(1);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible();
  await popup.close();
});

test('a large org and a cut answer: the look-up for the Event is selective, so the session is logged once', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await control.largeOrg(true);
  await control.fail({
    service: 'salesforce',
    pathIncludes: '/composite',
    bodyIncludes: '/sobjects/Event"',
    status: 0,
    afterApply: true,
    midAnswer: true,
    count: 1,
  });
  const { panel, sessionId } = await startOnLead(page, control);
  await expect.poll(async () => (await sessionEvents(control, sessionId)).length, { timeout: 10_000 }).toBe(1);
  // The queue would look the Event up after its back-off (30 s, the packed build's alarm minimum);
  // the rep's Retry looks now, and finds the one that landed.
  const popup = await openPopup(context, extensionId);
  await popup
    .getByTestId('salesforce-queue')
    .getByRole('button', { name: /^Retry sending the Lead session/ })
    .click();
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  expect(await sessionEvents(control, sessionId)).toHaveLength(1);
  await popup.close();
});
