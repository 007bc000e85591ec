// The outcomes a company offers for the rep's wrap-up after End (issue 27, item 5), and the limits
// of what the rep writes. The wrap-up's messages are in protocol/wrap-up.ts.
import { hasControlCharacter } from './control-characters.js';

/**
 * Offered when the company policy sets no list. Salesforce data, so English like the rest of the
 * Event (reports group by it: every rep's "Demo given" must be the same text); the panel shows each
 * in the rep's language (WRAP_UP_DEFAULT_LABELS).
 */
export const DEFAULT_WRAP_UP_OUTCOMES = ['Demo given', 'Issue resolved', 'Follow-up needed', 'No show'] as const;

/** The most outcomes a list may hold, and the longest one (they share Location's 255 characters). */
const MAX_OUTCOMES = 20;
export const OUTCOME_MAX_LENGTH = 80;

export const WRAP_UP_LIMITS = {
  /** Event.Description holds 32,000 characters with the session's own lines (Object Reference, "Event"). */
  notes: 20_000,
  /** Task.Subject holds 255 (Object Reference, "Task"). */
  taskSubject: 255,
} as const;

/**
 * The policy's `wrapUpOutcomes` as the extension applies it: unset, the default list; a list of
 * usable names, those (trimmed, duplicates once); anything else (not a list, an entry that is not
 * text, empty, too long or with a control character, too many) fails closed to no list at all, so
 * the rep can pick no outcome the administrator did not mean, and `unusable` is true.
 */
export function readWrapUpOutcomes(raw: unknown, set: boolean): { outcomes: string[]; unusable: boolean } {
  if (!set) return { outcomes: [...DEFAULT_WRAP_UP_OUTCOMES], unusable: false };
  const usable =
    Array.isArray(raw) &&
    raw.length <= MAX_OUTCOMES &&
    raw.every(
      (entry) =>
        typeof entry === 'string' &&
        entry.trim() !== '' &&
        entry.trim().length <= OUTCOME_MAX_LENGTH &&
        !hasControlCharacter(entry),
    );
  if (!usable) return { outcomes: [], unusable: true };
  return { outcomes: [...new Set((raw as string[]).map((entry) => entry.trim()))], unusable: false };
}
