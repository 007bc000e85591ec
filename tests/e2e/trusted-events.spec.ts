// Only a person presses our buttons (issue 10, point 3). Any script on a Salesforce page (an
// installed package's component, an admin's code, an injection) shares the page with our toolbar
// and panel, and our shadow roots are open: it can find every button we draw. Here such a script
// calls click(), dispatches mouse, pointer and keyboard events and navigates the menu with synthetic
// keys, and nothing happens: no Glance session starts, switches or ends, nothing reaches the
// clipboard, the UI stays as it was, an open menu stays open. Then the same button pressed for real (Playwright drives the
// browser's input, so its events are trusted) does what it says, so each check can fail.
import type { SandboxControl } from '../support/control.js';
import { forgeKeysOnFocused, forgePresses, snapshot } from '../support/page-world.js';
import {
  connectGlance,
  expect,
  LIGHTNING,
  type Page,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';

interface GlanceState {
  sessions: { sessionId: string; sessionType: string; status: string }[];
}

async function glanceSessions(control: SandboxControl) {
  const response = await fetch(`${control.baseUrl}/glance`);
  return ((await response.json()) as GlanceState).sessions;
}

/** The Glance calls that change a session (the panel's 5-second status poll does not count). */
async function glanceChanges(control: SandboxControl): Promise<string[]> {
  return (await control.log('glance'))
    .map((entry) => entry.path)
    .filter((path) => /\/(StartSession|SetSessionType|EndSession)$/.test(path));
}

async function openLead(page: Page, control: SandboxControl) {
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page).getByRole('status')).toContainText('Sessions are logged to Salesforce as');
}

test.beforeEach(async ({ context, extensionId, control: _control }) => {
  await connectGlance(context, extensionId);
});

test('a page script cannot press Start, the start menu, Schedule or Settings in the toolbar', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await openLead(page, control);
  const bar = toolbar(page);
  const before = await snapshot(page, 'toolbar');
  const tabs = context.pages().length;

  for (const label of [
    'Start Glance session',
    'More ways to start a Glance session',
    'Schedule Glance meeting',
    // Hidden until a problem calls for it; click() reaches hidden buttons too.
    'Open Glance settings',
  ]) {
    const tried = await forgePresses(page, 'toolbar', label);
    expect(tried.length, label).toBeGreaterThan(20);
    expect(await snapshot(page, 'toolbar'), label).toBe(before);
  }
  // The start menu's items are built the first time a person opens it (start-menu.ts): until then
  // a page script finds none to press. Opened and closed by a person, they exist, hidden, and forged
  // presses on them still do nothing.
  const items = ['Show my screen (screen share)', "View the customer's screen", 'Cobrowse with the customer'];
  for (const label of items) {
    await expect(forgePresses(page, 'toolbar', label), label).rejects.toThrow(`no button "${label}" in the toolbar`);
  }
  await bar.getByRole('button', { name: 'More ways to start a Glance session' }).click();
  await expect(bar.getByRole('menuitem', { name: items[0] })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar.getByRole('menu')).toBeHidden();
  const built = await snapshot(page, 'toolbar');
  for (const label of items) {
    const tried = await forgePresses(page, 'toolbar', label);
    expect(tried.length, label).toBeGreaterThan(20);
    expect(await snapshot(page, 'toolbar'), label).toBe(built);
  }
  // The menu stays closed, no session started, no settings tab opened.
  await expect(bar.getByRole('menu')).toBeHidden();
  expect(await glanceSessions(control)).toEqual([]);
  expect(await glanceChanges(control)).toEqual([]);
  expect(context.pages().length).toBe(tabs);
  // Nor did a forged press on Schedule open the meeting dialog.
  await expect(page.locator('[data-glance-sfx="meeting-dialog"]')).toHaveCount(0);

  // The menu, opened by a person: synthetic arrow keys do not move through it, Escape does not close
  // it, Enter does not choose.
  const more = bar.getByRole('button', { name: 'More ways to start a Glance session' });
  await more.click();
  const first = bar.getByRole('menuitem', { name: 'Show my screen (screen share)' });
  await expect(first).toBeFocused();
  expect(await forgeKeysOnFocused(page, 'toolbar', ['ArrowDown', 'ArrowDown', 'End', 'Escape', 'Enter', ' '])).toBe(
    'Show my screen (screen share)',
  );
  // Nor does a forged focusout (focus "leaving" the menu) close it.
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="toolbar"]')?.shadowRoot;
    root?.activeElement?.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  });
  await expect(bar.getByRole('menu')).toBeVisible();
  await expect(first).toBeFocused();
  expect(await glanceChanges(control)).toEqual([]);

  // Positive controls: the same keys and buttons, pressed for real.
  await page.keyboard.press('ArrowDown');
  await expect(bar.getByRole('menuitem', { name: "View the customer's screen" })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar.getByRole('menu')).toBeHidden();
  await bar.getByRole('button', { name: 'Schedule Glance meeting' }).click();
  await expect(page.getByRole('dialog', { name: 'Schedule Glance meeting' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="toolbar"]')?.shadowRoot;
    const settings = [...(root?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Open Glance settings',
    );
    if (settings) settings.hidden = false;
  });
  const opened = context.waitForEvent('page');
  await bar.getByRole('button', { name: 'Open Glance settings' }).click();
  await (await opened).close();
  await startFromToolbar(page);
  expect(await glanceChanges(control)).toHaveLength(1);
});

test('a page script cannot press Switch, End or Copy in the session panel', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  await openLead(page, control);
  const { panel, sessionId } = await startFromToolbar(page);
  const key = (await panel.getByRole('group', { name: 'Session key' }).textContent()) ?? '';
  await page.bringToFront();
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  const changes = await glanceChanges(control);
  const before = await snapshot(page, 'session-panel');

  for (const label of ['Switch to cobrowse', 'Copy session key', 'Copy join link', 'End session']) {
    await forgePresses(page, 'session-panel', label);
    expect(await snapshot(page, 'session-panel'), label).toBe(before);
  }
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
  expect(await glanceChanges(control)).toEqual(changes);
  expect(await glanceSessions(control)).toEqual([expect.objectContaining({ sessionId, sessionType: 'G' })]);
  expect((await glanceSessions(control))[0]?.status).not.toBe('ended');

  // Positive controls.
  await panel.getByRole('button', { name: 'Copy session key' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await panel.getByRole('button', { name: 'Switch to cobrowse' }).click();
  await expect(panel.getByRole('button', { name: 'Switch to screen share' })).toBeVisible();
  expect((await glanceSessions(control))[0]?.sessionType).toBe('C');
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(page)).toHaveCount(0);
  await expect(toolbar(page).getByRole('status')).toHaveText('Glance session ended.');
});
