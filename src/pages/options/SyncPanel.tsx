// "Sync sessions from Glance" (issue 27 item 4): one administrator's browser reads Glance's session
// records on a schedule. The reporting credentials are typed here and kept in this browser only (the
// worker's storage.local, locked to the extension); the page never reads them back.
import { useEffect, useState } from 'preact/hooks';
import { CRR_HOST_PERMISSION } from '../../shared/glance-records-host.js';
import { SYNC_SCHEDULES, type SyncSchedule, type SyncView } from '../../shared/glance-sync.js';
import { type MessageKey, t } from '../../shared/i18n.js';
import { formatDayAndTime, formatNumber } from '../../shared/locale-format.js';
import type { SyncProblem } from '../../shared/protocol/index.js';
import { askHostAccess, request, salesforceTabUrl } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';

const SCHEDULE_TEXT: Record<SyncSchedule, MessageKey> = {
  never: 'syncScheduleNever',
  hourly: 'syncScheduleHourly',
  'two-hours': 'syncScheduleTwoHours',
  daily: 'syncScheduleDaily',
};
const PROBLEM_TEXT: Record<SyncProblem | 'permission', MessageKey> = {
  'glance-credentials': 'syncProblemCredentials',
  'glance-key': 'syncProblemKey',
  'glance-unavailable': 'syncProblemUnavailable',
  'browser-too-old': 'syncProblemBrowser',
  'no-org': 'syncProblemNoOrg',
  permission: 'syncProblemPermission',
};
const WAIT_TEXT: Record<string, MessageKey> = {
  'daily-limit': 'queueReasonDailyLimit',
  'session-expired': 'queueReasonSessionExpired',
  unavailable: 'queueReasonUnavailable',
};
const n = (value: number) => formatNumber(uiLocale(), value);

function Status({ view }: { view: SyncView }) {
  const last = view.last;
  return (
    <div data-testid="sync-status">
      <p>{t('syncOrg', view.apiHost)}</p>
      <p>
        {last
          ? t('syncLast', formatDayAndTime(uiLocale(), new Date(last.at).toISOString()), n(last.found), n(last.queued))
          : t('syncNeverRun')}
      </p>
      {last?.problem && <p class="notice error">{t(PROBLEM_TEXT[last.problem])}</p>}
      {last && !last.finished && !last.problem && <p>{t('syncLastUnfinished')}</p>}
      <p data-testid="sync-written">
        {t('syncWritten', n(view.written.filled), n(view.written.logged), n(view.written.leads))}
      </p>
      {view.written.noUser > 0 && <p>{t('syncNoUser', n(view.written.noUser))}</p>}
      <p data-testid="sync-waiting">
        {view.waiting.sessions > 0
          ? `${t('syncWaiting', n(view.waiting.sessions))} ${WAIT_TEXT[view.waiting.problem] ? t(WAIT_TEXT[view.waiting.problem] as MessageKey) : ''}`.trim()
          : t('syncNothingWaits')}
      </p>
    </div>
  );
}

export function SyncPanel() {
  const [view, setView] = useState<SyncView | undefined>(undefined);
  const [form, setForm] = useState({
    username: '',
    password: '',
    partnerId: '',
    apiKey: '',
    schedule: 'daily' as SyncSchedule,
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => {
    request('options:sync-view', {}).then((answer) => {
      setView(answer);
      if (answer.configured)
        setForm((f) => ({
          ...f,
          username: answer.username,
          partnerId: String(answer.partnerId ?? ''),
          schedule: answer.schedule,
        }));
    });
  }, []);
  const field = (name: 'username' | 'password' | 'partnerId' | 'apiKey') => (event: Event) =>
    setForm({ ...form, [name]: (event.target as HTMLInputElement).value });

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      // Only this administrator's browser asks for Glance's records host (an optional permission).
      if (!(await askHostAccess([CRR_HOST_PERMISSION]))) {
        setMessage(t(PROBLEM_TEXT.permission));
        return;
      }
      const answer = await request('options:save-sync', {
        username: form.username,
        password: form.password,
        partnerId: Number(form.partnerId),
        apiKey: form.apiKey,
        schedule: form.schedule,
        pageUrl: await salesforceTabUrl(),
      });
      if (answer.ok) {
        setView(answer.view);
        setForm({ ...form, password: '', apiKey: '' });
        setMessage(t('syncSaved'));
      } else setMessage(t(PROBLEM_TEXT[answer.problem]));
    } finally {
      setBusy(false);
    }
  }
  async function act(type: 'options:sync-now' | 'options:forget-sync') {
    setBusy(true);
    setMessage(type === 'options:sync-now' ? t('syncRunning') : '');
    try {
      setView(await request(type, {}));
      setMessage('');
    } finally {
      setBusy(false);
    }
  }
  const kept = view?.configured ? t('syncKeptHint') : undefined;
  return (
    <section class="card" aria-labelledby="sync-heading" data-testid="glance-sync">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p class="hint">{t('syncIntro')}</p>
      <form onSubmit={save}>
        <div class="field">
          <label for="sync-username">{t('syncUsername')}</label>
          <input id="sync-username" autocomplete="off" required value={form.username} onInput={field('username')} />
        </div>
        <div class="field">
          <label for="sync-password">{t('syncPassword')}</label>
          <input
            id="sync-password"
            type="password"
            autocomplete="new-password"
            required={!view?.configured}
            placeholder={kept}
            value={form.password}
            onInput={field('password')}
          />
        </div>
        <div class="field">
          <label for="sync-partner">{t('syncPartnerId')}</label>
          <input
            id="sync-partner"
            inputMode="numeric"
            pattern="[0-9]+"
            required
            value={form.partnerId}
            onInput={field('partnerId')}
          />
        </div>
        <div class="field">
          <label for="sync-key">{t('syncApiKey')}</label>
          <input
            id="sync-key"
            type="password"
            autocomplete="off"
            required={!view?.configured}
            placeholder={kept}
            value={form.apiKey}
            onInput={field('apiKey')}
          />
        </div>
        <div class="field">
          <label for="sync-schedule">{t('syncSchedule')}</label>
          <select
            id="sync-schedule"
            value={form.schedule}
            onChange={(event) =>
              setForm({ ...form, schedule: (event.target as HTMLSelectElement).value as SyncSchedule })
            }
          >
            {SYNC_SCHEDULES.map((s) => (
              <option key={s} value={s}>
                {t(SCHEDULE_TEXT[s])}
              </option>
            ))}
          </select>
        </div>
        <div class="row">
          <button type="submit" class="btn brand" disabled={busy}>
            {t('syncSave')}
          </button>
          {view?.configured && (
            <>
              <button type="button" class="btn" disabled={busy} onClick={() => act('options:sync-now')}>
                {t('syncNow')}
              </button>
              <button type="button" class="btn" disabled={busy} onClick={() => act('options:forget-sync')}>
                {t('syncForget')}
              </button>
            </>
          )}
        </div>
        <p role="status" data-testid="sync-message">
          {message}
        </p>
      </form>
      {view?.configured && <Status view={view} />}
    </section>
  );
}
