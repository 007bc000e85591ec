// Signing in to Glance with the company's single sign-on: one button, Glance's sign-in page in a
// window of its own, and this page follows the sign-in until it ends (settings/single-sign-on.ts).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import type { GlanceAccountView, GlanceProblem } from '../../shared/protocol/index.js';
import { request } from '../background-channel.js';
import { problemText } from './problems.js';

/** How often the page asks how the sign-in stands while the rep signs in elsewhere (a storage read). */
const FOLLOW_MS = 1000;

export function SingleSignOn({ onSignedIn }: { onSignedIn(account: GlanceAccountView | null): void }) {
  const [waiting, setWaiting] = useState(false);
  const [problem, setProblem] = useState<GlanceProblem | null>(null);

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(async () => {
      const status = await request('page:sign-in-status', {}).catch(() => undefined);
      if (!status || status.state === 'waiting') return;
      setWaiting(false);
      if (status.state === 'failed') setProblem(status.problem);
      if (status.state === 'signed-in') onSignedIn(await request('page:glance-account', {}));
    }, FOLLOW_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  const signIn = async () => {
    setProblem(null);
    const result = await request('page:sign-in-glance', {}).catch(
      () => ({ ok: false, problem: 'glance-unavailable' }) as const,
    );
    if (result.ok) setWaiting(true);
    else setProblem(result.problem);
  };

  return (
    <div data-testid="glance-sso">
      <p>{t('ssoIntro')}</p>
      {waiting && (
        <p class="notice" role="status">
          {t('ssoWaiting')}
        </p>
      )}
      <p class="error" role="alert">
        {problem ? problemText(problem) : ''}
      </p>
      <div class="row">
        <button type="button" class="btn brand" onClick={signIn}>
          {t('signInWithSso')}
        </button>
      </div>
    </div>
  );
}
