// Playwright fixtures: per worker one sandbox and one Chromium with the production build loaded;
// per test a reset sandbox, cleared extension storage and cookies, and fresh pages.
import { type BrowserContext, test as base, type Locator, type Page, type Worker } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { type Sandbox, startSandbox } from '../sandbox/server.js';
import { type LaunchedBrowser, launchWithExtension } from '../support/chromium.js';
import { type OrgName, SandboxControl } from '../support/control.js';
import { GlanceClientStandIn } from '../support/glance-client.js';
import { openPopup } from './pages/extension-pages.js';
import { secretLeaks, watchConsole } from './secrets.js';

export const LIGHTNING = 'https://acme.lightning.force.com';
export const CLASSIC = 'https://acme.my.salesforce.com';
/** The second sandbox org, for tests across two orgs (log in with logInToSalesforce(…, 'globex')). */
export const GLOBEX_LIGHTNING = 'https://globex.lightning.force.com';
export const GLOBEX_CLASSIC = 'https://globex.my.salesforce.com';

interface WorkerFixtures {
  /** Chromium's UI language for this worker's browser (test.use({ uiLanguage: 'de' })); default English. */
  uiLanguage: string | undefined;
  sandbox: Sandbox;
  extension: { context: BrowserContext; extensionId: string; glanceClient: GlanceClientStandIn };
}

interface TestFixtures {
  control: SandboxControl;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** A page in a browser that is logged in to the sandbox org. */
  salesforcePage: Page;
  /** The toolbar popup, opened as a page. */
  popupPage: Page;
  /**
   * Another Chromium with the extension, in a UI language a test picks (several per test or file,
   * where the worker's uiLanguage option is one per worker); logged in to nothing, closed after the test.
   */
  browserIn: (uiLanguage: string) => Promise<LaunchedBrowser>;
  /** The Glance Client stand-in of this browser: the glance:// launches Chromium really made (this test's). */
  glanceClient: GlanceClientStandIn;
  /** Automatic: after each test, no Glance password or credential where it must not be (secrets.ts). */
  secretsStayPut: undefined;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: [undefined, { scope: 'worker', option: true }],
  sandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const sandbox = await startSandbox({ quiet: true });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  extension: [
    async ({ sandbox, uiLanguage }, use) => {
      const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, uiLanguage });
      const glanceClient = new GlanceClientStandIn(launched.context, sandbox.controlUrl);
      await use({ context: launched.context, extensionId: launched.extensionId, glanceClient });
      await launched.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ extension }, use) => {
    await use(extension.context);
    await extension.context.clearCookies();
    for (const page of extension.context.pages()) await page.close();
  },
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  glanceClient: async ({ extension, control: _control }, use) => {
    await extension.glanceClient.settled();
    extension.glanceClient.forget();
    await use(extension.glanceClient);
  },
  serviceWorker: async ({ context, extensionId }, use) => {
    let worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
    worker ??= await context.waitForEvent('serviceworker');
    await use(worker);
  },
  control: async ({ sandbox, serviceWorker }, use) => {
    const control = new SandboxControl(sandbox.controlUrl);
    await serviceWorker.evaluate(async () => {
      // Let the previous test's queued Salesforce writes finish first, so none of them lands in
      // this test's request counts.
      for (let i = 0; i < 50; i++) {
        const { outbox } = await chrome.storage.local.get('outbox');
        // Stored as { $v, value } (storage/items.ts); jobs waiting for the rep never leave on their own.
        const stored = (outbox as { value?: { attention?: boolean }[] } | undefined)?.value;
        const jobs = Array.isArray(stored) ? stored : [];
        if (jobs.every((job) => job.attention)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await chrome.alarms.clearAll();
      // A write already on its way (a status answer's API usage) may land just after a clear: clear
      // until the areas stay empty, so no state of the last test leaks into this one.
      for (let i = 0; i < 5; i++) {
        await chrome.storage.local.clear();
        await chrome.storage.sync.clear();
        await chrome.storage.session.clear();
        await new Promise((resolve) => setTimeout(resolve, 50));
        const left = [await chrome.storage.local.get(null), await chrome.storage.session.get(null)];
        if (left.every((area) => Object.keys(area).length === 0)) break;
      }
    });
    await control.reset();
    await use(control);
  },
  browserIn: async ({ sandbox }, use) => {
    const launched: LaunchedBrowser[] = [];
    await use(async (uiLanguage) => {
      const browser = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, uiLanguage });
      launched.push(browser);
      return browser;
    });
    for (const browser of launched) await browser.close();
  },
  secretsStayPut: [
    async ({ context, extensionId, sandbox, control }, use) => {
      const console = watchConsole(context);
      await use(undefined);
      const leaks = await secretLeaks({
        context,
        extensionId,
        sandbox,
        log: await control.log(),
        console: await console.messages(),
      });
      if (leaks.length > 0) throw new Error(`Glance secrets where they must not be:\n- ${leaks.join('\n- ')}`);
    },
    { auto: true },
  ],
  page: async ({ context, control: _control }, use) => {
    const page = await context.newPage();
    await use(page);
    await page.close();
  },
  salesforcePage: async ({ context, control, page }, use) => {
    await logInToSalesforce(context, control);
    await use(page);
  },
  popupPage: async ({ context, extensionId, control: _control }, use) => {
    const popup = await openPopup(context, extensionId);
    await use(popup);
    await popup.close();
  },
});

export const expect = test.expect;
export type { Page };

/**
 * Logs the browser in to a sandbox org as its login page would: the My Domain `sid` on the
 * My Domain host and the Lightning host's own, different `sid` there (Salesforce Help
 * "getSessionId"). By url (not domain) so the cookies are host-only, as Salesforce sets them.
 */
export async function logInToSalesforce(
  context: BrowserContext,
  control: SandboxControl,
  org: OrgName = 'acme',
  options: { otherUser?: boolean; highAssurance?: boolean } = {},
) {
  const { sid, lightningSid, classicHost, lightningHost } = await control.salesforceLogin(org, options);
  const cookie = { name: 'sid', secure: true, httpOnly: true, sameSite: 'None' as const };
  await context.addCookies([
    { ...cookie, value: sid, url: `https://${classicHost}/` },
    { ...cookie, value: lightningSid, url: `https://${lightningHost}/` },
  ]);
  return { sid, lightningSid };
}

/** The toolbar host element (docs/architecture.md contract). */
export function toolbar(page: Page) {
  return page.locator('[data-glance-sfx="toolbar"]');
}

/** Connects the Glance account through the real popup, as a rep would. */
export async function connectGlance(
  context: BrowserContext,
  extensionId: string,
  address = 'acme.glance.net',
  password = 'correct-horse',
) {
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel('Glance address').fill(address);
  await popup.getByLabel('Glance password').fill(password);
  await popup.getByRole('button', { name: 'Connect' }).click();
  await popup.getByTestId('glance-connected').waitFor();
  await popup.close();
}

/** Stores user settings as the popup's Save would (the popup itself is tested in settings.spec.ts). */
export async function useSettings(serviceWorker: Worker, settings: Record<string, unknown>) {
  await serviceWorker.evaluate(
    async (s) => {
      await chrome.storage.sync.set({ settings: s });
    },
    { ...DEFAULT_SETTINGS, ...settings },
  );
}

/** The session panel host element. */
export function sessionPanel(page: Page) {
  return page.locator('[data-glance-sfx="session-panel"]');
}

/** A Salesforce record as the control API lists it. */
export type Row = Record<string, unknown> & { Id: string };

/** The Events Salesforce holds for one Glance session (its subject names the session). */
export async function sessionEvents(control: SandboxControl, sessionId: string, org?: OrgName): Promise<Row[]> {
  return (await control.records<Row>('Event', org)).filter((e) => String(e.Subject).includes(sessionId));
}

/** Presses Start on the record page shown and waits for the session panel with its key. */
export async function startFromToolbar(page: Page) {
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).click();
  const panel = sessionPanel(page);
  await expect(panel.getByLabel('Session key')).toHaveText(/^\d{4}$/);
  return { panel, sessionId: (await panel.getAttribute('data-session-id')) ?? '' };
}

/** The rep adds a guest in the panel by hand (Glance documents no feed of a screen share's guests). */
export async function addGuest(panel: ReturnType<typeof sessionPanel>, name: string, email = '') {
  // The rep is back in the Salesforce tab (a guest's page may have opened in front of it).
  await panel.page().bringToFront();
  await panel.getByLabel('Name', { exact: true }).fill(name);
  await panel.getByLabel('E-mail', { exact: true }).fill(email);
  await panel.getByRole('button', { name: 'Add guest' }).click();
  await expect(panel.getByRole('list', { name: 'Guests' }).getByText(name)).toBeVisible();
}

/**
 * Opens a Lead in Lightning (the first seeded one unless `id` names another) and waits for the
 * toolbar's Start; with `signedIn`, also for the toolbar to name the rep Salesforce knows.
 */
export async function openLead(
  page: Page,
  control: SandboxControl,
  { id, signedIn = false }: { id?: string; signedIn?: boolean } = {},
): Promise<void> {
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${id ?? (await firstId(control, 'Lead'))}/view`);
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).waitFor();
  if (signedIn) await expect(toolbar(page).getByRole('status')).toContainText('Sessions are logged to Salesforce as');
}

/** The id of a seeded record of a type (the first, or the index-th). */
export async function firstId(control: SandboxControl, type: string, index = 0) {
  const record = (await control.records<{ Id: string }>(type))[index];
  if (!record) throw new Error(`no seeded ${type} #${index}`);
  return record.Id;
}

/** A Lightning page variant of the sandbox (`sandbox_ui` cookie: console, dynamic, aura, noactivity, …). */
export async function variant(context: BrowserContext, value: string) {
  await context.addCookies([{ name: 'sandbox_ui', value, url: `${LIGHTNING}/` }]);
}

/** Lightning's in-app navigation (history.pushState and a re-render), as the sandbox page does it. */
export const navigate = (page: Page, path: string) =>
  page.evaluate(
    (p) => (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(p),
    path,
  );

/**
 * Focus as a rep gives it: by the keyboard, from the control before it (press-guard.ts refuses a key
 * press on a button that a script's focus() reached, and Playwright's focus() is one).
 */
export async function focusByKeyboard(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(control).toBeFocused();
}

/**
 * Types a date into <input type=date> as a rep does, segment by segment (en-US: month, day, year).
 * Playwright's fill() sets a date input's value from script, which the dialog rightly refuses as not
 * the rep's typing (a page script could do the same: meeting-form.ts).
 */
export async function typeDate(page: Page, field: Locator, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await field.focus();
  await page.keyboard.type(`${month}${day}${year}`);
  await expect(field).toHaveValue(date);
}

/** Types a time into <input type=time> as a rep does (en-US: hour, minute, AM or PM). */
export async function typeTime(page: Page, field: Locator, time: string): Promise<void> {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const hour12 = ((hours + 11) % 12) + 1;
  await field.focus();
  await page.keyboard.type(
    `${String(hour12).padStart(2, '0')}${String(minutes).padStart(2, '0')}${hours < 12 ? 'A' : 'P'}`,
  );
  await expect(field).toHaveValue(time);
}

/** Chooses an option with the keyboard as a rep does (selectOption() sets it from script). */
export async function choose(page: Page, field: Locator, value: string): Promise<void> {
  const { from, to } = await field.evaluate((select, wanted) => {
    const values = [...(select as HTMLSelectElement).options].map((option) => option.value);
    return { from: (select as HTMLSelectElement).selectedIndex, to: values.indexOf(wanted) };
  }, value);
  if (to < 0) throw new Error(`no option ${value}`);
  await field.focus();
  for (let i = from; i !== to; i += to > from ? 1 : -1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(field).toHaveValue(value);
}
