// The Glance user settings, held within the company policy. Explicit Save and Cancel; validation
// is inline and announced; locked choices say why.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { GlanceProblem, SettingsView } from '../../shared/protocol/index.js';
import {
  invalidSettings,
  type KeyBehavior,
  LEAD_LEVELS,
  type LeadCreation,
  type SalesforceUsage,
  type SettingsField,
  type UserSettings,
} from '../../shared/settings.js';
import { request } from '../background-channel.js';
import { problemText } from './problems.js';

interface Props {
  view: SettingsView;
  glanceConnected: boolean;
  /** False until a brand-new profile's company policy is known: nothing is saved against a guess. */
  policyKnown?: boolean;
  /** The popup: the conference phone (set once, rarely changed) folds away to fit Chrome's 600 px. */
  compact?: boolean;
  onSaved(view: SettingsView): void;
}

const LEAD_TEXT: Record<LeadCreation, MessageKey> = {
  never: 'leadNever',
  email: 'leadEmail',
  emailAndName: 'leadEmailAndName',
};
const USAGE_TEXT: Record<SalesforceUsage, MessageKey> = { sales: 'usageSales', support: 'usageSupport' };

/** The saved choices an administrator's policy can override, as the rep knows them. */
const OVERRIDDEN_TEXT: Record<SettingsField, MessageKey> = {
  keyBehavior: 'choiceSessionKey',
  fixedKey: 'choiceFixedKey',
  leadCreation: 'choiceLeads',
  usage: 'choiceUsage',
  chatter: 'choiceChatter',
};

function Locked({ when }: { when: boolean }) {
  return when ? <span class="locked">{t('lockedByCompany')}</span> : null;
}

/**
 * A fieldset, or where space is short (the popup) a closed disclosure the rep opens: summary and
 * group name it alike for assistive technology.
 */
function FoldingFieldset({
  legend,
  folded,
  children,
}: {
  legend: string;
  folded: boolean;
  children: ComponentChildren;
}) {
  if (!folded) return <Fieldset legend={legend}>{children}</Fieldset>;
  return (
    <details class="conference-details">
      <summary id="conference-legend">{legend}</summary>
      <fieldset aria-labelledby="conference-legend">{children}</fieldset>
    </details>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

export function SettingsForm({ view, glanceConnected, policyKnown = true, compact = false, onSaved }: Props) {
  const { policy } = view;
  const [draft, setDraft] = useState<UserSettings>(view.settings);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.settings);
  const invalid = invalidSettings(draft, policy);
  const update = (patch: Partial<UserSettings>) => {
    setDraft({ ...draft, ...patch });
    setNotice(null);
  };
  const updateConference = (patch: Partial<UserSettings['conference']>) =>
    update({ conference: { ...draft.conference, ...patch } });

  async function save(settings: UserSettings, savedText = t('saved')) {
    setBusy(true);
    try {
      const result = await request('page:save-settings', { settings });
      if (result.ok) {
        setDraft(result.view.settings);
        onSaved(result.view);
        setNotice({ text: savedText, tone: 'ok' });
      } else {
        setNotice({ text: t('saveInvalid'), tone: 'error' });
      }
    } catch {
      // Browser storage refused (quota, sync throttling): the draft stays as the rep typed it.
      setNotice({ text: t('saveFailed'), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  async function fillConferencing() {
    setBusy(true);
    let problem: GlanceProblem | null = null;
    try {
      const result = await request('page:conference-info', {});
      if (result.ok) {
        setBusy(false);
        await save({ ...draft, conference: result.conference }, t('conferencingFilled'));
        return;
      }
      problem = result.problem;
    } catch {
      problem = 'glance-unavailable';
    }
    setBusy(false);
    setNotice({ text: problemText(problem), tone: 'error' });
  }

  const keyChoice = (value: KeyBehavior, label: MessageKey, allowed: boolean) => (
    <label class="choice">
      <input
        type="radio"
        name="keyBehavior"
        value={value}
        checked={draft.keyBehavior === value}
        disabled={!allowed}
        onChange={() => update({ keyBehavior: value })}
      />
      <span>
        {t(label)}
        {allowed ? '' : ` (${t('notAllowedByCompany')})`}
      </span>
    </label>
  );
  const fixedKeyInvalid = draft.keyBehavior === 'fixed' && invalid.includes('fixedKey');
  const chatterLocked = !policy.allowChatter;
  const overridden = view.overridden ?? [];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid.length === 0 && dirty && policyKnown) void save(draft);
      }}
      noValidate
    >
      {policy.unusable.length > 0 && (
        <p class="notice warning" role="alert" data-testid="policy-unusable">
          {t('policyUnusableRules', policy.unusable.join(', '))}
        </p>
      )}
      {overridden.length > 0 && (
        <p class="notice warning" role="status" data-testid="policy-overrides">
          {t('policyOverridesChoices', overridden.map((field) => t(OVERRIDDEN_TEXT[field])).join(', '))}
        </p>
      )}
      <Fieldset legend={t('keyBehaviorLegend')}>
        {keyChoice('random', 'keyRandom', true)}
        {keyChoice('fixed', 'keyFixed', policy.allowFixedKey)}
        {draft.keyBehavior === 'fixed' && (
          <div class="field nested">
            <label for="fixed-key">{t('fixedKeyLabel')}</label>
            <input
              id="fixed-key"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              size={6}
              value={draft.fixedKey}
              aria-invalid={fixedKeyInvalid}
              aria-describedby="fixed-key-error"
              onInput={(e) => update({ fixedKey: e.currentTarget.value })}
            />
            <p id="fixed-key-error" class="error" role="alert">
              {fixedKeyInvalid ? t('fixedKeyInvalid') : ''}
            </p>
          </div>
        )}
        {keyChoice('none', 'keyNone', policy.allowNoKey)}
        {draft.keyBehavior !== 'random' && <p class="warning">{t('weakKeyWarning')}</p>}
      </Fieldset>

      <FoldingFieldset legend={t('conferenceLegend')} folded={compact}>
        <div class="conference">
          <div class="field">
            <label for="conf-numbers">{t('conferenceNumbersLabel')}</label>
            <textarea
              id="conf-numbers"
              rows={1}
              value={draft.conference.phoneNumbers}
              onInput={(e) => updateConference({ phoneNumbers: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="conf-code">{t('conferenceAccessCodeLabel')}</label>
            <input
              id="conf-code"
              type="text"
              value={draft.conference.accessCode}
              onInput={(e) => updateConference({ accessCode: e.currentTarget.value })}
            />
          </div>
        </div>
        <div class="field">
          <label for="conf-notes">{t('conferenceNotesLabel')}</label>
          <textarea
            id="conf-notes"
            rows={1}
            value={draft.conference.notes}
            onInput={(e) => updateConference({ notes: e.currentTarget.value })}
          />
        </div>
        <div class="row">
          <button
            type="button"
            class="btn"
            disabled={!glanceConnected || dirty || busy}
            aria-describedby="conf-hint conf-toll"
            onClick={fillConferencing}
          >
            {t('getFreeConferencing')}
          </button>
        </div>
        <p id="conf-hint" class="hint">
          {t('freeConferencingWhen')}
        </p>
        {/* The seed's footnote to "Get Free Glance Phone Conferencing": said where the numbers are set. */}
        <p id="conf-toll" class="hint" data-testid="conferencing-note">
          {t('conferencingTollNote')}
        </p>
      </FoldingFieldset>

      <div class="field">
        <label for="lead-creation">{t('leadCreationLabel')}</label>
        <select
          id="lead-creation"
          value={draft.leadCreation}
          onChange={(e) => update({ leadCreation: e.currentTarget.value as LeadCreation })}
        >
          {LEAD_LEVELS.map((level) => {
            const allowed = LEAD_LEVELS.indexOf(level) <= LEAD_LEVELS.indexOf(policy.maxLeadCreation);
            return (
              <option key={level} value={level} disabled={!allowed}>
                {t(LEAD_TEXT[level])}
                {allowed ? '' : ` (${t('notAllowedByCompany')})`}
              </option>
            );
          })}
        </select>
      </div>

      <Fieldset legend={t('usageLegend')}>
        {policy.allowedUsage.map((usage) => (
          <label class="choice" key={usage}>
            <input
              type="radio"
              name="usage"
              value={usage}
              checked={draft.usage === usage}
              disabled={policy.allowedUsage.length < 2}
              onChange={() => update({ usage })}
            />
            <span>{t(USAGE_TEXT[usage])}</span>
          </label>
        ))}
        <Locked when={policy.allowedUsage.length < 2} />
      </Fieldset>

      <Fieldset legend={t('chatterLegend')}>
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.chatterOnSchedule && !chatterLocked}
            disabled={chatterLocked}
            onChange={(e) => update({ chatterOnSchedule: e.currentTarget.checked })}
          />
          <span>{t('chatterOnSchedule')}</span>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.chatterOnStart && !chatterLocked}
            disabled={chatterLocked}
            onChange={(e) => update({ chatterOnStart: e.currentTarget.checked })}
          />
          <span>{t('chatterOnStart')}</span>
        </label>
        <Locked when={chatterLocked} />
      </Fieldset>

      <Fieldset legend={t('notificationsLegend')}>
        <label class="choice">
          <input
            type="checkbox"
            checked={draft.notifyGuestJoined}
            onChange={(e) => update({ notifyGuestJoined: e.currentTarget.checked })}
          />
          <span>{t('notifyGuestJoinedSetting')}</span>
        </label>
      </Fieldset>

      <div class="row actions">
        <button type="submit" class="btn brand" disabled={!dirty || invalid.length > 0 || busy || !policyKnown}>
          {t('save')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={!dirty || busy}
          onClick={() => {
            setDraft(view.settings);
            setNotice(null);
          }}
        >
          {t('cancel')}
        </button>
        <p class={`grow notice ${notice?.tone ?? ''}`} role="status">
          {notice ? notice.text : dirty ? t('unsavedChanges') : ''}
        </p>
      </div>
    </form>
  );
}
