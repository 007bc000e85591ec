// What each context loads, from dist/ as the browser loads it: an entry file plus every chunk it
// imports statically, counted once; dynamic import() targets are "lazy". Sizes are gzip bytes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MEETING_DIALOG_FILE, SESSION_PANEL_FILE } from '../../scripts/content-script-bundle.js';

const STATIC_IMPORT =
  /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']|\bexport\s*[\w*{}\s,$]*from\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT =
  /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?(?:["'`]([^"'`]+\.js)["'`]|chrome\.runtime\.getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\))/g;

export const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function resolveImport(dist: string, from: string, specifier: string): string {
  if (specifier.startsWith('/')) return join(dist, specifier);
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  return join(dist, specifier); // chrome.runtime.getURL paths are relative to the extension root
}

export interface Graph {
  eager: Set<string>;
  lazy: Set<string>;
}

/** Files loaded with the entry (following static imports, and the crxjs loader's import). */
export function loadGraph(dist: string, entryPath: string, followLoaderImport = false): Graph {
  const eager = new Set<string>();
  const lazyRoots = new Set<string>();
  const visit = (file: string, into: Set<string>, isLoader: boolean) => {
    if (eager.has(file) || into.has(file)) return;
    into.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT))
      visit(resolveImport(dist, file, (m[1] ?? m[2]) as string), into, false);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const target = resolveImport(dist, file, (m[1] ?? m[2]) as string);
      // The crxjs content-script loader imports the real script at once: that is eager.
      if (isLoader) visit(target, into, false);
      else lazyRoots.add(target);
    }
  };
  visit(entryPath, eager, followLoaderImport);
  // What the lazy chunks add beyond what is already loaded.
  const lazy = new Set<string>();
  for (const root of lazyRoots) visit(root, lazy, false);
  return { eager, lazy };
}

export const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipBytes(f), 0);

export function bundleSizes(distDir: string) {
  const dist = resolve(distDir);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const content = loadGraph(dist, join(dist, manifest.content_scripts[0].js[0]), true);
  const popupPage = join(dist, manifest.action.default_popup);
  const popupScripts = [...readFileSync(popupPage, 'utf8').matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) =>
    resolveImport(dist, popupPage, m[1] as string),
  );
  const popup = new Set(popupScripts.flatMap((script) => [...loadGraph(dist, script).eager]));
  const background = loadGraph(dist, join(dist, manifest.background.service_worker));
  return {
    content_script_gzip_bytes: total(content.eager),
    // The session panel: import()ed chunks in a module build, or the classic script the background
    // injects when a session shows (scripts/content-script-bundle.ts).
    content_lazy_gzip_bytes:
      total(content.lazy) +
      (existsSync(join(dist, SESSION_PANEL_FILE)) ? gzipBytes(join(dist, SESSION_PANEL_FILE)) : 0),
    // The meeting dialog: injected the first time a rep opens it.
    meeting_dialog_gzip_bytes: existsSync(join(dist, MEETING_DIALOG_FILE))
      ? gzipBytes(join(dist, MEETING_DIALOG_FILE))
      : 0,
    popup_js_gzip_bytes: total(popup),
    background_js_gzip_bytes: total(background.eager),
  };
}
