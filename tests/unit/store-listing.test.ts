// The store listing text (store/listing/<locale>.json) within the stores' limits, for every locale:
// - summary ≤ 132 characters: the Chrome Web Store's summary is the manifest's description, "a string
//   of no more than 132 characters" (developer.chrome.com/docs/webstore/prepare);
// - name ≤ 45 characters: Microsoft Edge Add-ons' limit, the smallest of the stores' (MDN,
//   manifest.json "name": addons.mozilla.org 50, Chrome Web Store 75, Edge 45);
// - screenshots named by the tour's store screenshots (scripts/start.ts writes screenshots/store/),
//   1 to 5 of them (the Chrome Web Store's "up to five").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_SHOTS } from '../../scripts/store-shots.js';

const root = resolve(import.meta.dirname, '../..');
const dir = resolve(root, 'store/listing');
const locales = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

interface Listing {
  name: string;
  summary: string;
  description: string[];
  screenshots: { file: string; caption: string }[];
}
const listing = (locale: string) => JSON.parse(readFileSync(resolve(dir, `${locale}.json`), 'utf8')) as Listing;
const messages = (locale: string) => {
  const path = resolve(root, 'extension/_locales', locale, 'messages.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>) : undefined;
};
// Characters as people count them (a Japanese character or an emoji is one).
const length = (text: string) => [...text].length;

describe('store listing', () => {
  it('has the English source', () => {
    expect(locales).toContain('en');
  });

  it.each(locales)('%s: name, summary, description and screenshots within the limits', (locale) => {
    const { name, summary, description, screenshots } = listing(locale);
    expect(Object.keys(listing(locale)).sort()).toEqual(Object.keys(listing('en')).sort());
    expect(name.trim().length).toBeGreaterThan(0);
    expect(length(name)).toBeLessThanOrEqual(45);
    expect(summary.trim().length).toBeGreaterThan(0);
    expect(length(summary)).toBeLessThanOrEqual(132);
    expect(description.length).toBeGreaterThan(0);
    for (const paragraph of description) expect(paragraph.trim(), 'no empty paragraph').not.toBe('');
    expect(screenshots.length).toBeGreaterThanOrEqual(1);
    expect(screenshots.length).toBeLessThanOrEqual(5);
    for (const shot of screenshots) {
      expect(STORE_SHOTS, shot.file).toContain(shot.file);
      expect(shot.caption.trim()).not.toBe('');
    }
  });

  it.each(locales)('%s: the summary and name are the extension’s own description and name', (locale) => {
    // Chrome shows the manifest's description as the summary: the two must not drift apart.
    const own = messages(locale);
    if (!own) throw new Error(`store/listing/${locale}.json has no extension/_locales/${locale} to match`);
    expect(listing(locale).summary).toBe(own.extensionDescription?.message);
    expect(listing(locale).name).toBe(own.extensionName?.message);
  });

  it('the extension description and name fit in every locale too', () => {
    for (const locale of readdirSync(resolve(root, 'extension/_locales'))) {
      const own = messages(locale);
      expect(length(own?.extensionDescription?.message ?? ''), locale).toBeLessThanOrEqual(132);
      expect(length(own?.extensionName?.message ?? ''), locale).toBeLessThanOrEqual(45);
    }
  });
});
