// One company rule as an ordinary settings control, chosen by the schema's shape (policy-schema.ts):
// a switch for a yes/no rule, a select for a rule with a few values, checkboxes for a list of
// values, a text field for free text, one line per entry for a list of text. Each says in words
// what the rule is and what reps will see because of it. A rule changed back to what the extension
// does anyway is removed from the draft, so the deployed policy holds only what the admin decided.
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { PolicyField } from '../../shared/policy-schema.js';
import { titleKey, valueKey, valueText } from '../../shared/policy-text.js';
import { readPolicy } from '../../shared/settings.js';

export type Draft = Record<string, unknown>;

const without = (draft: Draft, key: string) => {
  const { [key]: _, ...rest } = draft;
  return rest;
};

/** What the extension would use for this rule if the draft left it unset. */
function defaultValue(field: PolicyField, draft: Draft): unknown {
  return (readPolicy(without(draft, field.key)) as unknown as Draft)[field.key];
}

interface ControlProps {
  field: PolicyField;
  draft: Draft;
  onChange: (draft: Draft) => void;
}

/** The rule's explanation and what reps see, for aria-describedby. */
function Help({ id, fieldKey }: { id: string; fieldKey: string }) {
  return (
    <>
      <p id={`${id}-help`} class="hint">
        {t(`policyHelp_${fieldKey}` as MessageKey)}
      </p>
      <p id={`${id}-reps`} class="hint reps-see">
        {t(`policyReps_${fieldKey}` as MessageKey)}
      </p>
    </>
  );
}

export function PolicyControl({ field, draft, onChange }: ControlProps) {
  const id = `policy-edit-${field.key}`;
  const described = `${id}-help ${id}-reps`;
  const value = draft[field.key];
  const set = (next: unknown) =>
    onChange(next === undefined ? without(draft, field.key) : { ...draft, [field.key]: next });
  const notSet = t('policyEditorNotSet', valueText(field, defaultValue(field, draft)));
  switch (field.kind) {
    case 'boolean': {
      const fallback = defaultValue(field, draft) === true;
      const on = typeof value === 'boolean' ? value : fallback;
      return (
        <div class="field rule">
          <label class="switch">
            <input
              id={id}
              type="checkbox"
              role="switch"
              aria-checked={on}
              aria-describedby={described}
              checked={on}
              onChange={(e) => set(e.currentTarget.checked === fallback ? undefined : e.currentTarget.checked)}
            />
            <span>{t(titleKey(field.key))}</span>
          </label>
          <Help id={id} fieldKey={field.key} />
        </div>
      );
    }
    case 'choice':
      return (
        <div class="field rule">
          <label for={id}>{t(titleKey(field.key))}</label>
          <select
            id={id}
            aria-describedby={described}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          >
            <option value="">{notSet}</option>
            {field.values.map((option) => (
              <option key={option} value={option}>
                {t(valueKey(option))}
              </option>
            ))}
          </select>
          <Help id={id} fieldKey={field.key} />
        </div>
      );
    case 'choices': {
      // Not set allows every value, so every box starts ticked; ticking them all again unsets it.
      const chosen = Array.isArray(value) ? (value as string[]) : field.values;
      const toggle = (option: string, on: boolean) => {
        const next = field.values.filter((v) => (v === option ? on : chosen.includes(v)));
        set(next.length === field.values.length ? undefined : next);
      };
      return (
        <fieldset class="field rule" aria-describedby={described}>
          <legend>{t(titleKey(field.key))}</legend>
          {field.values.map((option) => (
            <label key={option} class="choice">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(e) => toggle(option, e.currentTarget.checked)}
              />
              <span>{t(valueKey(option))}</span>
            </label>
          ))}
          <Help id={id} fieldKey={field.key} />
        </fieldset>
      );
    }
    case 'list':
      return <ListControl id={id} field={field} value={value} notSet={notSet} set={set} />;
    case 'text':
      return (
        <div class="field rule">
          <label for={id}>{t(titleKey(field.key))}</label>
          <input
            id={id}
            type="text"
            aria-describedby={described}
            value={typeof value === 'string' ? value : ''}
            placeholder={notSet}
            onInput={(e) => set(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          />
          <Help id={id} fieldKey={field.key} />
        </div>
      );
  }
}

/** A list of free text, one entry a line; blank lines are not entries (the text keeps them while typed). */
function ListControl(props: {
  id: string;
  field: PolicyField;
  value: unknown;
  notSet: string;
  set: (next: unknown) => void;
}) {
  const { id, field, value, notSet, set } = props;
  const fromDraft = Array.isArray(value) ? value.map(String).join('\n') : '';
  const [text, setText] = useState(fromDraft);
  const entries = (typed: string) =>
    typed
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  // What the admin typed, while it is what the draft holds; the draft's own list after a preset or reset.
  const shown = entries(text).join('\n') === entries(fromDraft).join('\n') ? text : fromDraft;
  return (
    <div class="field rule">
      <label for={id}>{t(titleKey(field.key))}</label>
      <textarea
        id={id}
        rows={4}
        aria-describedby={`${id}-help ${id}-reps`}
        value={shown}
        placeholder={notSet}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          setText(typed);
          set(typed.trim() === '' ? undefined : entries(typed));
        }}
      />
      <Help id={id} fieldKey={field.key} />
    </div>
  );
}
