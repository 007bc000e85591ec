// The conveniences reps expect (issue 12): the keyboard shortcut that starts a session, the desktop
// notification when a guest joins (the rep's choice), and the session's time on the toolbar icon's
// badge. All in real Chromium with the production build, against the sandbox.
import type { Page, Worker } from '@playwright/test';
import {
  connectGlance,
  expect,
  firstId,
  LIGHTNING,
  openLead,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';

const GLANCE_ADDRESS = 'acme.glance.net';

/**
 * Presses Alt+Shift+G, the manifest's suggested key for the start command. Playwright's
 * keyboard.press sends a `keyDown` the page consumes, and Chromium's browser-level shortcuts never
 * see it (tried: nothing happens). CDP's Input.dispatchKeyEvent with `rawKeyDown` enters the browser's
 * own keyboard path instead: the page does not take it, so Chromium's accelerator handling does, finds
 * the extension's registered command and fires commands.onCommand in the worker with the tab, as a
 * rep's key press would. What this does not prove: the OS delivering the keys to a focused window
 * (headless has none), or that no other app took Alt+Shift+G first on the rep's machine.
 */
async function pressStartShortcut(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const key = { modifiers: 1 | 8, key: 'G', code: 'KeyG', windowsVirtualKeyCode: 71, nativeVirtualKeyCode: 71 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

/**
 * Records every chrome.notifications.create call in the worker, and still creates the notification
 * (the product calls chrome.notifications.create, looked up at each call).
 */
async function watchNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = self as unknown as { __notices?: unknown[] };
    if (scope.__notices) {
      scope.__notices.length = 0;
      return;
    }
    scope.__notices = [];
    const original = chrome.notifications.create.bind(chrome.notifications);
    (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => {
      scope.__notices?.push(args);
      return (original as (...a: unknown[]) => unknown)(...args);
    };
  });
}

/** The notifications created since watchNotifications: id, title and message. */
async function notices(worker: Worker): Promise<{ id: string; title: string; message: string }[]> {
  return worker.evaluate(() =>
    ((self as unknown as { __notices?: unknown[][] }).__notices ?? []).map((args) => {
      const [id, options] = args as [string, { title: string; message: string }];
      return { id, title: options.title, message: options.message };
    }),
  );
}

/** The ids of the notifications the browser shows for the extension now. */
async function shownNotifications(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

async function clearNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

test.describe('the keyboard shortcut', () => {
  test('is registered as Alt+Shift+G with its translated description', async ({ serviceWorker }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'start-session')).toEqual(
      expect.objectContaining({
        shortcut: 'Alt+Shift+G',
        description: 'Start a Glance session on the Salesforce record in this tab',
      }),
    );
  });

  test('is named in the popup as the browser binds it', async ({ popupPage }) => {
    await expect(popupPage.getByTestId('start-shortcut')).toHaveText(
      'Shortcut: Alt+Shift+G starts a session on the Salesforce record in the active tab.',
    );
    await expect(popupPage.getByRole('button', { name: 'Change shortcut' })).toBeVisible();
  });

  test('starts a session on the record in the active tab, as the toolbar Start does', async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    glanceClient,
  }) => {
    await connectGlance(context, extensionId);
    await openLead(page, control);
    await pressStartShortcut(page);
    const panel = sessionPanel(page);
    await expect(panel.getByLabel('Session key')).toHaveText(/^\d{4}$/);
    const key = (await panel.getByLabel('Session key').textContent()) ?? '';
    const sessionId = (await panel.getAttribute('data-session-id')) ?? '';
    expect(sessionId).not.toBe('');
    expect(await panel.getAttribute('data-mode')).toBe('screenshare');
    // A browser command is no gesture in the page: the Glance Client is not launched by it, so
    // Glance has no session yet; the panel's Open Glance (the rep's click) launches it with the key.
    const openGlance = panel.getByRole('button', { name: 'Open Glance' });
    await expect(openGlance).toBeVisible();
    expect(await glanceClient.received()).toEqual([]);
    expect(await control.glanceSessions()).toEqual([]);
    await openGlance.click();
    await expect
      .poll(async () => (await glanceClient.received()).map((launch) => launch.url))
      .toEqual([`glance://startssn?key=${key}&username=${GLANCE_ADDRESS}`]);
    await expect.poll(async () => (await control.glanceSessions()).map((s) => s.key)).toEqual([key]);
    // Logged to Salesforce like any start: one Event on the Lead.
    const leadId = await firstId(control, 'Lead');
    await expect
      .poll(async () =>
        (await control.records<{ Subject: string; WhoId: string }>('Event')).filter((e) =>
          e.Subject.includes(sessionId),
        ),
      )
      .toEqual([expect.objectContaining({ WhoId: leadId })]);
  });

  test("shows Start's problem in the toolbar, with the settings button, as a click would", async ({
    salesforcePage: page,
    control,
    serviceWorker,
  }) => {
    await watchNotifications(serviceWorker);
    await openLead(page, control); // no Glance account connected
    await pressStartShortcut(page);
    await expect(toolbar(page).getByRole('status')).toHaveText(/Connect your Glance account first/);
    await expect(toolbar(page).getByRole('button', { name: 'Open Glance settings' })).toBeVisible();
    expect(await control.glanceSessions()).toEqual([]);
    // The toolbar said it: no notification on top.
    expect(await notices(serviceWorker)).toEqual([]);
  });

  test('pressed again while the session runs, it starts nothing and leaves the panel in charge', async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    serviceWorker,
    glanceClient,
  }) => {
    await connectGlance(context, extensionId);
    await openLead(page, control);
    const { panel, sessionId } = await startFromToolbar(page);
    const key = (await panel.getByLabel('Session key').textContent()) ?? '';
    // Start's click launched the Glance Client with the key, once.
    await expect.poll(async () => (await glanceClient.received()).length).toBe(1);
    await expect.poll(async () => (await control.glanceSessions()).map((s) => s.key)).toEqual([key]);
    await watchNotifications(serviceWorker);
    await pressStartShortcut(page);
    // The panel (its host, as the page sees focus inside our shadow root) has the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-glance-sfx')))
      .toBe('session-panel');
    await expect(panel.getByLabel('Session key')).toHaveText(key);
    expect(await panel.getAttribute('data-session-id')).toBe(sessionId);
    // No second launch, no second Glance session, no notification.
    expect((await glanceClient.received()).map((launch) => launch.url)).toEqual([
      `glance://startssn?key=${key}&username=${GLANCE_ADDRESS}`,
    ]);
    expect((await control.glanceSessions()).map((s) => s.key)).toEqual([key]);
    expect(await notices(serviceWorker)).toEqual([]);
  });

  test('on a page that is not a record, a notification says where it works; nothing starts', async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    serviceWorker,
  }) => {
    await connectGlance(context, extensionId);
    await watchNotifications(serviceWorker);
    await clearNotifications(serviceWorker);
    // A Salesforce page without a record (the home page), then a page outside Salesforce.
    for (const url of [`${LIGHTNING}/lightning/page/home`, `https://${GLANCE_ADDRESS}/`]) {
      await page.goto(url);
      await pressStartShortcut(page);
      await expect.poll(() => shownNotifications(serviceWorker)).toEqual(['glance-shortcut']);
      await clearNotifications(serviceWorker);
    }
    expect(await notices(serviceWorker)).toEqual([
      expect.objectContaining({ id: 'glance-shortcut', message: expect.stringMatching(/^Open a Lead, Contact/) }),
      expect.objectContaining({ id: 'glance-shortcut', message: expect.stringMatching(/^Open a Lead, Contact/) }),
    ]);
    expect(await control.glanceSessions()).toEqual([]);
    await expect(sessionPanel(page)).toHaveCount(0);
  });
});

test.describe('the guest-joined notification', () => {
  test('shows the guest name as one line of text, never the key', async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    serviceWorker,
  }) => {
    // The notice comes from the guests Glance reports: only with its assumed operations on.
    await control.glanceAssumedOps(true);
    await connectGlance(context, extensionId); // the setting is on by default
    await watchNotifications(serviceWorker);
    await clearNotifications(serviceWorker);
    await openLead(page, control);
    const { panel, sessionId } = await startFromToolbar(page);
    const key = (await panel.getByLabel('Session key').textContent()) ?? '';
    // The probe found the operations (Switch shows): Glance's guests reach the panel from now on.
    await expect(panel.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible({ timeout: 10_000 });
    await control.joinGlance({
      address: GLANCE_ADDRESS,
      key,
      name: '<b>Mallory</b>\nSession key: none\u202e',
      email: 'guest@customer.example',
    });
    await expect(panel.getByRole('list', { name: 'Guests' })).toContainText('Mallory', { timeout: 12_000 });
    await expect.poll(() => shownNotifications(serviceWorker)).toEqual([`glance-guest-${sessionId}-0`]);
    const [notice, ...more] = await notices(serviceWorker);
    expect(more).toEqual([]);
    expect(notice?.title).toBe('Guest joined your Glance session');
    expect(notice?.message).toBe('<b>Mallory</b> Session key: none joined.');
    expect(notice?.message).not.toContain(key);
  });

  test('is not shown when the rep turned it off in the popup', async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    serviceWorker,
    popupPage,
  }) => {
    // Glance reports its guests (assumed operations on), so a notice could be made: the setting stops it.
    await control.glanceAssumedOps(true);
    await connectGlance(context, extensionId);
    await popupPage.reload();
    await popupPage.getByRole('tab', { name: 'Settings' }).click();
    const setting = popupPage.getByRole('checkbox', { name: 'Notify me when a guest joins my session' });
    await expect(setting).toBeChecked();
    await setting.uncheck();
    await popupPage.getByRole('button', { name: 'Save' }).click();
    await expect(popupPage.getByText('Settings saved.')).toBeVisible();
    expect(await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings)).toEqual(
      expect.objectContaining({ notifyGuestJoined: false }),
    );
    await watchNotifications(serviceWorker);
    await clearNotifications(serviceWorker);

    await openLead(page, control);
    const { panel } = await startFromToolbar(page);
    const key = (await panel.getByLabel('Session key').textContent()) ?? '';
    await expect(panel.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible({ timeout: 10_000 });
    await control.joinGlance({ address: GLANCE_ADDRESS, key, name: 'Casey Customer', email: 'guest@customer.example' });
    // The poll that found the guest notifies before it tells the tabs: once the panel shows the
    // guest, a notification would have been created.
    await expect(panel.getByRole('list', { name: 'Guests' })).toContainText('Casey Customer', { timeout: 12_000 });
    expect(await notices(serviceWorker)).toEqual([]);
    expect(await shownNotifications(serviceWorker)).toEqual([]);
  });
});

test.describe('the badge', () => {
  const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
  const badgeAlarm = (worker: Worker) =>
    worker.evaluate(async () => (await chrome.alarms.get('session-badge')) ?? null);

  test("shows the session's time, moves on with the minute alarm, and clears at End", async ({
    salesforcePage: page,
    context,
    extensionId,
    control,
    serviceWorker,
  }) => {
    await connectGlance(context, extensionId);
    await openLead(page, control);
    expect(await badgeAlarm(serviceWorker)).toBeNull();
    const { panel } = await startFromToolbar(page);
    await expect.poll(() => badgeText(serviceWorker)).toBe('0m');
    const alarm = await badgeAlarm(serviceWorker);
    expect(alarm?.periodInMinutes).toBe(1);

    // An hour and three minutes later, as far as the session's start is concerned: the stored start
    // moves back, and the minute alarm is made due now instead of waited for (the test does not wait
    // a minute). The real alarm fires the real listener, which reads the session and writes the badge.
    await serviceWorker.evaluate(async () => {
      const { activeSession } = await chrome.storage.local.get('activeSession');
      const session = activeSession as { startedAt: string };
      session.startedAt = new Date(Date.parse(session.startedAt) - 63 * 60_000).toISOString();
      await chrome.storage.local.set({ activeSession: session });
      await chrome.alarms.create('session-badge', { when: Date.now(), periodInMinutes: 1 });
    });
    await expect.poll(() => badgeText(serviceWorker)).toBe('1h');

    await panel.getByRole('button', { name: 'End session' }).click();
    await expect(sessionPanel(page)).toHaveCount(0);
    await expect.poll(() => badgeText(serviceWorker)).toBe('');
    // No session, no alarm: the worker is not woken every minute for nothing.
    expect(await badgeAlarm(serviceWorker)).toBeNull();
  });
});
