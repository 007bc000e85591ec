// The storage port: the browser's storage areas as the background logic sees them.
export interface StoragePorts {
  readSync(key: string): Promise<unknown>;
  writeSync(key: string, value: unknown): Promise<void>;
  readLocal(key: string): Promise<unknown>;
  writeLocal(key: string, value: unknown): Promise<void>;
  /** Several keys in one storage.local write: all of them land, or none. */
  writeLocalItems(items: Record<string, unknown>): Promise<void>;
  removeLocal(key: string): Promise<void>;
  /** The managed-storage policy; empty when none is set (or the browser has no managed storage). */
  readManaged(): Promise<Record<string, unknown>>;
}
