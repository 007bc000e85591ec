// Which Opportunity or Case (issue 27, item 6): on a Contact with more than one open record for the
// rep's usage, the session panel asks which one the session is about; the candidates came with the
// start's one composite call, and the choice is written as the Event's WhatId by the end's PATCH.
// The rep chooses with the real mouse and the real keyboard (press-guard.ts counts only those).
import AxeBuilder from '@axe-core/playwright';
import type { SandboxControl } from '../support/control.js';
import {
  connectGlance,
  expect,
  focusByKeyboard,
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

const named = async (control: SandboxControl, type: string, field: string, value: string) => {
  const record = (await control.records<Row>(type)).find((r) => r[field] === value);
  if (!record) throw new Error(`seed changed: no ${type} ${value}`);
  return record;
};

const apiCalls = async (control: SandboxControl, since: number) =>
  (await control.apiCalls(since)).map((c) => `${c.method} ${c.path.replace(/^\/services\/data\/v[\d.]+/, '')}`);

async function startOn(page: Page, control: SandboxControl, contactId: string) {
  await page.goto(`${LIGHTNING}/lightning/r/Contact/${contactId}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'ready');
  const since = (await control.log()).at(-1)?.seq ?? 0;
  const { panel, sessionId } = await startFromToolbar(page);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  return { panel, sessionId, since };
}

async function endAndReadEvent(page: Page, control: SandboxControl, sessionId: string) {
  await sessionPanel(page).getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(page)).toHaveCount(0);
  await expect
    .poll(async () => (await sessionEvents(control, sessionId))[0]?.Location, { timeout: 10_000 })
    .toMatch(/^Glance · /);
  const [event] = await sessionEvents(control, sessionId);
  return event ?? ({} as Partial<Row>);
}

test('a Contact with several open Opportunities: the panel asks, the rep picks by mouse then by keyboard, End relates the pick', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await connectGlance(context, extensionId);
  await useSettings(serviceWorker, { usage: 'sales' });
  const peter = await named(control, 'Contact', 'LastName', 'Gibbons');
  const printer = await named(control, 'Opportunity', 'Name', 'Initech - Printer Upgrade');
  const tps = await named(control, 'Opportunity', 'Name', 'Initech - TPS Reports');
  // Salesforce's names are anyone's typing: shown as text, never as markup.
  const hostile = '<img src=x onerror="document.title=1">';
  await control.rename(printer.Id, hostile);

  const { panel, sessionId, since } = await startOn(page, control, peter.Id);
  const question = panel.getByRole('group', { name: 'Which Opportunity is this session about?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button')).toHaveCount(4);
  // Soonest close date first; these three close on the same day, so only the set is Salesforce's to say.
  expect((await question.getByRole('button').allTextContents()).sort()).toEqual(
    ['Initech - Office Move', 'Initech - TPS Reports', hostile, 'None of these'].sort(),
  );
  await expect(question.getByRole('button').last()).toHaveText('None of these');
  const hostileOption = question.getByRole('button', { name: hostile });
  await expect(hostileOption).toHaveAttribute('aria-pressed', 'false');
  expect(await panel.locator('img').count()).toBe(0);
  // The list came with the start: one composite call, no look-up of its own.
  expect(await apiCalls(control, since)).toEqual(['POST /composite']);

  const axe = await new AxeBuilder({ page }).include('[data-glance-sfx="session-panel"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await hostileOption.click();
  await expect(hostileOption).toHaveAttribute('aria-pressed', 'true');
  const tpsOption = question.getByRole('button', { name: 'Initech - TPS Reports' });
  await focusByKeyboard(page, tpsOption);
  await page.keyboard.press('Space');
  await expect(tpsOption).toHaveAttribute('aria-pressed', 'true');
  await expect(hostileOption).toHaveAttribute('aria-pressed', 'false');
  // Choosing sends nothing to Salesforce: the choice waits for the end's update.
  expect(await apiCalls(control, since)).toEqual(['POST /composite']);

  const event = await endAndReadEvent(page, control, sessionId);
  expect(event.WhatId).toBe(tps.Id);
  expect(event.WhoId).toBe(peter.Id);
  const calls = await apiCalls(control, since);
  expect(calls).toHaveLength(2);
  expect(calls[1]).toMatch(/^PATCH \/sobjects\/Event\/00U/);
});

test('support: a Contact with two open Cases offers both by number and subject; the keyboard pick is the Event’s WhatId', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await connectGlance(context, extensionId);
  await useSettings(serviceWorker, { usage: 'support' });
  const hank = await named(control, 'Contact', 'LastName', 'Scorpio');
  const secondId = await control.insert('Case', {
    Subject: 'Monorail makes a noise',
    ContactId: hank.Id,
    Status: 'New',
    IsClosed: false,
  });
  const second = await named(control, 'Case', 'Id', secondId);

  const { panel, sessionId } = await startOn(page, control, hank.Id);
  const question = panel.getByRole('group', { name: 'Which Case is this session about?' });
  const option = question.getByRole('button', { name: `${String(second.CaseNumber)} Monorail makes a noise` });
  await expect(option).toBeVisible();
  await expect(question.getByRole('button', { name: /Cannot export reports$/ })).toBeVisible();
  await focusByKeyboard(page, option);
  await page.keyboard.press('Enter');
  await expect(option).toHaveAttribute('aria-pressed', 'true');

  const event = await endAndReadEvent(page, control, sessionId);
  expect(event.WhatId).toBe(secondId);
  expect(event.WhoId).toBe(hank.Id);
});

test('one open Opportunity: related without asking', async ({
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
  const { panel, sessionId } = await startOn(page, control, samir.Id);
  await expect(panel.getByRole('group', { name: /is this session about/ })).toHaveCount(0);
  const event = await endAndReadEvent(page, control, sessionId);
  expect(event.WhatId).toBe(officeMove.Id);
});
