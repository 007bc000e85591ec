// The toolbar popup: who Glance acts as in Salesforce (from the active tab's org) and the Glance
// account. The full user settings form lands with the settings feature.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.js';
import type { PopupRequests, SalesforceStatus } from '../shared/messages.js';

async function activeTabStatus(): Promise<SalesforceStatus | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const request: { type: 'popup:salesforce-status' } & PopupRequests['popup:salesforce-status']['request'] = {
    type: 'popup:salesforce-status',
    // tab.url is visible to us only for hosts we have permission for: exactly the Salesforce ones.
    pageUrl: tab?.url ?? null,
  };
  return (await browser.runtime.sendMessage(request)) as SalesforceStatus | null;
}

function SalesforceSummary({ status }: { status: SalesforceStatus | null | undefined }) {
  if (status === undefined) return <p class="weak">{t('statusChecking')}</p>;
  if (status === null) return <p class="weak">{t('popupNoSalesforceTab')}</p>;
  switch (status.state) {
    case 'ready':
      return (
        <>
          <p>{t('popupSignedInAs', status.user.name, status.user.email)}</p>
          <p class="weak">{t('popupOrg', status.apiHost)}</p>
        </>
      );
    case 'logged-out':
      return (
        <p>
          {t('statusLoggedOut')}{' '}
          <a href={status.loginUrl} target="_blank" rel="noopener">
            {t('loginToSalesforce')}
          </a>
        </p>
      );
    case 'api-disabled':
      return <p>{t('statusApiDisabled')}</p>;
    case 'unreachable':
      return <p>{t('statusSalesforceUnreachable')}</p>;
  }
}

export function PopupApp() {
  const [status, setStatus] = useState<SalesforceStatus | null | undefined>(undefined);
  useEffect(() => {
    activeTabStatus().then(setStatus, () => setStatus(null));
  }, []);
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('popupTitle')}</h1>
      </header>
      <section class="card" aria-labelledby="sf-heading">
        <h2 id="sf-heading">{t('popupSalesforceHeading')}</h2>
        <SalesforceSummary status={status} />
      </section>
      <section class="card" aria-labelledby="glance-heading">
        <h2 id="glance-heading">{t('popupGlanceHeading')}</h2>
        <p class="weak">{t('popupGlanceNotConnected')}</p>
      </section>
    </>
  );
}
