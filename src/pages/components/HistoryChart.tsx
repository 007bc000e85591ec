// The last 30 days as a chart: bars for sessions per day (left axis), a line for minutes per day
// (right axis), dates along the bottom and a legend. With no session it draws the empty axes and
// says so in words, rather than a flat line that reads as an error. The drawing is decorative for
// assistive technology: the caption and the table beside it say the same.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/locale-format.js';
import { uiLocale } from '../browser-i18n.js';
import type { DayTotal } from './history-days.js';

const WIDTH = 396;
const HEIGHT = 110;
const PLOT = { left: 26, right: WIDTH - 30, top: 8, bottom: HEIGHT - 18 };

export const dayText = (date: Date) => date.toLocaleDateString(uiLocale(), { month: 'short', day: 'numeric' });

export function HistoryChart({ totals, days }: { totals: DayTotal[]; days: number }) {
  const empty = totals.every((d) => d.sessions === 0);
  const slot = (PLOT.right - PLOT.left) / totals.length;
  const maxSessions = Math.max(1, ...totals.map((d) => d.sessions));
  const maxMinutes = Math.max(1, ...totals.map((d) => d.minutes));
  const y = (value: number, max: number) => PLOT.bottom - (value / max) * (PLOT.bottom - PLOT.top);
  const x = (i: number) => PLOT.left + i * slot + slot / 2;
  const line = totals.map((d, i) => `${x(i).toFixed(1)},${y(d.minutes, maxMinutes).toFixed(1)}`).join(' ');
  // First day, middle and today: enough dates to read any bar's day without crowding 31 labels.
  const ticks = [0, Math.floor((totals.length - 1) / 2), totals.length - 1];
  const number = (value: number) => formatNumber(uiLocale(), value);
  return (
    <div class="chart-box">
      <svg
        class="history-chart"
        data-glance-chart=""
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        aria-hidden="true"
      >
        <line class="axis" x1={PLOT.left} y1={PLOT.bottom + 0.5} x2={PLOT.right} y2={PLOT.bottom + 0.5} />
        <line class="axis" x1={PLOT.left - 0.5} y1={PLOT.top} x2={PLOT.left - 0.5} y2={PLOT.bottom} />
        <text class="tick y-sessions" x={PLOT.left - 4} y={PLOT.bottom} text-anchor="end">
          0
        </text>
        {!empty && (
          <>
            <line class="axis" x1={PLOT.right + 0.5} y1={PLOT.top} x2={PLOT.right + 0.5} y2={PLOT.bottom} />
            <text class="tick y-sessions" x={PLOT.left - 4} y={PLOT.top + 8} text-anchor="end">
              {number(maxSessions)}
            </text>
            <text class="tick y-minutes" x={PLOT.right + 4} y={PLOT.top + 8}>
              {number(maxMinutes)}
            </text>
            <text class="tick y-minutes" x={PLOT.right + 4} y={PLOT.bottom}>
              0
            </text>
          </>
        )}
        {ticks.map((i, n) => {
          const day = totals[i];
          if (!day) return null;
          const anchor = n === 0 ? 'start' : n === ticks.length - 1 ? 'end' : 'middle';
          const at = n === 0 ? PLOT.left : n === ticks.length - 1 ? PLOT.right : x(i);
          return (
            <text key={i} class="tick x-day" x={at} y={HEIGHT - 4} text-anchor={anchor}>
              {dayText(day.date)}
            </text>
          );
        })}
        {totals.map((d, i) =>
          d.sessions > 0 ? (
            <rect
              key={d.date.getTime()}
              class="bar"
              x={(PLOT.left + i * slot + 1).toFixed(1)}
              y={y(d.sessions, maxSessions).toFixed(1)}
              width={Math.max(1, slot - 2).toFixed(1)}
              height={(PLOT.bottom - y(d.sessions, maxSessions)).toFixed(1)}
            />
          ) : null,
        )}
        {!empty && <polyline class="minutes" points={line} fill="none" />}
      </svg>
      {empty ? (
        <p class="chart-empty" data-testid="history-empty">
          {t('historyNone', number(days))}
        </p>
      ) : (
        <ul class="legend" data-testid="history-legend">
          <li>
            <span class="key bar" aria-hidden="true" />
            {t('historyLegendSessions')}
          </li>
          <li>
            <span class="key line" aria-hidden="true" />
            {t('historyLegendMinutes')}
          </li>
        </ul>
      )}
    </div>
  );
}
