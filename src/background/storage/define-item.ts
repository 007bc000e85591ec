// A stored item with a shape: its area, key, version, a reader that validates what it finds, and the
// migrations that bring an older shape up to date. An extension update must never lose or misread
// what an older version wrote (a queued Salesforce write above all).
//
// Version 1 is stored as the bare value (the shape every item had before versions existed); later
// versions are stored as { $v, value }, so an old value is always told apart from a new one.
import type { StoragePorts } from './ports.js';

type Area = 'local' | 'sync';

interface ItemDefinition<T> {
  area: Area;
  key: string;
  version: number;
  /** Reads a value of the current version; answers the fallback for anything it cannot use. */
  parse(raw: unknown): T;
  /** migrations[n] turns a value of version n - 1 into version n. */
  migrations?: Record<number, (old: unknown) => unknown>;
}

interface StoredItem<T> extends ItemDefinition<T> {
  read(ports: StoragePorts): Promise<T>;
  write(ports: StoragePorts, value: T): Promise<void>;
  remove(ports: StoragePorts): Promise<void>;
  /** The value as it is stored (for writing several local items at once). */
  encode(value: T): unknown;
  /** Brings a stored value of any known version to the current one and reads it. */
  decode(stored: unknown): T;
}

interface Versioned {
  $v: number;
  value: unknown;
}

const isVersioned = (stored: unknown): stored is Versioned =>
  typeof stored === 'object' && stored !== null && typeof (stored as Versioned).$v === 'number' && '$v' in stored;

export function defineItem<T>(definition: ItemDefinition<T>): StoredItem<T> {
  const { area, key, version } = definition;
  const decode = (stored: unknown): T => {
    let from = 1;
    let value = stored;
    if (isVersioned(stored)) {
      from = stored.$v;
      value = stored.value;
    }
    // A value from a newer version (a downgrade) is read as it is: parse keeps what it understands.
    for (let next = from + 1; next <= version && stored !== undefined; next++) {
      const migrate = definition.migrations?.[next];
      if (migrate) value = migrate(value);
    }
    return definition.parse(value);
  };
  const encode = (value: T): unknown => (version === 1 ? value : ({ $v: version, value } satisfies Versioned));
  return {
    ...definition,
    decode,
    encode,
    async read(ports) {
      return decode(area === 'local' ? await ports.readLocal(key) : await ports.readSync(key));
    },
    async write(ports, value) {
      if (area === 'local') await ports.writeLocal(key, encode(value));
      else await ports.writeSync(key, encode(value));
    },
    async remove(ports) {
      if (area !== 'local') throw new Error(`remove is for local items (${key})`);
      await ports.removeLocal(key);
    },
  };
}

/** One item's new value, encoded, for writeTogether. */
interface EncodedEntry {
  item: { area: Area; key: string };
  stored: unknown;
}

export const entry = <T>(item: StoredItem<T>, value: T): EncodedEntry => ({ item, stored: item.encode(value) });

/** Writes several local items in one storage write, so they change together or not at all. */
export async function writeTogether(ports: StoragePorts, entries: EncodedEntry[]): Promise<void> {
  const items: Record<string, unknown> = {};
  for (const { item, stored } of entries) {
    if (item.area !== 'local') throw new Error(`${item.key} is not a local item`);
    items[item.key] = stored;
  }
  await ports.writeLocalItems(items);
}
