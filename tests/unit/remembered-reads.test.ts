// The worker remembers what it last read or wrote in storage.local and storage.sync (so a Start does
// not wait for the browser's storage), and never answers something storage no longer holds. The fake
// storage below follows Chrome's: every call answers later (a round trip), a read answers what was
// stored when it was asked, storage.set ignores an undefined value, answers are fresh objects, and
// onChanged reaches listeners as a separate event. Chromium sends a write's own event before the
// write's answer (measured: every time); both orders are tested, as other browsers may differ.
import { describe, expect, it } from 'vitest';
import { type AreaStorage, rememberReads, type StorageChanges } from '../../src/background/storage/remembered-reads.js';

type Listener = Parameters<StorageChanges>[0];
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fakeBrowserStorage() {
  const areas = { local: new Map<string, unknown>(), sync: new Map<string, unknown>() };
  const listeners: Listener[] = [];
  const reads: string[] = [];
  let eventsFirst = false;
  let failWrites = false;
  let heldWrite: Promise<void> | undefined;
  let readDelay = 0;
  let afterApply: (() => void) | undefined;
  const copy = (v: unknown) => (v === undefined ? v : structuredClone(v));
  const announce = (area: 'local' | 'sync', changes: Record<string, { newValue?: unknown }>) => {
    const deliver = () => {
      for (const listener of listeners) listener(area, structuredClone(changes));
    };
    return eventsFirst ? deliver() : setTimeout(deliver, 1);
  };
  const set = async (area: 'local' | 'sync', asked: Record<string, unknown>) => {
    const items = structuredClone(asked); // serialized when asked, as the browser does
    await later();
    if (heldWrite) await heldWrite;
    if (failWrites) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      if (value === undefined) continue; // storage.set ignores undefined
      areas[area].set(key, copy(value));
      changes[key] = { newValue: copy(value) };
    }
    announce(area, changes);
    afterApply?.();
    await later();
  };
  const ports: AreaStorage = {
    // A read answers what storage held when it was asked, however late the answer arrives.
    get: async (area, key) => {
      reads.push(`${area}:${key}`);
      const value = copy(areas[area].get(key));
      await new Promise((resolve) => setTimeout(resolve, readDelay));
      return value;
    },
    set,
    removeLocal: async (key) => {
      await later();
      areas.local.delete(key);
      announce('local', { [key]: {} });
      await later();
    },
  };
  return {
    ports,
    reads,
    onChanged: ((listener) => listeners.push(listener)) as StorageChanges,
    /** Another browser's storage.sync, or a test harness: the value changes and the event follows. */
    changeElsewhere(area: 'local' | 'sync', key: string, value: unknown) {
      areas[area].set(key, copy(value));
      announce(area, { [key]: { newValue: copy(value) } });
    },
    eventsBeforeAnswers() {
      eventsFirst = true;
    },
    /** Runs `then` once a write is applied and before its answer arrives. */
    whenApplied(then: () => void) {
      afterApply = () => {
        afterApply = undefined;
        then();
      };
    },
    slowReads(ms: number) {
      readDelay = ms;
    },
    failWrites(fail: boolean) {
      failWrites = fail;
    },
    holdWrites() {
      let release = () => {};
      heldWrite = new Promise<void>((resolve) => {
        release = () => {
          heldWrite = undefined;
          resolve();
        };
      });
      return release;
    },
    stored: (area: 'local' | 'sync', key: string) => areas[area].get(key),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function remembering() {
  const browser = fakeBrowserStorage();
  return { browser, storage: rememberReads(browser.ports, browser.onChanged) };
}

describe('the worker remembers what it read and wrote', () => {
  it('asks storage once per key, and each answer is a copy of its own', async () => {
    const { browser, storage } = remembering();
    browser.changeElsewhere('local', 'glanceAccount', { address: 'acme.glance.net', credentials: 'c1' });
    await settle();
    const first = (await storage.readLocal('glanceAccount')) as { address: string };
    first.address = 'changed by a caller';
    const second = (await storage.readLocal('glanceAccount')) as { address: string };
    second.address = 'changed by another caller';
    expect(await storage.readLocal('glanceAccount')).toEqual({ address: 'acme.glance.net', credentials: 'c1' });
    expect(await storage.readSync('settings')).toBeUndefined();
    expect(await storage.readSync('settings')).toBeUndefined();
    expect(browser.reads).toEqual(['local:glanceAccount', 'sync:settings']);
  });

  for (const order of ['after', 'before'] as const) {
    it(`its own write is remembered, its change event arriving ${order} the write's answer`, async () => {
      const { browser, storage } = remembering();
      if (order === 'before') browser.eventsBeforeAnswers();
      await storage.writeLocal('activeSession', { sessionId: 's1' });
      await settle();
      expect(await storage.readLocal('activeSession')).toEqual({ sessionId: 's1' });
      await storage.removeLocal('activeSession');
      await settle();
      expect(await storage.readLocal('activeSession')).toBeUndefined();
      await storage.writeLocalItems({ outbox: [1], activeSession: { sessionId: 's2' } });
      await settle();
      expect(await storage.readLocal('outbox')).toEqual([1]);
      expect(await storage.readLocal('activeSession')).toEqual({ sessionId: 's2' });
      expect(browser.reads).toEqual([]);
    });
  }

  it('what is remembered is the value as written, whatever the writer changes afterwards', async () => {
    const { browser, storage } = remembering();
    const session = { sessionId: 's1', guests: [] as string[] };
    browser.eventsBeforeAnswers();
    // Changed while the answer is on its way (its change event already came): storage has its copy.
    browser.whenApplied(() => session.guests.push('changed after the write was asked'));
    await storage.writeLocal('activeSession', session);
    expect(browser.stored('local', 'activeSession')).toEqual({ sessionId: 's1', guests: [] });
    expect(await storage.readLocal('activeSession')).toEqual({ sessionId: 's1', guests: [] });
  });

  it('a change made elsewhere is read from storage again once its event arrives', async () => {
    const { browser, storage } = remembering();
    await storage.writeSync('settings', { chatterOnStart: false });
    browser.changeElsewhere('sync', 'settings', { chatterOnStart: true });
    await settle();
    expect(await storage.readSync('settings')).toEqual({ chatterOnStart: true });
    expect(browser.reads).toEqual(['sync:settings']);
  });

  it('a read that overlaps a write is not remembered: the written value is what follows', async () => {
    const { browser, storage } = remembering();
    browser.changeElsewhere('local', 'activeSession', { sessionId: 'old' });
    await settle();
    const release = browser.holdWrites();
    const writing = storage.writeLocal('activeSession', { sessionId: 'new' });
    browser.slowReads(20);
    const overlapping = storage.readLocal('activeSession'); // asked before the write lands, answered after
    release();
    await writing;
    expect(await overlapping).toEqual({ sessionId: 'old' });
    browser.slowReads(0);
    expect(await storage.readLocal('activeSession')).toEqual({ sessionId: 'new' });
  });

  it('a read that began before a change from elsewhere is not remembered', async () => {
    const { browser, storage } = remembering();
    browser.changeElsewhere('local', 'outbox', ['a']);
    await settle();
    browser.eventsBeforeAnswers();
    const reading = storage.readLocal('outbox');
    browser.changeElsewhere('local', 'outbox', ['a', 'b']);
    await reading;
    expect(await storage.readLocal('outbox')).toEqual(['a', 'b']);
  });

  it('of two overlapping writes of one key, the one storage kept is what reads answer', async () => {
    const { browser, storage } = remembering();
    await Promise.all([
      storage.writeLocal('outbox', ['first']),
      later().then(() => storage.writeLocal('outbox', ['second'])),
    ]);
    await settle();
    expect(browser.stored('local', 'outbox')).toEqual(['second']);
    expect(await storage.readLocal('outbox')).toEqual(['second']);
  });

  it('a change from elsewhere landing before our write is answered is what reads answer', async () => {
    const { browser, storage } = remembering();
    browser.eventsBeforeAnswers();
    browser.whenApplied(() => browser.changeElsewhere('sync', 'settings', { usage: 'from another browser' }));
    await storage.writeSync('settings', { usage: 'ours' });
    expect(await storage.readSync('settings')).toEqual({ usage: 'from another browser' });
  });

  it('a refused write is not remembered, and the value storage kept is answered', async () => {
    const { browser, storage } = remembering();
    await storage.writeSync('settings', { usage: 'primary' });
    browser.failWrites(true);
    await expect(storage.writeSync('settings', { usage: 'all' })).rejects.toThrow('QUOTA');
    browser.failWrites(false);
    await settle();
    expect(await storage.readSync('settings')).toEqual({ usage: 'primary' });
  });

  it('writing undefined leaves the stored value (storage.set ignores it), and that value is answered', async () => {
    const { browser, storage } = remembering();
    await storage.writeLocal('toolbarCollapsed', true);
    await storage.writeLocal('toolbarCollapsed', undefined);
    await settle();
    expect(await storage.readLocal('toolbarCollapsed')).toBe(true);
    expect(browser.stored('local', 'toolbarCollapsed')).toBe(true);
  });
});
