// The "Team" tab: the Glance sessions of the last 30 days that the signed-in user may see in the org
// of their Salesforce tab, by rep (a manager sees their team's, per Salesforce's sharing). One query
// when the tab is first shown and one per Refresh: the org's API allowance is shared by all its users.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { SessionMode } from '../../shared/protocol/index.js';
import type { TeamRep, TeamSessions } from '../../shared/team-sessions.js';
import { adminSalesforce } from './admin-salesforce.js';
import { TeamChart } from './TeamChart.js';
import { teamSessions } from './team/team-query.js';

const PROBLEM_TEXT: Record<Extract<TeamSessions, { ok: false }>['problem'], MessageKey> = {
  'no-salesforce-tab': 'teamNoSalesforceTab',
  proxied: 'teamProxied',
  'session-expired': 'teamLoggedOut',
  'api-blocked': 'teamApiBlocked',
  'session-not-for-api': 'teamSessionNotForApi',
  'daily-limit': 'teamDailyLimit',
  unavailable: 'teamUnavailable',
  duplicate: 'teamUnavailable',
  refused: 'teamRefused',
  'my-domain-moved': 'teamMyDomainMoved',
  // A query's answer is never "in doubt"; a history read cannot meet it, but the vocabulary has it.
  unconfirmed: 'teamUnavailable',
};

/** The panel's names of the modes: the Event says them in English, the manager reads their language. */
const MODE_TEXT: Record<SessionMode, MessageKey> = {
  screenshare: 'panelModeScreenShare',
  view: 'panelModeView',
  cobrowse: 'panelModeCobrowse',
};
const modesText = (modes: SessionMode[]) => modes.map((mode) => t(MODE_TEXT[mode])).join(' → ');

const numberText = (value: number) => new Intl.NumberFormat().format(value);
const whenText = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const sum = (reps: TeamRep[], key: 'sessions' | 'minutes' | 'guests') => reps.reduce((n, r) => n + r[key], 0);

function TeamTable({ reps, summary }: { reps: TeamRep[]; summary: string }) {
  return (
    <table class="history-table team-table" data-testid="team-table">
      <caption class="assistive">{summary}</caption>
      <thead>
        <tr>
          <th scope="col">{t('teamRep')}</th>
          <th scope="col">{t('historySessions')}</th>
          <th scope="col">{t('historyMinutes')}</th>
          <th scope="col">{t('teamGuests')}</th>
        </tr>
      </thead>
      <tbody>
        {reps.map((rep) => (
          <tr key={rep.userId}>
            <th scope="row">
              <a href={rep.userUrl} target="_blank" rel="noopener" aria-label={t('teamOpenUser', rep.name)}>
                {rep.name}
              </a>
            </th>
            <td>{numberText(rep.sessions)}</td>
            <td>{numberText(rep.minutes)}</td>
            <td>{numberText(rep.guests)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each rep's session Events, folded: a manager opens the rep they want to look into. */
function RepSessions({ rep }: { rep: TeamRep }) {
  return (
    <details class="team-rep">
      <summary>{t('teamRepSessions', rep.name, numberText(rep.sessions))}</summary>
      <ul class="recent history-events" aria-label={t('teamRepEventsLabel', rep.name)}>
        {rep.events.map((event) => (
          <li key={event.eventId}>
            <a href={event.eventUrl} target="_blank" rel="noopener">
              {t('teamOpenEvent', rep.name, whenText(event.startedAt))}
            </a>{' '}
            <span class="weak">
              {t('teamEventLine', numberText(event.minutes), numberText(event.guests))}
              {event.modes.length > 0 ? ` · ${modesText(event.modes)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TeamView({ active }: { active: boolean }) {
  const [team, setTeam] = useState<TeamSessions | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [asked, setAsked] = useState(false);

  async function load() {
    setAsked(true);
    setLoading(true);
    try {
      const { pageUrl, ports, storeId } = await adminSalesforce();
      setTeam(pageUrl ? await teamSessions(pageUrl, ports, storeId) : { ok: false, problem: 'no-salesforce-tab' });
    } catch {
      setTeam({ ok: false, problem: 'unavailable' });
    } finally {
      setLoading(false);
    }
  }

  // Asked when the tab is first shown, not when the options page opens for the settings.
  useEffect(() => {
    if (active && !asked) void load();
  }, [active, asked]);

  const reps = team?.ok ? team.reps : [];
  const summary =
    team?.ok && reps.length > 0
      ? t(
          'teamSummary',
          numberText(reps.length),
          numberText(sum(reps, 'sessions')),
          numberText(sum(reps, 'minutes')),
          numberText(sum(reps, 'guests')),
          numberText(team.days),
        )
      : '';
  return (
    <section class="card" aria-labelledby="team-heading" data-testid="team-view">
      <h2 id="team-heading">{t('teamHeading')}</h2>
      <p class="hint">{t('teamIntro')}</p>
      <div class="row">
        <button type="button" class="btn" disabled={loading} onClick={() => void load()}>
          {t('teamRefresh')}
        </button>
        <span role="status" class="weak">
          {loading ? t('teamLoading') : ''}
        </span>
      </div>
      {team && !team.ok && (
        <p class="notice warning" data-testid="team-problem">
          {t(PROBLEM_TEXT[team.problem] ?? 'teamUnavailable')}
        </p>
      )}
      {team?.ok && reps.length === 0 && <p data-testid="team-none">{t('teamNone', numberText(team.days))}</p>}
      {team?.ok && reps.length > 0 && (
        <>
          <figure class="team-figure">
            <TeamChart reps={reps} days={team.days} />
            <figcaption data-testid="team-summary">{summary}</figcaption>
          </figure>
          <TeamTable reps={reps} summary={summary} />
          {team.more && <p class="weak">{t('teamMore', numberText(sum(reps, 'sessions')))}</p>}
          <h3 class="recent-subheading">{t('teamEventsHeading')}</h3>
          {reps.map((rep) => (
            <RepSessions key={rep.userId} rep={rep} />
          ))}
        </>
      )}
    </section>
  );
}
