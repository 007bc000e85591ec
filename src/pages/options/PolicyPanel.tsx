// The company policy as it applies, and the JSON an administrator deploys to set it.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import type { SettingsView } from '../../shared/messages.js';
import { request } from '../background-channel.js';

const yesNo = (value: boolean) => (value ? t('yes') : t('no'));

export function PolicyPanel() {
  const [view, setView] = useState<SettingsView | undefined>(undefined);
  useEffect(() => {
    // What the administrator set, as managed storage answers it now (not the last known policy).
    request('popup:overview', { fresh: true }).then((overview) => setView(overview.settings));
  }, []);
  if (!view) return null;
  const { policy } = view;
  const deployable = {
    '3rdparty': { extensions: { [chrome.runtime.id]: policy } },
  };
  return (
    <section class="card" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policyHeading')}</h2>
      <p>{view.managed ? t('policyManaged') : t('policyNone')}</p>
      <ul data-testid="policy-summary">
        <li>{t('policyAllowedUsage', policy.allowedUsage.join(', '), policy.defaultUsage)}</li>
        <li>{t('policyMaxLead', policy.maxLeadCreation)}</li>
        <li>{t('policyFixedKey', yesNo(policy.allowFixedKey))}</li>
        <li>{t('policyNoKey', yesNo(policy.allowNoKey))}</li>
        <li>{t('policyAddressPattern', policy.glanceAddressPattern || t('policyAnyAddress'))}</li>
        <li>{t('policyChatter', yesNo(policy.allowChatter))}</li>
      </ul>
      <h3>{t('policyDeployHeading')}</h3>
      <p class="hint">{t('policyDeployHelp')}</p>
      <pre class="policy" data-testid="policy-json">
        {JSON.stringify(deployable, null, 2)}
      </pre>
    </section>
  );
}
