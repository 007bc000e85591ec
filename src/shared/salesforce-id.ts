// Salesforce record ids: 15 case-sensitive characters, or 18 with a 3-character checksum that makes
// them safe in case-insensitive places. Key prefixes of the standard objects are the same in every org.

const SOBJECT_BY_PREFIX = {
  '00Q': 'Lead',
  '003': 'Contact',
  '006': 'Opportunity',
  '701': 'Campaign',
  '500': 'Case',
  '001': 'Account',
  '00U': 'Event',
  '00T': 'Task',
  '005': 'User',
  '0D5': 'FeedItem',
} as const;

type KnownSObject = (typeof SOBJECT_BY_PREFIX)[keyof typeof SOBJECT_BY_PREFIX];

/** The record types on which the Glance toolbar is offered. */
const GLANCE_SOBJECTS = ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case'] as const;
export type GlanceSObject = (typeof GLANCE_SOBJECTS)[number];

export function isGlanceSObject(name: string): name is GlanceSObject {
  return (GLANCE_SOBJECTS as readonly string[]).includes(name);
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** Converts a 15- or 18-character id to its 18-character form; returns undefined for non-ids. */
export function to18(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  const base = id.slice(0, 15);
  // Each 5-character chunk's capitals as bits (its first character the lowest) name one character of
  // the checksum alphabet: A–Z for 0–25, then 0–5 (computed, not a 32-character table: the content
  // script carries this).
  const suffix = base.replace(/.{5}/g, (chunk) => {
    const bits = [...chunk].reduceRight((sum, c) => sum * 2 + +/[A-Z]/.test(c), 0);
    return String.fromCharCode(bits < 26 ? 65 + bits : 22 + bits);
  });
  const full = base + suffix;
  return id.length === 18 && id !== full ? undefined : full;
}

export function sobjectOfId(id: string): KnownSObject | undefined {
  return SOBJECT_BY_PREFIX[id.slice(0, 3) as keyof typeof SOBJECT_BY_PREFIX];
}
