// The rep's Glance sessions of the last 30 days as Salesforce has them (one query per popup open):
// a small chart of sessions and minutes per day, the numbers as a table for screen readers and
// anyone who wants them, and a link to each Event. When Salesforce cannot answer, it says why; the
// local list below it (RecentSessions) is the fallback.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { SalesforceHistory } from '../../shared/messages.js';
import { request, salesforceTab } from '../background-channel.js';
import { type DayTotal, totalsPerDay } from './history-days.js';

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

const numberText = (value: number) => new Intl.NumberFormat().format(value);
const dayText = (date: Date) => date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
const whenText = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

const WIDTH = 248;
const HEIGHT = 56;

/** Bars: sessions per day; the line: minutes per day. Decorative for assistive technology (the table says it). */
function Chart({ totals }: { totals: DayTotal[] }) {
  const slot = WIDTH / totals.length;
  const maxSessions = Math.max(1, ...totals.map((d) => d.sessions));
  const maxMinutes = Math.max(1, ...totals.map((d) => d.minutes));
  const y = (value: number, max: number) => HEIGHT - (value / max) * (HEIGHT - 4);
  const line = totals.map((d, i) => `${(i * slot + slot / 2).toFixed(1)},${y(d.minutes, maxMinutes).toFixed(1)}`);
  return (
    <svg
      class="history-chart"
      data-glance-chart=""
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      aria-hidden="true"
    >
      <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} class="axis" />
      {totals.map((d, i) =>
        d.sessions > 0 ? (
          <rect
            key={d.date.getTime()}
            class="bar"
            x={(i * slot + 1).toFixed(1)}
            y={y(d.sessions, maxSessions).toFixed(1)}
            width={(slot - 2).toFixed(1)}
            height={(HEIGHT - y(d.sessions, maxSessions)).toFixed(1)}
          />
        ) : null,
      )}
      <polyline class="minutes" points={line.join(' ')} fill="none" />
    </svg>
  );
}

export function SessionHistory() {
  const [history, setHistory] = useState<SalesforceHistory | undefined>(undefined);
  useEffect(() => {
    // Once per popup open: the org's API allowance is shared by all its users.
    salesforceTab()
      .then((tab) => request('popup:salesforce-history', tab ?? { pageUrl: null }))
      .then(setHistory, () => setHistory({ ok: false, problem: 'unavailable' }));
  }, []);

  if (!history) return <p class="weak">{t('historyLoading')}</p>;
  if (!history.ok)
    return (
      <p class="notice warning" data-testid="history-problem">
        {t(PROBLEM_TEXT[history.problem] ?? 'historyUnavailable')}
      </p>
    );
  const totals = totalsPerDay(history.events, new Date(), history.days);
  const sessions = history.events.length;
  const minutes = history.events.reduce((sum, e) => sum + e.minutes, 0);
  const summary = t('historySummary', numberText(sessions), numberText(minutes), numberText(history.days));
  const busy = totals.filter((d) => d.sessions > 0);
  return (
    <div class="history" data-testid="salesforce-history">
      <figure class="history-figure">
        <Chart totals={totals} />
        <figcaption data-testid="history-summary">{summary}</figcaption>
      </figure>
      {sessions === 0 ? (
        <p class="weak">{t('historyNone', numberText(history.days))}</p>
      ) : (
        <>
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
                    <td>{numberText(d.sessions)}</td>
                    <td>{numberText(d.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <ul class="recent history-events" aria-label={t('historyEventsLabel')}>
            {history.events.map((event) => (
              <li key={event.eventId}>
                <span>{t('historyLine', whenText(event.startedAt), numberText(event.minutes))}</span>{' '}
                <a href={event.eventUrl} target="_blank" rel="noopener">
                  {t('historyOpenEvent', whenText(event.startedAt))}
                </a>
              </li>
            ))}
          </ul>
          {history.more && <p class="weak">{t('historyMore', numberText(history.events.length))}</p>}
        </>
      )}
    </div>
  );
}
