// The reps' guide page (scripts/docs/reps-guide-page.ts) rendered from the real docs/reps-guide.md:
// every heading of the guide with GitHub's anchor, every link a rep can follow from an extension page
// (the page's own anchors, https, mailto), no script or inline handler the extension pages' CSP
// would refuse, no image, and no markup from the Markdown but <kbd>. The built page itself is checked
// in tests/package/reps-guide.test.ts and in Chromium in tests/e2e/reps-guide.spec.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors } from '../../scripts/docs/markdown-links.js';
import {
  GUIDE_STYLESHEET,
  guideTitle,
  REPS_GUIDE_SOURCE,
  REPS_GUIDE_STYLESHEET,
  renderGuideBody,
  renderGuidePage,
} from '../../scripts/docs/reps-guide-page.js';

const root = resolve(import.meta.dirname, '../..');
const guide = readFileSync(resolve(root, REPS_GUIDE_SOURCE), 'utf8');
const page = renderGuidePage(guide, '9.8.7');

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('the reps’ guide page', () => {
  it('has every heading of the guide, with the anchor GitHub gives it', () => {
    const anchors = headingAnchors(guide);
    expect(anchors.size).toBeGreaterThan(5);
    expect([...anchors].filter((anchor) => !ids(page).has(anchor))).toEqual([]);
    expect(page).toContain(`<title>${guideTitle(guide)}</title>`);
    expect(page).toMatch(/<h1 id="[^"]+">Glance for Salesforce/);
    expect(page).toContain('Glance for Salesforce 9.8.7');
  });

  it('opens with the contents: a link to each ## section, right after the title', () => {
    const sections = [...guide.matchAll(/^## (.+)$/gm)].length;
    const nav = page.match(/<\/h1>\n<nav aria-label="Contents">([\s\S]*?)<\/nav>/)?.[1] ?? '';
    expect(sections).toBeGreaterThan(3);
    expect([...nav.matchAll(/<a href="#/g)].length).toBe(sections);
  });

  it('links only where a rep can follow from an extension page', () => {
    const pageIds = ids(page);
    for (const href of hrefs(page)) {
      if (href === REPS_GUIDE_STYLESHEET) continue;
      if (href.startsWith('#')) expect(pageIds.has(href.slice(1)), href).toBe(true);
      else expect(href, 'https or mailto only').toMatch(/^(https|mailto):/);
    }
    // The guide's link to another doc is kept as its words.
    expect(guide).toContain('[When Salesforce says no](salesforce-says-no.md)');
    expect(page).toContain('The full list is in\nWhen Salesforce says no.');
    expect(page).not.toContain('salesforce-says-no.md');
  });

  it('carries nothing the extension pages’ CSP refuses, and no image', () => {
    expect(page).not.toMatch(/<script|\son[a-z]+=|javascript:|\sstyle="|<style/i);
    expect(page).not.toMatch(/<img|screenshots\//);
    expect(page).toContain(`<link rel="stylesheet" href="${REPS_GUIDE_STYLESHEET}">`);
    expect(GUIDE_STYLESHEET).not.toMatch(/@import|url\(/);
  });

  it('keeps <kbd> and escapes any other markup in the Markdown', () => {
    const body = renderGuideBody(
      'Press <kbd>Esc</kbd>.\n\n<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> and [a](other.md#x) and [b](#here) and ![c](c.png)\n\n## Here\n',
    );
    expect(body).toContain('<kbd>Esc</kbd>');
    expect(body).not.toMatch(/<script|<img/);
    expect(body).toContain('&lt;script&gt;');
    expect(body).toContain('and a and <a href="#here">b</a> and');
    expect(body).toContain('<h2 id="here">Here</h2>');
  });
});
