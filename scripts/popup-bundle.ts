// The toolbar popup as one page with one script: its own build, nothing shared with the other pages.
//
// Built by @crxjs with the options page and the worker, the popup's entry imports the chunks it
// shares with them (the components, preact, the shared helpers), and its stylesheet is another file.
// Chromium runs a module only when every file of its graph has arrived, and each extension file is a
// round trip to the browser process whose answer can come late (13 ms late for one chunk in a
// trace), while the rep waits for the form. So the popup is left out of @crxjs's manifest and built
// here, after the main build, from its own index.html: one module with everything it imports, and
// the stylesheet inlined in the page (the extension's CSP restricts scripts, not styles). The
// options page keeps its shared chunks; the two pages then carry their own copy of preact and the
// components.
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export const POPUP_PAGE = 'src/pages/popup/index.html';

interface Manifest {
  action?: { default_popup?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** The manifest without the popup page, for @crxjs (which would build it with the shared chunks). */
export function withoutPopup<M extends Manifest>(manifest: M): M {
  const { default_popup, ...action } = manifest.action ?? {};
  if (default_popup !== POPUP_PAGE) throw new Error(`expected the popup at ${POPUP_PAGE}`);
  return { ...manifest, action };
}

/** Replaces each stylesheet link of the page with the stylesheet itself, and drops the file. */
export function inlineStylesheets(): Plugin {
  return {
    name: 'glance:inline-stylesheets',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        let html = String(page.source);
        for (const sheet of Object.values(bundle)) {
          if (sheet.type !== 'asset' || !sheet.fileName.endsWith('.css')) continue;
          const link = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].find((m) =>
            m[0].includes(`href="/${sheet.fileName}"`),
          );
          if (!link) throw new Error(`${page.fileName} does not link ${sheet.fileName}`);
          // A function, so a `$` in the CSS is not read as a replacement pattern.
          html = html.replace(link[0], () => `<style>${String(sheet.source)}</style>`);
          delete bundle[sheet.fileName];
        }
        page.source = html;
      }
    },
  };
}

/** @crxjs calls renderCrxManifest on every plugin, in plugin order: this one runs after its own. */
export function popupBundle(options: {
  root: string;
  target: string;
}): Plugin & { renderCrxManifest(manifest: unknown): unknown } {
  return {
    name: 'glance:popup-bundle',
    enforce: 'post',
    apply: 'build',
    renderCrxManifest(raw) {
      const manifest = raw as Manifest;
      manifest.action = { ...manifest.action, default_popup: POPUP_PAGE };
      return manifest;
    },
    async writeBundle(output) {
      await build({
        configFile: false,
        root: options.root,
        publicDir: false,
        logLevel: 'warn',
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        plugins: [inlineStylesheets()],
        build: {
          outDir: output.dir,
          emptyOutDir: false,
          target: options.target,
          sourcemap: false,
          modulePreload: { polyfill: false },
          rollupOptions: {
            input: resolve(options.root, POPUP_PAGE),
            output: { entryFileNames: 'assets/popup-[hash].js', assetFileNames: 'assets/popup-[hash][extname]' },
          },
        },
      });
    },
  };
}
