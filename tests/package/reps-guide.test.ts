// The reps' guide as the build ships it: dist/ and the Chrome Web Store zip hold the page named by
// REPS_GUIDE_PAGE with every heading of docs/reps-guide.md, and every link inside it opens something
// (a heading of the page, a file of the package, or the web). Run: npm run test:package
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { headingAnchors } from '../../scripts/docs/markdown-links.js';
import { REPS_GUIDE_SOURCE } from '../../scripts/docs/reps-guide-page.js';
import { type Files, packageName, readTree, unzip } from '../../scripts/packaging/package-dir.js';
import { REPS_GUIDE_PAGE } from '../../src/shared/help-links.js';

const root = resolve(import.meta.dirname, '../..');
const anchors = headingAnchors(readFileSync(resolve(root, REPS_GUIDE_SOURCE), 'utf8'));
const builds: [string, () => Files][] = [
  ['dist/', () => readTree(resolve(root, 'dist'))],
  [
    'the Chrome Web Store zip',
    () => unzip(new Uint8Array(readFileSync(resolve(root, 'packages', packageName('chrome', pkg.version))))),
  ],
];

describe.each(builds)('the reps’ guide in %s', (_, read) => {
  const files = read();
  const page = files[REPS_GUIDE_PAGE];
  const html = page ? new TextDecoder().decode(page) : '';

  it(`holds ${REPS_GUIDE_PAGE} with every heading of ${REPS_GUIDE_SOURCE}`, () => {
    expect(page, REPS_GUIDE_PAGE).toBeDefined();
    const ids = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
    expect(anchors.size).toBeGreaterThan(5);
    expect([...anchors].filter((anchor) => !ids.has(anchor))).toEqual([]);
  });

  it('links only to its own headings, files in the package, and the web', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    const broken = refs.filter((ref) => {
      if (ref.startsWith('#')) return !ids.has(ref.slice(1));
      if (/^(https|mailto):/.test(ref)) return false;
      return !files[posix.join(posix.dirname(REPS_GUIDE_PAGE), ref)];
    });
    expect(broken).toEqual([]);
    expect(html).not.toMatch(/<script|<img/i);
  });
});
