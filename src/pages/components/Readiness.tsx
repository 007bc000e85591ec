// Whether the rep can start Glance sessions now, and if not, the one thing to do next.
import { t } from '../../shared/i18n.js';
import type { GlanceAccountView, SalesforceStatus } from '../../shared/protocol/index.js';

interface Props {
  account: GlanceAccountView | null | undefined;
  status: SalesforceStatus | null | undefined;
  policyKnown: boolean;
}

export function Readiness({ account, status, policyKnown }: Props) {
  // Nothing to judge yet; and before a brand-new profile's policy is known, the Glance section says so.
  if (account === undefined || status === undefined || !policyKnown) return null;
  // Glance first: its form is right below, and without it no session starts at all.
  const next =
    account === null
      ? t('nextConnectGlance')
      : account.allowed === false
        ? t('nextAllowedGlanceAddress')
        : status === null
          ? t('nextOpenSalesforce')
          : status.state !== 'ready'
            ? t('nextSalesforceAbove')
            : null;
  return next ? (
    <p class="readiness notice warning" data-testid="readiness" data-ready="false">
      <strong>{t('notReadyYet')}</strong> {next}
    </p>
  ) : (
    <p class="readiness notice ok" data-testid="readiness" data-ready="true">
      <strong>{t('readyNow')}</strong> {t('readyHow')}
    </p>
  );
}
