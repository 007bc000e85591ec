// Where each kind of state lives is declared in storage/items.ts; this reads the Glance account.
import type { GlanceAccount } from '../storage/glance-account.js';
import { glanceAccountItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';

export function readGlanceAccount(ports: StoragePorts): Promise<GlanceAccount | undefined> {
  return glanceAccountItem.read(ports);
}
