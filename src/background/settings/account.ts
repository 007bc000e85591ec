// The popup's requests about the Glance account and the user settings.
import type {
  ConferenceResult,
  ConnectResult,
  GlanceAccountView,
  GlanceCheckResult,
  GlanceProblem,
  PageOverview,
  SettingsView,
} from '../../shared/protocol/index.js';
import {
  addressAllowed,
  type CompanyPolicy,
  effectiveSettings,
  invalidSettings,
  normalizeGlanceAddress,
  readPolicy,
  readSettings,
  type SettingsField,
  type UserSettings,
} from '../../shared/settings.js';
import { probeCapabilities } from '../glance/capabilities.js';
import { connectGlance, GlanceClient, GlanceError, type GlanceFailure } from '../glance/client.js';
import type { GlanceAccount } from '../storage/glance-account.js';
import { glanceAccountItem, settingsItem } from '../storage/items.js';
import { freshPolicy, knownPolicy, type PolicyPorts, policyToDraw } from '../storage/policy.js';
import { readGlanceAccount } from './storage.js';

export interface AccountPorts extends PolicyPorts {
  fetch: typeof fetch;
  /** How long a Glance call may take (tests shorten it). */
  glanceTimeoutMs?: number;
  /** Whether this browser may keep a credential (storage locked, or Firefox: browser-ports.ts says why). */
  mayKeepSecrets(): Promise<boolean>;
  now(): number;
}

const PROBLEM_BY_FAILURE: Partial<Record<GlanceFailure, GlanceProblem>> = {
  'wrong-password': 'wrong-password',
  'unknown-address': 'unknown-address',
  credentials: 'glance-reconnect',
};

function problemOf(error: unknown): GlanceProblem {
  if (!(error instanceof GlanceError)) throw error;
  return PROBLEM_BY_FAILURE[error.failure] ?? 'glance-unavailable';
}

/**
 * The settings as they take effect: the user's choices held within the company policy, the last known
 * one at once (settings/policy.ts), or with `fresh`, as managed storage answers it now (for what is
 * stored or sent and cannot be taken back).
 */
export async function settingsView(ports: PolicyPorts, options: { fresh?: boolean } = {}): Promise<SettingsView> {
  // Read together: on a worker just started, each is a round trip to the browser's storage.
  const [managed, stored] = await Promise.all([
    options.fresh ? freshPolicy(ports) : knownPolicy(ports).then((known) => known.managed),
    settingsItem.read(ports),
  ]);
  return viewOf(managed, stored);
}

async function viewWith(managed: Record<string, unknown>, ports: PolicyPorts): Promise<SettingsView> {
  return viewOf(managed, await settingsItem.read(ports));
}

function viewOf(managed: Record<string, unknown>, stored: unknown): SettingsView {
  const policy = readPolicy(managed);
  const usageChosen = typeof stored === 'object' && stored !== null && 'usage' in stored;
  const saved = readSettings(stored);
  return {
    settings: effectiveSettings(saved, policy, usageChosen),
    policy,
    managed: Object.keys(managed).length > 0,
    managedPolicy: managed,
    // Only choices the rep made: a default the policy moves is no choice of theirs to warn about.
    overridden: stored === undefined ? [] : invalidSettings(saved, policy).filter((f) => f !== 'fixedKey'),
  };
}

export async function saveSettings(
  settings: UserSettings,
  ports: PolicyPorts,
): Promise<{ ok: true; view: SettingsView } | { ok: false; invalid: SettingsField[] }> {
  // Checked against the policy as managed storage answers now: a stale one must not let a forbidden choice in.
  const { policy } = await settingsView(ports, { fresh: true });
  const invalid = invalidSettings(settings, policy);
  if (invalid.length > 0) return { ok: false, invalid };
  await settingsItem.write(ports, settings);
  return { ok: true, view: await settingsView(ports) };
}

/**
 * What the popup draws first, in one answer: the settings and the account, on the last known policy.
 * `policyFresh` false: managed storage has not answered yet; the popup asks again with `fresh`.
 */
/**
 * How long a brand-new profile's first popup waits for managed storage before it draws without a
 * policy: long enough for a browser whose policy loader has settled (about 1 ms, and Firefox keeps
 * no last known policy, so it reads at each open), far below the seconds the first read takes after
 * a browser start.
 */
const FIRST_POLICY_WAIT_MS = 50;

export async function popupOverview(ports: PolicyPorts, fresh: boolean): Promise<PageOverview> {
  if (fresh) {
    // Read once managed storage answered (seconds after a browser start): a save made meanwhile is in.
    const managed = await freshPolicy(ports);
    const [settings, account] = await Promise.all([viewWith(managed, ports), readGlanceAccount(ports)]);
    return {
      settings,
      account: account ? accountViewWith(account, settings.policy) : null,
      policyFresh: true,
      policyKnown: true,
    };
  }
  // The popup waits on this answer to draw: the three reads at once (1.7 ms in the worker, was 2.9
  // one after another), each a round trip to the browser.
  const [known, stored, account] = await Promise.all([
    policyToDraw(ports, FIRST_POLICY_WAIT_MS),
    settingsItem.read(ports),
    readGlanceAccount(ports),
  ]);
  const settings = viewOf(known?.managed ?? {}, stored);
  return {
    settings,
    account: account ? accountViewWith(account, settings.policy) : null,
    policyFresh: known?.fresh ?? false,
    policyKnown: known !== undefined,
  };
}

export async function glanceAccountView(ports: PolicyPorts): Promise<GlanceAccountView | null> {
  const account = await readGlanceAccount(ports);
  if (!account) return null;
  return { ...accountView(account), allowed: await glanceAddressAllowed(account.address, ports) };
}

const accountViewWith = (account: GlanceAccount, policy: CompanyPolicy): GlanceAccountView => ({
  ...accountView(account),
  allowed: addressAllowed(account.address, policy.glanceAddressPattern),
});

const accountView = (account: GlanceAccount) => ({
  address: account.address,
  displayName: account.displayName,
  email: account.email,
  ...(account.sso ? { signedInUntil: account.sso.expiresAt } : {}),
});

/** The company's Glance-address rule (last known): an admin may set it after the rep connected. */
async function glanceAddressAllowed(address: string, ports: PolicyPorts): Promise<boolean> {
  return addressAllowed(address, readPolicy((await knownPolicy(ports)).managed).glanceAddressPattern);
}

/** Checks the address, asks Glance for a credential, keeps the credential and forgets the password. */
export async function connectAccount(
  address: string,
  password: string,
  ports: AccountPorts,
  /**
   * The session service takes the new account under its lock (session/service.ts): a running session
   * of another account is ended first (false: it could not be), one of the same account keeps going
   * with the new credential.
   */
  adoptAccount: (account: GlanceAccount) => Promise<boolean> = async () => true,
): Promise<ConnectResult> {
  const normal = normalizeGlanceAddress(address);
  if (!normal) return { ok: false, problem: 'invalid-address' };
  // The policy as managed storage answers now: a credential for a forbidden address is never stored.
  const { policy } = await settingsView(ports, { fresh: true });
  if (!addressAllowed(normal, policy.glanceAddressPattern)) return { ok: false, problem: 'glance-address-not-allowed' };
  if (!password) return { ok: false, problem: 'password-missing' };
  // A credential a Salesforce page's content-script world could read is not kept: ask Glance for
  // none (the password is not even sent) unless the lock is in place.
  if (!(await ports.mayKeepSecrets())) return { ok: false, problem: 'browser-too-old' };
  try {
    const account = await connectGlance(ports.fetch, normal, password, ports.glanceTimeoutMs);
    if (!(await adoptAccount(account))) return { ok: false, problem: 'session-not-ended' };
    await glanceAccountItem.write(ports, account);
    return { ok: true, account: { ...accountView(account), allowed: true } };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

export async function disconnectAccount(ports: PolicyPorts): Promise<{ ok: true }> {
  await glanceAccountItem.remove(ports);
  return { ok: true };
}

/**
 * Glance's free conference numbers for this account, to fill in the conference phone settings. Glance
 * documents no call that reads them (only provisioning, with admin credentials), so this asks only
 * where the probe of its assumed operations found one (capabilities.ts, probed here if not yet);
 * otherwise the rep is told where to find them.
 */
export async function conferenceInfo(ports: AccountPorts): Promise<ConferenceResult> {
  let account = await readGlanceAccount(ports);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  if (!(await glanceAddressAllowed(account.address, ports)))
    return { ok: false, problem: 'glance-address-not-allowed' };
  // Signed in with single sign-on: no credential for Glance's web services, so nothing to ask.
  if (account.sso) return { ok: false, problem: 'conference-not-offered' };
  const client = new GlanceClient(account, ports.fetch, ports.glanceTimeoutMs);
  try {
    // Asked again when the last probe found no such call: the rep pressed the button, one GET is cheap,
    // and the account may have gained it since the connection was probed.
    if (!account.capabilities?.conference) {
      account = { ...account, capabilities: await probeCapabilities(client, ports.now()) };
      await glanceAccountItem.write(ports, account);
    }
    if (!account.capabilities?.conference) return { ok: false, problem: 'conference-not-offered' };
    const info = await client.conference();
    return {
      ok: true,
      conference: { phoneNumbers: info.phoneNumbers.join('\n'), accessCode: info.accessCode, notes: info.notes },
    };
  } catch (error) {
    if (error instanceof GlanceError && error.failure === 'absent')
      return { ok: false, problem: 'conference-not-offered' };
    return { ok: false, problem: problemOf(error) };
  }
}

/**
 * Check Glance (options page): the connected account's assumed operations probed again, kept as its
 * capabilities (a running session keeps its own until the next start). Sessions need none of them.
 */
export async function checkGlance(ports: AccountPorts): Promise<GlanceCheckResult> {
  const account = await readGlanceAccount(ports);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  const names = ['status', 'setType', 'end', 'conference'] as const;
  if (account.sso) {
    // The assumed operations need the password credential; an SSO sign-in has none to call them with.
    return { ok: true, address: account.address, operations: names.map((name) => ({ name, present: false })) };
  }
  try {
    const capabilities = await probeCapabilities(
      new GlanceClient(account, ports.fetch, ports.glanceTimeoutMs),
      ports.now(),
    );
    await glanceAccountItem.write(ports, { ...account, capabilities });
    return {
      ok: true,
      address: account.address,
      operations: names.map((name) => ({ name, present: capabilities[name] })),
    };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
