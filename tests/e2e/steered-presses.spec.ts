// Nobody steers the rep's hand (issue 25). Our shadow roots are open, so a Salesforce page script
// reaches every element we draw; `isTrusted` alone keeps its own clicks out, but not the rep's real
// clicks and keys steered onto our buttons, nor values it rewrites under our buttons' feet. Each test
// here is one attack a page script makes, with the rep's real mouse and keyboard (Playwright drives
// the browser's input, so the events are trusted): nothing the attack wants happens, and the same
// button pressed plainly afterwards still works, so each check can fail.
import type { Page } from '@playwright/test';
import {
  connectGlance,
  expect,
  LIGHTNING,
  logInToSalesforce,
  openLead,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';
import { popupUrl } from './pages/extension-pages.js';

const REFUSED = 'The page changed, covered or moved that button, or moved focus to it, so the press was not used.';

/** In the page's world: restyles one of our buttons through our open shadow root. */
function restyle(page: Page, host: string, label: string, css: string, how: 'inline' | 'sheet') {
  return page.evaluate(
    ({ host, label, css, how }) => {
      const root = document.querySelector(`[data-glance-sfx="${host}"]`)?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
      );
      if (!root || !button) throw new Error(`no ${label}`);
      if (how === 'inline') button.setAttribute('style', css);
      else {
        button.id = 'steered';
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`#steered{${css}}`);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    },
    { host, label, css, how },
  );
}

/** In the page's world: a field of the page's own that moves focus to one of our buttons as the rep types. */
function focusOnTyping(page: Page, host: string, label: string) {
  return page.evaluate(
    ({ host, label }) => {
      const field = document.createElement('input');
      field.id = 'page-note';
      field.setAttribute('aria-label', 'Page note');
      field.style.cssText = 'position:fixed;left:20px;bottom:20px;z-index:10';
      document.body.append(field);
      field.addEventListener('keydown', () => {
        const root = document.querySelector(`[data-glance-sfx="${host}"]`)?.shadowRoot;
        const button = [...(root?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
        );
        button?.focus();
      });
    },
    { host, label },
  );
}

const FULL_PAGE = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;';

test.beforeEach(async ({ context, extensionId }) => {
  await connectGlance(context, extensionId);
});

for (const [name, css, how] of [
  ['an invisible full-page Start (opacity 0, inline)', `${FULL_PAGE}opacity:0`, 'inline'],
  [
    'a transparent full-page Start (its own sheet in our root)',
    `${FULL_PAGE}background:transparent;color:transparent;border:0`,
    'sheet',
  ],
] as const) {
  test(`${name}: the rep's click elsewhere on the page starts nothing`, async ({
    salesforcePage: page,
    control,
    glanceClient,
  }) => {
    await openLead(page, control, { signedIn: true });
    await restyle(page, 'toolbar', 'Start Glance session', css, how);
    // The rep clicks what they see: a spot on the record page, far from our toolbar.
    await page.mouse.move(640, 560);
    await page.mouse.move(660, 580, { steps: 5 });
    await page.mouse.click(660, 580);
    await expect(toolbar(page).getByRole('status')).toHaveText(REFUSED);
    await expect(sessionPanel(page)).toHaveCount(0);
    expect(await glanceClient.received()).toEqual([]);
    expect(await control.glanceSessions()).toEqual([]);
  });
}

test('focus moved to Start while the rep types in a page field: their space bar starts nothing; Start pressed plainly works', async ({
  salesforcePage: page,
  control,
  glanceClient,
}) => {
  await openLead(page, control, { signedIn: true });
  await focusOnTyping(page, 'toolbar', 'Start Glance session');
  await page.getByLabel('Page note').click();
  await page.keyboard.type('hello there');
  await expect(toolbar(page).getByRole('status')).toHaveText(REFUSED);
  await expect(sessionPanel(page)).toHaveCount(0);
  expect(await glanceClient.received()).toEqual([]);
  // The rep's own Tab onto Start, then Enter: that press is theirs.
  await page.evaluate(() => document.getElementById('page-note')?.remove());
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(sessionPanel(page).getByLabel('Session key')).toHaveText(/^\d{4}$/);
});

test('focus moved to End while the rep types: the session keeps running', async ({ salesforcePage: page, control }) => {
  await openLead(page, control, { signedIn: true });
  const { panel } = await startFromToolbar(page);
  await focusOnTyping(page, 'session-panel', 'End session');
  await page.getByLabel('Page note').click();
  await page.keyboard.type('a b c');
  await expect(panel.getByRole('button', { name: 'End session' })).toBeVisible();
  await expect(panel).toHaveCount(1);
  // Pressed plainly, End ends it.
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(sessionPanel(page)).toHaveCount(0);
});

test('Copy join link copies the link the session has, not a value the page wrote into the field', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  await openLead(page, control, { signedIn: true });
  const { panel } = await startFromToolbar(page);
  const key = (await panel.getByLabel('Session key').textContent()) ?? '';
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="session-panel"]')?.shadowRoot;
    const field = root?.querySelector('input');
    if (!field) throw new Error('no join link field');
    field.value = 'https://collector.example/join';
  });
  await panel.getByRole('button', { name: 'Copy join link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://acme.glance.net/?key=${key}`);
});

/** The rep schedules a meeting on the Lead through the dialog, with these notes. */
async function openScheduleDialog(page: Page) {
  await toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule Glance meeting' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Invitee email').fill('pat@customer.example');
  await dialog.getByLabel('Notes').fill('Bring the Q3 numbers.');
  return dialog;
}

test('meeting notes rewritten during the press on Schedule: nothing is sent, the rep’s notes come back; pressed again, the Event has them', async ({
  salesforcePage: page,
  control,
}) => {
  await openLead(page, control, { signedIn: true });
  const dialog = await openScheduleDialog(page);
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="meeting-dialog"]')?.shadowRoot;
    const notes = root?.querySelector('textarea');
    const schedule = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Schedule');
    if (!notes || !schedule) throw new Error('no dialog');
    schedule.addEventListener(
      'pointerdown',
      () => {
        notes.value = 'Wire the deposit to account 0042 today.';
      },
      { once: true },
    );
  });
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog.getByLabel('Notes')).toHaveValue('Bring the Q3 numbers.');
  await expect(dialog.getByText('A script on this page changed this field.')).toBeVisible();
  const events = async () => (await control.records<{ Description?: string }>('Event')).map((e) => e.Description ?? '');
  expect((await events()).some((d) => d.includes('0042'))).toBe(false);
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog.getByText(/^Meeting scheduled/)).toBeVisible();
  await expect.poll(async () => (await events()).filter((d) => d.includes('Bring the Q3 numbers.')).length).toBe(1);
  expect((await events()).some((d) => d.includes('0042'))).toBe(false);
});

test('the Email invitation link rewritten after saving (a Bcc): the mail the rep opens is the meeting’s own', async ({
  salesforcePage: page,
  control,
}) => {
  await openLead(page, control, { signedIn: true });
  const dialog = await openScheduleDialog(page);
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog.getByText(/^Meeting scheduled/)).toBeVisible();
  await page.evaluate(() => {
    const root = document.querySelector('[data-glance-sfx="meeting-dialog"]')?.shadowRoot;
    const link = root?.querySelector<HTMLAnchorElement>('a[data-action=email]');
    if (!link) throw new Error('no mail link');
    link.href = 'mailto:pat@customer.example?bcc=collector@attacker.example&subject=Hi';
  });
  const opened = page.context().waitForEvent('request', { predicate: (r) => r.url().startsWith('mailto:') });
  await dialog.getByRole('link', { name: 'Email invitation' }).click();
  const url = (await opened).url();
  expect(url).toMatch(/^mailto:pat@customer\.example\?subject=/);
  expect(url).not.toContain('bcc');
  expect(url).not.toContain('attacker');
});

test('focus moved to Cancel meeting while the rep types: the cancel dialog does not open', async ({
  salesforcePage: page,
  control,
}) => {
  await openLead(page, control, { signedIn: true });
  const dialog = await openScheduleDialog(page);
  await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(dialog.getByText(/^Meeting scheduled/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(toolbar(page).getByRole('button', { name: 'Cancel meeting' })).toBeVisible();
  await focusOnTyping(page, 'toolbar', 'Cancel meeting');
  await page.getByLabel('Page note').click();
  await page.keyboard.type('ok then');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(toolbar(page).getByRole('status')).toHaveText(REFUSED);
});

test("a write queued by rep A waits while rep B is signed in to the same browser, and lands as A's when A is back", async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await openLead(page, control, { signedIn: true });
  // Salesforce is out of API calls for today: the session's Event waits in the queue.
  await control.setApiLimit({ used: 1000, max: 1000 });
  const { panel, sessionId } = await startFromToolbar(page);
  await expect(panel).toContainText('daily');
  const [riley] = await control.records<{ Id: string; Name: string }>('User');
  // Another rep signs in to Salesforce in this browser profile, and the org has calls again.
  await control.setApiLimit({ used: 0, max: 1000 });
  await logInToSalesforce(context, control, 'acme', { otherUser: true });
  // The new session cookie retries the org's writes; the popup, opened again, says why this one waits.
  const popup = await context.newPage();
  await expect
    .poll(
      async () => {
        await popup.goto(popupUrl(extensionId));
        return popup.getByTestId('salesforce-queue').textContent();
      },
      { timeout: 15_000 },
    )
    .toContain('Signed in to Salesforce as someone else');
  const events = async () =>
    (await control.records<{ Subject: string; OwnerId: string }>('Event')).filter((e) => e.Subject.includes(sessionId));
  expect(await events()).toEqual([]);
  // Rep A signs in again: the Event lands, and it is A's.
  await logInToSalesforce(context, control);
  await expect.poll(async () => (await events()).map((e) => e.OwnerId), { timeout: 15_000 }).toEqual([riley?.Id]);
});
