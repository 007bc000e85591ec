// `npm run package`: the Chrome Web Store upload, packages/glance-for-salesforce-chrome-<version>.zip,
// from the production build in dist/. Refuses to write a package that is not whole.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  chromeStoreManifest,
  manifestOf,
  packageName,
  problemsOf,
  readTree,
  unzip,
  withManifest,
  zip,
} from './packaging/package-dir.js';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const built = readTree(resolve(root, 'dist'));
const manifest = manifestOf(built);
if (manifest.version !== version) {
  throw new Error(`dist/manifest.json says ${manifest.version}, package.json says ${version}: make them agree`);
}
const bytes = zip(withManifest(built, chromeStoreManifest(manifest)));
const problems = problemsOf(unzip(bytes));
if (problems.length > 0) throw new Error(`not packaged:\n  ${problems.join('\n  ')}`);
mkdirSync(resolve(root, 'packages'), { recursive: true });
const out = resolve(root, 'packages', packageName('chrome', version));
writeFileSync(out, bytes);
console.log(`${out}: ${bytes.length} bytes, ${Object.keys(built).length} files`);
