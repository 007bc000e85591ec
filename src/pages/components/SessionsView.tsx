// Recent sessions: the rep's Glance sessions of the last 30 days as Salesforce has them (one query per
// view), drawn as a chart with the numbers as a table, and one list joining them with this browser's
// own sessions (those still on their way to Salesforce, or all of them when Salesforce cannot answer).
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import { formatDayAndTime, formatMinutes, formatNumber } from '../../shared/locale-format.js';
import type { RecentSessionView, SalesforceHistory, SalesforceLogState } from '../../shared/protocol/index.js';
import { sobjectName } from '../../shared/sobject-name.js';
import { request, salesforceTab } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';
import { dayText, HistoryChart } from './HistoryChart.js';
import { totalsPerDay } from './history-days.js';
import { mergeSessions, type SessionLine, wholeMinutes } from './session-list.js';

const PROBLEM_TEXT: Record<Extract<SalesforceHistory, { ok: false }>['problem'], MessageKey> = {
  'no-salesforce-tab': 'historyNoSalesforceTab',
  proxied: 'historyProxied',
  'session-expired': 'historyLoggedOut',
  'api-blocked': 'historyApiBlocked',
  'session-not-for-api': 'historySessionNotForApi',
  'daily-limit': 'historyDailyLimit',
  unavailable: 'historyUnavailable',
  duplicate: 'historyUnavailable',
  unconfirmed: 'historyUnavailable', // a queued write's, never a query's: here only for completeness
  refused: 'historyRefused',
  'my-domain-moved': 'historyMyDomainMoved',
};

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

const number = (value: number) => formatNumber(uiLocale(), value);

function durationText(line: Pick<SessionLine, 'startedAt' | 'endedAt'>): string {
  const minutes = wholeMinutes(line.startedAt, line.endedAt);
  return minutes === undefined ? t('durationUnderMinute') : formatMinutes(uiLocale(), minutes);
}

/** One session: its time is the link to its Event (short, and unique in the list), then the facts. */
function SessionItem({ line }: { line: SessionLine }) {
  const when = formatDayAndTime(uiLocale(), line.startedAt);
  const facts = [
    line.sobject ? sobjectName(line.sobject) : '',
    durationText(line),
    line.guests !== undefined ? t('recentGuests', number(line.guests)) : '',
  ].filter(Boolean);
  return (
    <li data-state={line.salesforce}>
      {line.eventUrl ? (
        <a href={line.eventUrl} target="_blank" rel="noopener">
          {when}
        </a>
      ) : (
        <span>{when}</span>
      )}
      <span> · {facts.join(' · ')}</span>
      {line.salesforce !== 'logged' && <span class="weak"> · {t(STATE_TEXT[line.salesforce])}</span>}
    </li>
  );
}

/** `version` changes when the queue changed (Retry, Discard): the local list is read again. */
export function SessionsView({ version = 0 }: { version?: number }) {
  const [history, setHistory] = useState<SalesforceHistory | undefined>(undefined);
  const [local, setLocal] = useState<RecentSessionView[] | undefined>(undefined);
  useEffect(() => {
    // Once per view: the org's API allowance is shared by all its users.
    salesforceTab()
      .then((tab) => request('page:salesforce-history', tab ?? { pageUrl: null }))
      .then(setHistory, () => setHistory({ ok: false, problem: 'unavailable' }));
  }, []);
  useEffect(() => {
    request('page:recent-sessions', {}).then(setLocal, () => setLocal([]));
  }, [version]);

  if (!history || !local) return <p class="weak">{t('historyLoading')}</p>;
  const events = history.ok ? history.events : [];
  const lines = mergeSessions(events, local);
  return (
    <div class="history">
      {history.ok ? <HistorySummary history={history} /> : null}
      {!history.ok && (
        <p class="notice warning" data-testid="history-problem">
          {t(PROBLEM_TEXT[history.problem] ?? 'historyUnavailable')}
        </p>
      )}
      {lines.length === 0 ? (
        history.ok ? null : (
          <p class="weak">{t('recentNone')}</p>
        )
      ) : (
        <ul class="recent history-events" aria-labelledby="recent-heading" data-testid="recent-sessions">
          {lines.map((line) => (
            <SessionItem key={line.key} line={line} />
          ))}
        </ul>
      )}
      {history.ok && history.more && <p class="weak">{t('historyMore', number(history.events.length))}</p>}
    </div>
  );
}

function HistorySummary({ history }: { history: Extract<SalesforceHistory, { ok: true }> }) {
  const totals = totalsPerDay(history.events, new Date(), history.days);
  const minutes = history.events.reduce((sum, e) => sum + e.minutes, 0);
  const summary = t('historySummary', number(history.events.length), number(minutes), number(history.days));
  const busy = totals.filter((d) => d.sessions > 0);
  return (
    <div data-testid="salesforce-history">
      <figure class="history-figure">
        <HistoryChart totals={totals} days={history.days} />
        <figcaption data-testid="history-summary">{summary}</figcaption>
      </figure>
      {busy.length > 0 && (
        <details data-glance-chart="">
          <summary>{t('historyTableSummary')}</summary>
          <table class="history-table">
            <caption class="assistive">{summary}</caption>
            <thead>
              <tr>
                <th scope="col">{t('historyDay')}</th>
                <th scope="col">{t('historySessions')}</th>
                <th scope="col">{t('historyMinutes')}</th>
              </tr>
            </thead>
            <tbody>
              {busy.map((d) => (
                <tr key={d.date.getTime()}>
                  <th scope="row">{dayText(d.date)}</th>
                  <td>{number(d.sessions)}</td>
                  <td>{number(d.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
