// Messages are named by who sends them (issue 28, item 4): `content:` from the content script,
// `page:` from the popup and the options page alike, `options:` from the options page only. The
// router keeps each sender to its own names: a content script cannot ask what only our pages may.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import { INVALID_MESSAGE } from '../../src/shared/protocol/index.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

const LEAD_URL = `${LIGHTNING}/lightning/r/Lead/00Q000000000001AAA/view`;
const contentScript = { id: 'test', url: LEAD_URL, frameId: 0, tab: { id: 3, url: LEAD_URL } };
const optionsPage = { id: 'test', url: 'chrome-extension://test/src/pages/options/index.html' };

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every message name a folder's code spells, with the file it is in. */
function namesIn(dir: string): { name: string; file: string }[] {
  return sourcesUnder(dir).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'((?:content|page|popup|options|background):[a-z-]+)'/g)].map((match) => ({
      name: match[1] ?? '',
      file,
    })),
  );
}

describe('message names say who sends them', () => {
  it('a content script sends content: only, the pages page: and options: (options: from the options page)', () => {
    for (const { name, file } of namesIn('src/content')) {
      expect(name.startsWith('content:') || name.startsWith('background:'), `${name} in ${file}`).toBe(true);
    }
    const pages = namesIn('src/pages');
    expect(pages.length).toBeGreaterThan(10);
    for (const { name, file } of pages) {
      expect(/^(page|options|popup):/.test(name), `${name} in ${file}`).toBe(true);
      if (name.startsWith('options:')) expect(file, name).toMatch(/^src\/pages\/options\//);
      if (name.startsWith('popup:')) expect(file, name).toMatch(/^src\/pages\/popup\//);
    }
  });
});

describe('the router keeps each sender to its own names', () => {
  it("refuses our pages' requests from a content script, and changes nothing", async () => {
    const h = harness();
    await h.connect();
    for (const message of [
      { type: 'page:disconnect-glance', forget: true },
      { type: 'page:connect-glance', address: 'evil.glance.net', password: 'x' },
      { type: 'page:save-settings', settings: {} },
      { type: 'options:forget-sync' },
      { type: 'options:sync-view' },
    ]) {
      expect(await routeMessage(message, contentScript, h.ports), message.type).toEqual(INVALID_MESSAGE);
    }
    expect(await routeMessage({ type: 'page:glance-account' }, optionsPage, h.ports)).not.toBeNull();
  });

  it("refuses a content script's requests from our pages, and the names before the rename", async () => {
    const h = harness();
    await h.connect();
    for (const type of ['content:open-settings', 'popup:glance-account', 'popup:settings']) {
      expect(await routeMessage({ type }, optionsPage, h.ports), type).toEqual(INVALID_MESSAGE);
    }
    expect(await routeMessage({ type: 'content:open-settings' }, contentScript, h.ports)).toEqual({ ok: true });
  });
});
