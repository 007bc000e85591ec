// storage.local and storage.sync as this worker last read or wrote them, so a Start does not wait for
// the browser's storage: its reads (account, running session, settings, last known policy) took 3–8 ms
// of the click-to-key time measured here, each a round trip to the browser process.
//
// What makes it safe: only the worker writes these areas (the pages and the content script ask it by
// message), so its own writes keep the copy current; a change made elsewhere (storage.sync arriving
// from another browser, a test harness) reaches the worker as storage.onChanged, which drops the copy.
// A read or write that overlaps another change of the same key is not remembered: the next read asks
// the browser again. Callers get a copy of the remembered value, as storage itself answers a fresh
// object each time.
import type { StoragePorts } from './ports.js';

type Area = 'local' | 'sync';

/** storage.onChanged, as (area, changed keys with their new values). */
export type StorageChanges = (
  listener: (area: string, changes: Record<string, { newValue?: unknown }>) => void,
) => void;

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function rememberReads(storage: StoragePorts, onChanged: StorageChanges): StoragePorts {
  const remembered = new Map<string, { value: unknown }>();
  // Bumped on every change of a key: a read or write that began under an older count learned
  // nothing certain about the key.
  const changes = new Map<string, number>();
  const id = (area: Area, key: string) => `${area}:${key}`;
  const countOf = (item: string) => changes.get(item) ?? 0;
  const changed = (item: string) => {
    changes.set(item, countOf(item) + 1);
    remembered.delete(item);
  };

  const read = async (area: Area, key: string, ask: () => Promise<unknown>) => {
    const item = id(area, key);
    const known = remembered.get(item);
    if (known) return copy(known.value);
    const before = countOf(item);
    const value = await ask();
    if (countOf(item) === before) remembered.set(item, { value: copy(value) });
    return value;
  };

  /** What each key's write in flight is storing (its own change event must not count as news). */
  const inFlight = new Map<string, { value: unknown }>();

  /**
   * Stores `items` with `store`, then remembers them if nothing else changed them meanwhile. With
   * `removes`, the keys are being removed; otherwise an undefined value is not stored at all
   * (storage.set ignores it) and the key keeps a value not known here.
   */
  const write = async (area: Area, items: Record<string, unknown>, store: () => Promise<void>, removes = false) => {
    const written = Object.entries(items).map(([key, value]) => {
      const item = id(area, key);
      changed(item);
      const entry = { value };
      inFlight.set(item, entry);
      return { item, value, entry, mine: countOf(item) };
    });
    let landed = false;
    try {
      await store();
      landed = true;
    } finally {
      for (const { item, value, entry, mine } of written) {
        if (inFlight.get(item) === entry) inFlight.delete(item);
        const alone = countOf(item) === mine;
        changed(item); // a read that began before this write landed may have seen the old value
        if (landed && alone && (removes || value !== undefined)) remembered.set(item, { value: copy(value) });
      }
    }
  };

  onChanged((area, changedKeys) => {
    if (area !== 'local' && area !== 'sync') return;
    for (const [key, { newValue }] of Object.entries(changedKeys)) {
      const item = id(area, key);
      // Our own write coming back as an event (before or after the write's answer) is no news.
      const ours = remembered.get(item) ?? inFlight.get(item);
      if (!ours || !sameValue(ours.value, newValue)) changed(item);
    }
  });

  return {
    readManaged: () => storage.readManaged(),
    readLocal: (key) => read('local', key, () => storage.readLocal(key)),
    readSync: (key) => read('sync', key, () => storage.readSync(key)),
    writeLocal: (key, value) => write('local', { [key]: value }, () => storage.writeLocal(key, value)),
    writeSync: (key, value) => write('sync', { [key]: value }, () => storage.writeSync(key, value)),
    writeLocalItems: (items) => write('local', items, () => storage.writeLocalItems(items)),
    removeLocal: (key) => write('local', { [key]: undefined }, () => storage.removeLocal(key), true),
  };
}
