// Relations as real orgs hold them (issue 9, item 4): an opportunity's contacts live in
// OpportunityContactRole and Opportunity.ContactId is often empty. The look-up rides in the start's
// one composite call; the relation is written when the session ends.
import type { SandboxControl } from '../support/control.js';
import {
  connectGlance,
  expect,
  LIGHTNING,
  type Page,
  type Row,
  sessionEvents,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
  useSettings,
} from './fixtures.js';

async function sessionOn(page: Page, control: SandboxControl, path: string) {
  await page.goto(`${LIGHTNING}${path}`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'ready');
  const before = (await control.apiCalls()).length;
  const { panel, sessionId } = await startFromToolbar(page);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  const calls = (await control.apiCalls()).slice(before).map((e) => `${e.method} ${e.path}`);
  expect(calls).toEqual(['POST /services/data/v66.0/composite']);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(page)).toHaveCount(0);
  const event = async () => (await sessionEvents(control, sessionId))[0] ?? ({} as Partial<Row>);
  return event;
}

const named = async (control: SandboxControl, type: string, field: string, value: string) => {
  const record = (await control.records<Row>(type)).find((r) => r[field] === value);
  if (!record) throw new Error(`seed changed: no ${type} ${value}`);
  return record;
};

test('an Opportunity whose contacts are only roles: WhoId the primary role, found in the one start call', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await connectGlance(context, extensionId);
  await useSettings(serviceWorker, { usage: 'sales' });
  const officeMove = await named(control, 'Opportunity', 'Name', 'Initech - Office Move');
  expect(officeMove.ContactId).toBeNull();
  const samir = await named(control, 'Contact', 'LastName', 'Nagheenanajar');
  const event = await sessionOn(page, control, `/lightning/r/Opportunity/${officeMove.Id}/view`);
  await expect.poll(async () => (await event()).WhoId, { timeout: 10_000 }).toBe(samir.Id);
  expect((await event()).WhatId).toBe(officeMove.Id);
});

test('a Contact in sales mode: WhatId the one open Opportunity it has a role on, though not its ContactId', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await connectGlance(context, extensionId);
  await useSettings(serviceWorker, { usage: 'sales' });
  const samir = await named(control, 'Contact', 'LastName', 'Nagheenanajar');
  const officeMove = await named(control, 'Opportunity', 'Name', 'Initech - Office Move');
  const event = await sessionOn(page, control, `/lightning/r/Contact/${samir.Id}/view`);
  await expect.poll(async () => (await event()).WhatId, { timeout: 10_000 }).toBe(officeMove.Id);
  expect((await event()).WhoId).toBe(samir.Id);
});
