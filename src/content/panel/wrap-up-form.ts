// The wrap-up's fields: notes, an outcome from the company's list, and a next step (a Task's
// subject and due date). Our shadow roots are open, so a page script can write into a field, even
// during the press on Save; what it wrote would go to Salesforce as the rep's words. So each field's
// value is the one the rep last typed (trusted `input` events), as in the meeting dialog
// (meeting-form.ts): a field changed by anything else is put back, said beside it, and nothing is sent.
import { type MessageKey, t } from '../../shared/i18n.js';
import { isCalendarDate, type WrapUpRequest } from '../../shared/protocol/index.js';
import { type DEFAULT_WRAP_UP_OUTCOMES, WRAP_UP_LIMITS } from '../../shared/wrap-up.js';
import { element } from '../common/dom.js';
import { lookAgain } from '../common/press-guard.js';

/** The default outcomes in the rep's language; what is sent stays the English value (reports group by it). */
const DEFAULT_LABELS: Record<(typeof DEFAULT_WRAP_UP_OUTCOMES)[number], MessageKey> = {
  'Demo given': 'wrapUpOutcomeDemoGiven',
  'Issue resolved': 'wrapUpOutcomeIssueResolved',
  'Follow-up needed': 'wrapUpOutcomeFollowUpNeeded',
  'No show': 'wrapUpOutcomeNoShow',
};
const labelOf = (outcome: string) =>
  Object.hasOwn(DEFAULT_LABELS, outcome) ? t(DEFAULT_LABELS[outcome as keyof typeof DEFAULT_LABELS]) : outcome;

let nextId = 0;
type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class WrapUpForm {
  readonly form = element('form', { noValidate: true });
  readonly notes = element('textarea', { maxLength: WRAP_UP_LIMITS.notes });
  private readonly outcome = element('select');
  private readonly outcomeField: HTMLDivElement;
  private readonly subject = element('input', { type: 'text', maxLength: WRAP_UP_LIMITS.taskSubject });
  private readonly due = element('input', { type: 'date' });
  private readonly taskProblem = element('p', { className: 'problem', hidden: true, id: `wrap-up-task-${++nextId}` });
  private readonly changed = new Map<Input, HTMLParagraphElement>();
  private readonly typed = new Map<Input, string>();

  constructor(outcomes: string[]) {
    this.outcome.append(
      element('option', { value: '', textContent: t('wrapUpNoOutcome') }),
      ...outcomes.map((outcome) => element('option', { value: outcome, textContent: labelOf(outcome) })),
    );
    this.outcomeField = this.field('wrapUpOutcome', this.outcome);
    // A company that offers no outcome: nothing to pick.
    this.outcomeField.hidden = outcomes.length === 0;
    const next = element('fieldset', { className: 'next' });
    const row = element('div', { className: 'row' });
    for (const input of [this.subject, this.due]) input.setAttribute('aria-describedby', this.taskProblem.id);
    row.append(this.field('wrapUpTaskSubject', this.subject), this.field('wrapUpTaskDue', this.due));
    next.append(element('legend', { textContent: t('wrapUpNextStep') }), row, this.taskProblem);
    this.form.append(this.field('wrapUpNotes', this.notes), this.outcomeField, next);
    // Only `input`: the browser fires it as the person edits (a select too). A trusted `change` also
    // follows a script's write when the field loses focus, so it proves nothing.
    for (const input of this.inputs()) {
      this.typed.set(input, input.value);
      input.addEventListener('input', (event) => {
        if (event.isTrusted) this.typed.set(input, input.value);
      });
    }
  }

  private inputs(): Input[] {
    return [this.notes, this.outcome, this.subject, this.due];
  }

  /**
   * What the rep entered, or undefined after showing why not: a field a page script changed (put
   * back), or a next step with a subject and no due date (or the other way round).
   */
  read(sessionId: string): WrapUpRequest | undefined {
    for (const [input, shown] of this.changed) {
      shown.hidden = true;
      input.removeAttribute('aria-invalid');
    }
    this.taskProblem.hidden = true;
    const changed = this.inputs().filter((input) => input.value !== this.typed.get(input));
    for (const input of changed) {
      input.value = this.typed.get(input) ?? '';
      input.setAttribute('aria-invalid', 'true');
      const shown = this.changed.get(input);
      if (shown) shown.hidden = false;
    }
    // Words shown or gone move the buttons below them: our own layout, no steering.
    lookAgain();
    if (changed.length > 0) {
      changed[0]?.focus();
      return undefined;
    }
    const subject = this.subject.value.trim();
    const dueDate = this.due.value;
    if (!subject !== !dueDate || (dueDate && !isCalendarDate(dueDate))) {
      this.taskProblem.textContent = t('wrapUpTaskIncomplete');
      this.taskProblem.hidden = false;
      for (const input of [this.subject, this.due]) input.setAttribute('aria-invalid', 'true');
      (subject ? this.due : this.subject).focus();
      return undefined;
    }
    return {
      sessionId,
      notes: this.notes.value,
      outcome: this.outcome.value,
      ...(subject ? { task: { subject, dueDate } } : {}),
    };
  }

  private field(label: MessageKey, input: Input): HTMLDivElement {
    const id = `wrap-up-field-${++nextId}`;
    input.id = id;
    const problem = element('p', {
      className: 'problem',
      id: `${id}-changed`,
      hidden: true,
      textContent: t('wrapUpChangedByPage'),
    });
    this.changed.set(input, problem);
    const described = [input.getAttribute('aria-describedby'), problem.id].filter(Boolean).join(' ');
    input.setAttribute('aria-describedby', described);
    const wrap = element('div', { className: 'field' });
    wrap.append(element('label', { htmlFor: id, textContent: t(label) }), input, problem);
    return wrap;
  }
}
