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
 * The popup usable, as an expression (action-popup.ts). Its Overview: the Glance account drawn (the
 * connect form, the connected account, or single sign-on), or, on a brand-new profile before managed
 * storage answered, marked as being checked. Its Settings view ("#settings"): the form with Save.
 */
export const POPUP_USABLE = `location.hash === '#settings'
  ? [...document.querySelectorAll('button')].some((b) => b.textContent === 'Save')
  : !!document.querySelector('#glance-address, [data-testid="glance-connected"], [data-testid="glance-sso"], [data-testid="policy-checking"]')`;

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
        await chrome.runtime.sendMessage({ type: 'page:glance-account' });
        return performance.now() - start;
      }),
    );
  }
  await page.close();
  return times;
}

/** One click to key: its time in the page, and when (wall clock, ms) the click came and the key showed. */
export interface ClickToKeySample {
  ms: number;
  clickedAt: number;
  keyAt: number;
}

/** How long a click to key may take before the bench gives up (a page evaluation has no timeout of its own). */
const KEY_TIMEOUT_MS = 20_000;

/**
 * Arms the click-to-key clock in `page`; the returned function waits for the figure. The clock
 * starts at the trusted click itself (the toolbar ignores a page script's click()): a capture
 * listener on the document sees the composed click before the button does. It stops when the
 * panel's key is in the page and visible: the panel arrives with its key (a mutation seen at once),
 * and polling as well covers a panel already in the page (a poll alone came up to 4 ms late: nested
 * timers are clamped to 4 ms). `clickedAt` and `keyAt` are Date.now() in the page, the clock the
 * sandbox's request log keeps (same machine), for requestsBetween.
 */
export async function armClickToKey(page: Page): Promise<() => Promise<ClickToKeySample>> {
  await page.evaluate(() => {
    const keyShown = () => {
      const panel = document.querySelector('[data-glance-sfx="session-panel"]');
      const key = panel?.shadowRoot?.querySelector('[aria-label="Session key"]');
      return !!key && /^\d{4}$/.test(key.textContent ?? '') && key.checkVisibility();
    };
    (globalThis as { clickToKey?: Promise<ClickToKeySample> }).clickToKey = new Promise<ClickToKeySample>((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const start = performance.now();
          const clickedAt = Date.now();
          let done = false;
          const finish = () => {
            if (done || !keyShown()) return false;
            done = true;
            observer.disconnect();
            resolve({ ms: performance.now() - start, clickedAt, keyAt: Date.now() });
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
  return () =>
    page.evaluate((timeoutMs) => {
      const measured = (globalThis as { clickToKey?: Promise<ClickToKeySample> }).clickToKey;
      if (!measured) throw new Error('the click-to-key clock was not armed');
      return Promise.race([
        measured,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no key on screen ${timeoutMs} ms after arming the clock`)), timeoutMs),
        ),
      ]);
    }, KEY_TIMEOUT_MS);
}

/**
 * Requests to `service` (Glance unless told) that reached the sandbox between the click and the key
 * on screen. The sandbox logs a request once it has answered it, after its added latency
 * (tests/sandbox/server.ts): a request's arrival is its log time less `latencyMs` (less the few ms
 * the emulator took to answer; `slackMs` allows for them). First waits until every request sent
 * before the key has had time to be logged (`waited`: the caller already did). `after`: the nearest
 * such request after the key (ms), for the figure's detail.
 */
export async function requestsBetween(
  control: SandboxControl,
  since: number,
  sample: ClickToKeySample,
  latencyMs: number,
  {
    service = 'glance',
    slackMs = 3,
    waited = false,
  }: { service?: 'glance' | 'salesforce'; slackMs?: number; waited?: boolean } = {},
): Promise<{ count: number; after?: number; paths: string[] }> {
  if (!waited) await new Promise((resolve) => setTimeout(resolve, latencyMs + 500));
  const arrivals = (await control.log(service, since)).map((e) => ({
    arrived: Date.parse(e.at) - latencyMs,
    path: e.path,
  }));
  const before = arrivals.filter((a) => a.arrived >= sample.clickedAt && a.arrived <= sample.keyAt + slackMs);
  const later = arrivals.filter((a) => a.arrived > sample.keyAt + slackMs).map((a) => a.arrived - sample.keyAt);
  return {
    count: before.length,
    after: later.length ? Math.min(...later) : undefined,
    paths: before.map((a) => a.path),
  };
}

export interface ClickToKeyRound extends ClickToKeySample {
  /** Requests to Glance between the click and the key (requestsBetween). */
  glanceCalls: number;
  /** The first Glance request after the key, in ms after it (none within `latencyMs` + 500 ms: undefined). */
  glanceAfterKey?: number;
  glancePaths: string[];
  /** Salesforce's paths in the same window (the key waits for neither service). */
  salesforcePaths: string[];
}

/**
 * Click on Start → the key on screen, with the sandbox adding `latencyMs` to every Glance and
 * Salesforce call (neither may be on the path: the extension chooses the key, the Glance Client gets
 * it from the rep's click, and Salesforce's writes are queued). Each round opens the Lead again (the
 * panel's script is injected again), clicks, and ends the session with latency off.
 */
export async function clickToKey(
  page: Page,
  control: SandboxControl,
  latencyMs: number,
  rounds: number,
): Promise<ClickToKeyRound[]> {
  const [lead] = await control.records<Row>('Lead');
  const samples: ClickToKeyRound[] = [];
  const startButton = page.locator('[data-glance-sfx="toolbar"]').getByRole('button', { name: 'Start Glance session' });
  try {
    for (let i = 0; i < rounds; i++) {
      await control.latency('glance', 0);
      await control.latency('salesforce', 0);
      await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
      await startButton.waitFor();
      await control.latency('glance', latencyMs);
      await control.latency('salesforce', latencyMs);
      const since = await lastSeq(control);
      const keyShown = await armClickToKey(page);
      await startButton.click();
      const sample = await keyShown();
      const glance = await requestsBetween(control, since, sample, latencyMs);
      const salesforce = await requestsBetween(control, since, sample, latencyMs, {
        service: 'salesforce',
        waited: true,
      });
      samples.push({
        ...sample,
        glanceCalls: glance.count,
        glanceAfterKey: glance.after,
        glancePaths: glance.paths,
        salesforcePaths: salesforce.paths,
      });
      await control.latency('glance', 0);
      await control.latency('salesforce', 0);
      await endSession(page);
    }
  } finally {
    await control.latency('glance', 0);
    await control.latency('salesforce', 0);
  }
  return samples;
}

/** The panel's End session, until the panel is gone. */
async function endSession(page: Page) {
  const panel = page.locator('[data-glance-sfx="session-panel"]');
  await panel.getByRole('button', { name: 'End session' }).click();
  await panel.waitFor({ state: 'detached' });
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

  // Guests as the rep adds them in the panel (Glance documents no feed of a screen share's guests):
  // counted from the Add guest click until the guest's Lead (or the lookup that found them) landed.
  const addGuest = async (name: string, email: string, expectLead: boolean) => {
    const before = await lastSeq(control);
    const leads = (await control.records('Lead')).length;
    await panel.getByLabel('Name', { exact: true }).fill(name);
    await panel.getByLabel('E-mail', { exact: true }).fill(email);
    await panel.getByRole('button', { name: 'Add guest' }).click();
    await panel.getByRole('list', { name: 'Guests' }).getByText(name).waitFor({ timeout: 15_000 });
    await settle(async () =>
      expectLead ? (await control.records('Lead')).length > leads : (await control.apiCalls(before)).length > 0,
    );
    await new Promise((r) => setTimeout(r, 300)); // let any stray call land before counting
    return (await control.apiCalls(before)).length;
  };
  const newLead = await addGuest('Bench Guest', 'bench.guest@newco.example', true);
  const knownEmail = await addGuest('Ada Again', 'ada@engines.example', false);

  since = await lastSeq(control);
  await panel.getByRole('button', { name: 'End session' }).click();
  await settle(async () => (await control.apiCalls(since)).length > 0);
  await new Promise((r) => setTimeout(r, 300));
  const end = (await control.apiCalls(since)).length;
  await outboxDrained(context);
  return { start, end, newLead, knownEmail };
}

/**
 * Salesforce API requests of joining the customer's session from a Case: the visitor starts
 * cobrowse on the company's site (`visitorKey`), the rep opens the start menu, chooses Join
 * customer's session, types the key and presses Join; counted until the panel shows and the
 * session's Event is in Salesforce (and 300 ms more for a stray call). The session is ended after
 * (its viewer window closes with it) and its writes left to land.
 */
export async function joinCalls(
  context: BrowserContext,
  page: Page,
  control: SandboxControl,
  visitorKey = 'CUST-42',
): Promise<{ calls: number; viewerOpened: boolean; viewerClosed: boolean }> {
  await outboxDrained(context);
  const [kase] = await control.records<Row>('Case');
  await page.goto(`${LIGHTNING}/lightning/r/Case/${kase?.Id}/view`);
  const toolbar = page.locator('[data-glance-sfx="toolbar"]');
  await toolbar.getByRole('status').filter({ hasText: 'Riley Rep' }).waitFor();
  await control.startCobrowse(visitorKey);

  // Glance's agent viewer, in the window the worker opens (its page may show before its address).
  const viewer = context
    .waitForEvent('page', { timeout: 15_000 })
    .then(async (opened) => {
      await opened.waitForURL(/^https:\/\/[^/]*glance\.net\//, { timeout: 15_000 });
      return opened;
    })
    .catch(() => undefined);
  const since = await lastSeq(control);
  await toolbar.getByRole('button', { name: 'More ways to start a Glance session' }).click();
  await toolbar.getByRole('menuitem', { name: "Join customer's session" }).click();
  await toolbar.getByLabel('Key or visitor ID the customer gives you').fill(visitorKey);
  await toolbar.getByRole('button', { name: 'Join', exact: true }).click();
  const panel = page.locator('[data-glance-sfx="session-panel"]');
  await panel.waitFor();
  const sessionId = (await panel.getAttribute('data-session-id')) ?? '';
  if (!sessionId) throw new Error('the joined session has no id in its panel');
  await settle(async () =>
    (await control.records<Row & { Subject?: string }>('Event')).some((e) => String(e.Subject).includes(sessionId)),
  );
  await new Promise((r) => setTimeout(r, 300)); // let any stray call land before counting
  const calls = (await control.apiCalls(since)).length;
  const viewerPage = await viewer;

  await page.bringToFront();
  await endSession(page);
  await outboxDrained(context);
  // End closes the viewer window the extension opened.
  await viewerPage?.waitForEvent('close', { timeout: 5000 }).catch(() => undefined);
  return { calls, viewerOpened: !!viewerPage, viewerClosed: !!viewerPage?.isClosed() };
}
