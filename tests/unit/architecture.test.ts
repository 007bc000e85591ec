// The house's rooms (tests/architecture/layers.ts) checked against the real import graph of src/:
// every static import, export-from and dynamic import(), type-only imports included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  forbiddenContextImports,
  unexpectedCycles,
  unimportedExports,
  upwardWorkerImports,
  workerFolderEdges,
} from '../architecture/check.js';
import {
  exportsOf,
  type ImportEdge,
  importCycles,
  importGraph,
  importsOf,
  ROOT,
  sourceFiles,
} from '../architecture/import-graph.js';
import { TEMPORARY_CYCLES, TEST_SEAMS } from '../architecture/layers.js';

const src = sourceFiles();
const edges = importGraph(src);
// The build's own code (scripts/, vite.config.ts) is a real user of src/ exports too.
const build = [...sourceFiles(join(ROOT, 'scripts')), ...sourceFiles(ROOT).filter((f) => f.path === 'vite.config.ts')];

describe('the real import graph of src/', () => {
  it('is read whole: static, export-from, side-effect, dynamic and type-only imports', () => {
    const kinds = (path: string) => edges.filter((e) => e.from === path).map((e) => e.to);
    // A type-only import, an export-from and a dynamic import() of files known to use them.
    expect(edges.some((e) => /^import type/m.test(readSource(e.from)))).toBe(true);
    expect(kinds('src/content/toolbar/main.ts').length).toBeGreaterThan(0);
    expect(edges.filter((e) => e.names.includes('*')).length).toBeGreaterThan(0);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('crosses contexts only where the table lets it', () => {
    expect(forbiddenContextImports(edges)).toEqual([]);
  });

  it('never imports upward between the worker layers', () => {
    expect(upwardWorkerImports(edges)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(unexpectedCycles(importCycles(edges))).toEqual([]);
  });

  it('has no import cycle between the worker folders', () => {
    expect(importCycles(workerFolderEdges(edges)).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps its temporary cycle list true: each listed cycle still exists', () => {
    const cycles = importCycles(edges).map((c) => [...new Set(c)].sort().join(' '));
    for (const allowed of TEMPORARY_CYCLES) expect(cycles).toContain([...allowed.files].sort().join(' '));
  });

  it('exports nothing that no other module imports (test seams listed in the table)', () => {
    const build = [
      ...sourceFiles(join(ROOT, 'scripts')),
      ...sourceFiles(ROOT).filter((f) => f.path === 'vite.config.ts'),
    ];
    expect(unimportedExports(src, [...edges, ...build.flatMap(importsOf)])).toEqual([]);
  });

  it('keeps its list of test seams true: each listed export exists and no module of src/ imports it', () => {
    const all = [...edges, ...build.flatMap(importsOf)];
    for (const seam of TEST_SEAMS)
      for (const [path, names] of Object.entries(seam.exports)) {
        const file = src.find((f) => f.path === path);
        expect(file, path).toBeDefined();
        if (names === '*') continue;
        for (const name of names) {
          expect(exportsOf(file!), `${path}: ${name}`).toContain(name);
          expect(
            all.some((e) => e.to === path && e.from !== path && e.names.includes(name)),
            `${path}: ${name} is imported by src/ now: take it off the list`,
          ).toBe(false);
        }
      }
  });
});

function readSource(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

// The checks on small made-up graphs: each rule catches what it is for, and lets through what the table allows.
const edge = (from: string, to: string, specifier = to): ImportEdge => ({ from, to, specifier, names: ['x'] });

describe('the table of contexts', () => {
  const refused: [string, ImportEdge][] = [
    ['content → background', edge('src/content/toolbar/probe.ts', 'src/background/router.ts')],
    ['content → pages', edge('src/content/toolbar/probe.ts', 'src/pages/background-channel.ts')],
    ['content → the Salesforce client', edge('src/content/toolbar/probe.ts', 'src/shared/salesforce/client.ts')],
    ['pages → background', edge('src/pages/background-channel.ts', 'src/background/router.ts')],
    ['popup → background', edge('src/pages/popup/probe.ts', 'src/background/router.ts')],
    ['options → content', edge('src/pages/options/probe.ts', 'src/content/common/dom.ts')],
    ['options → popup', edge('src/pages/options/probe.ts', 'src/pages/popup/PopupApp.tsx')],
    ['popup → options', edge('src/pages/popup/probe.ts', 'src/pages/options/PolicyPanel.tsx')],
    ['components → popup', edge('src/pages/components/probe.ts', 'src/pages/popup/PopupApp.tsx')],
    ['options → the org check, outside its one port', edge('src/pages/options/probe.ts', 'src/org-check/run.ts')],
    ['popup → the org check', edge('src/pages/popup/probe.ts', 'src/org-check/run.ts')],
    ["options' org-check port → the worker", edge('src/pages/options/org-check.ts', 'src/background/router.ts')],
    [
      "options' org-check port → the org check's insides",
      edge('src/pages/options/org-check.ts', 'src/org-check/context.ts'),
    ],
    ['org check → the rest of the worker', edge('src/org-check/probe.ts', 'src/background/router.ts')],
    ['org check → pages', edge('src/org-check/probe.ts', 'src/pages/background-channel.ts')],
    ['background → the org check', edge('src/background/probe.ts', 'src/org-check/run.ts')],
    ['background → content', edge('src/background/probe.ts', 'src/content/common/dom.ts')],
    ['background → pages', edge('src/background/probe.ts', 'src/pages/background-channel.ts')],
    ['shared → background', edge('src/shared/probe.ts', 'src/background/router.ts')],
    ['shared → content', edge('src/shared/meeting/probe.ts', 'src/content/common/dom.ts')],
    ['shared → the Salesforce client', edge('src/shared/probe.ts', 'src/shared/salesforce/client.ts')],
    ['shared → the browser API', edge('src/shared/probe.ts', 'npm:webextension-polyfill', 'webextension-polyfill')],
  ];
  const allowed: [string, ImportEdge][] = [
    ['content → shared', edge('src/content/panel/probe.ts', 'src/shared/messages.ts')],
    ['popup → components', edge('src/pages/popup/probe.ts', 'src/pages/components/UserSettingsPage.tsx')],
    ['options → channel', edge('src/pages/options/probe.ts', 'src/pages/background-channel.ts')],
    ["options' org-check port → the org check", edge('src/pages/options/org-check.ts', 'src/org-check/run.ts')],
    ["org check → the worker's job code", edge('src/org-check/probe.ts', 'src/background/outbox/jobs.ts')],
    [
      "org check → the worker's record builders",
      edge('src/org-check/probe.ts', 'src/background/records/session-event.ts'),
    ],
    [
      'options → the shared Salesforce client',
      edge('src/pages/options/reports/probe.ts', 'src/shared/salesforce/client.ts'),
    ],
    ['components → shared', edge('src/pages/components/probe.ts', 'src/shared/i18n.ts')],
    ['background → shared', edge('src/background/probe.ts', 'src/shared/settings.ts')],
    ['background → a package', edge('src/background/probe.ts', 'npm:webextension-polyfill', 'webextension-polyfill')],
  ];
  it.each(refused)('refuses %s', (_name, probe) => {
    expect(forbiddenContextImports([probe])).toHaveLength(1);
  });
  it.each(allowed)('allows %s', (_name, probe) => {
    expect(forbiddenContextImports([probe])).toEqual([]);
  });
});

describe('the worker layers and the loops', () => {
  it('refuses an import upward and allows one downward', () => {
    expect(
      upwardWorkerImports([edge('src/background/glance/probe.ts', 'src/background/session/service.ts')]),
    ).toHaveLength(1);
    expect(upwardWorkerImports([edge('src/background/storage/probe.ts', 'src/background/sync/run.ts')])).toHaveLength(
      1,
    );
    expect(upwardWorkerImports([edge('src/background/session/probe.ts', 'src/background/glance/client.ts')])).toEqual(
      [],
    );
  });

  it('refuses a worker file in no layer', () => {
    expect(upwardWorkerImports([edge('src/background/new-room/probe.ts', 'src/background/lock.ts')])).toHaveLength(1);
  });

  it('finds a file loop, a type-only one included, and a folder loop inside one layer', () => {
    const loop = [edge('src/a.ts', 'src/b.ts'), edge('src/b.ts', 'src/c.ts'), edge('src/c.ts', 'src/a.ts')];
    expect(unexpectedCycles(importCycles(loop))).toEqual(['src/a.ts → src/b.ts → src/c.ts → src/a.ts']);
    const folders = workerFolderEdges([
      edge('src/background/sync/run.ts', 'src/background/settings/account.ts'),
      edge('src/background/settings/storage.ts', 'src/background/sync/settings.ts'),
    ]);
    expect(importCycles(folders)).toHaveLength(1);
  });

  it('reads a type-only and a dynamic import as edges', () => {
    const file = {
      path: 'src/background/router.ts',
      text: "import type { A } from './lock.js';\nconst m = await import('./alarms.js');\nexport { B } from './alarm-names.js';\n",
    };
    expect(importsOf(file).map((e) => e.to)).toEqual([
      'src/background/lock.ts',
      'src/background/alarm-names.ts',
      'src/background/alarms.ts',
    ]);
  });
});
