// What the popup shows at first sight, within Chrome's 600 px: who the rep is in Salesforce and in
// Glance, whether they are ready and the one next step if not, the running session or the next
// meeting, and Salesforce writes that wait only when some do.
import { t } from '../../shared/i18n.js';
import { GlanceAccountSection } from './GlanceAccountSection.js';
import { NowCard } from './NowCard.js';
import { Readiness } from './Readiness.js';
import { SalesforceQueue } from './SalesforceQueue.js';
import { SalesforceSummary } from './SalesforceSummary.js';
import { ShortcutHint } from './ShortcutHint.js';
import type { Overview } from './use-overview.js';

export function HomeView({ overview, onQueueChange }: { overview: Overview; onQueueChange?: () => void }) {
  const { account, view, policyKnown, status, setAccount } = overview;
  const user = status?.state === 'ready' ? status.user : undefined;
  return (
    <>
      <Readiness account={account} status={status} policyKnown={policyKnown} />
      <section class="card" aria-labelledby="sf-heading">
        <h2 id="sf-heading">{t('popupSalesforceHeading')}</h2>
        <SalesforceSummary status={status} />
        <h2 id="glance-heading" class="next-heading">
          {t('popupGlanceHeading')}
        </h2>
        {/* Single sign-on or a password is the company's choice: not guessed before its policy is known. */}
        {account === null && !policyKnown ? (
          <p class="weak" role="status" data-testid="policy-checking">
            {t('policyChecking')}
          </p>
        ) : (
          account !== undefined && (
            <GlanceAccountSection
              account={account}
              singleSignOn={!!view?.policy.identityProvider}
              salesforceUser={user}
              onChange={setAccount}
            />
          )
        )}
        <NowCard />
      </section>
      {/* Asked for once the account is drawn: what the rep came for answers first. */}
      {account !== undefined && <SalesforceQueue onChange={onQueueChange} />}
      <ShortcutHint />
    </>
  );
}
