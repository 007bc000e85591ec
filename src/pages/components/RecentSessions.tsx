// The popup's list of the last sessions and whether Salesforce has them.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import { formatDayAndTime, formatMinutes, formatNumber } from '../../shared/locale-format.js';
import type { RecentSessionView, SalesforceLogState } from '../../shared/messages.js';
import { sobjectName } from '../../shared/sobject-name.js';
import { request } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';

const STATE_TEXT: Record<Exclude<SalesforceLogState, 'logged'>, MessageKey> = {
  pending: 'recentPending',
  unavailable: 'recentUnavailable',
  'daily-limit': 'recentDailyLimit',
  'session-expired': 'recentLoginNeeded',
  'api-blocked': 'recentApiBlocked',
  'session-not-for-api': 'recentSessionNotForApi',
  'needs-attention': 'recentFailed',
  unconfirmed: 'recentUnconfirmed',
  'other-user': 'recentOtherUser',
  discarded: 'recentDiscarded',
};

/** `version` changes when the queue changed (Retry, Discard): the list is read again. */
export function RecentSessions({ version = 0 }: { version?: number }) {
  const [sessions, setSessions] = useState<RecentSessionView[] | undefined>(undefined);
  useEffect(() => {
    request('popup:recent-sessions', {}).then(setSessions, () => setSessions([]));
  }, [version]);
  if (!sessions) return null;
  if (sessions.length === 0) return <p class="weak">{t('recentNone')}</p>;
  return (
    <ul class="recent" data-testid="recent-sessions">
      {sessions.map((s) => (
        <li key={s.sessionId}>
          <span>
            {t(
              'recentLine',
              sobjectName(s.sobject),
              formatDayAndTime(uiLocale(), s.startedAt),
              formatMinutes(uiLocale(), s.minutes),
              formatNumber(uiLocale(), s.guests),
            )}
          </span>{' '}
          {s.salesforce === 'logged' && s.eventUrl ? (
            <a href={s.eventUrl} target="_blank" rel="noopener">
              {t('recentOpenEvent')}
            </a>
          ) : (
            <span class="weak">{t(STATE_TEXT[s.salesforce === 'logged' ? 'pending' : s.salesforce])}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
