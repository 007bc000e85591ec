// Finds and launches Chromium with the built extension, pointed at the sandbox by host name.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium } from '@playwright/test';

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');
/** Fixed by the `key` in manifest.json. */
export const EXTENSION_ID = 'pdckdbofbehkaiioikpheonnaifbdbjf';

/** CHROMIUM_PATH, else Debian's chromium binary, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Chromium pointed at the sandbox by host name, quiet (no background traffic), as every launch here needs. */
function sandboxArgs(hostResolverRules: string): string[] {
  return [
    `--host-resolver-rules=${hostResolverRules}`,
    '--ignore-certificate-errors',
    // Chromium refuses to start its sandbox as root (CI and these machines); elsewhere keep it.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * The Salesforce origins the sandbox serves record pages from (launches come from their tabs): the
 * two orgs, and each host family of tests/e2e/host-families.spec.ts.
 */
const LAUNCHING_ORIGINS = [
  ...['acme', 'globex'].flatMap((org) => [`${org}.lightning.force.com`, `${org}.my.salesforce.com`]),
  'acme--uat.sandbox.lightning.force.com',
  'acme--uat.sandbox.my.salesforce.com',
  'acme-dev-ed.develop.lightning.force.com',
  'acme-dev-ed.develop.my.salesforce.com',
  'site-force-1234.scratch.lightning.force.com',
  'site-force-1234.scratch.my.salesforce.com',
  'curious-fox-abc.trailblaze.lightning.force.com',
  'curious-fox-abc.trailblaze.my.salesforce.com',
  'dod.lightning.crmforce.mil',
  'dod.my.salesforce.mil',
  'ali.lightning.sfcrmapps.cn',
  'ali.my.sfcrmproducts.cn',
].map((host) => `https://${host}`);

/**
 * A rep who ticked "Always allow … to open links of this type" in Chromium's "Open Glance?" prompt:
 * the choice Chromium keeps in the profile's Preferences (protocol_handler.allowed_origin_protocol_pairs).
 * Without it the prompt stays up, tab-modal, and takes every later click on the page; headless
 * Chromium gives no way to answer it. Written only into a new profile.
 */
function allowGlanceLaunches(userDataDir: string): void {
  const preferences = join(userDataDir, 'Default', 'Preferences');
  if (existsSync(preferences)) return;
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  const pairs = Object.fromEntries(LAUNCHING_ORIGINS.map((origin) => [origin, { glance: true }]));
  writeFileSync(preferences, JSON.stringify({ protocol_handler: { allowed_origin_protocol_pairs: pairs } }));
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /**
   * With `plainContexts`: a new incognito-like context of this same browser, where the extension does
   * not run (extensions are off in incognito unless the rep allows them): a baseline that shares
   * the browser, its GPU and network processes and its load with the extension's pages.
   */
  newPlainContext(): Promise<BrowserContext>;
  /** With `plainContexts`: the browser's own DevTools WebSocket (for what Playwright does not attach to). */
  devToolsEndpoint(): Promise<string>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  hostResolverRules: string;
  headless?: boolean;
  slowMo?: number;
  /**
   * A profile directory the caller keeps: close() leaves it in place, so launching again with it
   * restarts the browser with the same extension storage, alarms and cookies. By default each
   * launch gets a fresh temporary profile that close() removes.
   */
  userDataDir?: string;
  /**
   * Chromium's UI language (a BCP 47 tag such as de or ja), as a rep who set it in Chrome's
   * settings has it. On Linux, headless Chromium ignores LANGUAGE/LANG/LC_ALL for this (measured
   * with /usr/bin/chromium 156: chrome.i18n kept English); `--lang` sets the application locale, so
   * the extension's messages come from that _locales folder. Headless still reports
   * getUILanguage() "en-US" in the service worker, and in pages unless the locale is emulated too,
   * so the pages' navigator.language and getUILanguage() get the same tag through Playwright's
   * locale emulation.
   */
  uiLanguage?: string;
  /** Opens a DevTools port so that newPlainContext can connect (the bench's same-browser baselines). */
  plainContexts?: boolean;
}): Promise<LaunchedBrowser> {
  if (!existsSync(join(DIST_DIR, 'manifest.json'))) throw new Error('dist/ is missing: run npm run build');
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'glance-sfx-profile-'));
  allowGlanceLaunches(userDataDir);
  const executablePath = chromiumPath();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    // Playwright's own download: its full Chromium, since the headless shell cannot load extensions.
    channel: executablePath ? undefined : 'chromium',
    headless: options.headless ?? true,
    slowMo: options.slowMo,
    viewport: { width: 1280, height: 800 },
    ...(options.uiLanguage ? { locale: options.uiLanguage } : {}),
    ignoreHTTPSErrors: true,
    args: [
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
      ...(options.plainContexts ? ['--remote-debugging-port=0'] : []),
      `--disable-extensions-except=${DIST_DIR}`,
      `--load-extension=${DIST_DIR}`,
      ...sandboxArgs(options.hostResolverRules),
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).hostname;
  let overCdp: Browser | undefined;
  /** The port Chromium chose and its browser target's path, as it writes them to the profile (--remote-debugging-port=0). */
  const devToolsPort = async () => {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
    if (!existsSync(portFile)) throw new Error('launched without plainContexts: no DevTools port');
    const [port = '', path = ''] = readFileSync(portFile, 'utf8').split('\n');
    return { port, path };
  };
  return {
    context,
    extensionId,
    async newPlainContext() {
      overCdp ??= await chromium.connectOverCDP(`http://127.0.0.1:${(await devToolsPort()).port}`);
      return overCdp.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
    },
    async devToolsEndpoint() {
      const { port, path } = await devToolsPort();
      return `ws://127.0.0.1:${port}${path}`;
    },
    async close() {
      await overCdp?.close();
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
