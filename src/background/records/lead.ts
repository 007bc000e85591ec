// Turning a Glance guest into a Lead: the fields, from what the guest typed on the join page.
import type { LeadCreation } from '../../shared/settings.js';
import { oneLine } from './session-event.js';

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.com',
]);

export const LEAD_SOURCE = 'Glance';
const NAME_PLACEHOLDER = 'Glance guest';
const COMPANY_PLACEHOLDER = 'Unknown (Glance guest)';

function companyFromEmail(email: string): string {
  const domain = email.split('@')[1]?.toLowerCase().trim() ?? '';
  if (!domain || FREE_MAIL.has(domain)) return COMPANY_PLACEHOLDER;
  const label = domain.split('.')[0] ?? '';
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : COMPANY_PLACEHOLDER;
}

export function leadFields(guest: { name: string; email: string }, sessionId: string, joinedAt: string) {
  const parts = oneLine(guest.name).split(/\s+/).filter(Boolean);
  const lastName = parts.length > 0 ? (parts.pop() as string) : NAME_PLACEHOLDER;
  return {
    FirstName: parts.join(' ').slice(0, 40) || null,
    LastName: lastName.slice(0, 80),
    Company: companyFromEmail(guest.email).slice(0, 255),
    Email: guest.email.slice(0, 80),
    LeadSource: LEAD_SOURCE,
    Description: `Joined Glance session ${sessionId} at ${joinedAt}.`,
  };
}

/** Whether a guest gets a Lead at this level (the rep's choice held within the company policy). */
export function wantsLead(guest: { name: string; email: string }, level: LeadCreation): boolean {
  if (level === 'never' || !usableEmail(guest.email)) return false;
  return level === 'email' || guest.name.trim().length > 0;
}

/** A valid-looking email, or '' (the join page does not check what guests type). */
export function usableEmail(raw: string): string {
  const email = raw.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 80 ? email : '';
}
