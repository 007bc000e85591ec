// The toolbar icon's badge shows how long the running session has run ("3m", "1h"), so the rep sees
// it from any tab and any site. It changes once a minute, on an alarm that exists only while a
// session runs (no session, no alarm: the worker is never woken for nothing).
import { t } from '../../shared/i18n.js';
import type { StoragePorts } from '../storage/ports.js';
import { readActiveSession } from './state.js';

export interface BadgePorts extends StoragePorts {
  now(): number;
  /** The action's badge text for every tab ('' hides it). */
  showBadge(text: string): Promise<void>;
  /** Wakes the worker at `at` and every minute after it; undefined removes that alarm. */
  setBadgeTimer(at: number | undefined): Promise<void>;
}

const MINUTE = 60_000;

/**
 * The badge's text for a session that has run `elapsedMs`: whole minutes under an hour, then whole
 * hours (a badge holds about four characters). Numbers in the rep's locale; the unit's letter
 * is the translators' (badgeMinutes, badgeHours).
 */
export function sessionTimeBadge(elapsedMs: number, locale?: string): string {
  const minutes = Math.max(0, Math.floor(elapsedMs / MINUTE));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (minutes < 60) return t('badgeMinutes', number.format(minutes));
  return t('badgeHours', number.format(Math.floor(minutes / 60)));
}

/** Shows the running session's time on the badge and keeps the minute alarm; clears both without one. */
export async function updateBadge(ports: BadgePorts, locale?: string): Promise<void> {
  const session = await readActiveSession(ports);
  const started = session ? Date.parse(session.startedAt) : Number.NaN;
  if (!session || !Number.isFinite(started)) {
    await ports.setBadgeTimer(undefined);
    await ports.showBadge('');
    return;
  }
  const elapsed = Math.max(0, ports.now() - started);
  await ports.showBadge(sessionTimeBadge(elapsed, locale));
  // The next whole minute of the session, so "3m" turns into "4m" when the session's clock does.
  await ports.setBadgeTimer(started + (Math.floor(elapsed / MINUTE) + 1) * MINUTE);
}
