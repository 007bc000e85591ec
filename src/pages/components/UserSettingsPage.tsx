// The Glance "User Settings tab": status of both accounts at the top, then the Glance account and the
// user settings. The popup shows it; the options page shows it wide, above the company settings.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import type { GlanceAccountView, PopupOverview, SalesforceStatus, SettingsView } from '../../shared/messages.js';
import { lightningHostFor } from '../../shared/salesforce-hosts.js';
import { firstOverview, request, salesforceTab, startShortcut } from '../background-channel.js';
import { GlanceAccountSection } from './GlanceAccountSection.js';
import { RecentSessions } from './RecentSessions.js';
import { SalesforceQueue } from './SalesforceQueue.js';
import { SessionHistory } from './SessionHistory.js';
import { SettingsForm } from './SettingsForm.js';

function SalesforceSummary({ status }: { status: SalesforceStatus | null | undefined }) {
  if (status === undefined) return <p class="weak">{t('statusChecking')}</p>;
  if (status === null) return <p class="weak">{t('popupNoSalesforceTab')}</p>;
  switch (status.state) {
    case 'ready':
      return (
        <>
          <p data-testid="salesforce-user">{t('popupSignedInAs', status.user.name, status.user.email)}</p>
          <p class="weak">{t('popupOrg', status.apiHost)}</p>
        </>
      );
    case 'session-expired':
      return (
        <p>
          {t('statusLoggedOut')}{' '}
          <a href={status.loginUrl} target="_blank" rel="noopener">
            {t('loginToSalesforce')}
          </a>
        </p>
      );
    case 'api-blocked':
      return <p>{t('statusApiDisabled')}</p>;
    case 'session-not-for-api':
      return (
        <p>
          {t('statusSessionNotForApi')}{' '}
          <a href={status.loginUrl} target="_blank" rel="noopener">
            {t('loginToSalesforce')}
          </a>
        </p>
      );
    case 'daily-limit':
      return <p>{t('statusDailyLimit')}</p>;
    case 'unavailable':
      return <p>{t('statusSalesforceUnreachable')}</p>;
    case 'proxied':
      return <p data-testid="salesforce-proxied">{t('statusProxied', lightningHostFor(status.apiHost))}</p>;
    case 'my-domain-moved':
      return (
        <p data-testid="salesforce-moved">
          {t('statusMyDomainMoved', status.movedTo)}{' '}
          <a href={`https://${lightningHostFor(status.movedTo)}/`} target="_blank" rel="noopener">
            {t('openSalesforceAtNewAddress')}
          </a>
        </p>
      );
  }
}

/** The keyboard shortcut as the browser binds it now (the rep may have changed it). */
function ShortcutHint() {
  const [keys, setKeys] = useState<string | undefined>(undefined);
  useEffect(() => {
    startShortcut().then(setKeys, () => setKeys(''));
  }, []);
  if (keys === undefined) return null;
  return (
    <p class="hint" data-testid="start-shortcut">
      {keys ? t('shortcutHint', keys) : t('shortcutNone')}
    </p>
  );
}

export function UserSettingsPage({ wide = false, initial }: { wide?: boolean; initial?: PopupOverview }) {
  const [status, setStatus] = useState<SalesforceStatus | null | undefined>(undefined);
  // The popup waits a moment for the first answer and draws with it: the form in the first frame.
  const [account, setAccount] = useState<GlanceAccountView | null | undefined>(initial?.account);
  const [view, setView] = useState<SettingsView | undefined>(initial?.settings);
  const [queueVersion, setQueueVersion] = useState(0);

  useEffect(() => {
    // Settings and account in one answer, on the last known company policy: drawn at once, even in
    // the seconds after a browser start when managed storage has not answered yet. Then the policy
    // managed storage answers is applied when it comes.
    const show = (overview: PopupOverview) => {
      setView(overview.settings);
      setAccount(overview.account);
    };
    firstOverview().then((overview) => {
      show(overview);
      if (!overview.policyFresh) request('popup:overview', { fresh: true }).then(show);
    });
    salesforceTab()
      .then((tab) => request('popup:salesforce-status', tab ?? { pageUrl: null }))
      .then(setStatus, () => setStatus(null));
  }, []);

  const user = status?.state === 'ready' ? status.user : undefined;
  return (
    <div class={wide ? 'wide' : ''}>
      <section class="card" aria-labelledby="sf-heading">
        <h2 id="sf-heading">{t('popupSalesforceHeading')}</h2>
        <SalesforceSummary status={status} />
        <ShortcutHint />
      </section>
      <section class="card" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('queueHeading')}</h2>
        {/* Asked for once the settings are drawn: the form the rep came for answers first. */}
        {view && <SalesforceQueue onChange={() => setQueueVersion((v) => v + 1)} />}
      </section>
      <section class="card" aria-labelledby="glance-heading">
        <h2 id="glance-heading">{t('popupGlanceHeading')}</h2>
        {account !== undefined && (
          <GlanceAccountSection
            account={account}
            singleSignOn={!!view?.policy.identityProvider}
            salesforceUser={user}
            onChange={setAccount}
          />
        )}
      </section>
      <section class="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settingsHeading')}</h2>
        {/* A policy that differs from the one drawn (managed storage answered late) draws the form anew. */}
        {view && (
          <SettingsForm key={JSON.stringify(view.policy)} view={view} glanceConnected={!!account} onSaved={setView} />
        )}
      </section>
      <section class="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('recentHeading')}</h2>
        {/* Salesforce's view of the last 30 days (one query), then this browser's own list: the fallback. */}
        {view && <SessionHistory />}
        <h3 class="recent-subheading">{t('recentOnThisBrowser')}</h3>
        {view && <RecentSessions version={queueVersion} />}
      </section>
    </div>
  );
}
