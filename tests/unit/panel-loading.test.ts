// The session panel's script is injected by the background into the asking tab's top frame only,
// and only when our content script there asks (nothing web-accessible, nothing for other senders).
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

describe('loading the session panel', () => {
  it('injects into the sender tab only, and never for a subframe, another extension or a web page', async () => {
    const h = harness();
    const injected: number[] = [];
    h.ports.injectSessionPanel = async (tabId) => {
      injected.push(tabId);
      return true;
    };
    const url = `${LIGHTNING}/lightning/page/home`;
    const ask = (sender: Record<string, unknown>) => routeMessage({ type: 'content:load-panel' }, sender, h.ports);
    expect(await ask({ id: 'test', url, frameId: 0, tab: { id: 9, url } })).toEqual({ ok: true });
    expect(await ask({ id: 'test', url, frameId: 3, tab: { id: 10, url } })).toBeUndefined();
    expect(await ask({ id: 'another-extension', url, frameId: 0, tab: { id: 11, url } })).toBeUndefined();
    const page = 'https://evil.example/';
    expect(await ask({ id: 'test', url: page, frameId: 0, tab: { id: 12, url: page } })).toBeUndefined();
    expect(injected).toEqual([9]);
  });
});
