// The real import graph of src/: every static import, export-from, side-effect import and dynamic
// import(), type-only ones included (a type import is still a dependency a reader must follow, and a
// type-level loop is still a loop). TypeScript 7's compiler has no JavaScript API, so the specifiers are
// read with patterns anchored at the start of a statement (Biome formats every import and export-from to
// begin a line); every relative specifier must resolve to a file, so a pattern that misread one fails
// the architecture test instead of hiding an edge.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ImportEdge {
  /** Both paths relative to the repository root, with forward slashes: src/background/main.ts (a package: npm:preact). */
  from: string;
  to: string;
  specifier: string;
  /** The names this import takes ('*' for a namespace or a side-effect import, 'default' for a default import). */
  names: string[];
}

export interface SourceFile {
  path: string;
  text: string;
}

const STATIC_IMPORT = /^(?:import|export)(?:\s+type)?\s*([\w\s{},*$]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function sourceFiles(folder = join(ROOT, 'src')): SourceFile[] {
  const files: SourceFile[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
      files.push({ path: repoPath(path), text: readFileSync(path, 'utf8') });
  }
  return files;
}

function repoPath(absolute: string): string {
  return relative(ROOT, absolute).split('\\').join('/');
}

/** The imported names of one clause: `{ a, b as c, type D }` → a, b, D; `x` → default; `* as x` → *. */
function importedNames(clause: string): string[] {
  const names: string[] = [];
  const braces = clause.match(/\{([^}]*)\}/);
  const outside = clause.replace(/\{[^}]*\}/, '').trim();
  if (outside.includes('*')) names.push('*');
  else if (/^[\w$]+/.test(outside.replace(/^type\s+/, '').replace(/,$/, ''))) names.push('default');
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part
      .trim()
      .replace(/^type\s+/, '')
      .split(/\s+as\s+/)[0]
      ?.trim();
    if (name) names.push(name);
  }
  return names;
}

/** src/x.js → src/x.ts or src/x.tsx; a folder → its index. Undefined for a package import. */
export function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = join(ROOT, dirname(fromFile), specifier).replace(/\.(m?js|jsx)$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate)) return repoPath(candidate);
  // JSON and other assets keep their extension (e.g. the locales' messages.json).
  const asIs = join(ROOT, dirname(fromFile), specifier);
  if (existsSync(asIs) && statSync(asIs).isFile()) return repoPath(asIs);
  throw new Error(`${fromFile}: cannot resolve '${specifier}'`);
}

function isCommentLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  return /^\s*(\/\/|\*|\/\*)/.test(text.slice(lineStart, index));
}

export function importsOf(file: SourceFile): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const add = (specifier: string, names: string[]) => {
    // A package import is kept as npm:<name>, for the table's denied packages.
    const to = resolveSpecifier(file.path, specifier) ?? `npm:${specifier}`;
    edges.push({ from: file.path, to, specifier, names });
  };
  for (const match of file.text.matchAll(STATIC_IMPORT)) add(match[2]!, importedNames(match[1]!));
  for (const match of file.text.matchAll(SIDE_EFFECT_IMPORT)) add(match[1]!, ['*']);
  for (const match of file.text.matchAll(DYNAMIC_IMPORT))
    if (!isCommentLine(file.text, match.index)) add(match[1]!, ['*']);
  return edges;
}

export function importGraph(files = sourceFiles()): ImportEdge[] {
  return files.flatMap(importsOf);
}

/** Every file-level import cycle, each once, as a path that returns to its start (Tarjan's components, then one loop each). */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!next.has(edge.from)) next.set(edge.from, new Set());
    next.get(edge.from)!.add(edge.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next.get(node)?.has(node)) components.push(component.sort());
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => shortestLoop(component, next));
}

/** One readable loop inside a strongly connected component: from its first file back to itself. */
function shortestLoop(component: string[], next: Map<string, Set<string>>): string[] {
  const start = component[0]!;
  const members = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const to of next.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return component;
}

const DECLARED_EXPORT =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:const|let|var|function\*?|class|interface|type|enum)\s+([\w$]+)/gm;
const LISTED_EXPORT = /^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm;
const RE_EXPORT = /^export\s+(?:type\s+)?\{([^}]*)\}\s*from/gm;

/** The names a file exports (its own declarations, lists and re-exports). */
export function exportsOf(file: SourceFile): string[] {
  const names = new Set<string>();
  for (const match of file.text.matchAll(DECLARED_EXPORT)) names.add(match[1]!);
  if (/^export\s+default\s/m.test(file.text)) names.add('default');
  for (const pattern of [LISTED_EXPORT, RE_EXPORT])
    for (const match of file.text.matchAll(pattern))
      for (const part of match[1]!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) names.add(name);
      }
  return [...names];
}
