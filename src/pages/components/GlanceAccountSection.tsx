// Connect or disconnect the Glance account. The password lives only in this component's state
// until the background has exchanged it for a credential; then it is cleared.
import { useState } from 'preact/hooks';
import { trialSignupUrl } from '../../shared/glance-trial.js';
import { t } from '../../shared/i18n.js';
import type { GlanceAccountView, GlanceProblem, SalesforceUser } from '../../shared/messages.js';
import { request } from '../background-channel.js';
import { problemText } from './problems.js';

interface Props {
  account: GlanceAccountView | null;
  salesforceUser: SalesforceUser | undefined;
  onChange(account: GlanceAccountView | null): void;
}

export function GlanceAccountSection({ account, salesforceUser, onChange }: Props) {
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<GlanceProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function connect(event: Event) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const result = await request('popup:connect-glance', { address, password });
      if (result.ok) {
        setPassword('');
        setAddress('');
        onChange(result.account);
      } else {
        setProblem(result.problem);
      }
    } catch {
      setProblem('unavailable');
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    setBusy(true);
    setProblem(null);
    try {
      // A running session is ended at Glance first; when it cannot be, the account stays.
      const result = await request('popup:disconnect-glance', {});
      if (result.ok) onChange(null);
      else setProblem(result.problem);
    } catch {
      setProblem('unavailable');
    } finally {
      setBusy(false);
    }
  }

  if (account) {
    return (
      <>
        <div class="row">
          <p class="grow" data-testid="glance-connected">
            {t('popupGlanceConnectedAs', account.address)}
            {account.displayName ? ` · ${account.displayName}` : ''}
          </p>
          <button type="button" class="btn" onClick={disconnect} disabled={busy}>
            {t('disconnect')}
          </button>
        </div>
        {account.allowed === false && (
          <p class="notice warning" data-testid="glance-address-not-allowed">
            {t('glanceAddressNoLongerAllowed', account.address)}
          </p>
        )}
        <p class="error" role="alert">
          {problem ? problemText(problem) : ''}
        </p>
      </>
    );
  }

  const addressInvalid =
    problem === 'invalid-address' || problem === 'address-not-allowed' || problem === 'unknown-address';
  const passwordInvalid = problem === 'password-missing' || problem === 'wrong-password';
  return (
    <form onSubmit={connect} noValidate>
      <div class="field">
        <label for="glance-address">{t('glanceAddressLabel')}</label>
        <input
          id="glance-address"
          type="text"
          inputMode="url"
          autoComplete="username"
          spellcheck={false}
          placeholder={t('glanceAddressPlaceholder')}
          value={address}
          aria-invalid={addressInvalid}
          aria-describedby="glance-address-hint glance-problem"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <p id="glance-address-hint" class="hint">
          {t('glanceAddressHint')}
        </p>
      </div>
      <div class="field">
        <label for="glance-password">{t('glancePasswordLabel')}</label>
        <input
          id="glance-password"
          type="password"
          autoComplete="current-password"
          value={password}
          aria-invalid={passwordInvalid}
          aria-describedby="glance-password-hint glance-problem"
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p id="glance-password-hint" class="hint">
          {t('glancePasswordHint')}
        </p>
      </div>
      <p id="glance-problem" class="error" role="alert">
        {problem ? problemText(problem) : ''}
      </p>
      <div class="row">
        <button type="submit" class="btn brand" disabled={busy}>
          {busy ? t('connecting') : t('connect')}
        </button>
        <a
          class="btn"
          href={trialSignupUrl(salesforceUser?.name ?? '', salesforceUser?.email ?? '')}
          target="_blank"
          rel="noopener"
        >
          {t('getFreeTrial')}
        </a>
      </div>
    </form>
  );
}
