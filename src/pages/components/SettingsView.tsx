// The user settings on their own view (the popup's Settings tab; a card on the options page).
import { t } from '../../shared/i18n.js';
import { SettingsForm } from './SettingsForm.js';
import type { Overview } from './use-overview.js';

export function SettingsView({ overview, compact = false }: { overview: Overview; compact?: boolean }) {
  const { view, account, policyKnown, setView } = overview;
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {!policyKnown && (
        <p class="weak" role="status" data-testid="policy-checking">
          {t('policyChecking')}
        </p>
      )}
      {/* A policy that differs from the one drawn (managed storage answered late) draws the form anew. */}
      {view && (
        <SettingsForm
          key={JSON.stringify(view.policy)}
          view={view}
          glanceConnected={!!account}
          policyKnown={policyKnown}
          compact={compact}
          onSaved={setView}
        />
      )}
    </section>
  );
}
