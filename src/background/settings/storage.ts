// Where each kind of state lives. Settings follow the rep (sync); the Glance credential stays on
// this machine (local) and never in sync, logs or messages; the policy is the administrator's.
import type { GlanceAccount } from '../glance/client.js';

export interface StoragePorts {
  readSync(key: string): Promise<unknown>;
  writeSync(key: string, value: unknown): Promise<void>;
  readLocal(key: string): Promise<unknown>;
  writeLocal(key: string, value: unknown): Promise<void>;
  removeLocal(key: string): Promise<void>;
  /** The managed-storage policy; empty when none is set (or the browser has no managed storage). */
  readManaged(): Promise<Record<string, unknown>>;
}

export const SETTINGS_KEY = 'settings';
export const GLANCE_ACCOUNT_KEY = 'glanceAccount';

export async function readGlanceAccount(ports: StoragePorts): Promise<GlanceAccount | undefined> {
  const stored = (await ports.readLocal(GLANCE_ACCOUNT_KEY)) as Partial<GlanceAccount> | undefined;
  if (!stored || typeof stored.credentials !== 'string' || typeof stored.address !== 'string') return undefined;
  return {
    address: stored.address,
    credentials: stored.credentials,
    groupId: String(stored.groupId ?? ''),
    displayName: String(stored.displayName ?? ''),
    email: String(stored.email ?? ''),
  };
}
