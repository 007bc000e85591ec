// Where each browser API is used (docs/architecture.md, "The browser API"): webextension-polyfill in
// the options page's own code only, where no byte or first-draw budget applies; chrome.* everywhere
// else (the worker, the content scripts, the popup and the page code the popup shares), where the
// polyfill would cost the worker 2,836 B gzip at every wake and the popup its first draw.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const OPTIONS_OWN = /^src\/pages\/options\//;
/** A call or read of the chrome namespace (types such as chrome.runtime.ManifestV3 are no use of it). */
const CHROME_USE = /(?<![\w.])chrome\.[a-z]\w*\.[a-z]\w*/;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the browser API', () => {
  const files = sourcesUnder('src').map((file) => ({ file, code: withoutComments(readFileSync(file, 'utf8')) }));

  it('loads webextension-polyfill only in the options page', () => {
    const users = files.filter(({ code }) => code.includes("from 'webextension-polyfill'")).map(({ file }) => file);
    expect(users.length).toBeGreaterThan(0);
    for (const file of users) expect(file).toMatch(OPTIONS_OWN);
  });

  it("calls chrome.* everywhere else, and never in the options page's own code", () => {
    const optionsChrome = files
      .filter(({ file, code }) => OPTIONS_OWN.test(file) && CHROME_USE.test(code))
      .map(({ file, code }) => `${file}: ${CHROME_USE.exec(code)?.[0]}`);
    expect(optionsChrome).toEqual([]);
    expect(files.filter(({ file, code }) => !OPTIONS_OWN.test(file) && CHROME_USE.test(code)).length).toBeGreaterThan(
      5,
    );
  });
});
