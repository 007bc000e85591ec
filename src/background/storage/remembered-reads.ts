// storage.local and storage.sync as this worker last read or wrote them, so a Start does not wait for
// the browser's storage: its reads (account, running session, settings, last known policy) took 3–8 ms
// of the click-to-key time measured here, each a round trip to the browser process.
//
// What makes it safe: only the worker writes these areas (the pages and the content script ask it by
// message), so its own writes keep the copy current; a change made elsewhere (storage.sync arriving
// from another browser, a test harness) reaches the worker as storage.onChanged, which drops the copy.
// Chromium sends a write's own onChanged before the write's answer (measured: every time), so a write
// recognises its own event by value. A read or write that overlaps another change of the same key is
// not remembered: the next read asks the browser again. Callers get a copy of the remembered value,
// as storage itself answers a fresh object each time.
import type { StoragePorts } from './ports.js';

type Area = 'local' | 'sync';

/** The browser's storage areas, bare. */
export interface AreaStorage {
  get(area: Area, key: string): Promise<unknown>;
  set(area: Area, items: Record<string, unknown>): Promise<void>;
  removeLocal(key: string): Promise<void>;
}

/** storage.onChanged, as (area, changed keys with their new values). */
export type StorageChanges = (
  listener: (area: string, changes: Record<string, { newValue?: unknown }>) => void,
) => void;

const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

export function rememberReads(storage: AreaStorage, onChanged: StorageChanges): Omit<StoragePorts, 'readManaged'> {
  const remembered = new Map<string, { value: unknown }>();
  /** What a write in flight is storing under each key (its own change event is no news). */
  const inFlight = new Map<string, { value: unknown }>();
  // Counts every change of a key: a read or write that began under an older count learned nothing
  // certain about the key.
  const counts = new Map<string, number>();
  const countOf = (item: string) => counts.get(item) ?? 0;
  const changed = (item: string) => {
    counts.set(item, countOf(item) + 1);
    remembered.delete(item);
  };

  const read = async (area: Area, key: string) => {
    const item = `${area}:${key}`;
    const known = remembered.get(item);
    if (known) return copy(known.value);
    const before = countOf(item);
    const value = await storage.get(area, key);
    if (countOf(item) === before) remembered.set(item, { value: copy(value) });
    return value;
  };

  /**
   * Stores `items`, then remembers them if nothing else changed them meanwhile. An undefined value
   * is not stored by storage.set (the key keeps a value not known here) unless the key is removed.
   */
  const write = async (area: Area, items: Record<string, unknown>, remove?: string) => {
    const writes = Object.entries(items).map(([key, value]) => {
      const item = `${area}:${key}`;
      changed(item);
      // As storage.set does: what is stored is the value now, whatever the caller changes later.
      const entry = { value: copy(value) };
      inFlight.set(item, entry);
      return { item, entry, mine: countOf(item) };
    });
    let landed = false;
    try {
      await (remove === undefined ? storage.set(area, items) : storage.removeLocal(remove));
      landed = true;
    } finally {
      for (const { item, entry, mine } of writes) {
        const alone = countOf(item) === mine;
        if (inFlight.get(item) === entry) inFlight.delete(item);
        changed(item); // a read that began before this write landed may have seen the old value
        if (landed && alone && (remove || entry.value !== undefined))
          remembered.set(item, { value: copy(entry.value) });
      }
    }
  };

  onChanged((area, changes) => {
    for (const [key, { newValue }] of Object.entries(changes)) {
      const item = `${area}:${key}`;
      const ours = remembered.get(item) ?? inFlight.get(item);
      if (!ours || JSON.stringify(ours.value) !== JSON.stringify(newValue)) changed(item);
    }
  });

  return {
    readLocal: (key) => read('local', key),
    readSync: (key) => read('sync', key),
    writeLocal: (key, value) => write('local', { [key]: value }),
    writeSync: (key, value) => write('sync', { [key]: value }),
    writeLocalItems: (items) => write('local', items),
    removeLocal: (key) => write('local', { [key]: undefined }, key),
  };
}
