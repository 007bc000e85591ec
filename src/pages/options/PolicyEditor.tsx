// Builds the company policy from form controls, one per rule of extension/managed-schema.json, made
// from the schema's shape (policy-schema.ts): a yes/no select for a boolean, a select for a string
// with an enum, checkboxes for a list of an enum, a text field for free text. Each starts at
// "Not set", which keeps the extension's default. The deploy forms follow the draft.
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import { POLICY_FIELDS, type PolicyField } from '../../shared/policy-schema.js';
import { adjustments, titleKey, valueKey, valueText } from '../../shared/policy-text.js';
import { readPolicy } from '../../shared/settings.js';

type Draft = Record<string, unknown>;

const without = (draft: Draft, key: string) => {
  const { [key]: _, ...rest } = draft;
  return rest;
};

/** What the extension would use for this rule if the draft left it unset. */
function defaultText(field: PolicyField, draft: Draft): string {
  const effective = readPolicy(without(draft, field.key)) as unknown as Draft;
  return valueText(field, effective[field.key]);
}

function Control({ field, draft, onChange }: { field: PolicyField; draft: Draft; onChange: (draft: Draft) => void }) {
  const id = `policy-edit-${field.key}`;
  const help = `${id}-help`;
  const value = draft[field.key];
  const set = (next: unknown) =>
    onChange(next === undefined ? without(draft, field.key) : { ...draft, [field.key]: next });
  const notSet = t('policyEditorNotSet', defaultText(field, draft));
  const helpText = (
    <p id={help} class="hint">
      {t(`policyHelp_${field.key}` as MessageKey)}
    </p>
  );
  switch (field.kind) {
    case 'boolean':
    case 'choice': {
      const options = field.kind === 'boolean' ? ['true', 'false'] : field.values;
      const label = (option: string) =>
        field.kind === 'boolean' ? (option === 'true' ? t('yes') : t('no')) : t(valueKey(option));
      return (
        <div class="field">
          <label for={id}>{t(titleKey(field.key))}</label>
          <select
            id={id}
            aria-describedby={help}
            value={value === undefined ? '' : String(value)}
            onChange={(e) => {
              const chosen = e.currentTarget.value;
              set(chosen === '' ? undefined : field.kind === 'boolean' ? chosen === 'true' : chosen);
            }}
          >
            <option value="">{notSet}</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {label(option)}
              </option>
            ))}
          </select>
          {helpText}
        </div>
      );
    }
    case 'choices': {
      const chosen = Array.isArray(value) ? (value as string[]) : undefined;
      return (
        <fieldset class="field" aria-describedby={help}>
          <legend>{t(titleKey(field.key))}</legend>
          {helpText}
          <label class="choice">
            <input
              type="checkbox"
              checked={chosen !== undefined}
              onChange={(e) => set(e.currentTarget.checked ? [...field.values] : undefined)}
            />
            <span>{t('policyEditorSetList')}</span>
          </label>
          {chosen === undefined && <p class="hint indented">{notSet}</p>}
          {field.values.map((option) => (
            <label key={option} class="choice indented">
              <input
                type="checkbox"
                disabled={chosen === undefined}
                checked={chosen?.includes(option) ?? false}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set(field.values.filter((v) => (v === option ? on : chosen?.includes(v))));
                }}
              />
              <span>{t(valueKey(option))}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case 'list':
      return <ListControl id={id} help={help} field={field} value={value} notSet={notSet} set={set} />;
    case 'text':
      return (
        <div class="field">
          <label for={id}>{t(titleKey(field.key))}</label>
          <input
            id={id}
            type="text"
            aria-describedby={help}
            value={typeof value === 'string' ? value : ''}
            placeholder={notSet}
            onInput={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          />
          {helpText}
        </div>
      );
  }
}

/** A list of free text, one entry a line; blank lines are not entries (the text keeps them while typed). */
function ListControl(props: {
  id: string;
  help: string;
  field: PolicyField;
  value: unknown;
  notSet: string;
  set: (next: unknown) => void;
}) {
  const { id, help, field, value, notSet, set } = props;
  const fromDraft = Array.isArray(value) ? value.map(String).join('\n') : '';
  const [text, setText] = useState(fromDraft);
  const entries = (typed: string) =>
    typed
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  // What the rep typed, while it is what the draft holds; the draft's own list after a reset.
  const shown = entries(text).join('\n') === entries(fromDraft).join('\n') ? text : fromDraft;
  return (
    <div class="field">
      <label for={id}>{t(titleKey(field.key))}</label>
      <textarea
        id={id}
        rows={4}
        aria-describedby={help}
        value={shown}
        placeholder={notSet}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setText(typed);
          set(typed.trim() === '' ? undefined : entries(typed));
        }}
      />
      <p id={help} class="hint">
        {t(`policyHelp_${field.key}` as MessageKey)}
      </p>
    </div>
  );
}

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
      {POLICY_FIELDS.map((field) => (
        <Control key={field.key} field={field} draft={draft} onChange={onChange} />
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
