// The company policy in plain language: each schema key's title and each allowed value come from
// _locales by a name derived from the schema ("policyTitle_<key>", "policyValue_<value>"), so a new
// key in managed-schema.json needs only its strings (tests/unit/policy-schema.test.ts fails
// without them).
import { type MessageKey, t } from './i18n.js';
import { keyOfPath, POLICY_FIELDS, type PolicyField, type PolicyProblem, validatePolicy } from './policy-schema.js';
import { type CompanyPolicy, readPolicy } from './settings.js';

export const titleKey = (key: string) => `policyTitle_${key}` as MessageKey;
export const valueKey = (value: string) => `policyValue_${value}` as MessageKey;

/** One value as an administrator reads it. */
export function valueText(field: PolicyField, value: unknown): string {
  switch (field.kind) {
    case 'boolean':
      return value ? t('yes') : t('no');
    case 'choice':
      return t(valueKey(String(value)));
    case 'choices':
      return Array.isArray(value) ? value.map((v) => t(valueKey(String(v)))).join(', ') : '';
    case 'list':
      return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : t('policyNoOutcomes');
    case 'text':
      if (typeof value === 'string' && value) return value;
      // An identity provider or Presence field left unset restricts nothing: it says what happens instead.
      return t(
        field.key.startsWith('glanceIdp')
          ? 'policyNoSingleSignOn'
          : field.key === 'presenceVisitorIdFields'
            ? 'policyNoPresence'
            : 'policyNoRestriction',
      );
  }
}

export function problemText(problem: PolicyProblem): string {
  const where = problem.path || '—';
  switch (problem.problem) {
    case 'not-an-object':
      return t('policyProblemNotObject');
    case 'unknown-key':
      return t('policyProblemUnknownKey', where);
    case 'wrong-type':
      return t('policyProblemWrongType', where, t(`policyType_${problem.expected}` as MessageKey));
    case 'not-allowed':
      return t('policyProblemNotAllowed', where, problem.value, problem.allowed.join(', '));
    case 'control-character':
      return t('policyProblemControlCharacter', where);
  }
}

export type RowState = 'set' | 'unset' | 'invalid';

interface PolicyRow {
  field: PolicyField;
  state: RowState;
  /** What the extension uses: the administrator's value, or the default when unset or invalid. */
  effective: string;
  problems: PolicyProblem[];
}

/** Each schema key as it applies now, from what the browser's managed storage holds. */
export function policyRows(managed: Record<string, unknown>): PolicyRow[] {
  const effective: CompanyPolicy = readPolicy(managed);
  const problems = validatePolicy(managed);
  return POLICY_FIELDS.map((field) => {
    const own = problems.filter((p) => keyOfPath(p.path) === field.key);
    const state: RowState = !Object.hasOwn(managed, field.key) ? 'unset' : own.length > 0 ? 'invalid' : 'set';
    return {
      field,
      state,
      effective: valueText(field, (effective as unknown as Record<string, unknown>)[field.key]),
      problems: own,
    };
  });
}

/** Rules the extension would not apply as written, given the others (from readPolicy, not by key). */
export function adjustments(draft: Record<string, unknown>): string[] {
  const effective = readPolicy(draft) as unknown as Record<string, unknown>;
  return POLICY_FIELDS.flatMap((field) => {
    if (!Object.hasOwn(draft, field.key)) return [];
    const wanted = draft[field.key];
    const title = t(titleKey(field.key));
    // An empty list of choices allows every choice; an empty list of outcomes offers none (as it says).
    if (field.kind === 'choices' && Array.isArray(wanted) && wanted.length === 0)
      return [t('policyEditorEmptyList', title)];
    if (JSON.stringify(wanted) === JSON.stringify(effective[field.key])) return [];
    return [t('policyEditorAdjusted', title, valueText(field, effective[field.key]))];
  });
}
