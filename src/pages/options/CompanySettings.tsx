// The Glance "Company Settings tab" (issue 12 item 6, issue 28 item 3): the Glance company trial the
// product page sends administrators to, the company policy as it applies, the rules for reps as a
// settings page (presets, sections, what reps will see) beside a preview of the rep's settings, the
// Deploy step with each browser's form, a check for a pasted policy, the org check, and the Glance
// reports.
import { useEffect, useState } from 'preact/hooks';
import { trialSignupUrl } from '../../shared/glance-trial.js';
import { t } from '../../shared/i18n.js';
import { validPart } from '../../shared/policy-schema.js';
import { request, salesforceTabUrl } from '../background-channel.js';
import { DeployForms } from './DeployForms.js';
import { GlanceCheckPanel } from './GlanceCheckPanel.js';
import { OrgCheckPanel } from './OrgCheckPanel.js';
import { PolicyCheck } from './PolicyCheck.js';
import { PolicyEditor } from './PolicyEditor.js';
import { PolicyPanel } from './PolicyPanel.js';
import { ReportsPanel } from './ReportsPanel.js';
import { RepPreview } from './RepPreview.js';
import { SyncPanel } from './SyncPanel.js';

/**
 * The Glance Company Trial, prefilled with the Salesforce user of the open Salesforce tab (the
 * administrator), as the User Settings tab's trial link is for a rep.
 */
function TrialCard() {
  const [user, setUser] = useState<{ name: string; email: string } | undefined>(undefined);
  useEffect(() => {
    salesforceTabUrl()
      .then((pageUrl) => request('page:salesforce-status', { pageUrl }))
      .then((status) => setUser(status?.state === 'ready' ? status.user : undefined))
      .catch(() => setUser(undefined));
  }, []);
  return (
    <section class="card" aria-labelledby="trial-heading" data-testid="company-trial">
      <h2 id="trial-heading">{t('trialHeading')}</h2>
      <p>{t('trialText')}</p>
      <a
        class="btn brand"
        href={trialSignupUrl(user?.name ?? '', user?.email ?? '')}
        target="_blank"
        rel="noopener"
        aria-label={`${t('trialButton')} ${t('opensInNewTab')}`}
      >
        {t('trialButton')}
      </a>
    </section>
  );
}

export function CompanySettings() {
  const [managed, setManaged] = useState<Record<string, unknown> | undefined>(undefined);
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  useEffect(() => {
    // What the administrator set, as managed storage answers it now (not the last known policy).
    request('page:overview', { fresh: true }).then(({ settings: view }) => {
      setManaged(view.managedPolicy);
      setDraft(validPart(view.managedPolicy));
    });
  }, []);
  return (
    <>
      <TrialCard />
      {managed && (
        <>
          <PolicyPanel managed={managed} />
          <div class="rules-layout">
            <PolicyEditor draft={draft} onChange={setDraft} onReset={() => setDraft(validPart(managed))} />
            <RepPreview draft={draft} />
          </div>
          <DeployForms policy={draft} />
          <PolicyCheck onLoad={setDraft} />
        </>
      )}
      <OrgCheckPanel />
      <ReportsPanel />
      <GlanceCheckPanel />
      <SyncPanel />
    </>
  );
}
