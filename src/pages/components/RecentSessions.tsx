// The popup's list of the last sessions and whether Salesforce has them.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { RecentSessionView, SalesforceLogState } from '../../shared/messages.js';
import { request } from '../background-channel.js';

const STATE_TEXT: Record<Exclude<SalesforceLogState, 'logged'>, MessageKey> = {
  pending: 'recentPending',
  unavailable: 'recentUnavailable',
  'daily-limit': 'recentDailyLimit',
  'session-expired': 'recentLoginNeeded',
  'api-blocked': 'recentApiBlocked',
  'needs-attention': 'recentFailed',
  discarded: 'recentDiscarded',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

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
          <span>{t('recentLine', s.sobject, when(s.startedAt), String(s.minutes), String(s.guests))}</span>{' '}
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
