// "Join customer's session": the key or visitor id the customer gives, checked here before anything
// opens (Glance's form: letters, digits, _ and -, up to 50), then joined by the worker, which opens
// Glance's agent viewer in its own window. Built in the panel's lazily injected script, in the
// toolbar's shadow root beside the Start button. What is sent is the field's own value, read in the
// trusted submit.
import { t } from '../../shared/i18n.js';
import { VISITOR_KEY_PATTERN } from '../../shared/visitor-key.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { lookAgain } from '../common/press-guard.js';

const FORM_CSS = `.join{display:flex;flex-wrap:wrap;align-items:end;gap:.5rem;flex-basis:100%;padding-top:.5rem}
.join label{display:grid;gap:.125rem;font-size:.75rem;color:#444}
.join input{height:2rem;padding:0 .5rem;font:inherit;font-size:.8125rem;border:1px solid #c9c9c9;border-radius:.25rem}
.join input:focus{outline:0;border-color:#0176d3;box-shadow:0 0 3px #0176d3}
.join .error{flex-basis:100%;margin:0;color:#ba0517;font-size:.75rem}`;

export class JoinForm {
  readonly form = element('form', { className: 'join', noValidate: true, hidden: true });
  private readonly key = element('input', { maxLength: 50, autocomplete: 'off', spellcheck: false });
  private readonly error = element('p', { className: 'error', hidden: true }, { role: 'alert' });

  /**
   * `after`: the element the form follows; `join`: sends the key (resolves when the worker answered);
   * `focusBack`: where keyboard focus goes when the form closes (the menu button that opened it).
   */
  constructor(
    after: Element,
    join: (key: string) => Promise<void>,
    private readonly focusBack?: HTMLElement,
  ) {
    const label = element('label', { textContent: t('joinKeyLabel') });
    label.append(this.key);
    const submit = element('button', { type: 'submit', className: 'brand', textContent: t('joinSubmit') });
    const cancel = element('button', { type: 'button', textContent: t('cancel') });
    this.form.setAttribute('aria-label', t('joinCustomerSession'));
    this.form.append(label, submit, cancel, this.error);
    after.after(this.form);
    const root = after.getRootNode();
    if (root instanceof ShadowRoot) adoptStyle(root, FORM_CSS);
    onTrusted(cancel, 'click', () => this.close());
    onTrusted(this.form, 'keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    // Chromium marks a submit trusted even when a page script caused it (requestSubmit(), a
    // scripted click): only the rep's own press of Join, or Enter in the field, joins.
    this.form.addEventListener('submit', (event) => event.preventDefault());
    const joinTyped = () => {
      if (submit.getAttribute('aria-disabled') === 'true') return;
      const key = this.key.value.trim();
      const bad = !VISITOR_KEY_PATTERN.test(key);
      this.error.hidden = !bad;
      this.error.textContent = bad ? t(key ? 'joinKeyInvalid' : 'joinKeyMissing') : '';
      this.key.setAttribute('aria-invalid', String(bad));
      if (bad) {
        this.key.focus();
        return;
      }
      submit.setAttribute('aria-disabled', 'true');
      void join(key).finally(() => {
        submit.removeAttribute('aria-disabled');
        this.close();
      });
    };
    onTrusted(submit, 'click', (event) => {
      event.preventDefault();
      joinTyped();
    });
    onTrusted(this.key, 'keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      joinTyped();
    });
  }

  open(): void {
    this.form.hidden = false;
    this.key.focus();
  }

  close(): void {
    lookAgain();
    // Focus inside the form would fall to the page's body as it hides: it goes back where it came from.
    const root = this.form.getRootNode();
    const focused = root instanceof ShadowRoot ? root.activeElement : null;
    this.form.hidden = true;
    this.form.reset();
    this.error.hidden = true;
    if (focused && this.form.contains(focused)) this.focusBack?.focus();
  }
}
