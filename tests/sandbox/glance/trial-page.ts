// Glance's free-trial sign-up page (A17: https://www.glance.net/signup/trial?name=&email= prefills).
// The emulator only shows the form and a thank-you page; it creates no account.
import { TRIAL_SIGNUP_QUERY } from '../../../src/background/glance/assumptions.js';
import { escapeHtml } from '../http.js';
import { glancePage } from './page-layout.js';

export function trialSignupPage(query: URLSearchParams): string {
  const value = (name: string) => escapeHtml(query.get(name) ?? '');
  return glancePage(
    'Start your free Glance trial',
    `<h1>Start your free 30-day Glance trial</h1>
     <form method="post">
       <label for="name">Name</label>
       <input id="name" name="${TRIAL_SIGNUP_QUERY.name}" value="${value(TRIAL_SIGNUP_QUERY.name)}" autocomplete="name">
       <label for="email">Email</label>
       <input id="email" name="${TRIAL_SIGNUP_QUERY.email}" type="email" value="${value(TRIAL_SIGNUP_QUERY.email)}" autocomplete="email">
       <button type="submit">Start free trial</button>
     </form>`,
  );
}

export function trialThanksPage(form: URLSearchParams): string {
  return glancePage(
    'Thanks for trying Glance',
    `<h1>Thanks, ${escapeHtml(form.get(TRIAL_SIGNUP_QUERY.name) ?? '')}</h1>
     <p>We sent the details of your trial account to ${escapeHtml(form.get(TRIAL_SIGNUP_QUERY.email) ?? '')}.</p>`,
  );
}
