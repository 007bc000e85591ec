// Writes the reps' guide page (scripts/docs/reps-guide-page.ts) and its stylesheet into the build,
// beside the manifest: `npm run build`, `npm run package` and the Firefox build all carry it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { GUIDE_STYLESHEET, REPS_GUIDE_SOURCE, REPS_GUIDE_STYLESHEET, renderGuidePage } from './reps-guide-page.js';

export function repsGuidePage(options: { root: string; page: string; version: string }): Plugin {
  const source = resolve(options.root, REPS_GUIDE_SOURCE);
  return {
    name: 'glance:reps-guide-page',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle() {
      const page = renderGuidePage(readFileSync(source, 'utf8'), options.version);
      this.emitFile({ type: 'asset', fileName: options.page, source: page });
      this.emitFile({ type: 'asset', fileName: REPS_GUIDE_STYLESHEET, source: GUIDE_STYLESHEET });
    },
  };
}
