// A17 (listed with the other Glance assumptions in src/background/glance/assumptions.ts, which
// re-exports this): the free trial sign-up page the popup links to. Kept here because the popup, an
// extension page, may not import the service worker's code.
export const GLANCE_WEB_ORIGIN = 'https://www.glance.net';
export const TRIAL_SIGNUP_PATH = '/signup/trial';
export const TRIAL_SIGNUP_QUERY = { name: 'name', email: 'email' } as const;

export function trialSignupUrl(name: string, email: string): string {
  const query = new URLSearchParams();
  if (name) query.set(TRIAL_SIGNUP_QUERY.name, name);
  if (email) query.set(TRIAL_SIGNUP_QUERY.email, email);
  const search = query.toString();
  return `${GLANCE_WEB_ORIGIN}${TRIAL_SIGNUP_PATH}${search ? `?${search}` : ''}`;
}
