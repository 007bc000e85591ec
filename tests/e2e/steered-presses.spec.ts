// Nobody steers the rep's hand (issue 25). Our shadow roots are open, so a Salesforce page script
// reaches every element we draw; `isTrusted` alone keeps its own clicks out, but not the rep's real
// clicks and keys steered onto our buttons, nor values it rewrites under our buttons' feet. Each test
// here is one attack a page script makes, with the rep's real mouse and keyboard (Playwright drives
// the browser's input, so the events are trusted): nothing the attack wants happens, and the same
// button pressed plainly afterwards still works, so each check can fail.
import type { Page } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, sessionPanel, startFromToolbar, test, toolbar } from './fixtures.js';

const REFUSED = 'The page changed, covered or moved that button, or moved focus to it, so the press was not used.';

async function openLead(page: Page, control: SandboxControl) {
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page).getByRole('status')).toContainText('Riley Rep');
}

async function glanceSessions(control: SandboxControl): Promise<unknown[]> {
  return ((await (await fetch(`${control.baseUrl}/glance`)).json()) as { sessions: unknown[] }).sessions;
}

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
    await openLead(page, control);
    await restyle(page, 'toolbar', 'Start Glance session', css, how);
    // The rep clicks what they see: a spot on the record page, far from our toolbar.
    await page.mouse.move(640, 560);
    await page.mouse.move(660, 580, { steps: 5 });
    await page.mouse.click(660, 580);
    await expect(toolbar(page).getByRole('status')).toHaveText(REFUSED);
    await expect(sessionPanel(page)).toHaveCount(0);
    expect(await glanceClient.received()).toEqual([]);
    expect(await glanceSessions(control)).toEqual([]);
  });
}

test('focus moved to Start while the rep types in a page field: their space bar starts nothing; Start pressed plainly works', async ({
  salesforcePage: page,
  control,
  glanceClient,
}) => {
  await openLead(page, control);
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
  await openLead(page, control);
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
  await openLead(page, control);
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
