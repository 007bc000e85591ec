// `npm run build:firefox`: the Firefox build in dist-firefox/ (load it from about:debugging, or lint
// it with `npm run lint:firefox`) and its AMO upload, packages/glance-for-salesforce-firefox-<version>.zip.
// The same bundles as dist/, with the Firefox manifest (scripts/packaging/firefox-manifest.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { firefoxManifest } from './packaging/firefox-manifest.js';
import { manifestOf, packageName, problemsOf, readTree, withManifest, zip } from './packaging/package-dir.js';

const root = resolve(import.meta.dirname, '..');
const built = readTree(resolve(root, 'dist'));
const chrome = manifestOf(built);
const manifest = firefoxManifest(chrome);
const files = withManifest(built, manifest);
// Firefox has no use for Chrome's managed-storage schema (admins write policies.json instead).
const schema = (chrome.storage as { managed_schema?: string } | undefined)?.managed_schema;
if (schema) delete files[schema];
const problems = problemsOf(files);
if (problems.length > 0) throw new Error(`not built:\n  ${problems.join('\n  ')}`);

const out = resolve(root, 'dist-firefox');
rmSync(out, { recursive: true, force: true });
for (const [path, bytes] of Object.entries(files)) {
  mkdirSync(dirname(resolve(out, path)), { recursive: true });
  writeFileSync(resolve(out, path), bytes);
}
mkdirSync(resolve(root, 'packages'), { recursive: true });
const upload = resolve(root, 'packages', packageName('firefox', manifest.version));
const bytes = zip(files);
writeFileSync(upload, bytes);
console.log(`${out}: ${Object.keys(files).length} files; ${upload}: ${bytes.length} bytes`);
