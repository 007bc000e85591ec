import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { contentScriptBundle } from './scripts/content-script-bundle.js';
import { repsGuidePage } from './scripts/docs/reps-guide-plugin.js';
import { optionsBundle, popupBundle, withoutOptions, withoutPopup } from './scripts/popup-bundle.js';
import { REPS_GUIDE_PAGE } from './src/shared/help-links.js';

// manifest.json's minimum_chrome_version.
const target = 'chrome140';
// @crxjs builds everything but the content script, which is built as one classic script (no
// web-accessible modules a page could probe): scripts/content-script-bundle.ts. The popup and the
// options page are each built alone, as one script (scripts/popup-bundle.ts): @crxjs builds the worker
// only, which then shares no chunk with a page.
const { content_scripts, ...rest } = manifest;

export default defineConfig({
  publicDir: 'extension',
  plugins: [
    crx({ manifest: withoutOptions(withoutPopup(rest)) }),
    contentScriptBundle(content_scripts, { root: import.meta.dirname, target }),
    popupBundle({ root: import.meta.dirname, target }),
    optionsBundle({ root: import.meta.dirname, target, optionsUi: manifest.options_ui }),
    // docs/reps-guide.md as the extension page the popup and panel open for help.
    repsGuidePage({ root: import.meta.dirname, page: REPS_GUIDE_PAGE, version: manifest.version }),
  ],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
