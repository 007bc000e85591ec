// The running session, else the next meeting this browser scheduled: what the rep opened the popup
// for between two calls.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { formatDayAndTime } from '../../shared/locale-format.js';
import type { PageNow } from '../../shared/protocol/index.js';
import { sobjectName } from '../../shared/sobject-name.js';
import { request } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';

export function NowCard() {
  const [now, setNow] = useState<PageNow | undefined>(undefined);
  useEffect(() => {
    request('page:now', {}).then(setNow, () => setNow({ session: null, meeting: null }));
  }, []);
  if (!now) return null;
  const when = (iso: string) => formatDayAndTime(uiLocale(), iso);
  if (now.session)
    return (
      <p class="now" data-testid="popup-now" data-kind="session">
        <strong>{t('nowSessionRunning')}</strong>{' '}
        {t('nowSessionDetail', sobjectName(now.session.sobject), when(now.session.startedAt))}
        {now.session.key ? ` · ${t('nowSessionKey', now.session.key)}` : ''}
      </p>
    );
  if (now.meeting)
    return (
      <p class="now" data-testid="popup-now" data-kind="meeting">
        <strong>{t('nowNextMeeting')}</strong> {t('nowMeetingDetail', now.meeting.subject, when(now.meeting.startsAt))}
      </p>
    );
  return null;
}
