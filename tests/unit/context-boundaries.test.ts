// The lint keeps the contexts apart: the service worker, the content script, the extension pages and
// the pure shared code. Each case lints one probe file with the project's own biome.json, in a scratch
// folder laid out like src/, and reads Biome's JSON report.
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
  return report.diagnostics
    .filter((d) => d.category === 'lint/style/noRestrictedImports' || d.category === 'lint/style/noRestrictedGlobals')
    .map((d) => d.category);
}

// Each probe sits at the path of a real file in that context so relative specifiers resolve the same way.
const refused: [string, string, string][] = [
  [
    'content → background',
    'src/content/toolbar/probe.ts',
    "import { x } from '../../background/router.js';\nexport const y = x;\n",
  ],
  [
    'content → pages',
    'src/content/toolbar/probe.ts',
    "import { x } from '../../pages/background-channel.js';\nexport const y = x;\n",
  ],
  ['pages → background', 'src/pages/probe.ts', "import { x } from '../background/router.js';\nexport const y = x;\n"],
  [
    'popup → background',
    'src/pages/popup/probe.ts',
    "import { x } from '../../background/router.js';\nexport const y = x;\n",
  ],
  [
    'options → content',
    'src/pages/options/probe.ts',
    "import { x } from '../../content/dom.js';\nexport const y = x;\n",
  ],
  ['options → popup', 'src/pages/options/probe.ts', "import { x } from '../popup/PopupApp.js';\nexport const y = x;\n"],
  [
    'popup → options',
    'src/pages/popup/probe.ts',
    "import { x } from '../options/PolicyPanel.js';\nexport const y = x;\n",
  ],
  [
    'options → the org check, outside its one port',
    'src/pages/options/probe.ts',
    "import { x } from '../../org-check/run.js';\nexport const y = x;\n",
  ],
  [
    'popup → the org check',
    'src/pages/popup/probe.ts',
    "import { x } from '../../org-check/run.js';\nexport const y = x;\n",
  ],
  [
    "options' org-check port → the worker",
    'src/pages/options/org-check.ts',
    "import { x } from '../../background/router.js';\nexport const y = x;\n",
  ],
  [
    "options' org-check port → the org check's insides",
    'src/pages/options/org-check.ts',
    "import { x } from '../../org-check/context.js';\nexport const y = x;\n",
  ],
  [
    'org check → the rest of the worker',
    'src/org-check/probe.ts',
    "import { x } from '../background/router.js';\nexport const y = x;\n",
  ],
  [
    'org check → pages',
    'src/org-check/probe.ts',
    "import { x } from '../pages/background-channel.js';\nexport const y = x;\n",
  ],
  [
    'background → the org check',
    'src/background/probe.ts',
    "import { x } from '../org-check/run.js';\nexport const y = x;\n",
  ],
  [
    'content → the Salesforce client',
    'src/content/toolbar/probe.ts',
    "import { x } from '../../shared/salesforce/client.js';\nexport const y = x;\n",
  ],
  [
    "options' org-check port → content",
    'src/pages/options/org-check.ts',
    "import { x } from '../../content/dom.js';\nexport const y = x;\n",
  ],
  [
    'components → popup',
    'src/pages/components/probe.ts',
    "import { x } from '../popup/PopupApp.js';\nexport const y = x;\n",
  ],
  ['background → content', 'src/background/probe.ts', "import { x } from '../content/dom.js';\nexport const y = x;\n"],
  [
    'background → pages',
    'src/background/probe.ts',
    "import { x } from '../pages/background-channel.js';\nexport const y = x;\n",
  ],
  ['shared → background', 'src/shared/probe.ts', "import { x } from '../background/router.js';\nexport const y = x;\n"],
  [
    'shared → content',
    'src/shared/meeting/probe.ts',
    "import { x } from '../../content/dom.js';\nexport const y = x;\n",
  ],
  [
    'shared → pages',
    'src/shared/probe.ts',
    "import { x } from '../pages/background-channel.js';\nexport const y = x;\n",
  ],
  [
    'shared → the browser API',
    'src/shared/probe.ts',
    "import browser from 'webextension-polyfill';\nexport const y = browser;\n",
  ],
  ['shared uses chrome.*', 'src/shared/probe.ts', 'export const y = chrome.runtime.id;\n'],
  ['shared uses browser.*', 'src/shared/meeting/probe.ts', 'export const y = browser.runtime.id;\n'],
  [
    'client → feature',
    'src/background/glance/probe.ts',
    "import { x } from '../session/service.js';\nexport const y = x;\n",
  ],
];

const allowed: [string, string, string][] = [
  [
    'content → shared',
    'src/content/panel/probe.ts',
    "import { x } from '../../shared/protocol/index.js';\nexport const y = x;\n",
  ],
  [
    'popup → components',
    'src/pages/popup/probe.ts',
    "import { x } from '../components/UserSettingsPage.js';\nexport const y = x;\n",
  ],
  [
    'options → channel',
    'src/pages/options/probe.ts',
    "import { x } from '../background-channel.js';\nexport const y = x;\n",
  ],
  [
    "options' org-check port → the org check",
    'src/pages/options/org-check.ts',
    "import { x } from '../../org-check/run.js';\nexport const y = x;\n",
  ],
  [
    "org check → the worker's job code",
    'src/org-check/probe.ts',
    "import { x } from '../background/outbox/jobs.js';\nexport const y = x;\n",
  ],
  [
    "org check → the worker's record builders",
    'src/org-check/probe.ts',
    "import { x } from '../background/records/session-event.js';\nexport const y = x;\n",
  ],
  [
    'options → the shared Salesforce client',
    'src/pages/options/reports/probe.ts',
    "import { x } from '../../../shared/salesforce/client.js';\nexport const y = x;\n",
  ],
  [
    'pages → shared',
    'src/pages/components/probe.ts',
    "import { x } from '../../shared/i18n.js';\nexport const y = x;\n",
  ],
  [
    'background → shared',
    'src/background/probe.ts',
    "import { x } from '../shared/settings.js';\nexport const y = x;\n",
  ],
  ['background uses chrome.*', 'src/background/adapters/probe.ts', 'export const y = chrome.runtime.id;\n'],
];

describe('the lint keeps the contexts apart', () => {
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
