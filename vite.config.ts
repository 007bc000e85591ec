import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { salesforceOnlyResources } from './scripts/web-accessible-resources.js';

export default defineConfig({
  publicDir: 'extension',
  // After crx(): checks the web_accessible_resources @crxjs writes into the built manifest.
  plugins: [crx({ manifest }), salesforceOnlyResources()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // manifest.json's minimum_chrome_version.
    target: 'chrome140',
    sourcemap: false,
    modulePreload: false,
  },
});
