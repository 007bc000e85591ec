// Joining the customer's session (Glance's daily support workflow): the customer starts cobrowse on
// the company's website and reads the rep a key, or the site sets a visitor id. The rep types it on
// a record, the worker opens Glance's documented agent viewer in its own window with Wait (so an
// early join waits for the customer), and the session is logged as a cobrowse Event on the record,
// through the same queue and relation rules as a screen share. End, or closing the viewer (how
// Glance says an agent leaves), ends it and closes the window the extension opened.
import type { SessionResult } from '../../shared/protocol/index.js';
import { resolveApiHost } from '../../shared/salesforce/api-host.js';
import { salesforceStatus } from '../../shared/salesforce/status.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { addressAllowed } from '../../shared/settings.js';
import { agentViewUrl, VISITOR_KEY_PATTERN } from '../glance/documented.js';
import { newSessionId } from '../glance/keys.js';
import { launchIdentityOf, signInExpired } from '../glance/single-sign-on.js';
import { inBackground } from '../in-background.js';
import { enqueue, runOutbox } from '../outbox/runner.js';
import { settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import { updateBadge } from './badge.js';
import { announce, endSessionUnlocked, logStartJob, type SessionPorts, sessionLock, view } from './core.js';
import { type ActiveSession, readActiveSession, writeActiveSession } from './state.js';

async function joinUnlocked(
  pageUrl: string,
  typedKey: string,
  ports: SessionPorts,
  storeId: string | undefined,
): Promise<SessionResult> {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return { ok: false, problem: 'not-a-record' };
  const key = typedKey.trim();
  if (!VISITOR_KEY_PATTERN.test(key)) return { ok: false, problem: 'invalid-visitor-key' };
  const [account, running, { settings, policy }] = await Promise.all([
    readGlanceAccount(ports),
    readActiveSession(ports),
    settingsView(ports),
  ]);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  if (running) return { ok: false, problem: 'session-running' };
  if (!addressAllowed(account.address, policy.glanceAddressPattern))
    return { ok: false, problem: 'glance-address-not-allowed' };
  if (signInExpired(account, ports.now())) return { ok: false, problem: 'glance-reconnect' };
  const identity = launchIdentityOf(account);
  // The visitor sees who joined: the rep's name and e-mail as Salesforce knows them (the toolbar
  // already asked), else as their Glance account has them.
  const me = await salesforceStatus(pageUrl, ports, { cachedOnly: true, storeId }).catch(() => null);
  const user = me?.state === 'ready' ? me.user : undefined;
  const viewer = agentViewUrl({
    key,
    by: 'key',
    name: user?.name || account.displayName,
    email: user?.email || account.email,
    ...('loginKey' in identity ? { login: identity } : {}),
  });
  const windowId = await ports.openViewer(viewer);
  if (windowId === undefined) return { ok: false, problem: 'viewer-blocked' };
  const apiHost =
    (await resolveApiHost(new URL(pageUrl).hostname, ports, storeId).catch(() => undefined))?.apiHost ?? page.apiHost;
  const now = ports.now();
  const session: ActiveSession = {
    sessionId: newSessionId(),
    key,
    keyKind: 'random',
    // What a colleague opens to join the same visitor: the viewer, without the rep's identity.
    joinUrl: agentViewUrl({ key, by: 'key', name: '', email: '' }),
    glanceAddress: account.address,
    joined: { viewerWindowId: windowId },
    mode: 'cobrowse',
    modes: ['cobrowse'],
    status: 'active',
    startedAt: new Date(now).toISOString(),
    expiresAt: '',
    guests: [],
    record: { sobject: page.sobject, recordId: page.recordId, apiHost, ...(storeId ? { storeId } : {}) },
    lastPolledAt: now,
    account,
  };
  await Promise.all([
    writeActiveSession(ports, session),
    enqueue(ports, logStartJob(ports, session, page, settings.usage)),
  ]);
  const answer = await view(ports, session);
  inBackground(announce(ports), 'telling the tabs');
  inBackground(updateBadge(ports), "the badge's session time");
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true, session: answer };
}

export const joinCustomerSession = (pageUrl: string, key: string, ports: SessionPorts, storeId?: string) =>
  sessionLock.run(() => joinUnlocked(pageUrl, key, ports, storeId));

/** The rep closed the viewer window the extension opened: they left the customer's session. */
export const viewerClosed = (windowId: number, ports: SessionPorts) =>
  sessionLock.run(async () => {
    const session = await readActiveSession(ports);
    if (session?.joined?.viewerWindowId !== windowId) return;
    await endSessionUnlocked(session.sessionId, ports);
  });
