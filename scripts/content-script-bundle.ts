// The content script as one classic script, with nothing web-accessible.
//
// @crxjs builds a content script as ES modules: a loader that import()s the script's chunk, its
// shared chunks and the lazy session panel, all listed in web_accessible_resources. Any web page
// can then probe chrome-extension://<id>/assets/… and learn that the extension is installed. Chrome's
// remedy, `use_dynamic_url`, breaks those modules (tried in Chromium 156): Chrome serves the entry
// at the random per-session id but resolves its relative imports against the fixed id, and refuses
// them ("Denying load of chrome-extension://<id>/assets/i18n-….js. Resources must be listed in the
// web_accessible_resources manifest key"), so the toolbar never loads.
//
// So the content script is left out of @crxjs's manifest and built here, after the main build, into
// one IIFE file, which Chrome loads as a classic content script: no module, no import(), no
// web_accessible_resources. The session panel is a second IIFE file that the background injects
// with chrome.scripting only into tabs where a session shows: injected files need not be
// web-accessible, and pages without a session keep not paying for the panel.

import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { minify } from 'terser';
import { build, type Plugin } from 'vite';

export const CONTENT_SCRIPT_FILE = 'assets/content-script.js';
/** Injected by the background (chrome.scripting) into a tab's content-script world; never web-accessible. */
export const SESSION_PANEL_FILE = 'assets/session-panel.js';
const SESSION_PANEL_ENTRY = 'src/content/panel/entry.ts';
/** The meeting dialog, injected the same way the first time a rep schedules, reschedules or cancels. */
export const MEETING_DIALOG_FILE = 'assets/meeting-dialog.js';
const MEETING_DIALOG_ENTRY = 'src/content/meeting-dialog/entry.ts';

/** Registered by the background only while a Glance single sign-on runs, on Glance's login-key page. */
export const GLANCE_SIGN_IN_FILE = 'assets/glance-sign-in.js';
const GLANCE_SIGN_IN_ENTRY = 'src/content/glance-sign-in/main.ts';

/** V8's explicit compile hint for a whole file: https://v8.dev/blog/explicit-compile-hints */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

interface ContentScript {
  js: string[];
  matches: string[];
  [key: string]: unknown;
}

/** @crxjs calls renderCrxManifest on every plugin, in plugin order: this one runs after its own. */
export function contentScriptBundle(
  scripts: ContentScript[],
  options: { root: string; target: string },
): Plugin & { renderCrxManifest(manifest: unknown): unknown } {
  const [script, ...others] = scripts;
  if (!script || others.length > 0 || script.js.length !== 1) throw new Error('expected one content script entry');
  const entry = resolve(options.root, script.js[0] as string);
  return {
    name: 'glance:content-script-bundle',
    enforce: 'post',
    apply: 'build',
    renderCrxManifest(raw) {
      const manifest = raw as { content_scripts?: ContentScript[]; web_accessible_resources?: unknown[] };
      if (manifest.web_accessible_resources?.length) throw new Error('nothing may be web-accessible');
      manifest.content_scripts = [{ ...script, js: [CONTENT_SCRIPT_FILE] }];
      return manifest;
    },
    async writeBundle(output) {
      // Three classic scripts, each with its imports inlined: the content script, and the session
      // panel and meeting dialog the background injects beside it when needed (src/content/common/panel-loader.ts).
      // The lazy two carry V8's compile hint (Chrome 136+): they are injected to be used at once, so
      // their functions are compiled as the file is, not one by one at first call, which for the
      // panel is the moment the session key arrives. The content script has no hint: much of it
      // (meetings, the menu's opener) never runs on most pages.
      for (const [file, source, banner] of [
        [CONTENT_SCRIPT_FILE, entry, undefined],
        [SESSION_PANEL_FILE, resolve(options.root, SESSION_PANEL_ENTRY), COMPILE_HINT],
        [MEETING_DIALOG_FILE, resolve(options.root, MEETING_DIALOG_ENTRY), COMPILE_HINT],
        [GLANCE_SIGN_IN_FILE, resolve(options.root, GLANCE_SIGN_IN_ENTRY), undefined],
      ] as const) {
        await build({
          configFile: false,
          root: options.root,
          publicDir: false,
          logLevel: 'warn',
          build: {
            outDir: output.dir,
            emptyOutDir: false,
            target: options.target,
            sourcemap: false,
            lib: { entry: source, formats: ['iife'], name: 'glanceForSalesforce', fileName: () => file },
          },
        });
        await shrink(resolve(output.dir ?? '', file), banner);
      }
    },
  };
}

/**
 * Terser's second pass over Vite's minified output: the content script is held to 6,500 gzip bytes
 * (issue 13), and the two minifiers together take about 70 bytes more off it than either alone
 * (measured: Oxc 6,518, Terser from source 6,505, both 6,446). Safe options only.
 */
async function shrink(path: string, banner: string | undefined): Promise<void> {
  const { code } = await minify(await readFile(path, 'utf8'), { ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!code) throw new Error(`terser returned nothing for ${path}`);
  await writeFile(path, banner ? `${banner}\n${code}` : code);
}
