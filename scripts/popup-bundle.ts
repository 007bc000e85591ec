// The toolbar popup as one page with one script: its own build, nothing shared with the other pages.
//
// Built by @crxjs with the options page and the worker, the popup's entry imports the chunks it
// shares with them (the components, preact, the shared helpers), and its stylesheet is another file.
// Chromium runs a module only when every file of its graph has arrived, and each extension file is a
// round trip to the browser process whose answer can come late (13 ms late for one chunk in a
// trace), while the rep waits for the form. So the popup is left out of @crxjs's manifest and built
// here, after the main build, from its own index.html: one module with everything it imports, and
// the stylesheet inlined in the page (the extension's CSP restricts scripts, not styles). The
// options page is built alone the same way, for the worker's sake: it runs the org check, whose job
// code the worker shares, and a chunk shared with the worker cost the worker about 550 B gzip
// (two files, and the names between them). Each page then carries its own copy of preact, the
// components and what it shares with the worker.
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export const POPUP_PAGE = 'src/pages/popup/index.html';
export const OPTIONS_PAGE = 'src/pages/options/index.html';

interface Manifest {
  action?: { default_popup?: string; [key: string]: unknown };
  options_ui?: { page?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** The manifest without the popup page, for @crxjs (which would build it with the shared chunks). */
export function withoutPopup<M extends Manifest>(manifest: M): M {
  const { default_popup, ...action } = manifest.action ?? {};
  if (default_popup !== POPUP_PAGE) throw new Error(`expected the popup at ${POPUP_PAGE}`);
  return { ...manifest, action };
}

/** The manifest without the options page, for @crxjs (optionsBundle puts it back, as it was). */
export function withoutOptions<M extends Manifest>(manifest: M): M {
  if (manifest.options_ui?.page !== OPTIONS_PAGE) throw new Error(`expected the options page at ${OPTIONS_PAGE}`);
  const { options_ui: _, ...rest } = manifest;
  return rest as M;
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

/** One page and everything it imports, into the extension's build folder after @crxjs wrote it. */
function buildAlone(root: string, target: string, outDir: string | undefined, page: string, name: string) {
  return build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [inlineStylesheets()],
    build: {
      outDir,
      emptyOutDir: false,
      target,
      sourcemap: false,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: resolve(root, page),
        output: { entryFileNames: `assets/${name}-[hash].js`, assetFileNames: `assets/${name}-[hash][extname]` },
      },
    },
  });
}

type PagePlugin = Plugin & { renderCrxManifest(manifest: unknown): unknown };

/**
 * A page built alone after @crxjs wrote the rest, and `putBack` restoring its manifest entry (taken
 * out for @crxjs). @crxjs calls renderCrxManifest on every plugin, in plugin order: this runs after its own.
 */
function pageBundle(
  options: { root: string; target: string },
  name: string,
  page: string,
  putBack: (manifest: Manifest) => void,
): PagePlugin {
  return {
    name: `glance:${name}-bundle`,
    enforce: 'post',
    apply: 'build',
    renderCrxManifest(raw) {
      putBack(raw as Manifest);
      return raw;
    },
    async writeBundle(output) {
      await buildAlone(options.root, options.target, output.dir, page, name);
    },
  };
}

export const popupBundle = (options: { root: string; target: string }): PagePlugin =>
  pageBundle(options, 'popup', POPUP_PAGE, (manifest) => {
    manifest.action = { ...manifest.action, default_popup: POPUP_PAGE };
  });

/** The options page built alone; `optionsUi` is the manifest's options_ui, put back as it was. */
export const optionsBundle = (options: {
  root: string;
  target: string;
  optionsUi: { page: string; [key: string]: unknown };
}): PagePlugin =>
  pageBundle(options, 'options', OPTIONS_PAGE, (manifest) => {
    manifest.options_ui = { ...options.optionsUi };
  });
