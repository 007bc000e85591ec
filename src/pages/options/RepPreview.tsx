// What a rep sees with the draft rules: the rep's settings as the popup's settings form
// (components/SettingsForm.tsx) draws them under this policy, read-only and compact. Choices the
// form disables carry the same words (" (not allowed by your company)") and a setting the rep
// can't change the same "Set by your company" mark (.locked), so the admin reads what reps read.
// Below, the rules reps don't choose but meet (address, sign-in, Lead routing, Presence, wrap-up).
import type { ComponentChildren } from 'preact';
import { IDP_POLICY_KEYS } from '../../shared/glance-sign-in.js';
import { type MessageKey, t } from '../../shared/i18n.js';
import { POLICY_FIELDS } from '../../shared/policy-schema.js';
import { titleKey, valueText } from '../../shared/policy-text.js';
import { type CompanyPolicy, LEAD_LEVELS, readPolicy } from '../../shared/settings.js';
import type { Draft } from './PolicyControls.js';

const LEAD_TEXT: Record<string, MessageKey> = {
  never: 'leadNever',
  email: 'leadEmail',
  emailAndName: 'leadEmailAndName',
};
const USAGE_TEXT: Record<string, MessageKey> = { sales: 'usageSales', support: 'usageSupport' };

/** One of the popup's choices; `suffix` when the popup names why it is disabled. */
function Choice({ text, allowed, suffix = true }: { text: string; allowed: boolean; suffix?: boolean }) {
  return (
    <li data-allowed={String(allowed)} class={allowed ? '' : 'not-allowed'}>
      {text}
      {allowed || !suffix ? '' : ` (${t('notAllowedByCompany')})`}
    </li>
  );
}

function Group({ legend, locked, children }: { legend: string; locked?: boolean; children: ComponentChildren }) {
  return (
    <fieldset class="preview-group">
      <legend class="preview-legend">{legend}</legend>
      <ul>{children}</ul>
      {locked && <span class="locked">{t('lockedByCompany')}</span>}
    </fieldset>
  );
}

const field = (key: string) => POLICY_FIELDS.find((f) => f.key === key);
const row = (key: string, policy: CompanyPolicy) => {
  const f = field(key);
  return f ? t('policyRow', t(titleKey(key)), valueText(f, (policy as unknown as Draft)[key])) : '';
};

function signInRow(policy: CompanyPolicy): string {
  const used = IDP_POLICY_KEYS.find((k) => k.selector === policy.identityProvider?.selector);
  if (used && policy.identityProvider) return t('policyRow', t(titleKey(used.key)), policy.identityProvider.value);
  return t('policyRow', t('policySection_signIn'), t('policyNoSingleSignOn'));
}

export function RepPreview({ draft }: { draft: Draft }) {
  const policy = readPolicy(draft);
  const maxLead = LEAD_LEVELS.indexOf(policy.maxLeadCreation);
  return (
    <section class="card" aria-labelledby="preview-heading" data-testid="rep-preview">
      <h2 id="preview-heading">{t('previewHeading')}</h2>
      <p class="hint">{t('previewHelp')}</p>
      <div class="rep-preview">
        <Group legend={t('keyBehaviorLegend')}>
          <Choice text={t('keyRandom')} allowed />
          <Choice text={t('keyFixed')} allowed={policy.allowFixedKey} />
          <Choice text={t('keyNone')} allowed={policy.allowNoKey} />
        </Group>
        <Group legend={t('leadCreationLabel')}>
          {LEAD_LEVELS.map((level) => (
            <Choice
              key={level}
              text={t(LEAD_TEXT[level] ?? 'leadNever')}
              allowed={LEAD_LEVELS.indexOf(level) <= maxLead}
            />
          ))}
        </Group>
        {/* The popup lists only the usages reps may choose, locked when one is left. */}
        <Group legend={t('usageLegend')} locked={policy.allowedUsage.length < 2}>
          {policy.allowedUsage.map((usage) => (
            <Choice key={usage} text={t(USAGE_TEXT[usage] ?? 'usageSales')} allowed />
          ))}
        </Group>
        <Group legend={t('chatterLegend')} locked={!policy.allowChatter}>
          <Choice text={t('chatterOnSchedule')} allowed={policy.allowChatter} suffix={false} />
          <Choice text={t('chatterOnStart')} allowed={policy.allowChatter} suffix={false} />
        </Group>
      </div>
      <h3 class="preview-legend">{t('previewCompanyRules')}</h3>
      <ul class="preview-rules" data-testid="preview-rules">
        <li>{row('glanceAddressPattern', policy)}</li>
        <li>{signInRow(policy)}</li>
        <li>{row('leadAssignmentRules', policy)}</li>
        <li>{row('presenceVisitorIdFields', policy)}</li>
        <li>{row('wrapUpOutcomes', policy)}</li>
      </ul>
    </section>
  );
}
