// The panel's Add guest: the rep types who joined (Glance documents no feed of a screen share's
// guests), and each one goes into the session's Event and becomes a Lead by the rep's policy. Built
// in the panel's lazily injected script. The values sent are the fields' own, read in the trusted
// submit that sends them.
import { t } from '../../shared/i18n.js';
import { GUEST_EMAIL_MAX, GUEST_NAME_MAX } from '../../shared/protocol/index.js';
import { element, onTrusted } from '../common/dom.js';

/** The shape Salesforce accepts for Lead.Email, roughly: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class GuestForm {
  readonly root = element('form', { className: 'guest-form', noValidate: true });
  private readonly name = element('input', { id: 'guest-name', maxLength: GUEST_NAME_MAX, autocomplete: 'off' });
  private readonly email = element('input', {
    id: 'guest-email',
    type: 'email',
    maxLength: GUEST_EMAIL_MAX,
    autocomplete: 'off',
  });
  private readonly error = element('p', { className: 'status', hidden: true }, { role: 'alert', 'data-tone': 'error' });

  /** `add` answers true when the guest was taken. */
  constructor(add: (guest: { name: string; email: string }) => Promise<boolean>) {
    const nameLabel = element('label', { htmlFor: 'guest-name', className: 'caption', textContent: t('guestName') });
    const emailLabel = element('label', { htmlFor: 'guest-email', className: 'caption', textContent: t('guestEmail') });
    const submit = element('button', { type: 'submit', textContent: t('addGuest') });
    // Each label over its own field; the fields and the button on one row while there is room.
    const field = (label: HTMLElement, input: HTMLInputElement) => {
      const cell = element('div', { className: 'guest-field' });
      cell.append(label, input);
      return cell;
    };
    const row = element('div', { className: 'link-row guest-row' });
    row.append(field(nameLabel, this.name), field(emailLabel, this.email), submit);
    this.root.append(row, this.error);
    // Chromium marks a submit trusted even when a page script caused it (requestSubmit(), a
    // scripted click): only the rep's own press of the button, or Enter in a field, adds a guest.
    this.root.addEventListener('submit', (event) => event.preventDefault());
    const addTyped = () => {
      if (submit.getAttribute('aria-disabled') === 'true') return;
      const guest = { name: this.name.value.trim(), email: this.email.value.trim() };
      const problem = !guest.name
        ? 'guestNameRequired'
        : guest.email && !EMAIL.test(guest.email)
          ? 'guestEmailInvalid'
          : '';
      this.error.hidden = !problem;
      this.error.textContent = problem ? t(problem) : '';
      if (problem) {
        (problem === 'guestNameRequired' ? this.name : this.email).focus();
        return;
      }
      submit.setAttribute('aria-disabled', 'true');
      void add(guest).then((taken) => {
        submit.removeAttribute('aria-disabled');
        if (taken) this.root.reset();
      });
    };
    onTrusted(submit, 'click', (event) => {
      event.preventDefault();
      addTyped();
    });
    for (const field of [this.name, this.email])
      onTrusted(field, 'keydown', (event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        addTyped();
      });
  }
}
