// The timings and call counts, measured in real Chromium with the production build, in the sandbox.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';

export interface Sample {
  values: number[];
}

const LIGHTNING = 'https://acme.lightning.force.com';
type Row = { Id: string; Email?: string };

/**
 * pushState to a record → the toolbar host shows that record and is visible. With `baseline` (a page
 * where the extension does not run), each round also times the same navigation there until the new
 * view is visible: the page's own share, in the same rounds. `afterShown`: in the extension's page,
 * the toolbar's delay after the record's view itself became visible, in the same navigation (what
 * "one frame" asks of us: the page's own navigation is longer than a frame on its own). `firstVisit`:
 * whether the page fetched the record's view in that round (its first visit) or showed it from its
 * cache (a revisit), as Lightning does.
 */
export async function toolbarAfterNavigation(
  page: Page,
  control: SandboxControl,
  rounds: number,
  baseline?: Page,
): Promise<{ withExtension: number[]; pageOnly: number[]; afterShown: number[]; firstVisit: boolean[] }> {
  const ids = [
    ...(await control.records<Row>('Lead')).map((r) => `/lightning/r/Lead/${r.Id}/view`),
    ...(await control.records<Row>('Contact')).map((r) => `/lightning/r/Contact/${r.Id}/view`),
    ...(await control.records<Row>('Case')).map((r) => `/lightning/r/Case/${r.Id}/view`),
  ];
  for (const p of baseline ? [page, baseline] : [page]) {
    await p.goto(`${LIGHTNING}/lightning/o/Lead/list`);
    await p.waitForFunction(
      () => typeof (window as unknown as { __sandboxNavigate?: unknown }).__sandboxNavigate === 'function',
    );
  }
  /** ms until the view is visible, and (waitFor toolbar) until the toolbar is too. */
  const navigate = (on: Page, path: string, recordId: string, waitFor: 'toolbar' | 'view') =>
    on.evaluate(
      ({ path, recordId, waitFor }) =>
        new Promise<{ view: number; done: number; fetched: boolean }>((resolve) => {
          // A view the page holds already is a revisit; any other it must fetch first.
          const cached = !!document.querySelector(`.oneContent[data-sandbox-path="${path}"]`);
          const start = performance.now();
          let view = 0;
          const ready = () => {
            // The page may show the new view (a revisit) before our code can run: timed where seen.
            if (!view) {
              const shown = document.querySelector(`.oneContent.active[data-sandbox-path="${path}"]`);
              if (shown?.checkVisibility()) view = performance.now() - start;
            }
            if (waitFor === 'view') return view > 0;
            const toolbar = document.querySelector(`[data-glance-sfx="toolbar"][data-record-id="${recordId}"]`);
            return !!toolbar?.checkVisibility();
          };
          const finish = () => {
            observer.disconnect();
            const done = performance.now() - start;
            resolve({ view: view || done, done, fetched: !cached });
          };
          const observer = new MutationObserver(() => {
            if (ready()) finish();
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          void (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(path);
          if (ready()) finish();
        }),
      { path, recordId, waitFor },
    );
  const withExtension: number[] = [];
  const pageOnly: number[] = [];
  const afterShown: number[] = [];
  const firstVisit: boolean[] = [];
  for (let i = 0; i < rounds + 5; i++) {
    const path = ids[i % ids.length] as string;
    const recordId = path.split('/')[4] as string;
    const ours = await navigate(page, path, recordId, 'toolbar');
    const plain = baseline ? await navigate(baseline, path, recordId, 'view') : undefined;
    if (i < 5) continue; // the first few warm up caches and the view templates
    withExtension.push(ours.done);
    afterShown.push(ours.done - ours.view);
    firstVisit.push(ours.fetched);
    if (plain !== undefined) pageOnly.push(plain.done);
  }
  return { withExtension, pageOnly, afterShown, firstVisit };
}

/** The popup's form usable (the settings form and the account section rendered), as an expression (action-popup.ts). */
export const POPUP_USABLE = `[...document.querySelectorAll('button')].some((b) => b.textContent === 'Save') &&
  !!document.querySelector('#glance-address, [data-testid="glance-connected"]')`;

/**
 * Writes beside the built popup a page with its head (inlined stylesheet) and, instead of its script,
 * the two things POPUP_USABLE waits for as static markup. Not part of the extension's code: the
 * bench's floor for the popup's figure, in the same build and the same browser.
 */
export function writeFloorPage(dist: string): string {
  const popup = readFileSync(join(dist, 'src/pages/popup/index.html'), 'utf8');
  const floor = popup
    .replace(/<script [^>]*type="module"[^>]*><\/script>/, '')
    .replace('<main id="app"></main>', '<main id="app"><input id="glance-address" /><button>Save</button></main>');
  if (floor === popup || floor.includes('<script')) throw new Error('the popup page changed shape');
  const path = 'src/pages/popup/bench-floor.html';
  writeFileSync(join(dist, path), floor);
  return path;
}

/** Service worker stopped → the first message answered. */
export async function workerColdStart(context: BrowserContext, extensionId: string, rounds: number): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(200);
    times.push(
      await page.evaluate(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ type: 'popup:glance-account' });
        return performance.now() - start;
      }),
    );
  }
  await page.close();
  return times;
}

/**
 * One bare request to Glance's session service from the record page (no-cors: the answer is opaque
 * but arrives whole), timed in the page: what Chromium's network stack and TLS alone cost at the
 * sandbox's latency, the floor under click to key. (From the service worker, an evaluated fetch
 * was refused at once in the bench, 1–3 ms, with no request made; the page's network stack is the same.)
 */
async function glanceRoundTrip(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const start = performance.now();
    await fetch('https://www.glance.net/services/SessionService.asmx/GetSessionStatus', {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'SessionId=0',
      credentials: 'omit',
    });
    return performance.now() - start;
  });
}

/**
 * Arms the click-to-key clock in `page`; the returned function waits for the figure (ms). The clock
 * starts at the trusted click itself (the toolbar ignores a page script's click()): a capture
 * listener on the document sees the composed click before the button does. It stops when the
 * panel's key is in the page and visible: the panel arrives with its key (a mutation seen at once),
 * and polling as well covers a panel already in the page (a poll alone came up to 4 ms late: nested
 * timers are clamped to 4 ms).
 */
export async function armClickToKey(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const keyShown = () => {
      const panel = document.querySelector('[data-glance-sfx="session-panel"]');
      const key = panel?.shadowRoot?.querySelector('[aria-label="Session key"]');
      return !!key && /^\d{4}$/.test(key.textContent ?? '') && key.checkVisibility();
    };
    (globalThis as { clickToKey?: Promise<number> }).clickToKey = new Promise<number>((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const start = performance.now();
          let done = false;
          const finish = () => {
            if (done || !keyShown()) return false;
            done = true;
            observer.disconnect();
            resolve(performance.now() - start);
            return true;
          };
          const observer = new MutationObserver(finish);
          observer.observe(document.body, { childList: true, subtree: true });
          const check = () => finish() || done || setTimeout(check, 1);
          check();
        },
        { capture: true, once: true },
      );
    });
  });
  return () => page.evaluate(() => (globalThis as { clickToKey?: Promise<number> }).clickToKey ?? -1);
}

/**
 * Click on Start → the key on screen, with the sandbox adding `latencyMs` to every call; `floor`
 * gets a bare Glance round trip at the same latency per round (glanceRoundTrip).
 */
export async function clickToKey(
  page: Page,
  control: SandboxControl,
  latencyMs: number,
  rounds: number,
  floor: number[] = [],
): Promise<number[]> {
  const [lead] = await control.records<Row>('Lead');
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await control.latency('glance', 0);
    await control.latency('salesforce', 0);
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
    await page.locator('[data-glance-sfx="toolbar"]').getByRole('button', { name: 'Start Glance session' }).waitFor();
    await control.latency('glance', latencyMs);
    await control.latency('salesforce', latencyMs);
    floor.push(await glanceRoundTrip(page));
    const keyShown = await armClickToKey(page);
    await page.locator('[data-glance-sfx="toolbar"]').getByRole('button', { name: 'Start Glance session' }).click();
    times.push(await keyShown());
    await control.latency('glance', 0);
    await control.latency('salesforce', 0);
    await page.locator('[data-glance-sfx="session-panel"]').getByRole('button', { name: 'End session' }).click();
    await page.locator('[data-glance-sfx="session-panel"]').waitFor({ state: 'detached' });
  }
  return times;
}

async function lastSeq(control: SandboxControl) {
  return (await control.log()).at(-1)?.seq ?? 0;
}

async function settle(check: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for Salesforce writes');
}

/** Waits until every queued Salesforce write has landed, so the next count starts clean. */
async function outboxDrained(context: BrowserContext) {
  const worker = context.serviceWorkers()[0];
  await settle(async () => {
    const { outbox } = (await worker?.evaluate(() => chrome.storage.local.get('outbox'))) ?? {};
    // Stored as { $v, value } (src/background/storage/items.ts).
    const jobs = (outbox as { value?: unknown[] } | undefined)?.value;
    return !Array.isArray(jobs) || jobs.length === 0;
  });
}

/** Salesforce API requests per step of a session (the org's daily budget). */
export async function salesforceCalls(context: BrowserContext, page: Page, control: SandboxControl) {
  await outboxDrained(context);
  const [lead] = await control.records<Row>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const toolbar = page.locator('[data-glance-sfx="toolbar"]');
  await toolbar.getByRole('status').filter({ hasText: 'Riley Rep' }).waitFor();

  let since = await lastSeq(control);
  await toolbar.getByRole('button', { name: 'Start Glance session' }).click();
  const panel = page.locator('[data-glance-sfx="session-panel"]');
  await panel.getByText('Logged to Salesforce.').waitFor({ timeout: 15_000 });
  const start = (await control.apiCalls(since)).length;
  const key = (await panel.getByLabel('Session key').textContent()) ?? '';

  const join = async (name: string, email: string, expectLead: boolean) => {
    const before = await lastSeq(control);
    const leads = (await control.records('Lead')).length;
    const guest = await context.newPage();
    await guest.goto(`https://acme.glance.net/?key=${key}`);
    await guest.getByLabel('Name').fill(name);
    await guest.getByLabel('Email').fill(email);
    await guest.getByRole('button', { name: 'Join session' }).click();
    await panel.getByText(name, { exact: true }).waitFor({ timeout: 15_000 });
    await settle(async () =>
      expectLead ? (await control.records('Lead')).length > leads : (await control.apiCalls(before)).length > 0,
    );
    await new Promise((r) => setTimeout(r, 300)); // let any stray call land before counting
    await guest.close();
    return (await control.apiCalls(before)).length;
  };
  const newLead = await join('Bench Guest', 'bench.guest@newco.example', true);
  const knownEmail = await join('Ada Again', 'ada@engines.example', false);

  since = await lastSeq(control);
  await panel.getByRole('button', { name: 'End session' }).click();
  await settle(async () => (await control.apiCalls(since)).length > 0);
  await new Promise((r) => setTimeout(r, 300));
  const end = (await control.apiCalls(since)).length;
  return { start, end, newLead, knownEmail };
}
