// The popup's requests about the Glance account and the user settings.
import type {
  ConferenceResult,
  ConnectResult,
  GlanceAccountView,
  GlanceProblem,
  SettingsView,
} from '../../shared/messages.js';
import {
  addressAllowed,
  effectiveSettings,
  invalidSettings,
  normalizeGlanceAddress,
  readPolicy,
  readSettings,
  type SettingsField,
  type UserSettings,
} from '../../shared/settings.js';
import { connectGlance, GlanceClient, GlanceError, type GlanceFailure } from '../glance/client.js';
import { GLANCE_ACCOUNT_KEY, readGlanceAccount, SETTINGS_KEY, type StoragePorts } from './storage.js';

export interface AccountPorts extends StoragePorts {
  fetch: typeof fetch;
}

const PROBLEM_BY_FAILURE: Partial<Record<GlanceFailure, GlanceProblem>> = {
  'wrong-password': 'wrong-password',
  'unknown-address': 'unknown-address',
  credentials: 'reconnect',
};

function problemOf(error: unknown): GlanceProblem {
  if (!(error instanceof GlanceError)) throw error;
  return PROBLEM_BY_FAILURE[error.failure] ?? 'unavailable';
}

/** The settings as they take effect: the user's choices held within the company policy. */
export async function settingsView(ports: StoragePorts): Promise<SettingsView> {
  const managed = await ports.readManaged();
  const stored = await ports.readSync(SETTINGS_KEY);
  const policy = readPolicy(managed);
  const usageChosen = typeof stored === 'object' && stored !== null && 'usage' in stored;
  return {
    settings: effectiveSettings(readSettings(stored), policy, usageChosen),
    policy,
    managed: Object.keys(managed).length > 0,
  };
}

export async function saveSettings(
  settings: UserSettings,
  ports: StoragePorts,
): Promise<{ ok: true; view: SettingsView } | { ok: false; invalid: SettingsField[] }> {
  const { policy } = await settingsView(ports);
  const invalid = invalidSettings(settings, policy);
  if (invalid.length > 0) return { ok: false, invalid };
  await ports.writeSync(SETTINGS_KEY, settings);
  return { ok: true, view: await settingsView(ports) };
}

export async function glanceAccountView(ports: StoragePorts): Promise<GlanceAccountView | null> {
  const account = await readGlanceAccount(ports);
  return account ? { address: account.address, displayName: account.displayName, email: account.email } : null;
}

/** Checks the address, asks Glance for a credential, keeps the credential and forgets the password. */
export async function connectAccount(address: string, password: string, ports: AccountPorts): Promise<ConnectResult> {
  const normal = normalizeGlanceAddress(address);
  if (!normal) return { ok: false, problem: 'invalid-address' };
  const { policy } = await settingsView(ports);
  if (!addressAllowed(normal, policy.glanceAddressPattern)) return { ok: false, problem: 'address-not-allowed' };
  if (!password) return { ok: false, problem: 'password-missing' };
  try {
    const account = await connectGlance(ports.fetch, normal, password);
    await ports.writeLocal(GLANCE_ACCOUNT_KEY, account);
    return { ok: true, account: { address: account.address, displayName: account.displayName, email: account.email } };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

export async function disconnectAccount(ports: StoragePorts): Promise<{ ok: true }> {
  await ports.removeLocal(GLANCE_ACCOUNT_KEY);
  return { ok: true };
}

/** Glance's free conference numbers for this account, to fill in the conference phone settings. */
export async function conferenceInfo(ports: AccountPorts): Promise<ConferenceResult> {
  const account = await readGlanceAccount(ports);
  if (!account) return { ok: false, problem: 'not-connected' };
  try {
    const info = await new GlanceClient(account, ports.fetch).conference();
    return {
      ok: true,
      conference: { phoneNumbers: info.phoneNumbers.join('\n'), accessCode: info.accessCode, notes: info.notes },
    };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}
