// The session panel's script is injected by the background into the asking tab's top frame only,
// and only when our content script there asks (nothing web-accessible, nothing for other senders).
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import { INVALID_MESSAGE } from '../../src/shared/protocol/index.js';
import { harness, LIGHTNING } from '../support/background-harness.js';

describe('loading the session panel', () => {
  it('injects into the sender tab only, and never for a subframe, another extension or a web page', async () => {
    const h = harness();
    const injected: number[] = [];
    h.ports.injectLazyScript = async (tabId, script) => {
      expect(script).toBe('panel');
      injected.push(tabId);
      return true;
    };
    const url = `${LIGHTNING}/lightning/page/home`;
    const ask = (sender: Record<string, unknown>) =>
      routeMessage({ type: 'content:load-panel', script: 'panel' }, sender, h.ports);
    expect(await ask({ id: 'test', url, frameId: 0, tab: { id: 9, url } })).toEqual({ ok: true });
    expect(await ask({ id: 'test', url, frameId: 3, tab: { id: 10, url } })).toBeUndefined();
    expect(await ask({ id: 'another-extension', url, frameId: 0, tab: { id: 11, url } })).toBeUndefined();
    const page = 'https://evil.example/';
    expect(await ask({ id: 'test', url: page, frameId: 0, tab: { id: 12, url: page } })).toBeUndefined();
    expect(injected).toEqual([9]);
  });
});

describe('loading the meeting dialog', () => {
  it('injects the named script only, and refuses a script that is not one of ours', async () => {
    const h = harness();
    const injected: string[] = [];
    h.ports.injectLazyScript = async (_tabId, script) => {
      injected.push(script);
      return true;
    };
    const url = `${LIGHTNING}/lightning/r/Lead/00Q000000000001AAA/view`;
    const sender = { id: 'test', url, frameId: 0, tab: { id: 9, url } };
    const ask = (script: unknown) => routeMessage({ type: 'content:load-panel', script }, sender, h.ports);
    expect(await ask('meeting-dialog')).toEqual({ ok: true });
    expect(await ask('../../evil.js')).toEqual(INVALID_MESSAGE);
    expect(await ask(undefined)).toEqual(INVALID_MESSAGE);
    expect(injected).toEqual(['meeting-dialog']);
  });
});
