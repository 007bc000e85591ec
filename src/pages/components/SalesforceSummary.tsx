// Who the rep is in Salesforce (the org of the Salesforce tab the popup describes), or why not.
import { t } from '../../shared/i18n.js';
import type { SalesforceStatus } from '../../shared/protocol/index.js';
import { lightningHostFor } from '../../shared/salesforce-hosts.js';

export function SalesforceSummary({ status }: { status: SalesforceStatus | null | undefined }) {
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
