// Each org's share of its daily API allowance, as Salesforce last reported it (the Sforce-Limit-Info
// header of our last call there): an administrator's figure, so it lives on the options page, not in
// the rep's popup. Self-contained: it asks the worker itself.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { formatNumber, formatPercent } from '../../shared/locale-format.js';
import type { SalesforceQueueView } from '../../shared/protocol/index.js';
import { request } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';

export function ApiAllowance() {
  const [orgs, setOrgs] = useState<SalesforceQueueView['orgs'] | undefined>(undefined);
  useEffect(() => {
    request('page:salesforce-queue', {}).then(
      (queue) => setOrgs(queue.orgs.filter((o) => o.max > 0)),
      () => setOrgs([]),
    );
  }, []);
  if (!orgs) return null;
  const locale = uiLocale();
  return (
    <section class="card" aria-labelledby="api-allowance-heading" data-testid="api-allowance">
      <h2 id="api-allowance-heading">{t('apiAllowanceHeading')}</h2>
      {orgs.length === 0 ? (
        <p class="weak">{t('apiAllowanceNone')}</p>
      ) : (
        orgs.map((o) => (
          <p key={o.apiHost} data-testid="org-usage">
            {t(
              'orgUsage',
              o.apiHost,
              formatPercent(locale, Math.min(1, o.used / o.max)),
              formatNumber(locale, o.used),
              formatNumber(locale, o.max),
            )}
          </p>
        ))
      )}
    </section>
  );
}
