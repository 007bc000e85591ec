// One-click Glance sessions, as the rep sees them: Start on a record turns the toolbar into the
// session panel (key, join link, guests, Switch, End) on every Salesforce tab, against the Glance
// emulator and its real join page. Salesforce Event contents are tested with the background.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, type Page, sessionPanel as panel, test, toolbar } from './fixtures.js';

const GLANCE_ADDRESS = 'acme.glance.net';

interface GlanceSnapshot {
  sessions: { sessionId: string; key: string; sessionType: string; status: string; guests: { name: string }[] }[];
}

async function glanceSnapshot(control: SandboxControl): Promise<GlanceSnapshot> {
  const response = await fetch(`${control.baseUrl}/glance`);
  return (await response.json()) as GlanceSnapshot;
}

async function onlyGlanceSession(control: SandboxControl) {
  const { sessions } = await glanceSnapshot(control);
  expect(sessions).toHaveLength(1);
  return sessions[0]!;
}

async function recordId(control: SandboxControl, type: string, index = 0): Promise<string> {
  const record = (await control.records<{ Id: string }>(type))[index];
  if (!record) throw new Error(`no seeded ${type} #${index}`);
  return record.Id;
}

function navigateInApp(page: Page, path: string) {
  return page.evaluate(
    (p) => (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(p),
    path,
  );
}

/** Opens a Lead and starts a session with one click; answers the key the panel shows. */
async function startOnLead(page: Page, control: SandboxControl): Promise<string> {
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).click();
  const key = panel(page).getByRole('group', { name: 'Session key' });
  await expect(key).toHaveText(/^\d{4}$/, { timeout: 3_000 });
  return (await key.textContent()) ?? '';
}

async function joinAsGuest(context: BrowserContext, key: string, name: string, email: string): Promise<void> {
  const guest = await context.newPage();
  await guest.goto(`https://${GLANCE_ADDRESS}/?key=${key}`);
  await expect(guest.getByLabel('Key')).toHaveValue(key);
  await guest.getByLabel('Name').fill(name);
  await guest.getByLabel('Email').fill(email);
  await guest.getByRole('button', { name: 'Join session' }).click();
  await expect(guest.getByRole('heading', { name: /You have joined/ })).toBeVisible();
  await guest.close();
}

// Through the real popup; `control` first, because it clears the extension's storage.
test.beforeEach(async ({ context, extensionId, control: _control }) => {
  await connectGlance(context, extensionId);
});

test('Start on a Lead shows the session panel with the key and join link Glance issued', async ({
  salesforcePage: page,
  control,
}) => {
  const key = await startOnLead(page, control);
  const session = await onlyGlanceSession(control);
  expect(session.key).toBe(key);
  expect(session.sessionType).toBe('G');

  const shown = panel(page);
  await expect(shown).toHaveAttribute('data-session-id', session.sessionId);
  await expect(shown).toHaveAttribute('data-docked', 'inline');
  await expect(page.locator('.oneContent.active [data-glance-sfx="session-panel"]')).toHaveCount(1);
  await expect(toolbar(page)).toHaveCount(0);
  expect(await shown.evaluate((el) => el.shadowRoot?.mode)).toBe('open');

  const region = shown.getByRole('region', { name: 'Glance session' });
  await expect(region).toBeVisible();
  await expect(region.getByLabel('Join link')).toHaveValue(`https://${GLANCE_ADDRESS}/?key=${key}`);
  await expect(region).toContainText(`Ask your customer to go to ${GLANCE_ADDRESS} and enter key ${key}.`);
  await expect(region).toContainText('Screen share');
  await expect(region).toContainText('Logged on this Lead');
  await expect(region).toContainText('Waiting for your customer to join…');
  await expect(region.getByRole('button', { name: 'Copy session key' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible();
  await expect(region.getByRole('button', { name: 'End session' })).toBeVisible();

  // The timer counts from the start.
  const timer = region.getByRole('timer', { name: 'Elapsed time' });
  await expect(timer).toHaveText(/^00:0\d$/);
  await expect(timer).not.toHaveText('00:00', { timeout: 3_000 });
  await expect(region).toContainText('Logged to Salesforce.', { timeout: 15_000 });
});

test('While Glance answers slowly, Start is disabled and says it is starting', async ({
  salesforcePage: page,
  control,
}) => {
  await control.latency('glance', 1_500);
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const start = toolbar(page).getByRole('button', { name: 'Start Glance session' });
  // Every frame drawn while Glance answers: the panel (made at the click, and warmed then) is in none
  // of them until it has the key.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { panelsSeen: string[] }).panelsSeen = seen;
    const look = () => {
      const host = document.querySelector('[data-glance-sfx="session-panel"]');
      const key = host?.shadowRoot?.querySelector('[aria-label="Session key"]')?.textContent ?? '';
      if (host && !/^\d{4}$/.test(key)) seen.push(`${host.getAttribute('data-docked')} "${key}"`);
      if (!/^\d{4}$/.test(key)) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await start.click();
  await expect(start).toBeDisabled();
  await expect(toolbar(page).getByRole('status')).toHaveText('Starting Glance session…');
  await expect(panel(page).getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/);
  expect(await page.evaluate(() => (window as unknown as { panelsSeen: string[] }).panelsSeen)).toEqual([]);
});

test('a guest who joins on the Glance join page appears in the panel', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const key = await startOnLead(page, control);
  await joinAsGuest(context, key, 'Casey Customer', 'casey@customer.example');
  await page.bringToFront();
  const guests = panel(page).getByRole('list', { name: 'Guests' });
  await expect(guests).toContainText('Casey Customer', { timeout: 12_000 });
  await expect(guests).toContainText('casey@customer.example');
  await expect(panel(page).getByText('Waiting for your customer to join…')).toBeHidden();
});

test('a hostile guest name is shown as text, never as markup', async ({ salesforcePage: page, control }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)>';
  const key = await startOnLead(page, control);
  const joined = await fetch(`${control.baseUrl}/glance/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address: GLANCE_ADDRESS, key, name: hostile, email: 'mallory@evil.example' }),
  });
  expect(joined.ok).toBe(true);
  const guests = panel(page).getByRole('list', { name: 'Guests' });
  await expect(guests).toContainText(hostile, { timeout: 12_000 });
  expect(await panel(page).evaluate((el) => el.shadowRoot?.querySelectorAll('img').length)).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('the start menu works from the keyboard and starts a cobrowse session', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const bar = toolbar(page);
  const more = bar.getByRole('button', { name: 'More ways to start a Glance session' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await more.focus();
  await page.keyboard.press('Enter');
  const menu = bar.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(bar.getByRole('menuitem', { name: 'Show my screen (screen share)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('ArrowDown');
  await expect(bar.getByRole('menuitem', { name: 'Show my screen (screen share)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(bar.getByRole('menuitem', { name: "View the customer's screen" })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(bar.getByRole('menuitem', { name: 'Cobrowse with the customer' })).toBeFocused();
  await page.keyboard.press('Enter');

  const shown = panel(page);
  await expect(shown.getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/);
  await expect(shown).toContainText('Cobrowse');
  await expect(shown.getByRole('button', { name: 'Switch to screen share' })).toBeVisible();
  // Focus moved with the rep into the panel that replaced the toolbar.
  await expect(shown.getByRole('region', { name: 'Glance session' })).toBeFocused();
  expect((await onlyGlanceSession(control)).sessionType).toBe('C');
});

test('Switch goes to cobrowse and back to screen share', async ({ salesforcePage: page, control }) => {
  await startOnLead(page, control);
  const shown = panel(page);
  await shown.getByRole('button', { name: 'Switch to cobrowse' }).click();
  await expect(shown.getByRole('button', { name: 'Switch to screen share' })).toBeVisible();
  await expect(shown).toHaveAttribute('data-mode', 'cobrowse');
  expect((await onlyGlanceSession(control)).sessionType).toBe('C');

  await shown.getByRole('button', { name: 'Switch to screen share' }).click();
  await expect(shown.getByRole('button', { name: 'Switch to cobrowse' })).toBeVisible();
  await expect(shown).toHaveAttribute('data-mode', 'screenshare');
  expect((await onlyGlanceSession(control)).sessionType).toBe('G');
});

test('Copy join link puts the link on the clipboard and says so', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  const key = await startOnLead(page, control);
  await page.bringToFront();
  const shown = panel(page);
  await shown.getByRole('button', { name: 'Copy join link' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://${GLANCE_ADDRESS}/?key=${key}`);
  await shown.getByRole('button', { name: 'Copy session key' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
});

test('the panel shows on other Salesforce tabs and pages, and survives a reload', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await startOnLead(page, control);
  const sessionId = await panel(page).getAttribute('data-session-id');

  // A list view in another tab: no record, so the panel floats.
  const other = await context.newPage();
  await other.goto(`${LIGHTNING}/lightning/o/Lead/list`);
  await expect(panel(other)).toHaveAttribute('data-session-id', sessionId ?? '');
  await expect(panel(other)).toHaveAttribute('data-docked', 'floating');
  await expect(toolbar(other)).toHaveCount(0);

  // Another record in that tab: the panel docks where the toolbar would, never the toolbar itself.
  const contact = await recordId(control, 'Contact');
  await navigateInApp(other, `/lightning/r/Contact/${contact}/view`);
  await expect(other).toHaveURL(new RegExp(`/lightning/r/Contact/${contact}/view`));
  await expect(other.locator('.oneContent.active [data-glance-sfx="session-panel"]')).toHaveCount(1);
  await expect(panel(other)).toHaveAttribute('data-docked', 'inline');
  await expect(toolbar(other)).toHaveCount(0);
  // It is the Lead's session wherever it is shown.
  await expect(panel(other)).toContainText('Logged on this Lead');

  // Home in the first tab, then a reload.
  await navigateInApp(page, '/lightning/page/home');
  await expect(panel(page)).toHaveAttribute('data-docked', 'floating');
  await page.reload();
  await expect(panel(page)).toHaveAttribute('data-session-id', sessionId ?? '');
  await expect(panel(page).getByRole('group', { name: 'Session key' })).toHaveText(/^\d{4}$/);
  await other.close();
});

test('End session ends it on Glance and brings the toolbar back in every tab', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await startOnLead(page, control);
  const other = await context.newPage();
  await other.goto(`${LIGHTNING}/lightning/page/home`);
  await expect(panel(other)).toHaveCount(1);

  await panel(page).getByRole('button', { name: 'End session' }).click();
  await expect(panel(page)).toHaveCount(0);
  const bar = toolbar(page);
  await expect(bar.getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(bar.getByRole('status')).toHaveText('Glance session ended.');
  expect((await onlyGlanceSession(control)).status).toBe('E');
  // The other tab heard the end from the background; on home it shows nothing.
  await expect(panel(other)).toHaveCount(0);
  await expect(toolbar(other)).toHaveCount(0);
  await other.close();
});

test('after a session, the toolbar follows navigation and shows the Salesforce status again', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await recordId(control, 'Lead');
  await startOnLead(page, control);
  await panel(page).getByRole('button', { name: 'End session' }).click();
  await expect(toolbar(page).getByRole('status')).toHaveText('Glance session ended.');
  await navigateInApp(page, '/lightning/page/home');
  await expect(toolbar(page)).toHaveCount(0);
  await expect(panel(page)).toHaveCount(0);
  await navigateInApp(page, `/lightning/r/Lead/${lead}/view`);
  await expect(toolbar(page).getByRole('status')).toHaveText('Sessions are logged to Salesforce as Riley Rep.');
  await expect(toolbar(page)).toHaveAttribute('data-record-id', lead);
});

test('Glance down on Start: says so, and shows no panel', async ({ salesforcePage: page, control }) => {
  await control.fail({ service: 'glance', pathIncludes: 'StartSession', status: 503 });
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const start = toolbar(page).getByRole('button', { name: 'Start Glance session' });
  await start.click();
  await expect(toolbar(page).getByRole('status')).toHaveText(
    'Glance did not answer, so no session was started and nothing was logged. Try again in a moment.',
  );
  await expect(start).toBeEnabled();
  await expect(toolbar(page).getByRole('button', { name: 'Open Glance settings' })).toBeHidden();
  await expect(panel(page)).toHaveCount(0);
});

test('an expired Glance connection on Start offers the Glance settings', async ({ salesforcePage: page, control }) => {
  const revoked = await fetch(`${control.baseUrl}/glance/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address: GLANCE_ADDRESS }),
  });
  expect(revoked.ok).toBe(true);
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).click();
  await expect(toolbar(page).getByRole('status')).toHaveText(
    'Your Glance connection has expired. Open Glance settings and connect again.',
  );
  await expect(toolbar(page).getByRole('button', { name: 'Open Glance settings' })).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
});

test('without a Salesforce API session the panel asks the rep to log in, on the API host', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  // The Lightning host keeps its own cookie; the API host's session is gone.
  await context.clearCookies({ domain: 'acme.my.salesforce.com' });
  await startOnLead(page, control);
  const login = panel(page).getByRole('link', { name: 'Log in to Salesforce' });
  await expect(login).toHaveAttribute('href', 'https://acme.my.salesforce.com/', { timeout: 15_000 });
  await expect(panel(page)).toContainText(
    'Log in to Salesforce again: the session keeps running and is logged once you do.',
  );
});

test('the open start menu and the session panel pass an accessibility scan', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await recordId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await toolbar(page).getByRole('button', { name: 'More ways to start a Glance session' }).click();
  await expect(toolbar(page).getByRole('menu')).toBeVisible();
  const menuScan = await new AxeBuilder({ page }).include('[data-glance-sfx="toolbar"]').analyze();
  expect(menuScan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');

  await startOnLead(page, control);
  await joinAsGuest(page.context(), (await onlyGlanceSession(control)).key, 'Casey Customer', 'casey@customer.example');
  await expect(panel(page).getByRole('list', { name: 'Guests' })).toContainText('Casey Customer', { timeout: 12_000 });
  const panelScan = await new AxeBuilder({ page }).include('[data-glance-sfx="session-panel"]').analyze();
  expect(panelScan.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('Glance not answering during a session: the panel says the guest list may be out of date, until it answers again', async ({
  salesforcePage: page,
  control,
}) => {
  await startOnLead(page, control);
  const shown = panel(page);
  await control.fail({ service: 'glance', pathIncludes: 'GetSessionStatus', count: 1, status: 502 });
  const warning = shown.getByText('Glance is not answering right now, so the guest list may be out of date.');
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toBeHidden({ timeout: 15_000 });
  await expect(shown.getByLabel('Session key')).toBeVisible();
});

test('a guest who leaves is marked as left', async ({ salesforcePage: page, control }) => {
  const key = await startOnLead(page, control);
  const session = await onlyGlanceSession(control);
  const post = (path: string, body: unknown) =>
    fetch(`${control.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect(
    (await post('/glance/join', { address: GLANCE_ADDRESS, key, name: 'Leaving Lou', email: 'lou@x.example' })).ok,
  ).toBe(true);
  const guest = panel(page).getByRole('listitem').filter({ hasText: 'Leaving Lou' });
  await expect(guest).toBeVisible({ timeout: 15_000 });
  await expect(guest).not.toContainText('(left)');
  expect((await post('/glance/leave', { sessionId: session.sessionId, guest: 'Leaving Lou' })).ok).toBe(true);
  await expect(guest).toContainText('(left)', { timeout: 15_000 });
});
