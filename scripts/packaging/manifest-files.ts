// What a built extension must hold: every file its manifest names, and every file those pages load.
// Used by `npm run package` (refuses to write a zip that misses one) and by the package tests.
import { posix } from 'node:path';

export type Manifest = Record<string, unknown> & { version: string; manifest_version: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const values = (value: unknown): string[] =>
  isObject(value) ? Object.values(value).filter((v): v is string => typeof v === 'string') : [];

/** Paths inside the package (no leading slash), every one the manifest refers to. */
export function manifestFiles(manifest: Manifest): string[] {
  const files = new Set<string>(['manifest.json']);
  const add = (path: unknown) => {
    if (typeof path === 'string' && path) files.add(path.replace(/^\//, ''));
  };
  for (const icon of values(manifest.icons)) add(icon);
  const action = isObject(manifest.action) ? manifest.action : {};
  add(action.default_popup);
  if (typeof action.default_icon === 'string') add(action.default_icon);
  else for (const icon of values(action.default_icon)) add(icon);
  if (isObject(manifest.options_ui)) add(manifest.options_ui.page);
  add(manifest.options_page);
  if (isObject(manifest.background)) {
    add(manifest.background.service_worker);
    add(manifest.background.page);
    for (const script of strings(manifest.background.scripts)) add(script);
  }
  for (const script of Array.isArray(manifest.content_scripts) ? manifest.content_scripts : []) {
    if (!isObject(script)) continue;
    for (const file of [...strings(script.js), ...strings(script.css)]) add(file);
  }
  if (isObject(manifest.storage)) add(manifest.storage.managed_schema);
  if (typeof manifest.default_locale === 'string') add(`_locales/${manifest.default_locale}/messages.json`);
  for (const entry of Array.isArray(manifest.web_accessible_resources) ? manifest.web_accessible_resources : []) {
    // Globs name no one file; the exact names must be there.
    if (isObject(entry)) for (const file of strings(entry.resources)) if (!file.includes('*')) add(file);
  }
  return [...files].sort();
}

/** The scripts and styles an HTML page or an ES module loads from the package, as package paths. */
export function referencedBy(path: string, text: string): string[] {
  const found: string[] = [];
  const patterns = path.endsWith('.html')
    ? [/<script[^>]*\ssrc="([^"]+)"/g, /<link[^>]*\shref="([^"]+)"/g]
    : [
        /\b(?:import|export)\s*(?:[\w$\s{},*]*?from\s*)?['"](\.{0,2}\/[^'"]+)['"]/g,
        /\bimport\(\s*['"](\.{0,2}\/[^'"]+)['"]\s*\)/g,
      ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const ref = match[1] as string;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // not ours: checked by CSP
      found.push(ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(path), ref));
    }
  }
  return found;
}

/** Every locale's folder must hold messages.json, and the default locale must be one of them. */
export function localeFiles(paths: string[]): string[] {
  return paths.filter((p) => /^_locales\/[^/]+\/messages\.json$/.test(p));
}

/** Files no store package should carry: source maps, tests, sources, editor and OS clutter. */
export function isUnwanted(path: string): boolean {
  return (
    /\.map$/.test(path) ||
    /(^|\/)(tests?|__tests__)\//.test(path) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(path) ||
    /\.tsx?$/.test(path) ||
    /(^|\/)(\.DS_Store|Thumbs\.db|\.vite)(\/|$)/.test(path)
  );
}
