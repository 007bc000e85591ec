// The packaging rules on small examples (scripts/packaging): what a package must hold, what it must
// not, the Chrome Web Store's manifest and the Firefox manifest. The built packages themselves are
// checked by tests/package (npm run test:package).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import {
  DATA_COLLECTION,
  FIREFOX_ICON_96,
  FIREFOX_MIN_VERSION,
  type FirefoxManifestView,
  firefoxManifest,
  GECKO_ID,
} from '../../scripts/packaging/firefox-manifest.js';
import { isUnwanted, type Manifest, manifestFiles, referencedBy } from '../../scripts/packaging/manifest-files.js';
import {
  chromeStoreManifest,
  type Files,
  problemsOf,
  unzip,
  withManifest,
  zip,
} from '../../scripts/packaging/package-dir.js';
import { pngSize } from '../../scripts/packaging/png.js';

const root = resolve(import.meta.dirname, '../..');
/** The source manifest as @crxjs writes it into dist/: the same keys, built file names. */
const built = {
  ...sourceManifest,
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
  content_scripts: [{ ...sourceManifest.content_scripts[0], js: ['assets/content-script.js'] }],
} as unknown as Manifest;

function wholePackage(): Files {
  const files: Files = {};
  for (const path of manifestFiles(built)) files[path] = strToU8('x');
  files['service-worker-loader.js'] = strToU8("import './assets/main.js';");
  files['assets/main.js'] = strToU8('import{a as b}from"./chunk.js";const c=()=>import("./lazy.js");');
  files['assets/chunk.js'] = strToU8('export const a=1;');
  files['assets/lazy.js'] = strToU8('export default 2;');
  files['src/pages/popup/index.html'] = strToU8('<script type="module" src="/assets/popup.js"></script>');
  files['assets/popup.js'] = strToU8('document.title="x"');
  return withManifest(files, built);
}

describe('what a package must hold', () => {
  it('lists every file the manifest names: icons, pages, scripts, schema, default locale', () => {
    expect(manifestFiles(built)).toEqual([
      '_locales/en/messages.json',
      'assets/content-script.js',
      'icons/icon-128.png',
      'icons/icon-16.png',
      'icons/icon-32.png',
      'icons/icon-48.png',
      'managed-schema.json',
      'manifest.json',
      'service-worker-loader.js',
      'src/pages/options/index.html',
      'src/pages/popup/index.html',
    ]);
  });

  it('follows what pages and modules load, minified or not', () => {
    expect(
      referencedBy(
        'src/pages/popup/index.html',
        '<script type="module" crossorigin src="/assets/a.js"></script><link rel="stylesheet" href="/assets/a.css">',
      ),
    ).toEqual(['assets/a.js', 'assets/a.css']);
    expect(
      referencedBy('assets/x.js', 'import{a as e}from"./y.js";import"./z.js";export*from"./w.js";import("./lazy.js")'),
    ).toEqual(['assets/y.js', 'assets/z.js', 'assets/w.js', 'assets/lazy.js']);
    expect(referencedBy('service-worker-loader.js', "import './assets/main.ts-1.js';")).toEqual([
      'assets/main.ts-1.js',
    ]);
    // Not ours: other origins and bare text.
    expect(referencedBy('assets/x.js', 'const s="import from https://x"; import("https://evil.example/a.js")')).toEqual(
      [],
    );
  });

  it('a whole package has no problems; each missing or stray file is named', () => {
    expect(problemsOf(wholePackage())).toEqual([]);
    const broken = wholePackage();
    delete broken['icons/icon-48.png'];
    delete broken['assets/chunk.js'];
    broken['assets/main.js.map'] = strToU8('{}');
    broken['tests/unit/a.test.ts'] = strToU8('');
    expect(problemsOf(broken)).toEqual([
      'the manifest names icons/icon-48.png, not in the package',
      'assets/main.js loads assets/chunk.js, not in the package',
      'assets/main.js.map does not belong in a package',
      'tests/unit/a.test.ts does not belong in a package',
    ]);
  });

  it('refuses source maps, tests, TypeScript sources and clutter, and keeps built files', () => {
    for (const path of ['a.js.map', 'src/x.ts', 'tests/a.js', 'x.spec.js', '.DS_Store', '.vite/manifest.json'])
      expect(isUnwanted(path), path).toBe(true);
    for (const path of ['assets/main.ts-80Ho2Kem.js', 'src/pages/popup/index.html', 'icons/icon-16.png'])
      expect(isUnwanted(path), path).toBe(false);
  });

  it('zips to the same bytes every time, and unzips to the same files', () => {
    const files = wholePackage();
    const bytes = zip(files);
    expect(zip(files)).toEqual(bytes);
    expect(Object.keys(unzip(bytes)).sort()).toEqual(Object.keys(files).sort());
  });
});

describe('the Chrome Web Store manifest', () => {
  it('drops key (the store gives the id; it refuses uploads with one) and keeps everything else', () => {
    expect(built.key).toBeTypeOf('string');
    const store = chromeStoreManifest(built);
    expect(store).not.toHaveProperty('key');
    expect({ ...store, key: built.key }).toEqual(built);
  });
});

describe('the Firefox manifest', () => {
  const firefox = firefoxManifest(built) as unknown as FirefoxManifestView;

  it('runs the background as an event page of the same module, with a gecko id and minimum', () => {
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: DATA_COLLECTION,
    });
    expect(firefox.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it("drops Chrome's key, minimum_chrome_version and managed_schema; keeps every feature key", () => {
    for (const chromeOnly of ['key', 'minimum_chrome_version', 'storage'])
      expect(firefox).not.toHaveProperty(chromeOnly);
    for (const feature of [
      'permissions',
      'host_permissions',
      'content_scripts',
      'action',
      'options_ui',
      'content_security_policy',
      'default_locale',
      'name',
      'description',
      'version',
    ])
      expect(firefox[feature], feature).toEqual((built as Record<string, unknown>)[feature]);
    expect(firefox.icons).toEqual({ ...(built.icons as object), 96: FIREFOX_ICON_96 });
  });

  it('refuses a manifest without a service worker to turn into an event page', () => {
    expect(() => firefoxManifest({ ...built, background: undefined } as Manifest)).toThrow(/service worker/);
  });
});

describe('icons', () => {
  const declared = (): [string, number][] =>
    [
      ...Object.entries(sourceManifest.icons),
      ...Object.entries(sourceManifest.action.default_icon),
      ['96', FIREFOX_ICON_96] as const,
    ].map(([size, path]) => [path, Number(size)]);

  it('every icon the manifests name exists at the pixel size they declare', () => {
    for (const [path, size] of declared()) {
      expect(pngSize(readFileSync(resolve(root, 'extension', path))), path).toEqual({ width: size, height: size });
    }
  });

  it('the 128 icon and the store icon are 96x96 artwork in 16 transparent pixels (Chrome Web Store)', () => {
    for (const path of ['extension/icons/icon-128.png', 'store/icon-128.png']) {
      const bytes = readFileSync(resolve(root, path));
      expect(pngSize(bytes)).toEqual({ width: 128, height: 128 });
      const { opaqueFrom, opaqueTo } = opaqueSpan(bytes);
      expect([opaqueFrom, opaqueTo], path).toEqual([16, 111]);
    }
  });

  it('reads only PNGs', () => {
    expect(() => pngSize(strToU8('GIF89a not a png at all'))).toThrow('not a PNG');
  });
});

/** First and last column with any visible pixel, in the middle row of an 8-bit RGBA, unfiltered PNG. */
function opaqueSpan(bytes: Uint8Array): { opaqueFrom: number; opaqueTo: number } {
  const { width } = pngSize(bytes);
  const view = Buffer.from(bytes);
  let offset = 8;
  const data: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') data.push(view.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = 1 + width * 4;
  const row = raw.subarray((width / 2) * stride, (width / 2 + 1) * stride);
  if (row[0] !== 0) throw new Error('expected an unfiltered row (scripts/make-icons.mjs writes filter 0)');
  const alpha = (x: number) => row[1 + x * 4 + 3] as number;
  const visible = [...Array(width).keys()].filter((x) => alpha(x) > 0);
  return { opaqueFrom: visible[0] ?? -1, opaqueTo: visible.at(-1) ?? -1 };
}
