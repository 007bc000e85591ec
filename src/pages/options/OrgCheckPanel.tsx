// "Check this org": runs the extension's Salesforce calls in the org of the rep's Salesforce tab,
// in this page with the browser's own session (./org-check.ts), and shows each call's outcome and,
// when the org refused one, which of its settings did. The check deletes what it created.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { ORG_CHECK_MESSAGE, ORG_SETTING_MESSAGE, type OrgCheckView } from '../../shared/org-check.js';
import { apiHostFor } from '../../shared/salesforce-hosts.js';
import { salesforceTabUrl } from '../background-channel.js';
import { checkThisOrg } from './org-check.js';

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

function summary(view: OrgCheckView | undefined): string {
  if (!view) return '';
  if (!view.ok) return t('orgCheckNoTab');
  const failed = view.results.filter((r) => !r.ok).length;
  return failed === 0 ? t('orgCheckPassed', view.apiHost) : t('orgCheckFailed', view.apiHost, String(failed));
}

export function OrgCheckPanel() {
  const [running, setRunning] = useState('');
  const [view, setView] = useState<OrgCheckView | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  /** The org it would write to, named and asked about before anything is written. */
  const [asking, setAsking] = useState<{ pageUrl: string | null; host: string } | undefined>(undefined);

  async function ask() {
    const pageUrl = await salesforceTabUrl().catch(() => null);
    // Named as the org is known: its My Domain (the host the check writes to).
    const host = hostOf(pageUrl);
    setAsking({ pageUrl, host: host ? (apiHostFor(host) ?? host) : '' });
  }

  async function check(pageUrl: string | null) {
    setAsking(undefined);
    setRunning(hostOf(pageUrl) || '…');
    setView(undefined);
    setFailed(false);
    try {
      setView(await checkThisOrg(pageUrl));
    } catch {
      setFailed(true);
    } finally {
      setRunning('');
    }
  }

  return (
    <section class="card" aria-labelledby="org-check-heading" data-testid="org-check">
      <h2 id="org-check-heading">{t('orgCheckHeading')}</h2>
      <p class="hint">{t('orgCheckIntro')}</p>
      <div class="row">
        <button type="button" class="btn brand" disabled={!!running || !!asking} onClick={ask}>
          {t('orgCheckButton')}
        </button>
        <p role="status" class="grow" data-testid="org-check-summary">
          {running ? t('orgCheckRunning', running) : failed ? t('orgCheckByUnavailable') : summary(view)}
        </p>
      </div>
      {asking && (
        <div
          class="notice warning"
          role="alertdialog"
          aria-labelledby="org-check-confirm"
          data-testid="org-check-confirm"
        >
          <p id="org-check-confirm">{asking.host ? t('orgCheckConfirm', asking.host) : t('orgCheckNoTab')}</p>
          <div class="row">
            {asking.host && (
              <button type="button" class="btn brand" onClick={() => check(asking.pageUrl)}>
                {t('orgCheckRun')}
              </button>
            )}
            <button type="button" class="btn" onClick={() => setAsking(undefined)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {view?.ok && (
        <ul class="recent" aria-labelledby="org-check-heading" data-testid="org-check-results">
          {view.results.map((r) => (
            <li key={r.id} data-check={r.id} data-ok={String(r.ok)}>
              <div class="status-line">
                <span>{t(ORG_CHECK_MESSAGE[r.id])}</span>
                <span class={`notice ${r.ok ? 'ok' : 'error'}`}>{r.ok ? t('orgCheckPass') : t('orgCheckFail')}</span>
              </div>
              {r.refusedBy && <p class="error">{t(ORG_SETTING_MESSAGE[r.refusedBy])}</p>}
              <p class="hint check-detail">{r.detail}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
