// Least privilege, reviewed: every permission, host permission, content-script match and web-
// accessible resource the extension asks for is in the allow-list below with the reason it is
// needed. Anything added to manifest.json — or added by the build (@crxjs rewrites the manifest) —
// fails here until someone reviews it and writes down why. The built manifest is checked from a
// fresh production build into a temporary folder, so this runs without dist/ (npm test builds dist
// only later, for the browser tests) and checks exactly what the build emits.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  CONTENT_SCRIPT_FILE,
  MEETING_DIALOG_FILE,
  SESSION_PANEL_FILE,
} from '../../scripts/content-script-bundle.js';
import { CRR_HOST_PERMISSION } from '../../src/shared/glance-records-host.js';
import { GLANCE_WEB_ORIGIN } from '../../src/shared/glance-trial.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The reviewed allow-list: one reason per entry. */
const PERMISSIONS: Record<string, string> = {
  storage: 'settings (sync), the Glance credential and the session (local), caches (session), policy (managed)',
  cookies: "reads the org's API session cookie `sid` to call the Salesforce REST API as the rep",
  alarms: 'wakes the worker for the Salesforce write queue and the guest poll',
  scripting:
    "injects the session panel's script into a Salesforce tab when a session shows there or the rep turns to the toolbar, so nothing is web-accessible and pages nobody uses never load it",
  notifications:
    'tells the rep when a guest joins their session (their setting "Notify me when a guest joins"), and why the keyboard shortcut could not start a session where the page has no toolbar to say it',
};
const OPTIONAL_PERMISSIONS: Record<string, string> = {};
/** Asked for only by the browser that needs them, with the admin's click; no rep's install ever asks. */
const OPTIONAL_HOST_PERMISSIONS: Record<string, string> = {
  [CRR_HOST_PERMISSION]:
    "Glance's session-records service (src/background/sync/crr.ts): the one administrator who sets up the sync grants it on the Company Settings tab",
};

const LIGHTNING_AND_MY_DOMAIN =
  'a Salesforce host family (src/shared/salesforce-hosts.ts): the toolbar runs there, the REST API and its sid cookie live there';
const PROXIED =
  'Salesforce behind a Defender for Cloud Apps proxy: only so tabs.query finds the tab and says it cannot work';
// A host permission added is a permission change the rep sees (Chrome may ask to approve it on update,
// Firefox lists it): each one here is worth that, and the reason says why.
const HOST_PERMISSIONS: Record<string, string> = {
  'https://*.cloudforce.com/*':
    'My Domains on the older cloudforce.com suffix (Help "My Domain URL Formats"): their REST API, sid cookie and Classic pages live there',
  'https://*.my.salesforce-setup.com/*':
    'Setup\'s own hosts (Help "My Domain URL Formats"): only so the popup and Check this org can read a Setup tab\'s address and know its org; no content script runs there',
  'https://*.cloudforce.com.mcas.ms/*': PROXIED,
  'https://*.lightning.crmforce.mil/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.lightning.force.com/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.lightning.sfcrmapps.cn/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.my.salesforce.com/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.my.salesforce.mil/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.my.sfcrmproducts.cn/*': LIGHTNING_AND_MY_DOMAIN,
  'https://*.lightning.crmforce.mil.mcas.ms/*': PROXIED,
  'https://*.lightning.force.com.mcas.ms/*': PROXIED,
  'https://*.lightning.sfcrmapps.cn.mcas.ms/*': PROXIED,
  'https://*.my.salesforce.com.mcas.ms/*': PROXIED,
  'https://*.my.salesforce.mil.mcas.ms/*': PROXIED,
  'https://*.my.sfcrmproducts.cn.mcas.ms/*': PROXIED,
  // The only Glance host the code calls (glance/assumptions.ts: ValidateUser and SessionService);
  // guests' join pages (<address>.glance.net) are opened by guests, never fetched by us.
  [`${GLANCE_WEB_ORIGIN}/*`]: "Glance's web services: ValidateUser and SessionService",
};
const CONTENT_SCRIPT_MATCHES: Record<string, string> = {
  'https://*.cloudforce.com/*': 'Classic on a cloudforce.com My Domain',
  'https://*.lightning.crmforce.mil/*': 'Lightning (Government Cloud Plus)',
  'https://*.lightning.force.com/*': 'Lightning',
  'https://*.lightning.sfcrmapps.cn/*': 'Lightning (Alibaba Cloud)',
  'https://*.my.salesforce.com/*': 'Classic on My Domain',
  'https://*.my.salesforce.mil/*': 'Classic (Government Cloud Plus)',
  'https://*.my.sfcrmproducts.cn/*': 'Classic (Alibaba Cloud)',
};
/** The MV3 default (script-src 'self'; object-src 'self'), made stricter. */
const EXTENSION_PAGES_CSP = [
  "script-src 'self'", // the default: no inline or remote script, no eval
  "object-src 'none'", // stricter than the default 'self': no plugins at all
  "base-uri 'none'", // an injected <base> cannot redirect the pages' relative URLs
  "frame-ancestors 'none'", // no page may frame the popup or options page
  "form-action 'none'", // our forms are handled in script, never submitted anywhere
].join('; ');
const MINIMUM_CHROME = '140'; // storage.local/sync setAccessLevel (background/adapters/browser-ports.ts)

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { js: string[]; matches: string[]; all_frames?: boolean; world?: string }[];
  web_accessible_resources?: {
    resources: string[];
    matches?: string[];
    extension_ids?: string[];
    use_dynamic_url?: boolean;
  }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  minimum_chrome_version?: string;
}

const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
const keys = (allow: Record<string, string>) => Object.keys(allow).sort();

function expectReviewed(manifest: Manifest) {
  expect(sorted(manifest.permissions)).toEqual(keys(PERMISSIONS));
  expect(sorted(manifest.optional_permissions)).toEqual(keys(OPTIONAL_PERMISSIONS));
  expect(sorted(manifest.optional_host_permissions)).toEqual(keys(OPTIONAL_HOST_PERMISSIONS));
  expect(sorted(manifest.host_permissions)).toEqual(keys(HOST_PERMISSIONS));
  expect(manifest.content_scripts).toHaveLength(1);
  const [script] = manifest.content_scripts ?? [];
  expect(sorted(script?.matches)).toEqual(keys(CONTENT_SCRIPT_MATCHES));
  expect(script?.all_frames).toBe(false);
  expect(script?.world).toBeUndefined(); // the isolated world, never the page's
  expect(manifest.externally_connectable).toBeUndefined(); // no web page may message the worker
  expect(manifest.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
  expect(manifest.minimum_chrome_version).toBe(MINIMUM_CHROME);
}

describe('manifest.json', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;

  it('asks for the reviewed permissions, hosts, content-script matches and page CSP only', () => {
    expectReviewed(manifest);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

describe('the built manifest and pages', () => {
  let outDir = '';
  let built: Manifest = {};

  beforeAll(async () => {
    // `npm test` builds dist/ once for every step (scripts/test.ts); alone, this test builds its own.
    if (process.env.GLANCE_DIST_FRESH === '1') {
      outDir = join(ROOT, 'dist');
    } else {
      outDir = mkdtempSync(join(tmpdir(), 'glance-sfx-build-'));
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });
    }
    built = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  }, 60_000);
  afterAll(() => {
    if (outDir !== join(ROOT, 'dist')) rmSync(outDir, { recursive: true, force: true });
  });

  it('keeps the reviewed permissions, hosts, matches and CSP through the build', () => {
    expectReviewed(built);
  });

  it('exposes nothing to web pages: the content script is one classic script, not web-accessible modules', () => {
    // With modules (as @crxjs builds them) every chunk is web-accessible and any page can probe
    // for the extension by URL; use_dynamic_url breaks them (scripts/content-script-bundle.ts).
    expect(built.web_accessible_resources).toBeUndefined();
    expect(built.content_scripts?.map((script) => script.js)).toEqual([[CONTENT_SCRIPT_FILE]]);
    // The session panel is a second classic script that the background injects (chrome.scripting):
    // injected files need not be web-accessible.
    for (const file of [CONTENT_SCRIPT_FILE, SESSION_PANEL_FILE, MEETING_DIALOG_FILE]) {
      const code = readFileSync(join(outDir, file), 'utf8');
      // One IIFE (as Terser prints it); the injected two first carry V8's compile hint, the content
      // script does not (scripts/content-script-bundle.ts).
      const hint = file === CONTENT_SCRIPT_FILE ? '' : `${COMPILE_HINT}\n`;
      expect(code.startsWith(`${hint}!function(){`), file).toBe(true);
      expect(code, file).not.toMatch(/\bimport\s*[({*'\x60\x22]|\bimport\s+\w|\bexport\s/);
      expect(code, file).not.toContain('chrome-extension://');
    }
    // The content script does not carry the panel: pages without a session never load it.
    expect(readFileSync(join(outDir, CONTENT_SCRIPT_FILE), 'utf8')).not.toContain('copyKey');
    // Nor the start menu and the texts of refused starts (issue 13): the panel's script brings them.
    // (The menu offers a screen share only: Glance's documented launch starts nothing else.)
    for (const key of ['startScreenShare', 'problemSessionRunning', 'meetingRefusedNotDue']) {
      expect(readFileSync(join(outDir, CONTENT_SCRIPT_FILE), 'utf8'), key).not.toContain(key);
      expect(readFileSync(join(outDir, SESSION_PANEL_FILE), 'utf8'), key).toContain(key);
    }
    // Nor the upcoming meeting's row, Switch and End, the start menu's look and the session view's
    // details (issue 13, content_script_gzip_bytes): the script that draws each brings it.
    for (const [text, file] of [
      ['meetingUpcoming', MEETING_DIALOG_FILE],
      ['meetingReschedule', MEETING_DIALOG_FILE],
      ['meetingStart', MEETING_DIALOG_FILE],
      ['content:switch-mode', SESSION_PANEL_FILE],
      ['content:end-session', SESSION_PANEL_FILE],
      ['content:add-guest', SESSION_PANEL_FILE],
      ['min-width:240px', SESSION_PANEL_FILE],
      ['salesforceLeftOut', SESSION_PANEL_FILE],
    ] as const) {
      expect(readFileSync(join(outDir, CONTENT_SCRIPT_FILE), 'utf8'), text).not.toContain(text);
      expect(readFileSync(join(outDir, file), 'utf8'), text).toContain(text);
    }
    // Nor the meeting dialog (its .ics writer): only a rep who schedules loads it.
    expect(readFileSync(join(outDir, CONTENT_SCRIPT_FILE), 'utf8')).not.toContain('BEGIN:VCALENDAR');
    expect(readFileSync(join(outDir, MEETING_DIALOG_FILE), 'utf8')).toContain('BEGIN:VCALENDAR');
  });

  it('puts no container query into Salesforce pages: with one, every style read there lays the page out', () => {
    // Chromium 156 (measured 2026-11-27, issue 13): a sheet with @container or container-type
    // anywhere in the document, even in our shadow roots, makes each forced style update of the
    // page's scripts run layout as well. tests/e2e/toolbar.spec.ts checks the toolbar's page does not.
    for (const file of [CONTENT_SCRIPT_FILE, SESSION_PANEL_FILE, MEETING_DIALOG_FILE]) {
      const code = readFileSync(join(outDir, file), 'utf8');
      expect(code, file).not.toMatch(/@container|container-type|[{;]container:/);
    }
  });

  it('the extension pages load their scripts from files: no inline script, no inline handler', () => {
    const pages = ['src/pages/popup/index.html', 'src/pages/options/index.html'];
    expect(readdirSync(join(outDir, 'src')).sort()).toEqual(['pages']);
    expect(readdirSync(join(outDir, 'src', 'pages')).sort()).toEqual(['options', 'popup']);
    for (const page of pages) {
      const html = readFileSync(join(outDir, page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\/assets\/[\w.-]+\.js"/);
        expect(body?.trim(), page).toBe('');
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/javascript:/i);
    }
  });
});
