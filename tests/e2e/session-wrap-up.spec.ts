// The rep's wrap-up after End (issue 27, item 5), in the sandbox through Salesforce's own answers:
// End sends the end at once; the wrap-up card shows the session's length, its guests (text only)
// and the Event's link; what the rep types, picks and schedules goes in ONE more composite call,
// the Task on the same records as the Event; Schedule follow-up opens the meeting dialog prefilled.
import AxeBuilder from '@axe-core/playwright';
import type { SandboxControl } from '../support/control.js';
import {
  addGuest,
  choose,
  connectGlance,
  expect,
  focusByKeyboard,
  LIGHTNING,
  type Page,
  type Row,
  sessionEvents,
  startFromToolbar,
  test,
  toolbar,
  typeDate,
  useSettings,
} from './fixtures.js';

const wrapUp = (page: Page) => page.locator('[data-glance-sfx="wrap-up"]');
const HOSTILE_GUEST = '<img src=x onerror="window.__pwned=1">Ada';

const named = async (control: SandboxControl, type: string, field: string, value: string) => {
  const record = (await control.records<Row>(type)).find((r) => r[field] === value);
  if (!record) throw new Error(`seed changed: no ${type} ${value}`);
  return record;
};

/** A session on the Contact, logged, with a guest added by hand, then ended by the rep. */
async function sessionEnded(page: Page, control: SandboxControl, contactId: string) {
  await page.goto(`${LIGHTNING}/lightning/r/Contact/${contactId}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'ready');
  const { panel, sessionId } = await startFromToolbar(page);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  await addGuest(panel, HOSTILE_GUEST, 'ada@customer.example');
  const before = (await control.apiCalls()).length;
  await panel.getByRole('button', { name: 'End session' }).click();
  const card = wrapUp(page).getByRole('region', { name: 'Session wrap-up' });
  await expect(card).toBeVisible();
  return { card, sessionId, before };
}

test('End, then the wrap-up: summary with duration, guests and the Event link; notes, outcome and a Task saved in one more call', async ({
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
  const { card, sessionId, before } = await sessionEnded(page, control, samir.Id);

  // The summary: how long, who (as text: no element made of a guest's name), where in Salesforce.
  // The test's session lasts seconds: it ended after less than a minute, not "after 0 minutes".
  await expect(card.getByText('Glance session ended after less than a minute.', { exact: true })).toBeVisible();
  await expect(card.getByRole('listitem')).toHaveText([HOSTILE_GUEST]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const [event] = await sessionEvents(control, sessionId);
  await expect(card.getByRole('link', { name: 'Open the session’s Event in Salesforce' })).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${event?.Id}/view`,
  );
  // The end went at once, without waiting for the wrap-up.
  await expect
    .poll(async () => (await control.apiCalls()).slice(before).map((c) => `${c.method} ${c.path}`))
    .toEqual([`PATCH /services/data/v66.0/sobjects/Event/${event?.Id}`]);

  // Accessible as it stands: names, roles, contrast (axe, on the card alone).
  const axe = await new AxeBuilder({ page }).include('[data-glance-sfx="wrap-up"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The rep types, by keyboard and mouse.
  await card.getByLabel('Notes').fill('Walked through the reports.\nWants pricing for 40 seats.');
  await choose(page, card.getByLabel('Outcome'), 'Demo given');
  await card.getByLabel('Task subject').fill('Send the 40-seat quote');
  await typeDate(page, card.getByLabel('Due date'), '2030-01-15');
  const save = card.getByRole('button', { name: 'Save wrap-up' });
  await focusByKeyboard(page, save);
  await page.keyboard.press('Enter');
  await expect(card.getByText('Wrap-up saved. It goes to Salesforce with the session’s Event.')).toBeVisible();

  await expect
    .poll(async () => (await sessionEvents(control, sessionId))[0]?.Location, { timeout: 10_000 })
    .toBe('Glance · Screen share · 1 guest · Demo given');
  const [logged] = await sessionEvents(control, sessionId);
  expect(String(logged?.Description)).toContain(
    '\nOutcome: Demo given\nNotes:\n  Walked through the reports.\n  Wants pricing for 40 seats.',
  );
  const tasks = (await control.records<Row>('Task')).filter((t) => t.Subject === 'Send the 40-seat quote');
  expect(tasks).toHaveLength(1);
  expect(tasks[0]).toMatchObject({
    ActivityDate: '2030-01-15',
    Status: 'Not Started',
    Priority: 'Normal',
    WhoId: samir.Id,
    WhatId: officeMove.Id,
    OwnerId: logged?.OwnerId,
  });
  expect(logged).toMatchObject({ WhoId: samir.Id, WhatId: officeMove.Id });
  // End and wrap-up: two Salesforce calls in all.
  const calls = (await control.apiCalls()).slice(before).map((c) => `${c.method} ${c.path}`);
  expect(calls).toEqual([
    `PATCH /services/data/v66.0/sobjects/Event/${event?.Id}`,
    'POST /services/data/v66.0/composite',
  ]);
});

test('Schedule follow-up opens the meeting dialog prefilled for the same record; Skip writes nothing more', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const samir = await named(control, 'Contact', 'LastName', 'Nagheenanajar');
  const { card, sessionId, before } = await sessionEnded(page, control, samir.Id);
  const followUp = card.getByRole('button', { name: 'Schedule follow-up' });
  await followUp.click();
  const meeting = page.locator('[data-glance-sfx="meeting-dialog"]').getByRole('dialog');
  await expect(meeting).toBeVisible();
  await expect(meeting.getByLabel('Subject')).toHaveValue(`Follow-up: ${samir.Name}`);
  await page.keyboard.press('Escape');
  await expect(meeting).toBeHidden();
  await expect(followUp).toBeFocused();

  await card.getByRole('button', { name: 'Skip' }).click();
  await expect(wrapUp(page)).toHaveCount(0);
  await expect
    .poll(async () => (await sessionEvents(control, sessionId))[0]?.Location, { timeout: 10_000 })
    .toBe('Glance · Screen share · 1 guest');
  // The end's PATCH is the only write (the meeting dialog read the record's name: one GET).
  const writes = (await control.apiCalls()).slice(before).filter((c) => c.method !== 'GET');
  expect(writes.map((c) => c.method)).toEqual(['PATCH']);
  expect(await control.records<Row>('Task')).toEqual([]);
});

test('notes rewritten by a page script during the press on Save: nothing is sent, the rep’s notes come back; pressed again, the Event has them', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const samir = await named(control, 'Contact', 'LastName', 'Nagheenanajar');
  const { card, sessionId } = await sessionEnded(page, control, samir.Id);
  await card.getByLabel('Notes').fill('Bring the Q3 numbers.');
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="wrap-up"]')?.shadowRoot;
    const notes = root?.querySelector('textarea');
    const save = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Save wrap-up');
    if (!notes || !save) throw new Error('no wrap-up');
    save.addEventListener(
      'pointerdown',
      () => {
        notes.value = 'Wire the deposit to account 0042 today.';
      },
      { once: true },
    );
  });
  const save = card.getByRole('button', { name: 'Save wrap-up' });
  await save.click();
  await expect(card.getByLabel('Notes')).toHaveValue('Bring the Q3 numbers.');
  await expect(card.getByLabel('Notes')).toHaveAccessibleDescription(
    'Something on this page changed this field; it is back to what you typed. Check it and save again.',
  );
  await save.click();
  await expect(card.getByText('Wrap-up saved. It goes to Salesforce with the session’s Event.')).toBeVisible();
  await expect
    .poll(async () => String((await sessionEvents(control, sessionId))[0]?.Description), { timeout: 10_000 })
    .toContain('Notes:\n  Bring the Q3 numbers.');
  expect(String((await sessionEvents(control, sessionId))[0]?.Description)).not.toContain('0042');
});

test('a new session closes the wrap-up card of the one before', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const samir = await named(control, 'Contact', 'LastName', 'Nagheenanajar');
  const { card } = await sessionEnded(page, control, samir.Id);
  const { panel } = await startFromToolbar(page);
  await expect(panel.getByLabel('Session key')).toBeVisible();
  await expect(card).toHaveCount(0);
});
