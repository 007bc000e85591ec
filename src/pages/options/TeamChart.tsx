// The team view's chart: one horizontal bar per rep (their sessions), drawn as a small SVG, no chart
// library (a few rectangles need none, and the options page stays light). It is one image to
// assistive technology, named by a text that says every bar's number; the table below it holds the
// same numbers, and more.
import { t } from '../../shared/i18n.js';
import type { TeamRep } from '../../shared/team-sessions.js';

/** More bars than this would not read as a chart on a settings page; the table lists everyone. */
const CHART_REPS = 12;

const WIDTH = 520;
const LABEL = 170;
const COUNT = 44;
const ROW = 24;
const BAR = 16;

const numberText = (value: number) => new Intl.NumberFormat().format(value);
/** A long name is cut in the picture only: the text alternative and the table keep it whole. */
const shortName = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

export function TeamChart({ reps, days }: { reps: TeamRep[]; days: number }) {
  const shown = reps.slice(0, CHART_REPS);
  const most = Math.max(1, ...shown.map((r) => r.sessions));
  const height = shown.length * ROW + 4;
  const alternative = t(
    reps.length > shown.length ? 'teamChartTextTop' : 'teamChartText',
    numberText(days),
    shown.map((r) => t('teamChartBar', r.name, numberText(r.sessions))).join('; '),
    numberText(shown.length),
  );
  return (
    <svg
      class="team-chart"
      role="img"
      aria-labelledby="team-chart-title"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <title id="team-chart-title">{alternative}</title>
      {shown.map((rep, i) => {
        const y = i * ROW + 2;
        const length = Math.max(2, (rep.sessions / most) * (WIDTH - LABEL - COUNT));
        return (
          <g key={rep.userId}>
            <text class="label" x={LABEL - 8} y={y + BAR - 3} text-anchor="end">
              {shortName(rep.name)}
            </text>
            <rect class="bar" x={LABEL} y={y} width={length.toFixed(1)} height={BAR} />
            <text class="count" x={(LABEL + length + 6).toFixed(1)} y={y + BAR - 3}>
              {numberText(rep.sessions)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
