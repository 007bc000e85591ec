// A desktop notification when guests join the rep's session (the rep's setting "Notify me when a
// guest joins"). The guest's name is text the guest typed: shown as plain text on one line, cut to a
// length a notification shows, and never with the session key or the join link.
import { t } from '../../shared/i18n.js';
import { type AccountPorts, settingsView } from '../settings/account.js';
import type { GlanceGuest } from '../storage/glance-account.js';

export interface NoticePorts extends AccountPorts {
  /** A desktop notification (plain text; Chrome renders no markup in it); replaces one with the same id. */
  notify(id: string, title: string, message: string): Promise<void>;
}

const NAME_MAX = 80;

/** One line of plain text: controls, line and paragraph breaks and bidi controls become spaces. */
export function oneLine(text: string, max = NAME_MAX): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping controls is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  const line = flat.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** What the notification says about these guests (one, or the first and how many more). */
export function guestNoticeText(guests: Pick<GlanceGuest, 'name'>[]): string {
  const names = guests.map((g) => oneLine(g.name)).map((name) => name || t('notifyGuestNoName'));
  const [first = t('notifyGuestNoName')] = names;
  return names.length > 1 ? t('notifyGuestsJoined', first, String(names.length - 1)) : t('notifyGuestJoined', first);
}

/** Tells the rep that guests joined, if they want to be told. Never throws: a notice is not worth a poll. */
export async function noticeGuestsJoined(
  ports: NoticePorts,
  sessionId: string,
  guests: GlanceGuest[],
  /** How many guests the session had before these: each notice has its own id, so each shows. */
  before: number,
): Promise<void> {
  if (guests.length === 0) return;
  try {
    if (!(await settingsView(ports)).settings.notifyGuestJoined) return;
    await ports.notify(`glance-guest-${sessionId}-${before}`, t('notifyGuestJoinedTitle'), guestNoticeText(guests));
  } catch {
    // Notifications blocked by the system or the browser: the panel still shows the guest.
  }
}
