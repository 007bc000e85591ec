// Connect or disconnect the Glance account. The password lives only in this component's state
// until the background has exchanged it for a credential; then it is cleared.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { trialSignupUrl } from '../../shared/glance-trial.js';
import { t } from '../../shared/i18n.js';
import type { GlanceAccountView, GlanceProblem, SalesforceUser } from '../../shared/protocol/index.js';
import { request } from '../background-channel.js';
import { problemText } from './problems.js';
import { SingleSignOn } from './SingleSignOn.js';

interface Props {
  account: GlanceAccountView | null;
  /** The company signs reps in to Glance with single sign-on: no password form. */
  singleSignOn: boolean;
  salesforceUser: SalesforceUser | undefined;
  onChange(account: GlanceAccountView | null): void;
}

export function GlanceAccountSection({ account, singleSignOn, salesforceUser, onChange }: Props) {
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<GlanceProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [forget, setForget] = useState(false);

  /** Connect and Disconnect alike: one at a time, and a background that does not answer is said. */
  async function busyWith(action: () => Promise<GlanceProblem | undefined>) {
    setBusy(true);
    setProblem(null);
    try {
      setProblem((await action()) ?? null);
    } catch {
      setProblem('glance-unavailable');
    } finally {
      setBusy(false);
    }
  }

  const connect = (event: Event) => {
    event.preventDefault();
    void busyWith(async () => {
      const result = await request('page:connect-glance', { address, password });
      if (!result.ok) return result.problem;
      setPassword('');
      setAddress('');
      onChange(result.account);
    });
  };

  // A running session is ended at Glance first; when it cannot be, the account stays.
  const disconnect = () =>
    busyWith(async () => {
      const result = await request('page:disconnect-glance', forget ? { forget } : {});
      if (!result.ok) return result.problem;
      onChange(null);
    });

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
        <label class="choice">
          <input type="checkbox" checked={forget} onChange={(e) => setForget(e.currentTarget.checked)} />
          <span>{t('disconnectForget')}</span>
        </label>
        {account.signedInUntil !== undefined && <SignedInUntil until={account.signedInUntil} onChange={onChange} />}
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

  if (singleSignOn) return <SingleSignOn onSignedIn={onChange} />;

  const addressInvalid =
    problem === 'invalid-address' || problem === 'glance-address-not-allowed' || problem === 'unknown-address';
  const passwordInvalid = problem === 'password-missing' || problem === 'wrong-password';
  return (
    <form onSubmit={connect} noValidate>
      <Field
        id="glance-address"
        label={t('glanceAddressLabel')}
        hint={t('glanceAddressHint')}
        invalid={addressInvalid}
        value={address}
        onValue={setAddress}
        type="text"
        inputMode="url"
        autoComplete="username"
        spellcheck={false}
        placeholder={t('glanceAddressPlaceholder')}
      />
      <Field
        id="glance-password"
        label={t('glancePasswordLabel')}
        hint={t('glancePasswordHint')}
        invalid={passwordInvalid}
        value={password}
        onValue={setPassword}
        type="password"
        autoComplete="current-password"
      />
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

/** How long the login key lasts; once it has expired, the way to sign in again. */
function SignedInUntil({ until, onChange }: { until: number; onChange(account: GlanceAccountView | null): void }) {
  if (until > Date.now()) {
    const time = new Date(until).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return (
      <p class="hint" data-testid="glance-sso-until">
        {t('ssoSignedInUntil', time)}
      </p>
    );
  }
  return (
    <>
      <p class="notice warning">{t('ssoExpired')}</p>
      <SingleSignOn onSignedIn={onChange} />
    </>
  );
}

type FieldProps = {
  id: string;
  label: string;
  hint: string;
  invalid: boolean;
  value: string;
  onValue(value: string): void;
} & Pick<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode' | 'autoComplete' | 'spellcheck' | 'placeholder'
>;

/** A labelled input with its hint below; screen readers hear the hint and the form's problem line with it. */
function Field({ id, label, hint, invalid, value, onValue, ...input }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        {...input}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint glance-problem`}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
    </div>
  );
}
