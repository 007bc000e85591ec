// The chaos run's browser and what the rep and the run do with it: launch (and relaunch on the same
// profile), log in, read the extension's queue, stop the worker, press the popup's Retry, and wait
// for the sandbox to have answered a call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { watchConsole } from '../../e2e/secrets.js';
import type { Sandbox } from '../../sandbox/server.js';
import { type LaunchedBrowser, launchWithExtension } from '../chromium.js';
import { SandboxControl } from '../control.js';
import { apiHostOf, describeCall, type OrgName, type SessionRun, type StoredQueue, sleep } from './model.js';

export class ChaosRig {
  readonly control: SandboxControl;
  readonly profile = mkdtempSync(join(tmpdir(), 'glance-sfx-chaos-'));
  /** Each browser's console, for the secrets check at the end (tests/e2e/secrets.ts). */
  readonly consoles: ReturnType<typeof watchConsole>[] = [];
  browser!: LaunchedBrowser;
  context!: BrowserContext;
  extensionId = '';
  /** The rep's Salesforce tab. */
  page!: Page;
  /** An extension page: reads the extension's storage and hosts the CDP session that stops the worker. */
  extensionPage!: Page;
  workerStops = 0;
  browserRestarts = 0;
  retryPresses = 0;

  constructor(
    readonly sandbox: Sandbox,
    readonly say: (line: string) => void,
  ) {
    this.control = new SandboxControl(sandbox.controlUrl);
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/src/pages/${path}/index.html`;
  }

  async launch(): Promise<void> {
    const launched = await launchWithExtension({
      hostResolverRules: this.sandbox.hostResolverRules,
      userDataDir: this.profile,
    });
    this.consoles.push(watchConsole(launched.context));
    // tsx keeps function names with an __name() helper that pages do not have (see the bench).
    await launched.context.addInitScript('globalThis.__name = (fn) => fn;');
    this.browser = launched;
    this.context = launched.context;
    this.extensionId = launched.extensionId;
    this.extensionPage = await this.context.newPage();
    await this.extensionPage.goto(this.extensionUrl('options'));
    this.page = await this.context.newPage();
  }

  /** The browser closes and comes back with the same profile. */
  async restart(): Promise<void> {
    await this.browser.close();
    await this.launch();
    this.browserRestarts += 1;
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }

  async logIn(org: OrgName, highAssurance = false): Promise<void> {
    const { sid, lightningSid } = await this.control.salesforceLogin(org, { highAssurance });
    const cookie = { name: 'sid', secure: true, httpOnly: true, sameSite: 'None' as const };
    await this.context.addCookies([
      { ...cookie, value: sid, url: `https://${org}.my.salesforce.com/` },
      { ...cookie, value: lightningSid, url: `https://${org}.lightning.force.com/` },
    ]);
  }

  readStored(): Promise<StoredQueue> {
    return this.extensionPage.evaluate(async () => {
      const got = await chrome.storage.local.get(['outbox', 'sessionLogs', 'orgStates']);
      return {
        jobs: (got.outbox as { value?: unknown } | undefined)?.value ?? [],
        logs: (got.sessionLogs as { value?: unknown } | undefined)?.value ?? {},
        orgs: (got.orgStates as { value?: unknown } | undefined)?.value ?? {},
      } as StoredQueue;
    });
  }

  async lastSeq(): Promise<number> {
    return (await this.control.log()).at(-1)?.seq ?? 0;
  }

  async stopWorker(moment: string, run: SessionRun): Promise<void> {
    const cdp = await this.context.newCDPSession(this.extensionPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    this.workerStops += 1;
    run.notes.push(`worker stopped ${moment}`);
    this.say(`  worker stopped ${moment}`);
  }

  /** What a rep does when the popup shows writes waiting: press Retry on the first that does not need them. */
  async pressRetry(why: string): Promise<boolean> {
    const popup = await this.context.newPage();
    try {
      await popup.goto(this.extensionUrl('popup'));
      const queue = popup.getByTestId('salesforce-queue');
      await queue.waitFor();
      const all = queue.getByRole('button', { name: 'Retry all now' });
      const button = (await all.count())
        ? all.first()
        : queue.locator('li:not([data-state="needs-attention"])').getByRole('button', { name: /^Retry sending/ });
      if ((await button.count()) === 0) return false;
      await button.first().click();
      this.retryPresses += 1;
      this.say(`  popup Retry (${why})`);
      // The button stays disabled until the background answered (after this pass of the queue).
      await popup.waitForFunction(
        () => !document.querySelector('[data-testid="salesforce-queue"] button:disabled'),
        undefined,
        { timeout: 60_000 },
      );
      return true;
    } finally {
      await popup.close();
    }
  }

  /** Waits (bounded) until the sandbox answered `status` to one of this org's API calls since `since`. */
  async waitForAnswer(
    org: OrgName,
    status: number,
    since: number,
    timeoutMs: number,
    request = '',
    bodyIncludes = '',
  ): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const hits = (await this.control.apiCalls(since)).filter(
        (c) =>
          c.host === apiHostOf(org) &&
          c.status === status &&
          describeCall(c).includes(request) &&
          c.body.includes(bodyIncludes),
      );
      if (hits.length > 0) return hits.length;
      await sleep(200);
    }
    return 0;
  }
}
