// What the service worker loads at every wake (an MV3 worker cannot import() code later): the org
// check, "Create Glance reports" and the team view run in the options page on an admin's press and
// must not be in it. Bundled from the worker's entry with esbuild, as the build bundles it.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

async function workerBundle() {
  const result = await build({
    entryPoints: [resolve(ROOT, 'src/background/main.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome140',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return {
    inputs: Object.keys(result.metafile.inputs),
    code: result.outputFiles.map((f) => f.text).join('\n'),
  };
}

describe("the service worker's bundle", () => {
  it('holds no org check, report creation or team view', async () => {
    const { inputs, code } = await workerBundle();
    expect(inputs.filter((path) => /(^|\/)src\/(org-check|pages|content)\//.test(path))).toEqual([]);
    // What each would bring, wherever its code sat: the Analytics REST API's report resource, the
    // team view's query of everyone's Events, the org check's test Lead.
    expect(code).not.toContain('/analytics/reports');
    expect(code).not.toContain('Owner.Name');
    expect(code).not.toContain('Glance for Salesforce org check');
  });
});
