// Where the Glance secrets may be, checked after every browser test by an automatic fixture
// (fixtures.ts): the password only in the one ValidateUser request body that sends it to
// www.glance.net; the company's Glance API key (single sign-on) nowhere at all; a Salesforce session
// id only in requests to Salesforce (never in storage, a console or a Glance request); and the credential
// and an SSO login key only in storage.local and in requests to www.glance.net —
// never in storage.sync/session/managed, a console message of a page or of the service worker, or
// a request to Salesforce or anywhere else. A finding names the place.
import type { BrowserContext, ConsoleMessage, Page, Worker } from '@playwright/test';
import { GLANCE_WEB_ORIGIN, VALIDATE_USER_FIELD, VALIDATE_USER_PATH } from '../../src/background/glance/assumptions.js';
import type { Sandbox } from '../sandbox/server.js';
import type { RequestLogEntry } from '../sandbox/state.js';
import { popupUrl } from './pages/extension-pages.js';

/** Passwords the tests type that belong to no account (settings.spec.ts types one to see it refused). */
export const WRONG_GLANCE_PASSWORD = 'staple-horse-wrong';

const GLANCE_API_HOST = new URL(GLANCE_WEB_ORIGIN).host;
const AREAS = ['local', 'sync', 'session', 'managed'] as const;
export type Area = (typeof AREAS)[number];

export interface Seen {
  where: string;
  text: string;
}

/** Every console message (and uncaught error) of the context's pages and its service workers from now on. */
export function watchConsole(context: BrowserContext) {
  const seen: Promise<Seen>[] = [];
  const record = (where: string, message: ConsoleMessage) =>
    seen.push(
      // The arguments' values too: text() shows an object as "JSHandle@object".
      Promise.all(message.args().map((arg) => arg.jsonValue().then(JSON.stringify, () => ''))).then((values) => ({
        where: `console of ${where}`,
        text: [message.text(), ...values].join(' '),
      })),
    );
  const onPage = (page: Page) => {
    page.on('console', (message) => record(page.url() || 'a page', message));
    page.on('pageerror', (error) =>
      seen.push(Promise.resolve({ where: `uncaught error in ${page.url()}`, text: String(error.stack) })),
    );
  };
  const onWorker = (worker: Worker) => worker.on('console', (message) => record(worker.url(), message));
  for (const page of context.pages()) onPage(page);
  for (const worker of context.serviceWorkers()) onWorker(worker);
  context.on('page', onPage);
  context.on('serviceworker', onWorker);
  return {
    async messages(): Promise<Seen[]> {
      context.off('page', onPage);
      context.off('serviceworker', onWorker);
      return Promise.all(seen);
    },
  };
}

/** Every storage area as the extension's service worker reads it (an extension page if it is not running). */
async function dumpStorage(context: BrowserContext, extensionId: string): Promise<Record<Area, unknown>> {
  const read = async () => {
    const dump: Record<string, unknown> = {};
    for (const area of ['local', 'sync', 'session', 'managed'] as const) {
      // Managed storage answers an error where the platform has no policy backend.
      dump[area] = await chrome.storage[area].get(null).catch((error: Error) => ({ unreadable: error.message }));
    }
    return dump as Record<Area, unknown>;
  };
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (worker) {
    // Chrome stops an idle worker after 30 s; Playwright may still list it, and evaluating in it then
    // never answers. Give it two seconds, then read through an extension page.
    const answered = await Promise.race([
      worker.evaluate(read).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000)),
    ]);
    if (answered) return answered;
  }
  const page = await context.newPage();
  try {
    await page.goto(popupUrl(extensionId));
    return await page.evaluate(read);
  } finally {
    await page.close();
  }
}

/** The SSO login keys the extension keeps (its account's `sso.loginKey`). */
function loginKeysIn(local: unknown): string[] {
  const found = JSON.stringify(local ?? {}).match(/"loginKey":"([^"]+)"/g) ?? [];
  return found.map((pair) => pair.slice('"loginKey":"'.length, -1));
}

function credentialsIn(local: unknown): string[] {
  const found = JSON.stringify(local ?? {}).match(/"credentials":"([^"]+)"/g) ?? [];
  return found.map((pair) => pair.slice('"credentials":"'.length, -1));
}

/** Where a secret shows in one request: its path, query, a header or the body. */
function placesIn(entry: RequestLogEntry, secret: string): string[] {
  const has = (text: string) => text.includes(secret) || text.includes(encodeURIComponent(secret));
  const places: string[] = [];
  if (has(entry.path)) places.push('path');
  if (has(entry.query)) places.push('query');
  for (const [name, value] of Object.entries(entry.headers ?? {})) if (has(value)) places.push(`header ${name}`);
  if (has(entry.body)) places.push('body');
  return places;
}

/** The one place a password may go: the `password` field of ValidateUser at www.glance.net. */
function withoutPasswordField(entry: RequestLogEntry): RequestLogEntry {
  if (entry.host !== GLANCE_API_HOST || entry.path !== VALIDATE_USER_PATH || entry.method !== 'POST') return entry;
  const form = new URLSearchParams(entry.body);
  form.delete(VALIDATE_USER_FIELD.password);
  return { ...entry, body: form.toString() };
}

const shown = (secret: string) => `${secret.slice(0, 6)}…`;

/** What the check reads after a test. */
export interface Evidence {
  storage: Record<Area, unknown>;
  passwords: string[];
  credentials: string[];
  /** Single sign-on login keys: like the credential, only in storage.local and requests to www.glance.net. */
  loginKeys?: string[];
  /** The company's Glance API key mints login keys on Glance's (or the company's server's) side: nowhere here. */
  apiKeys?: string[];
  /** Salesforce session ids: only in requests to Salesforce (the browser's own cookie, our Authorization header). */
  sids?: string[];
  log: RequestLogEntry[];
  console: Seen[];
}

/** Every place a Glance password or credential is where it must not be; empty when none. */
export function findLeaks({
  storage,
  passwords,
  credentials,
  loginKeys = [],
  apiKeys = [],
  sids = [],
  log,
  console,
}: Evidence): string[] {
  const findings: string[] = [];
  const look = (kind: string, secret: string, allowedIn: (area: Area) => boolean, requests: RequestLogEntry[]) => {
    for (const area of AREAS) {
      if (allowedIn(area)) continue;
      for (const [key, value] of Object.entries((storage[area] ?? {}) as Record<string, unknown>))
        if (JSON.stringify(value).includes(secret))
          findings.push(`${kind} ${shown(secret)} in storage.${area} "${key}"`);
    }
    for (const message of console)
      if (message.text.includes(secret)) findings.push(`${kind} ${shown(secret)} in ${message.where}: ${message.text}`);
    for (const entry of requests) {
      const places = placesIn(entry, secret);
      if (places.length > 0)
        findings.push(
          `${kind} ${shown(secret)} in request ${entry.method} ${entry.host}${entry.path} (${places.join(', ')})`,
        );
    }
  };
  for (const password of passwords) look('Glance password', password, () => false, log.map(withoutPasswordField));
  for (const credential of credentials)
    look(
      'Glance credential',
      credential,
      (area) => area === 'local',
      log.filter((entry) => entry.host !== GLANCE_API_HOST),
    );
  for (const loginKey of loginKeys)
    look(
      'Glance login key',
      loginKey,
      (area) => area === 'local',
      log.filter((entry) => entry.host !== GLANCE_API_HOST),
    );
  for (const apiKey of apiKeys) look('Company Glance API key', apiKey, () => false, log);
  for (const sid of sids)
    look(
      'Salesforce session id',
      sid,
      () => false,
      log.filter((entry) => entry.service !== 'salesforce'),
    );
  return findings;
}

/** Gathers the evidence of a finished test from the browser and the sandbox, and checks it. */
export async function secretLeaks(options: {
  context: BrowserContext;
  extensionId: string;
  sandbox: Sandbox;
  log: RequestLogEntry[];
  console: Seen[];
}): Promise<string[]> {
  const storage = await dumpStorage(options.context, options.extensionId);
  const glance = options.sandbox.state().glance;
  const accounts = [...glance.accounts.values()];
  return findLeaks({
    storage,
    // Every account's password, and the wrong one a test types.
    passwords: [...accounts.map((a) => a.password), WRONG_GLANCE_PASSWORD],
    // Every credential Glance issued (and has not revoked), and any the extension still keeps.
    credentials: [...new Set([...accounts.flatMap((a) => [...a.credentials]), ...credentialsIn(storage.local)])],
    loginKeys: loginKeysIn(storage.local),
    apiKeys: glance.sso.groups.map((group) => group.apiKey),
    sids: options.sandbox
      .state()
      .orgList()
      .flatMap((org) => [...org.sessions.values()].flatMap((session) => [session.sid, session.lightningSid])),
    log: options.log,
    console: options.console,
  });
}
