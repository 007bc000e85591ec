// The storage lock as each browser offers it (src/background/adapters/browser-ports.ts): Chrome
// locks storage.local and storage.sync to the extension's own contexts or refuses to keep the
// credential; Firefox, which has no lock for these areas, lets the rep connect (the comment on
// lockStorageToExtension says what protects the credential there). The globals are stand-ins for
// the browser's: only which of them exist is under test.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPorts } from '../../src/background/adapters/browser-ports.js';

const runtime = { id: 'test', getURL: (path: string) => `chrome-extension://test/${path}` };

function area(lockable: boolean) {
  const calls: unknown[] = [];
  return { calls, ...(lockable ? { setAccessLevel: async (options: unknown) => void calls.push(options) } : {}) };
}

/** Every browser's storage has onChanged; the worker's ports listen to it (remembered-reads.ts). */
const onChanged = { addListener() {} };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('lockStorageToExtension', () => {
  it('Chrome with setAccessLevel: locks storage.local and storage.sync to trusted contexts', async () => {
    runtime.getURL = (path) => `chrome-extension://pdckdbofbehkaiioikpheonnaifbdbjf/${path}`;
    const local = area(true);
    const sync = area(true);
    vi.stubGlobal('chrome', { runtime, storage: { local, sync, onChanged } });
    expect(await browserPorts().lockStorageToExtension()).toBe(true);
    expect(local.calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    expect(sync.calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('Chrome without it (older than 140): no lock, so no credential', async () => {
    runtime.getURL = (path) => `chrome-extension://pdckdbofbehkaiioikpheonnaifbdbjf/${path}`;
    vi.stubGlobal('chrome', { runtime, storage: { local: area(false), sync: area(false), onChanged } });
    expect(await browserPorts().lockStorageToExtension()).toBe(false);
  });

  it('Firefox (moz-extension pages, no lock for storage.local): not locked, and says so; the rep can still connect', async () => {
    runtime.getURL = (path) => `moz-extension://0b6f5d3e-4c1a-4f7e-9a55-3d1c2b8e7f10/${path}`;
    vi.stubGlobal('chrome', { runtime, storage: { local: area(false), sync: area(false), onChanged } });
    expect(await browserPorts().lockStorageToExtension()).toBe(false);
    expect(await browserPorts().mayKeepSecrets()).toBe(true);
  });

  it('Chrome older than 140 may keep no secret at all', async () => {
    runtime.getURL = (path) => `chrome-extension://pdckdbofbehkaiioikpheonnaifbdbjf/${path}`;
    vi.stubGlobal('chrome', { runtime, storage: { local: area(false), sync: area(false), onChanged } });
    expect(await browserPorts().mayKeepSecrets()).toBe(false);
  });

  it('our pages origin comes from runtime.getURL, in both browsers', () => {
    runtime.getURL = (path) => `moz-extension://0b6f5d3e-4c1a-4f7e-9a55-3d1c2b8e7f10/${path}`;
    vi.stubGlobal('chrome', { runtime, storage: { onChanged } });
    expect(browserPorts().extensionOrigin).toBe('moz-extension://0b6f5d3e-4c1a-4f7e-9a55-3d1c2b8e7f10/');
  });
});
