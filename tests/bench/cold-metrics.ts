// A cold browser (issue 13, item 2): the rep's own browser started again, the extension used in it
// before (its storage, its Glance account and the last known company policy kept in the profile).
// Chromium's first chrome.storage.managed read after a start waits for its policy loader to settle
// (1.8–4.8 s measured here, with no policy file installed: the loader settles whether or not a file
// is there, so the bench installs none and leaves /etc/chromium alone for every other Chromium on the
// machine). Each round starts Chromium with the same profile, waits 1 s, and then:
// - popup_settings_cold_ms: opens the action popup on its Settings view → the settings form usable;
// - click_to_key_cold_ms: clicks Start on a Lead (page opened at start, click 1 s after it) → the
//   key on screen (ms), with the sandbox adding `latencyMs` to every Glance and Salesforce call, which
//   the key does not wait for; and the requests to Glance made before the key showed (each round).
// Each round also says how long managed storage still took to answer at that moment (detail).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { type LaunchedBrowser, launchWithExtension } from '../support/chromium.js';
import type { SandboxControl } from '../support/control.js';
import { actionPopupTimes } from './action-popup.js';
import { armClickToKey, requestsBetween } from './browser-metrics.js';

const LIGHTNING = 'https://acme.lightning.force.com';
const POPUP_PAGE = 'src/pages/popup/index.html';
const SETTINGS_VIEW = `${POPUP_PAGE}#settings`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ColdSamples {
  popupSettings: number[];
  clickToKey: number[];
  /** Requests to Glance between the click and the key, per click to key round. */
  glanceCallsBeforeKey: number[];
  /** How long managed storage took to answer when asked right after each measurement. */
  managedRead: number[];
}

async function loggedIn(context: BrowserContext, control: SandboxControl) {
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  // Session cookies (as the login page sets them) do not survive a browser start: log in again.
  const { sid, lightningSid } = await control.salesforceLogin();
  await context.addCookies(
    [
      { value: sid, url: 'https://acme.my.salesforce.com/' },
      { value: lightningSid, url: 'https://acme.lightning.force.com/' },
    ].map(({ value, url }) => ({ name: 'sid', value, url, secure: true, httpOnly: true, sameSite: 'None' as const })),
  );
}

/** The managed read's duration now, in the worker (a read already under way is shared by Chromium). */
async function managedReadMs(browser: LaunchedBrowser): Promise<number> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) return Number.NaN;
  return worker.evaluate(async () => {
    const start = performance.now();
    await chrome.storage.managed.get();
    return performance.now() - start;
  });
}

export async function coldMetrics(
  hostResolverRules: string,
  control: SandboxControl,
  latencyMs: number,
  rounds: number,
): Promise<ColdSamples> {
  const profile = mkdtempSync(join(tmpdir(), 'glance-sfx-cold-'));
  const samples: ColdSamples = { popupSettings: [], clickToKey: [], glanceCallsBeforeKey: [], managedRead: [] };
  try {
    // The rep's earlier day: Glance connected, settings saved (the policy read and kept then).
    const first = await launchWithExtension({ hostResolverRules, userDataDir: profile });
    try {
      const popup = await first.context.newPage();
      await popup.goto(`chrome-extension://${first.extensionId}/src/pages/popup/index.html`);
      await popup.getByLabel('Glance address').fill('acme.glance.net');
      await popup.getByLabel('Glance password').fill('correct-horse');
      await popup.getByRole('button', { name: 'Connect' }).click();
      await popup.getByTestId('glance-connected').waitFor();
    } finally {
      await first.close();
    }

    for (let i = 0; i < rounds; i++) {
      const browser = await launchWithExtension({ hostResolverRules, userDataDir: profile, plainContexts: true });
      const started = Date.now();
      try {
        await loggedIn(browser.context, control);
        const page = await browser.context.newPage();
        const worker = browser.context.serviceWorkers()[0];
        if (!worker) throw new Error('the worker did not start with the browser');
        await sleep(Math.max(0, started + 1000 - Date.now()));
        // The browser's first action popup, as the rep opens it (action-popup.ts).
        const [[usable = Number.NaN] = []] = await actionPopupTimes(
          await browser.devToolsEndpoint(),
          worker,
          page,
          [SETTINGS_VIEW],
          1,
          false,
        );
        samples.popupSettings.push(usable);
        samples.managedRead.push(await managedReadMs(browser));
      } finally {
        await browser.close();
      }
    }

    const [lead] = await control.records<{ Id: string }>('Lead');
    for (let i = 0; i < rounds; i++) {
      await control.latency('glance', 0);
      await control.latency('salesforce', 0);
      const browser = await launchWithExtension({ hostResolverRules, userDataDir: profile });
      const started = Date.now();
      try {
        await loggedIn(browser.context, control);
        const page = await browser.context.newPage();
        await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
        const startButton = page
          .locator('[data-glance-sfx="toolbar"]')
          .getByRole('button', { name: 'Start Glance session' });
        await startButton.waitFor();
        await sleep(Math.max(0, started + 1000 - Date.now()));
        await control.latency('glance', latencyMs);
        await control.latency('salesforce', latencyMs);
        const since = (await control.log()).at(-1)?.seq ?? 0;
        const keyShown = await armClickToKey(page);
        await startButton.click();
        const sample = await keyShown();
        samples.clickToKey.push(sample.ms);
        samples.glanceCallsBeforeKey.push((await requestsBetween(control, since, sample, latencyMs)).count);
        await control.latency('glance', 0);
        await control.latency('salesforce', 0);
        await page.locator('[data-glance-sfx="session-panel"]').getByRole('button', { name: 'End session' }).click();
        await page.locator('[data-glance-sfx="session-panel"]').waitFor({ state: 'detached' });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await control.latency('glance', 0);
    await control.latency('salesforce', 0);
    rmSync(profile, { recursive: true, force: true });
  }
  return samples;
}

/**
 * popup_first_install_ms (issue 28): the extension just installed in a brand-new profile, the browser
 * just started, no last known policy. Each round starts Chromium on a new profile and opens the
 * action popup as soon as the worker runs: from open to its Overview usable (what depends on the
 * company policy may still be marked as being checked; the first managed read takes seconds then).
 */
export async function firstInstallMetrics(hostResolverRules: string, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const browser = await launchWithExtension({ hostResolverRules, plainContexts: true });
    try {
      const worker = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
      const page = await browser.context.newPage();
      const [[usable = Number.NaN] = []] = await actionPopupTimes(
        await browser.devToolsEndpoint(),
        worker,
        page,
        [POPUP_PAGE],
        1,
        false,
      );
      samples.push(usable);
    } finally {
      await browser.close();
    }
  }
  return samples;
}
