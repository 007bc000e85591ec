// The guest join page at https://<address>.glance.net/ (D: guests open the host's address and type
// the key; A15: `?key=` prefills it; A16: name required, email and phone optional).
import { SESSION_TYPE } from '../../../src/background/glance/documented.js';
import { escapeHtml } from '../http.js';
import { glancePage } from './page-layout.js';
import type { GlanceAccount, GlanceSession } from './service.js';

export const NO_SESSION_MESSAGE = 'No session with that key';
export const NAME_REQUIRED_MESSAGE = 'Please enter your name';

export interface JoinFormValues {
  key: string;
  name: string;
  email: string;
  phone: string;
}

export function joinFormPage(account: GlanceAccount, values: Partial<JoinFormValues>, error?: string): string {
  const field = (id: keyof JoinFormValues, label: string, attributes: string) =>
    `<label for="${id}">${label}</label>
     <input id="${id}" name="${id}" value="${escapeHtml(values[id] ?? '')}" ${attributes}>`;
  return glancePage(
    `Join ${account.displayName}'s Glance session`,
    `<h1>${escapeHtml(`Join ${account.displayName}'s session`)}</h1>
     ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
     <form method="post" action="/">
       ${field('key', 'Key', 'inputmode="numeric" autocomplete="off" pattern="[0-9]{4}" aria-describedby="key-note"')}
       <p class="note" id="key-note">The 4-digit key your host gave you. Leave it empty if they said there is none.</p>
       ${field('name', 'Name', 'autocomplete="name" required')}
       ${field('email', 'Email', 'type="email" autocomplete="email"')}
       ${field('phone', 'Phone', 'type="tel" autocomplete="tel"')}
       <button type="submit">Join session</button>
     </form>`,
  );
}

const WHAT_HAPPENS: Record<string, string> = {
  [SESSION_TYPE.screenShare]: 'You are now seeing their screen.',
  [SESSION_TYPE.cobrowse]: 'They can now see this browser tab with you.',
  [SESSION_TYPE.viewGuest]: 'They can now see your screen.',
};

export function joinedPage(account: GlanceAccount, session: GlanceSession, guestName: string): string {
  return glancePage(
    `Joined ${account.displayName}'s Glance session`,
    `<h1>${escapeHtml(`You have joined ${account.displayName}'s session`)}</h1>
     <p>Welcome, ${escapeHtml(guestName)}. ${WHAT_HAPPENS[session.sessionType] ?? ''}</p>
     <p class="note">Session ${escapeHtml(session.key ? `key ${session.key}` : 'without a key')}</p>`,
  );
}

export function unknownAddressPage(address: string): string {
  return glancePage('Glance', `<h1>No Glance account at ${escapeHtml(address)}</h1>`);
}
