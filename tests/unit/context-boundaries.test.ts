// The lint keeps the browser API out of the pure shared code (src/shared uses no chrome.* or browser.*
// global; the contexts' imports are checked against the table of layers by architecture.test.ts). Each
// case lints one probe file with the project's own biome.json, in a scratch folder laid out like src/,
// and reads Biome's JSON report.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'boundaries-'));
const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
delete config.$schema;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Report {
  diagnostics: { category: string; message: string; location: { path: string } }[];
}

let probe = 0;
function lint(file: string, source: string): string[] {
  // One project per probe: the overrides' globs are relative to the folder holding biome.json.
  const project = join(scratch, `run-${++probe}`);
  const path = join(project, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(join(project, 'biome.json'), JSON.stringify(config));
  writeFileSync(path, source);
  let out: string;
  try {
    out = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--reporter=json', file], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as Report;
  return report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedGlobals').map((d) => d.category);
}

const refused: [string, string, string][] = [
  ['shared uses chrome.*', 'src/shared/probe.ts', 'export const y = chrome.runtime.id;\n'],
  ['shared uses browser.*', 'src/shared/meeting/probe.ts', 'export const y = browser.runtime.id;\n'],
];

const allowed: [string, string, string][] = [
  ['background uses chrome.*', 'src/background/adapters/probe.ts', 'export const y = chrome.runtime.id;\n'],
];

describe('the lint keeps the browser API out of src/shared', () => {
  it.each(refused)('refuses %s', (_name, file, source) => {
    expect(lint(file, source)).not.toEqual([]);
  });
  it.each(allowed)('allows %s', (_name, file, source) => {
    expect(lint(file, source)).toEqual([]);
  });
});

describe('the real tree', () => {
  it('src/shared holds no page code any more', () => {
    expect(() => readFileSync(join(ROOT, 'src/shared/ui/background.ts'))).toThrow();
  });
});
