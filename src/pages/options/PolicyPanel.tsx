// The company policy as it applies: each rule of extension/managed-schema.json, the value the
// extension uses, and whether the administrator set it, left it unset (the default applies) or set
// it to a value the extension cannot use.
import { t } from '../../shared/i18n.js';
import { policyRows, problemText, type RowState, titleKey } from '../../shared/policy-text.js';

const STATE_TEXT: Record<RowState, () => string> = {
  set: () => t('policyStateSet'),
  unset: () => t('policyStateUnset'),
  invalid: () => t('policyStateInvalid'),
};

export function PolicyPanel({ managed }: { managed: Record<string, unknown> }) {
  const rows = policyRows(managed);
  const anySet = rows.some((row) => row.state !== 'unset');
  return (
    <section class="card" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policyHeading')}</h2>
      <p>{anySet ? t('policyManaged') : t('policyNone')}</p>
      <ul class="policy-rows" data-testid="policy-summary">
        {rows.map((row) => (
          <li key={row.field.key} data-policy-key={row.field.key} data-state={row.state}>
            <span>{t('policyRow', t(titleKey(row.field.key)), row.effective)}</span>{' '}
            <span class={`state notice ${row.state === 'invalid' ? 'error' : row.state === 'set' ? 'ok' : 'weak'}`}>
              {STATE_TEXT[row.state]()}
            </span>
            {row.problems.map((problem) => (
              <p key={problem.path} class="error">
                {problemText(problem)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
