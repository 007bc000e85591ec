// The rules of tests/architecture/layers.ts applied to an import graph. Each check answers the
// offending imports as readable lines (empty when the graph obeys the table), so a failing test says
// what to move.
import type { ImportEdge, SourceFile } from './import-graph.js';
import { exportsOf } from './import-graph.js';
import { CONTEXTS, type Context, type Layer, OPENINGS, TEMPORARY_CYCLES, TEST_SEAMS, WORKER_LAYERS } from './layers.js';

const matches = (path: string, pattern: string) =>
  pattern.endsWith('/') ? path.startsWith(pattern) : path === pattern;

/** The most specific entry whose paths hold the file. */
function mostSpecific<T extends { paths: string[] }>(entries: T[], path: string): T | undefined {
  let best: T | undefined;
  let bestLength = -1;
  for (const entry of entries)
    for (const pattern of entry.paths)
      if (matches(path, pattern) && pattern.length > bestLength) {
        best = entry;
        bestLength = pattern.length;
      }
  return best;
}

export const contextOf = (path: string): Context | undefined => mostSpecific(CONTEXTS, path);
export const layerOf = (path: string): Layer | undefined => mostSpecific(WORKER_LAYERS, path);

const opened = (edge: ImportEdge) =>
  OPENINGS.some((o) => o.from.some((p) => matches(edge.from, p)) && o.to.some((p) => matches(edge.to, p)));

/** Imports that cross from one context into another the table does not let it use. */
export function forbiddenContextImports(edges: ImportEdge[]): string[] {
  const found: string[] = [];
  for (const edge of edges) {
    const from = contextOf(edge.from);
    if (!from) {
      found.push(`${edge.from} is in no context of the table`);
      continue;
    }
    if (edge.to.startsWith('npm:')) {
      const why = Object.entries(from.deniedPackages ?? {}).find(([name]) => edge.specifier === name)?.[1];
      if (why) found.push(`${edge.from} → ${edge.specifier}: ${why}`);
      continue;
    }
    const to = contextOf(edge.to);
    if (!to) found.push(`${edge.from} → ${edge.to}, which is in no context of the table`);
    else if (to !== from && !from.mayImport.includes(to.name) && !opened(edge))
      found.push(`${edge.from} → ${edge.to}: ${from.name} may not import ${to.name} (${from.why})`);
    // An opening is a narrow door: inside a context it opens, only its listed files may be reached.
    else if (to !== from && OPENINGS.some((o) => o.to.some((p) => contextOf(p) === to)) && !opened(edge))
      found.push(`${edge.from} → ${edge.to}: ${to.name} is reached only through its openings`);
  }
  return found;
}

/** Imports inside the worker that go up the layers (or leave a worker file in no layer). */
export function upwardWorkerImports(edges: ImportEdge[]): string[] {
  const found: string[] = [];
  const rank = (layer: Layer) => WORKER_LAYERS.indexOf(layer);
  for (const edge of edges) {
    if (!edge.from.startsWith('src/background/')) continue;
    const from = layerOf(edge.from);
    if (!from) {
      found.push(`${edge.from} is in no worker layer of the table`);
      continue;
    }
    if (!edge.to.startsWith('src/background/')) continue;
    const to = layerOf(edge.to);
    if (to && rank(to) < rank(from))
      found.push(
        `${edge.from} (${from.name}) → ${edge.to} (${to.name}): a worker layer imports only its own and lower ones`,
      );
  }
  return found;
}

/** The folder a worker file belongs to for the folder-loop check: its top folder, or the file itself. */
function workerUnit(path: string): string {
  const parts = path.split('/');
  return parts.length > 3 ? `${parts.slice(0, 3).join('/')}/` : path;
}

/** Loops between the worker's folders (storage ↔ sync and the like), even inside one layer. */
export function workerFolderEdges(edges: ImportEdge[]): ImportEdge[] {
  return edges
    .filter((e) => e.from.startsWith('src/background/') && e.to.startsWith('src/background/'))
    .map((e) => ({ ...e, from: workerUnit(e.from), to: workerUnit(e.to) }))
    .filter((e) => e.from !== e.to);
}

const sameFiles = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().every((f, i) => f === [...b].sort()[i]);

/** Cycles not on the temporary list, as "a → b → a". */
export function unexpectedCycles(cycles: string[][]): string[] {
  return cycles
    .filter((cycle) => !TEMPORARY_CYCLES.some((t) => sameFiles(t.files, [...new Set(cycle)])))
    .map((cycle) => cycle.join(' → '));
}

/**
 * Exports of src/ that no other file of src/ or of the build (scripts/, vite.config.ts) imports:
 * dead, or a test-only seam that should be tested through the module's interface instead.
 */
export function unimportedExports(srcFiles: SourceFile[], consumerEdges: ImportEdge[]): string[] {
  const used = new Set<string>();
  const wholeModule = new Set<string>();
  for (const edge of consumerEdges) {
    if (edge.from === edge.to) continue;
    for (const name of edge.names) {
      if (name === '*') wholeModule.add(edge.to);
      used.add(`${edge.to}#${name}`);
    }
  }
  const seam = (file: string, name: string) =>
    TEST_SEAMS.some((s) => {
      const names = s.exports[file];
      return names === '*' || !!names?.includes(name);
    });
  const found: string[] = [];
  for (const file of srcFiles) {
    if (wholeModule.has(file.path)) continue;
    for (const name of exportsOf(file))
      if (!used.has(`${file.path}#${name}`) && !seam(file.path, name)) found.push(`${file.path}: ${name}`);
  }
  return found;
}
