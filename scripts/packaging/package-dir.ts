// Reads a built extension folder, checks it is whole, and zips it the way the stores take it:
// manifest.json at the zip's root (Chrome Web Store, "Prepare your extension": "Make sure you
// place the manifest file in the root directory, not in a folder").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { isUnwanted, localeFiles, type Manifest, manifestFiles, referencedBy } from './manifest-files.js';

export type Files = Record<string, Uint8Array>;

/** Every file under a folder, by its path inside the package (forward slashes). */
export function readTree(root: string): Files {
  const files: Files = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split(sep).join('/')] = new Uint8Array(readFileSync(path));
    }
  };
  if (!existsSync(root)) throw new Error(`${root} does not exist: build it first`);
  walk(root);
  return files;
}

export const manifestOf = (files: Files): Manifest =>
  JSON.parse(new TextDecoder().decode(files['manifest.json'] ?? strToU8('null'))) as Manifest;

/** What is wrong with a package's files, as sentences; empty when nothing is. */
export function problemsOf(files: Files): string[] {
  const problems: string[] = [];
  const manifest = manifestOf(files);
  if (manifest?.manifest_version !== 3) return ['manifest.json is missing or not Manifest V3'];
  for (const path of manifestFiles(manifest))
    if (!files[path]) problems.push(`the manifest names ${path}, not in the package`);
  const pages = Object.keys(files).filter((p) => p.endsWith('.html') || p.endsWith('.js'));
  for (const page of pages) {
    for (const ref of referencedBy(page, new TextDecoder().decode(files[page]))) {
      if (!files[ref]) problems.push(`${page} loads ${ref}, not in the package`);
    }
  }
  const locales = localeFiles(Object.keys(files));
  if (manifest.default_locale && locales.length === 0) problems.push('default_locale is set but _locales is empty');
  for (const path of Object.keys(files)) if (isUnwanted(path)) problems.push(`${path} does not belong in a package`);
  return problems;
}

/** A zip with fixed timestamps, so the same build always makes the same bytes. */
export function zip(files: Files): Uint8Array {
  const mtime = new Date('2020-01-01T00:00:00Z');
  const entries: Zippable = {};
  for (const path of Object.keys(files).sort()) entries[path] = [files[path] as Uint8Array, { mtime, level: 9 }];
  return zipSync(entries);
}

export const unzip = (bytes: Uint8Array): Files => unzipSync(bytes);

export const withManifest = (files: Files, manifest: Manifest): Files => ({
  ...files,
  'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
});

/**
 * The Chrome Web Store's copy of the manifest: without `key`. The key only pins the id of an
 * unpacked copy during development (developer.chrome.com, "Manifest - key"); the store gives the
 * item its id and refuses an upload whose manifest has one ("key field is not allowed in manifest").
 */
export function chromeStoreManifest(manifest: Manifest): Manifest {
  const { key: _key, ...rest } = manifest;
  return rest as Manifest;
}

export const packageName = (browser: 'chrome' | 'firefox', version: string) =>
  `glance-for-salesforce-${browser}-${version}.zip`;
