// Signing in to Glance with the company's single sign-on (glance/single-sign-on.ts): the rep presses
// one button, Glance's sign-in page opens in a window of its own (identity providers refuse to be
// framed), the company's identity provider signs them in, and the login key Glance's page hands over
// is checked with Glance and kept as the account. No password is typed and no company secret is in
// the browser; the login key is kept as the password credential is (storage.local, locked).
import type { GlanceProblem, SignInStatus } from '../../shared/protocol/index.js';
import { addressAllowed } from '../../shared/settings.js';
import { GlanceError } from '../glance/client.js';
import { authorizeLoginKey, loginKeyPageUrl, parseLoginKeyAnswer } from '../glance/single-sign-on.js';
import type { GlanceAccount } from '../storage/glance-account.js';
import { glanceAccountItem, type SignInAttempt, signInAttemptItem } from '../storage/items.js';
import { type AccountPorts, settingsView } from './account.js';

export interface SignInPorts extends AccountPorts {
  /** Opens Glance's sign-in page in a window of its own; undefined when the browser would not. */
  openSignInWindow(url: string): Promise<{ windowId: number; tabId: number } | undefined>;
  closeWindow(windowId: number): Promise<void>;
  /** Registers (true) or removes (false) the listener that hears Glance's login-key page (src/content/glance-sign-in). */
  listenForSignIn(on: boolean): Promise<void>;
}

/** A sign-in nobody finished in this long is over (the identity provider's own pages time out sooner). */
const SIGN_IN_ATTEMPT_MS = 15 * 60 * 1000;

/** Sessions need none of Glance's assumed operations, and they need a credential SSO accounts lack. */
const NO_CAPABILITIES = (now: number) => ({
  status: false,
  setType: false,
  end: false,
  conference: false,
  probedAt: now,
});

export async function startSignIn(ports: SignInPorts): Promise<{ ok: true } | { ok: false; problem: GlanceProblem }> {
  const { policy } = await settingsView(ports, { fresh: true });
  if (!policy.identityProvider) return { ok: false, problem: 'sso-not-set-up' };
  if (!(await ports.mayKeepSecrets())) return { ok: false, problem: 'browser-too-old' };
  const previous = await signInAttemptItem.read(ports);
  if (previous && !previous.outcome) await ports.closeWindow(previous.windowId).catch(() => undefined);
  await ports.listenForSignIn(true);
  const opened = await ports.openSignInWindow(loginKeyPageUrl(policy.identityProvider));
  if (!opened) {
    await ports.listenForSignIn(false);
    return { ok: false, problem: 'glance-unavailable' };
  }
  await signInAttemptItem.write(ports, { ...opened, startedAt: ports.now() });
  return { ok: true };
}

/**
 * Glance's login-key page in the sign-in window answered (the listener's message; router.ts checked
 * it came from that page). Only the window this sign-in opened counts, once.
 */
export async function finishSignIn(
  answer: string,
  tabId: number,
  ports: SignInPorts,
  adoptAccount: (account: GlanceAccount) => Promise<boolean>,
): Promise<void> {
  const attempt = await signInAttemptItem.read(ports);
  if (!attempt || attempt.tabId !== tabId || attempt.outcome || stale(attempt, ports.now())) return;
  const outcome = await signInWith(answer, ports, adoptAccount);
  await signInAttemptItem.write(ports, { ...attempt, outcome });
  await ports.closeWindow(attempt.windowId).catch(() => undefined);
  await ports.listenForSignIn(false);
}

/** The rep closed the sign-in window before Glance answered. */
export async function signInWindowClosed(windowId: number, ports: SignInPorts): Promise<void> {
  const attempt = await signInAttemptItem.read(ports);
  if (!attempt || attempt.windowId !== windowId || attempt.outcome) return;
  await signInAttemptItem.write(ports, { ...attempt, outcome: 'sign-in-unfinished' });
  await ports.listenForSignIn(false);
}

export async function signInStatus(ports: SignInPorts): Promise<SignInStatus> {
  const attempt = await signInAttemptItem.read(ports);
  if (!attempt) return { state: 'none' };
  if (attempt.outcome === 'signed-in') return { state: 'signed-in' };
  if (attempt.outcome) return { state: 'failed', problem: attempt.outcome };
  if (stale(attempt, ports.now())) return { state: 'failed', problem: 'sign-in-unfinished' };
  return { state: 'waiting' };
}

const stale = (attempt: SignInAttempt, now: number) => now - attempt.startedAt > SIGN_IN_ATTEMPT_MS;

async function signInWith(
  answer: string,
  ports: SignInPorts,
  adoptAccount: (account: GlanceAccount) => Promise<boolean>,
): Promise<'signed-in' | GlanceProblem> {
  const login = parseLoginKeyAnswer(answer, ports.now());
  if (!login) return 'sign-in-refused';
  // The policy as managed storage answers now: an admin may have changed the provider meanwhile.
  const { policy } = await settingsView(ports, { fresh: true });
  const idp = policy.identityProvider;
  if (!idp) return 'sso-not-set-up';
  if (idp.selector === 'idpid' && login.partnerId !== idp.value) return 'sign-in-refused';
  if (!(await ports.mayKeepSecrets())) return 'browser-too-old';
  let confirmed: { glanceAddress: string; groupId: string };
  try {
    confirmed = await authorizeLoginKey(ports.fetch, login, ports.glanceTimeoutMs);
  } catch (error) {
    if (!(error instanceof GlanceError)) throw error;
    return error.failure === 'credentials' ? 'sign-in-refused' : 'glance-unavailable';
  }
  if (!addressAllowed(confirmed.glanceAddress, policy.glanceAddressPattern)) return 'glance-address-not-allowed';
  const account: GlanceAccount = {
    address: confirmed.glanceAddress,
    credentials: '',
    groupId: confirmed.groupId,
    displayName: '',
    email: '',
    capabilities: NO_CAPABILITIES(ports.now()),
    sso: login,
  };
  if (!(await adoptAccount(account))) return 'session-not-ended';
  await glanceAccountItem.write(ports, account);
  return 'signed-in';
}
