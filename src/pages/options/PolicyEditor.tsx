// The company rules as an admin's settings page: a preset to start from, then each rule in its
// section (policy-sections.ts) with an ordinary control that says what reps will see. The preview
// and the deploy forms follow the draft.
import { t } from '../../shared/i18n.js';
import { POLICY_FIELDS } from '../../shared/policy-schema.js';
import { POLICY_SECTIONS, type PolicySectionId } from '../../shared/policy-sections.js';
import { adjustments } from '../../shared/policy-text.js';
import { type Draft, PolicyControl } from './PolicyControls.js';
import { PolicyPresets } from './PolicyPresets.js';

const SECTION_TITLE: Record<PolicySectionId, () => string> = {
  sessions: () => t('policySection_sessions'),
  signIn: () => t('policySection_signIn'),
  logging: () => t('policySection_logging'),
  guests: () => t('policySection_guests'),
  wrapUp: () => t('policySection_wrapUp'),
};

export function PolicyEditor({
  draft,
  onChange,
  onReset,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onReset: () => void;
}) {
  const notes = adjustments(draft);
  return (
    <section class="card" aria-labelledby="policy-editor-heading" data-testid="policy-editor">
      <h2 id="policy-editor-heading">{t('policyEditorHeading')}</h2>
      <p class="hint">{t('policyEditorHelp')}</p>
      <PolicyPresets draft={draft} onChange={onChange} />
      {POLICY_SECTIONS.map((section) => (
        <section key={section.id} class="rule-section" aria-labelledby={`policy-section-${section.id}`}>
          <h3 id={`policy-section-${section.id}`}>{SECTION_TITLE[section.id]()}</h3>
          {section.keys.map((key) => {
            const field = POLICY_FIELDS.find((f) => f.key === key);
            return field ? <PolicyControl key={key} field={field} draft={draft} onChange={onChange} /> : null;
          })}
        </section>
      ))}
      <div role="status" data-testid="policy-editor-notes">
        {notes.map((note) => (
          <p key={note} class="warning">
            {note}
          </p>
        ))}
      </div>
      <button type="button" class="btn" onClick={onReset}>
        {t('policyEditorReset')}
      </button>
    </section>
  );
}
