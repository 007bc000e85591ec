// Issue 12, native feel and keyboard: every flow by keyboard alone (focus moves with Tab/Shift+Tab,
// Enter/Space press, Escape closes; no mouse click anywhere here), focus visible and given back on
// close; the live regions' words (key, guests, errors); the toolbar's collapse (remembered, only a
// person's press counts), its narrow layout and Salesforce's Compact density; the pages' dark mode.
import type { Locator } from '@playwright/test';
import type { LaunchedBrowser } from '../support/chromium.js';
import type { SandboxControl } from '../support/control.js';
import { GlanceClientStandIn } from '../support/glance-client.js';
import {
  connectGlance,
  expect,
  firstId,
  focusByKeyboard,
  LIGHTNING,
  logInToSalesforce,
  openLead,
  type Page,
  sessionPanel,
  test,
  toolbar,
  variant,
} from './fixtures.js';
import { openOptions } from './pages/extension-pages.js';

const focused = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const field = active as HTMLInputElement;
    const name = field.labels?.[0]?.textContent ?? active.getAttribute('aria-label') ?? active.textContent ?? '';
    return name.trim();
  });
/** Tabs (or Shift+Tabs) until the element named `name` has focus; fails after `limit` presses. */
async function tabTo(page: Page, name: string, backwards = false, limit = 25) {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)) === name) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached "${name}" (last: "${await focused(page)}")`);
}
/** A visible focus ring: LDS's focus shadow on the focused element. */
const focusRing = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).boxShadow);

/** A test tagged so has Glance's assumed operations on from its start, before Glance is connected. */
const ASSUMED_OPS = '@glance-assumed-ops';
/** A test tagged so starts with no Glance account connected. */
const NOT_CONNECTED = '@glance-not-connected';
/** A test tagged so runs in a Chromium of its own (ownBrowser), not in the worker's. */
const OWN_BROWSER = '@own-browser';

/**
 * A Chromium of the test's own, logged in to Salesforce, with Glance connected and a Glance Client
 * stand-in, for a test whose Switch must reach Glance. Chromium backs off an extension's requests to
 * a URL that answered HTTP 500 more than twice (its ExtensionThrottle: 500/503/509 count, the first
 * two are ignored, then 700 ms growing ×1.4 up to 15 minutes, the failures kept for as long), and
 * every session started in a browser has the capability probe call SetSessionType without a key,
 * which Glance answers with a 500 (a fault, or ASMX's unknown method). In the worker's shared
 * browser the earlier tests' probes would have Chromium refuse the rep's Switch before it leaves.
 */
async function ownBrowser(browserIn: (uiLanguage: string) => Promise<LaunchedBrowser>, control: SandboxControl) {
  const { context, extensionId } = await browserIn('en');
  new GlanceClientStandIn(context, control.baseUrl);
  await logInToSalesforce(context, control);
  await connectGlance(context, extensionId);
  return context.newPage();
}

test.describe('keyboard alone', () => {
  test.beforeEach(async ({ context, extensionId, control }, testInfo) => {
    if (testInfo.tags.includes(ASSUMED_OPS)) await control.glanceAssumedOps(true);
    if (testInfo.tags.includes(NOT_CONNECTED) || testInfo.tags.includes(OWN_BROWSER)) return;
    await connectGlance(context, extensionId);
  });

  test('Start, hear the key, copy it, hear a guest join, End: focus follows, back on Start', {
    // The guest joins on Glance's join page: the panel hears of them only from Glance's reported guests.
    tag: ASSUMED_OPS,
  }, async ({ salesforcePage: page, context, control }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
    await openLead(page, control);
    // The clipboard takes writes from the focused page only.
    await page.bringToFront();
    const start = toolbar(page).getByRole('button', { name: 'Start Glance session' });
    // Into the toolbar from the page by Tab: the Glance button first, then Start.
    await toolbar(page).getByRole('button', { name: 'Glance actions' }).focus();
    await page.keyboard.press('Tab');
    await expect(start).toBeFocused();
    expect(await focusRing(start)).toContain('rgb(1, 118, 211)');
    await page.keyboard.press('Enter');

    const panel = sessionPanel(page);
    const key = (await panel.getByRole('group', { name: 'Session key' }).textContent()) ?? '';
    expect(key).toMatch(/^\d{4}$/);
    // The live region says the key without anyone looking for it.
    const announcer = panel.locator('.announce');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await expect(announcer).toHaveText(`Glance session started. Session key: ${key}`);
    // The panel took focus from the toolbar it replaced; its Glance button, then Copy session key.
    await expect(panel.getByRole('region')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Session details' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Copy session key' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The probe found Glance's assumed operations (Switch shows): its guests reach the panel.
    await expect(panel.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible({ timeout: 10_000 });
    await control.joinGlance({ address: 'acme.glance.net', key, name: 'Casey Customer' });
    await expect(announcer).toHaveText('Casey Customer joined the session', { timeout: 12_000 });

    await tabTo(page, 'End session');
    await page.keyboard.press('Space');
    await expect(start).toBeFocused();
    await expect(panel).toHaveCount(0);
  });

  test('Switch by keyboard: focus stays on the button, which now offers the way back', {
    // Switch shows only where Glance's assumed operations answer; in a browser of its own (ownBrowser).
    tag: [ASSUMED_OPS, OWN_BROWSER],
  }, async ({ browserIn, control }) => {
    const page = await ownBrowser(browserIn, control);
    await openLead(page, control);
    await focusByKeyboard(page, toolbar(page).getByRole('button', { name: 'Start Glance session' }));
    await page.keyboard.press('Enter');
    const panel = sessionPanel(page);
    await expect(panel.getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/);
    await expect(panel.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible({ timeout: 10_000 });
    await tabTo(page, 'Switch to cobrowse');
    await page.keyboard.press('Enter');
    const back = panel.getByRole('button', { name: 'Switch to screen share' });
    await expect(back).toBeVisible();
    await expect(back).toBeFocused();
    await page.keyboard.press('Space');
    await expect(panel.getByRole('button', { name: 'Switch to cobrowse' })).toBeFocused();
  });

  test('the session panel collapses to its header and key by keyboard, and stays so', async ({
    salesforcePage: page,
    control,
    serviceWorker,
  }) => {
    await openLead(page, control);
    await focusByKeyboard(page, toolbar(page).getByRole('button', { name: 'Start Glance session' }));
    await page.keyboard.press('Enter');
    const panel = sessionPanel(page);
    const toggle = panel.getByRole('button', { name: 'Session details' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const open = await panel.boundingBox();
    await focusByKeyboard(page, toggle);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/);
    await expect(panel.getByRole('button', { name: 'End session' })).toBeHidden();
    expect((await panel.boundingBox())?.height).toBeLessThan((open?.height ?? 0) / 2);
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () => (await chrome.storage.local.get('toolbarCollapsed')).toolbarCollapsed),
      )
      .toBe(true);
    await page.reload();
    await expect(panel.getByRole('button', { name: 'Session details' })).toHaveAttribute('aria-expanded', 'false');
    await focusByKeyboard(page, panel.getByRole('button', { name: 'Session details' }));
    await page.keyboard.press('Space');
    await expect(panel.getByRole('button', { name: 'End session' })).toBeVisible();
  });

  test('a failed Start is said assertively in the toolbar', {
    // Start calls no Glance service: it fails on what the extension itself checks, here no account.
    tag: NOT_CONNECTED,
  }, async ({ salesforcePage: page, control }) => {
    await openLead(page, control);
    const status = toolbar(page).getByRole('status');
    // Before the press the toolbar says how Salesforce stands, politely.
    await expect(status).toHaveText('Sessions are logged to Salesforce as Riley Rep.');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await focusByKeyboard(page, toolbar(page).getByRole('button', { name: 'Start Glance session' }));
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Connect your Glance account first: press “Open Glance settings”.');
    await expect(status).toHaveAttribute('aria-live', 'assertive');
    // The one way forward it names is the button beside it, in the keyboard's order after More ways and Schedule.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(toolbar(page).getByRole('button', { name: 'Open Glance settings' })).toBeFocused();
    await expect(sessionPanel(page)).toHaveCount(0);
  });

  test('meeting dialog: open, fill, Escape gives focus back; fill and submit by Enter', async ({
    salesforcePage: page,
    control,
  }) => {
    await openLead(page, control);
    const schedule = toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' });
    await toolbar(page).getByRole('button', { name: 'Start Glance session' }).focus();
    await tabTo(page, 'Schedule Glance meeting');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Schedule Glance meeting' });
    await expect(dialog.getByLabel('Date')).toBeFocused();
    // Tab stays inside: from the last control (Schedule) on to the first again.
    await tabTo(page, 'Schedule');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(schedule).toBeFocused();

    // Again, and this time type a subject and send with Enter in it.
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Date')).toBeFocused();
    await tabTo(page, 'Subject');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Keyboard-only meeting');
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Keyboard-only meeting')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(schedule).toBeFocused();
  });
});

test('collapse: by Enter or Space only, aria-expanded, remembered across pages; a script click does nothing', async ({
  salesforcePage: page,
  control,
  serviceWorker,
}) => {
  const lead = await firstId(control, 'Lead');
  await openLead(page, control, { id: lead });
  const host = toolbar(page);
  const toggle = host.getByRole('button', { name: 'Glance actions' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const open = await host.boundingBox();
  await focusByKeyboard(page, toggle);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(host).toHaveAttribute('data-collapsed', '');
  await expect(host.getByRole('button', { name: 'Start Glance session' })).toBeHidden();
  await expect(toggle).toBeFocused();
  // Only the Glance button is left: it covers nothing beside it.
  const collapsed = await host.boundingBox();
  expect(collapsed?.width).toBeLessThan(80);
  expect(collapsed?.height).toBeLessThanOrEqual(open?.height ?? 0);

  // The background remembers it: the next page opens collapsed.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.storage.local.get('toolbarCollapsed')).toolbarCollapsed),
    )
    .toBe(true);
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${await firstId(control, 'Lead', 1)}/view`);
  await expect(host).toHaveAttribute('data-record-id', /.+/);
  await expect(host).toHaveAttribute('data-collapsed', '');
  await expect(host.getByRole('button', { name: 'Glance actions' })).toHaveAttribute('aria-expanded', 'false');

  // A page script's click() is not the rep.
  await page.evaluate(() =>
    document.querySelector('[data-glance-sfx="toolbar"]')?.shadowRoot?.querySelector<HTMLElement>('.logo')?.click(),
  );
  await expect(host).toHaveAttribute('data-collapsed', '');

  await focusByKeyboard(page, host.getByRole('button', { name: 'Glance actions' }));
  await page.keyboard.press('Space');
  await expect(host).not.toHaveAttribute('data-collapsed');
  await expect(host.getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.storage.local.get('toolbarCollapsed')).toolbarCollapsed),
    )
    .toBe(false);
});

test('narrow record layout: labels give way to icons, the buttons keep their names', async ({
  salesforcePage: page,
  control,
}) => {
  await openLead(page, control);
  const host = toolbar(page);
  const start = host.getByRole('button', { name: 'Start Glance session' });
  const label = start.locator('span');
  expect((await label.boundingBox())?.width).toBeGreaterThan(50);
  // A narrow column (a record page's sidebar, a console subtab split): the host is 300px wide.
  await host.evaluate((el) => {
    (el as HTMLElement).style.width = '300px';
  });
  await expect.poll(async () => (await label.boundingBox())?.width).toBeLessThanOrEqual(1);
  await expect(start).toBeVisible();
  await expect(host.getByRole('button', { name: 'Schedule Glance meeting' })).toBeVisible();
  expect(await start.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('▶');
  expect((await start.boundingBox())?.width).toBeLessThan(60);
  // And wide again (the column widened, the window grew): the labels come back.
  await host.evaluate((el) => {
    (el as HTMLElement).style.width = '';
  });
  await expect.poll(async () => (await label.boundingBox())?.width).toBeGreaterThan(50);
});

test("Salesforce's Compact density: the toolbar is compact too; Comfy keeps the LDS sizes", async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  const height = () =>
    toolbar(page)
      .getByRole('button', { name: 'Start Glance session' })
      .evaluate((el) => getComputedStyle(el).height);
  await openLead(page, control, { id: lead });
  await expect(toolbar(page)).toHaveAttribute('data-density', 'comfy');
  expect(await height()).toBe('32px');
  await variant(context, 'compact');
  await openLead(page, control, { id: lead });
  await expect(toolbar(page)).toHaveAttribute('data-density', 'compact');
  expect(await height()).toBe('28px');
});

test('popup and options follow the system colour scheme', async ({ popupPage, context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  for (const page of [popupPage, options]) {
    const colours = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return [style.backgroundColor, style.color];
      });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual(['rgb(243, 243, 243)', 'rgb(24, 24, 24)']);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual(['rgb(24, 24, 24)', 'rgb(243, 243, 243)']);
    const card = page.locator('.card').first();
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(36, 36, 36)');
  }
  await options.close();
});

test('popup settings by keyboard alone: Tab to the views, Right to Settings, Tab to a choice, Space, Tab to Save, Enter', async ({
  popupPage: popup,
}) => {
  await popup.getByLabel('Glance address').waitFor();
  const overview = popup.getByRole('tab', { name: 'Overview' });
  for (let i = 0; i < 10 && !(await overview.evaluate((el) => el === document.activeElement)); i++)
    await popup.keyboard.press('Tab');
  await expect(overview).toBeFocused();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  const save = popup.getByRole('button', { name: 'Save' });
  const box = popup.getByRole('checkbox').first();
  const before = await box.isChecked();
  await popup.keyboard.press('Tab');
  for (let i = 0; i < 30 && !(await box.evaluate((el) => el === document.activeElement)); i++)
    await popup.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await popup.keyboard.press('Space');
  await expect(box).toBeChecked({ checked: !before });
  for (let i = 0; i < 30 && !(await save.evaluate((el) => el === document.activeElement)); i++)
    await popup.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await popup.keyboard.press('Enter');
  await popup.reload();
  await expect(popup.getByRole('checkbox').first()).toBeChecked({ checked: !before });
});
