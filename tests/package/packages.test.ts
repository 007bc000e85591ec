// The packages `npm run test:package` just built: the Chrome Web Store zip opened as the store
// opens it, and the Firefox build beside it. Run: npm run test:package
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { type FirefoxManifestView, GECKO_ID } from '../../scripts/packaging/firefox-manifest.js';
import { manifestFiles } from '../../scripts/packaging/manifest-files.js';
import { manifestOf, packageName, problemsOf, readTree, unzip } from '../../scripts/packaging/package-dir.js';
import { pngSize } from '../../scripts/packaging/png.js';

const root = resolve(import.meta.dirname, '../..');
const chromeZip = resolve(root, 'packages', packageName('chrome', pkg.version));
const firefoxZip = resolve(root, 'packages', packageName('firefox', pkg.version));
const sourceLocales = readdirSync(resolve(root, 'extension/_locales')).sort();

function iconsAtTheirSize(files: Record<string, Uint8Array>, icons: Record<string, string>): void {
  for (const [size, path] of Object.entries(icons)) {
    const bytes = files[path];
    expect(bytes, path).toBeDefined();
    expect(pngSize(bytes as Uint8Array), path).toEqual({ width: Number(size), height: Number(size) });
  }
}

describe('the Chrome Web Store zip', () => {
  const files = unzip(new Uint8Array(readFileSync(chromeZip)));
  const manifest = manifestOf(files);

  it('has manifest.json at its root, at the version of package.json and manifest.json', () => {
    expect(Object.keys(files)).toContain('manifest.json');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.version).toBe(sourceManifest.version);
    expect(manifest.manifest_version).toBe(3);
  });

  it('holds every file the manifest names and every file its pages and modules load', () => {
    expect(problemsOf(files)).toEqual([]);
    for (const path of manifestFiles(manifest)) expect(files[path], path).toBeDefined();
    iconsAtTheirSize(files, manifest.icons as Record<string, string>);
    iconsAtTheirSize(files, (manifest.action as { default_icon: Record<string, string> }).default_icon);
  });

  it('holds every locale of extension/_locales', () => {
    const zipped = [
      ...new Set(Object.keys(files).flatMap((p) => p.match(/^_locales\/([^/]+)\/messages\.json$/)?.[1] ?? [])),
    ];
    expect(zipped.sort()).toEqual(sourceLocales);
  });

  it('carries no source maps, tests or sources, and no key (the store refuses it)', () => {
    expect(Object.keys(files).filter((p) => /\.map$|\.tsx?$|(^|\/)tests?\//.test(p))).toEqual([]);
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.minimum_chrome_version).toBe(sourceManifest.minimum_chrome_version);
  });
});

describe('the Firefox build', () => {
  const dir = readTree(resolve(root, 'dist-firefox'));
  const manifest = manifestOf(dir) as unknown as FirefoxManifestView;
  const chrome = unzip(new Uint8Array(readFileSync(chromeZip)));

  it('is a Firefox MV3 manifest: gecko id, event page, no Chrome-only keys', () => {
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    const worker = (manifestOf(chrome).background as { service_worker: string }).service_worker;
    expect(manifest.background).toEqual({ scripts: [worker], type: 'module' });
    expect(manifest.background).not.toHaveProperty('service_worker');
    for (const key of ['key', 'minimum_chrome_version', 'storage']) expect(manifest).not.toHaveProperty(key);
  });

  it('ships the same code as the Chrome package, byte for byte', () => {
    const code = (files: Record<string, Uint8Array>) =>
      Object.keys(files).filter((p) => p !== 'manifest.json' && p !== 'managed-schema.json');
    expect(code(dir).sort()).toEqual(code(chrome).sort());
    for (const path of code(dir))
      expect(Buffer.from(dir[path] as Uint8Array).equals(Buffer.from(chrome[path] as Uint8Array)), path).toBe(true);
    expect(problemsOf(dir)).toEqual([]);
    iconsAtTheirSize(dir, manifest.icons);
  });

  it('its AMO zip is the build folder', () => {
    const upload = unzip(new Uint8Array(readFileSync(firefoxZip)));
    expect(Object.keys(upload).sort()).toEqual(Object.keys(dir).sort());
    for (const path of Object.keys(dir))
      expect(Buffer.from(upload[path] as Uint8Array).equals(Buffer.from(dir[path] as Uint8Array)), path).toBe(true);
  });
});
