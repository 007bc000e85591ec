// The invitation of a scheduled meeting as the rep sends it: Copy invitation (plain text), Download
// .ics (RFC 5545, same UID on every re-issue, SEQUENCE from the background) and Email invitation (a
// mailto: link). All text is built by the pure writers in src/shared/meeting, which keep record and
// invitee text from adding lines.
import { t } from '../../shared/i18n.js';
import { type CalendarPerson, writeIcs } from '../../shared/meeting/ics.js';
import { invitationText, mailtoUrl } from '../../shared/meeting/invitation.js';
import type { MeetingView } from '../../shared/protocol/index.js';
import { element, onTrusted } from '../common/dom.js';

/** The UID's domain part (RFC 5545 section 3.8.4.7 recommends a globally unique "id@domain"). */
const UID_DOMAIN = 'glance-for-salesforce.glance.net';

interface InvitationContext {
  organizer: CalendarPerson;
  timeZone: string;
  locale: string;
}

function invitation(meeting: MeetingView, context: InvitationContext): string {
  return invitationText(
    {
      subject: meeting.subject,
      startUtc: meeting.startsAt,
      endUtc: meeting.endsAt,
      timeZone: context.timeZone,
      locale: context.locale,
      joinUrl: meeting.joinUrl,
      key: meeting.key || undefined,
      conference: {
        phoneNumbers: meeting.phone.numbers,
        accessCode: meeting.phone.accessCode,
        notes: meeting.phone.notes,
      },
      notes: meeting.notes,
    },
    t,
  );
}

function meetingIcs(meeting: MeetingView, context: InvitationContext, now: number): string {
  return writeIcs({
    method: meeting.cancelled ? 'CANCEL' : 'REQUEST',
    uid: `${meeting.meetingId}@${UID_DOMAIN}`,
    sequence: meeting.sequence,
    stamp: now,
    startUtc: meeting.startsAt,
    endUtc: meeting.endsAt,
    summary: meeting.subject,
    location: meeting.joinUrl,
    description: invitation(meeting, context),
    organizer: context.organizer,
    attendee: meeting.invitee ? { name: '', email: meeting.invitee } : undefined,
  });
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = element('a', { href: url, download: 'glance-meeting.ics' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The buttons that send the invitation (or, for a cancelled meeting, the cancellation .ics). */
export function invitationActions(meeting: MeetingView, context: InvitationContext): HTMLElement {
  const actions = element('div', { className: 'row' });
  const status = element('p', { className: 'status' }, { role: 'status' });
  const ics = element('button', {
    type: 'button',
    textContent: t(meeting.cancelled ? 'meetingDownloadCancelIcs' : 'meetingDownloadIcs'),
  });
  ics.dataset.action = 'ics';
  onTrusted(ics, 'click', () => download(meetingIcs(meeting, context, Date.now())));
  if (!meeting.cancelled) {
    const text = invitation(meeting, context);
    const copy = element('button', { type: 'button', textContent: t('meetingCopyInvitation') });
    copy.dataset.action = 'copy';
    onTrusted(copy, 'click', () => {
      navigator.clipboard.writeText(text).then(
        () => {
          status.textContent = t('copied');
        },
        () => {
          status.textContent = t('meetingCopyFailed');
        },
      );
    });
    // The mail link is built when the rep clicks, from the worker's meeting, and followed from an
    // anchor no page script can reach: the visible link's href is the page's to rewrite (a Bcc).
    const mail = element('a', {
      className: 'button',
      href: 'mailto:',
      textContent: t('meetingEmailInvitation'),
    });
    mail.dataset.action = 'email';
    mail.addEventListener('click', (event) => event.preventDefault());
    onTrusted(mail, 'click', () => element('a', { href: mailtoUrl(meeting.invitee, meeting.subject, text) }).click());
    actions.append(copy, ics, mail);
  } else {
    actions.append(ics);
  }
  const wrap = element('div', { className: 'view' });
  wrap.append(actions, status);
  return wrap;
}
