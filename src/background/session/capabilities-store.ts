// The account's optional Glance operations (glance/capabilities.ts), learnt once per connection and
// forgotten one by one when Glance answers that one is absent. Kept with the account and with the
// running session's copy of it.
import { probeCapabilities } from '../glance/capabilities.js';
import { readGlanceAccount } from '../settings/storage.js';
import { glanceAccountItem } from '../storage/items.js';
import { announce, glanceFor, type SessionPorts, sessionLock } from './core.js';
import { readActiveSession, writeActiveSession } from './state.js';

/**
 * Probes the assumed operations once for the connected account (capabilities.ts) and keeps the
 * answer with the account and the running session's copy of it. Nothing waits for it.
 */
export async function learnCapabilities(ports: SessionPorts): Promise<void> {
  const account = await readGlanceAccount(ports);
  if (!account || account.capabilities) return;
  const capabilities = await probeCapabilities(glanceFor(ports, account), ports.now()).catch(() => undefined);
  if (!capabilities) return;
  await sessionLock.run(async () => {
    const current = await readGlanceAccount(ports);
    if (current?.credentials === account.credentials)
      await glanceAccountItem.write(ports, { ...current, capabilities });
    const session = await readActiveSession(ports);
    if (session?.account?.credentials === account.credentials) {
      await writeActiveSession(ports, { ...session, account: { ...session.account, capabilities } });
      await announce(ports);
    }
  });
}

/** An optional operation answered as absent: it is not used again until the next probe (a new connection). */
export async function forgetCapability(
  ports: SessionPorts,
  name: 'status' | 'setType' | 'end' | 'conference',
): Promise<void> {
  const account = await readGlanceAccount(ports);
  if (account?.capabilities) {
    await glanceAccountItem.write(ports, { ...account, capabilities: { ...account.capabilities, [name]: false } });
  }
  const session = await readActiveSession(ports);
  if (session?.account?.capabilities) {
    const capabilities = { ...session.account.capabilities, [name]: false };
    await writeActiveSession(ports, { ...session, account: { ...session.account, capabilities } });
  }
}
