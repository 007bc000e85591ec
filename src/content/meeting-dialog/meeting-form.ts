// The fields of the meeting dialog: what the rep types, checked by checkMeeting() before anything is
// sent, each problem shown beside its field (aria-invalid, aria-describedby). Reschedule leaves only
// date, time and duration editable.

import { t } from '../../shared/i18n.js';
import { formatMinutes } from '../../shared/locale-format.js';
import { meetingProblemText } from '../../shared/meeting/problem-text.js';
import {
  checkMeeting,
  type MeetingFormProblem,
  type OverlapChoice,
  type ValidMeeting,
} from '../../shared/meeting/schedule-input.js';
import { element } from '../common/dom.js';
import { lookAgain } from '../common/press-guard.js';

const DURATIONS = [15, 30, 45, 60, 90, 120];
type Field = MeetingFormProblem['field'];

/** The zone's wall clock at an instant, as <input type=date> and <input type=time> want it. */
function localFields(instant: number, timeZone: string): { date: string; time: string } {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

let nextId = 0;

export class MeetingFormFields {
  readonly form = element('form', { noValidate: true });
  readonly date = element('input', { type: 'date', required: true });
  private readonly time = element('input', { type: 'time', required: true });
  private readonly overlap = element('select');
  private readonly duration = element('select');
  private readonly subject = element('input', { type: 'text', maxLength: 255 });
  private readonly invitee = element('input', { type: 'email', autocomplete: 'off' });
  private readonly notes = element('textarea');
  private readonly problems = new Map<Field, HTMLParagraphElement>();
  private readonly overlapField: HTMLDivElement;
  /**
   * Each field's value as the rep last typed it (or as we filled it). Our roots are open: a page
   * script can write into a field, even during the press on Schedule, and what it wrote would go to
   * the Event, the .ics and the invitation. Only the rep's own input (trusted events) changes this.
   */
  private readonly typed = new Map<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, string>();

  constructor(
    readonly timeZone: string,
    private readonly locale: string,
  ) {
    for (const minutes of DURATIONS) this.addDuration(minutes);
    const zone = element('p', { className: 'zone', textContent: t('meetingTimeZone', this.zoneName()) });
    const when = element('div', { className: 'row' });
    when.append(this.field('meetingDate', this.date, 'when'), this.field('meetingTime', this.time));
    this.overlapField = this.field('meetingOverlap', this.overlap);
    this.overlapField.hidden = true;
    // Only `input`: the browser fires it as the person edits. A trusted `change` also follows a
    // script's write when the field loses focus (the press on Schedule), so it proves nothing.
    for (const input of this.inputs()) {
      input.addEventListener('input', (event) => {
        if (event.isTrusted) this.typed.set(input, input.value);
      });
    }
    this.form.append(
      when,
      zone,
      this.problemFor('when', [this.date, this.time]),
      this.overlapField,
      this.field('meetingDuration', this.duration, 'duration'),
      this.field('meetingSubject', this.subject, 'subject'),
      this.field('meetingInvitee', this.invitee, 'invitee'),
      this.field('meetingNotes', this.notes, 'notes'),
    );
  }

  /** A new meeting: the next full hour, 30 minutes, the record's defaults. */
  fillNew(subject: string, invitee: string, now: number): void {
    this.setWhen(Math.ceil((now + 60_000) / 3_600_000) * 3_600_000);
    this.duration.value = '30';
    this.subject.value = subject;
    this.invitee.value = invitee;
    this.remember();
  }

  /** A reschedule: the meeting as it is, only its time and duration editable. */
  fillExisting(meeting: {
    startsAt: string;
    durationMinutes: number;
    subject: string;
    invitee: string;
    notes: string;
  }) {
    this.setWhen(Date.parse(meeting.startsAt));
    if (!DURATIONS.includes(meeting.durationMinutes)) this.addDuration(meeting.durationMinutes);
    this.duration.value = String(meeting.durationMinutes);
    this.subject.value = meeting.subject;
    this.invitee.value = meeting.invitee;
    this.notes.value = meeting.notes;
    for (const fixed of [this.subject, this.invitee, this.notes]) fixed.readOnly = true;
    this.remember();
  }

  private inputs() {
    return [this.date, this.time, this.overlap, this.duration, this.subject, this.invitee, this.notes];
  }

  /** Our own filling counts as typed. */
  private remember(): void {
    for (const input of this.inputs()) this.typed.set(input, input.value);
  }

  /**
   * Fields a page script changed: put back to what the rep typed, with a word beside each. True when
   * there were any (nothing is sent then: the rep sees the meeting as it will go, and presses again).
   */
  private restoreChanged(): boolean {
    const changed = this.inputs().filter((input) => input.value !== (this.typed.get(input) ?? input.value));
    for (const input of changed) {
      input.value = this.typed.get(input) ?? '';
      const field = input === this.date || input === this.time || input === this.overlap ? 'when' : undefined;
      const shown = this.problems.get(field ?? (this.inputsFieldOf(input) as Field));
      if (shown) {
        shown.textContent = t('meetingFieldChangedByPage');
        shown.hidden = false;
      }
      input.setAttribute('aria-invalid', 'true');
    }
    changed[0]?.focus();
    return changed.length > 0;
  }

  private inputsFieldOf(input: HTMLElement): Field | undefined {
    const fields: Field[] = ['duration', 'subject', 'invitee', 'notes'];
    return fields.find((field) => this.inputsOf(field)[0] === input);
  }

  /** The checked meeting, or undefined after showing each problem beside its field. */
  check(now: number): ValidMeeting | undefined {
    if (this.restoreChanged()) {
      lookAgain();
      return undefined;
    }
    const result = checkMeeting({
      date: this.date.value,
      time: this.time.value,
      timeZone: this.timeZone,
      durationMinutes: Number(this.duration.value),
      subject: this.subject.value,
      inviteeEmail: this.invitee.value,
      notes: this.notes.value,
      now,
      overlapChoice: this.overlapField.hidden ? undefined : (this.overlap.value as OverlapChoice),
    });
    for (const [field, problem] of this.problems) this.showProblem(field, problem, undefined);
    // Problems shown or gone move the buttons below them: our own layout, no steering.
    lookAgain();
    if (result.ok) return result;
    for (const problem of result.problems) {
      const shown = this.problems.get(problem.field);
      if (shown) this.showProblem(problem.field, shown, problem);
    }
    const overlap = result.problems.find((problem) => problem.code === 'dstOverlap');
    if (overlap?.code === 'dstOverlap') this.offerOverlap(overlap.earlierUtc, overlap.laterUtc);
    this.firstInvalid()?.focus();
    return undefined;
  }

  private offerOverlap(earlierUtc: string, laterUtc: string): void {
    const clock = (iso: string) =>
      new Intl.DateTimeFormat(this.locale, {
        timeZone: this.timeZone,
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(iso));
    this.overlap.replaceChildren(
      element('option', { value: 'earlier', textContent: t('meetingOverlapEarlier', clock(earlierUtc)) }),
      element('option', { value: 'later', textContent: t('meetingOverlapLater', clock(laterUtc)) }),
    );
    this.overlapField.hidden = false;
    this.typed.set(this.overlap, this.overlap.value);
  }

  private firstInvalid(): HTMLElement | undefined {
    return [this.date, this.duration, this.subject, this.invitee, this.notes].find(
      (input) => input.getAttribute('aria-invalid') === 'true',
    );
  }

  private showProblem(field: Field, shown: HTMLParagraphElement, problem: MeetingFormProblem | undefined): void {
    shown.textContent = problem ? meetingProblemText(problem, t, this.timeZone, this.locale) : '';
    shown.hidden = !problem;
    for (const input of this.inputsOf(field)) input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    // A changed date or time may leave the overlap; it is asked again when it still applies.
    if (field === 'when' && problem?.code !== 'dstOverlap') this.overlapField.hidden = true;
  }

  private inputsOf(field: Field): HTMLElement[] {
    if (field === 'when') return [this.date, this.time];
    return [{ duration: this.duration, subject: this.subject, invitee: this.invitee, notes: this.notes }[field]];
  }

  private setWhen(instant: number): void {
    const { date, time } = localFields(instant, this.timeZone);
    this.date.value = date;
    this.time.value = time;
  }

  private addDuration(minutes: number): void {
    this.duration.append(
      element('option', { value: String(minutes), textContent: formatMinutes(this.locale, minutes, 'long') }),
    );
  }

  private zoneName(): string {
    const parts = new Intl.DateTimeFormat(this.locale, {
      timeZone: this.timeZone,
      timeZoneName: 'long',
    }).formatToParts();
    const name = parts.find((part) => part.type === 'timeZoneName')?.value;
    return name && name !== this.timeZone ? `${name} (${this.timeZone})` : this.timeZone;
  }

  private field(label: Parameters<typeof t>[0], input: HTMLElement, problem?: Field): HTMLDivElement {
    const id = `meeting-field-${++nextId}`;
    input.id = id;
    const wrap = element('div', { className: 'field' });
    wrap.append(element('label', { htmlFor: id, textContent: t(label) }), input);
    if (problem && problem !== 'when') wrap.append(this.problemFor(problem, [input]));
    return wrap;
  }

  private problemFor(field: Field, inputs: HTMLElement[]): HTMLParagraphElement {
    const id = `meeting-problem-${++nextId}`;
    const shown = element('p', { className: 'problem', id, hidden: true });
    for (const input of inputs) input.setAttribute('aria-describedby', id);
    this.problems.set(field, shown);
    return shown;
  }
}
