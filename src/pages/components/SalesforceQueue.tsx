// What waits for Salesforce: "2 session records waiting for Salesforce", why each waits, Retry and
// Discard. Drawn only when something waits: an empty queue is nothing the rep needs to read. (Each
// org's API allowance is an administrator's figure: the options page shows it, ApiAllowance.tsx.)
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import { formatDayAndTime } from '../../shared/locale-format.js';
import type { SalesforceQueueView, WaitingSessionView } from '../../shared/protocol/index.js';
import { sobjectName } from '../../shared/sobject-name.js';
import { request } from '../background-channel.js';
import { uiLocale } from '../browser-i18n.js';

const REASON: Record<string, MessageKey> = {
  unavailable: 'queueReasonUnavailable',
  'daily-limit': 'queueReasonDailyLimit',
  'session-expired': 'queueReasonSessionExpired',
  'api-blocked': 'queueReasonApiBlocked',
  'session-not-for-api': 'queueReasonSessionNotForApi',
  'other-user': 'queueReasonOtherUser',
};

const when = (iso: string) => formatDayAndTime(uiLocale(), iso);

/** The rep decides: Salesforce refused it, it waited 7 days, or whether it landed cannot be confirmed. */
const waitsForRep = (session: WaitingSessionView) =>
  session.state === 'needs-attention' || session.state === 'unconfirmed';

function reason(session: WaitingSessionView): string {
  if (session.state === 'unconfirmed') return t('queueReasonUnconfirmed');
  if (session.state === 'needs-attention') {
    const refused = session.problem === 'refused' || session.problem === 'duplicate';
    return t(refused ? 'queueReasonRefused' : 'queueReasonOld', session.error);
  }
  // Renamed My Domain: whatever the new host answers (most often: not logged in there yet), the move
  // is what the rep needs to know.
  if (session.movedFrom && session.state !== 'other-user')
    return t('queueReasonMyDomainMoved', session.movedFrom, session.apiHost);
  const key =
    session.state === 'other-user' ? REASON[session.state] : (REASON[session.problem] ?? REASON[session.state]);
  return t(key ?? 'queueReasonPending');
}

/** `onChange` is told after Retry or Discard, so the recent sessions show the new state too. */
export function SalesforceQueue({ onChange }: { onChange?: () => void }) {
  const [queue, setQueue] = useState<SalesforceQueueView | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [acted, setActed] = useState(false);
  useEffect(() => {
    request('page:salesforce-queue', {}).then(setQueue, () => setQueue({ waiting: [], orgs: [] }));
  }, []);
  if (!queue) return null;

  async function act(kind: 'page:retry-salesforce' | 'page:discard-salesforce', activityId: string) {
    setBusy(true);
    setActed(true);
    try {
      setQueue(await request(kind, { activityId }));
      onChange?.();
    } finally {
      setBusy(false);
    }
  }

  const count = queue.waiting.length;
  // Nothing waited when the popup opened: no card. Emptied by the rep's Retry or Discard: the card
  // stays and says so, rather than vanishing under the rep's pointer.
  if (count === 0 && !acted) return null;
  return (
    <section class="card" aria-labelledby="queue-heading" data-testid="salesforce-queue">
      <h2 id="queue-heading">{t('queueHeading')}</h2>
      <div class="row">
        <p role="status" class="grow">
          {count === 0 ? t('queueNone') : count === 1 ? t('queueWaitingOne') : t('queueWaitingMany', String(count))}
        </p>
        {count > 1 && (
          <button type="button" class="btn" disabled={busy} onClick={() => act('page:retry-salesforce', '')}>
            {t('queueRetryAll')}
          </button>
        )}
      </div>
      {count > 0 && (
        <ul class="recent">
          {queue.waiting.map((s) => {
            const label = [s.sobject ? sobjectName(s.sobject) : '?', when(s.startedAt)] as const;
            return (
              <li key={s.activityId} data-state={s.state}>
                <span>{t('queueSession', ...label)}</span> <span class="weak">{reason(s)}</span>{' '}
                <span class="row">
                  <button
                    type="button"
                    class="btn"
                    disabled={busy}
                    aria-label={t('queueRetryLabel', ...label)}
                    onClick={() => act('page:retry-salesforce', s.activityId)}
                  >
                    {t('queueRetry')}
                  </button>
                  {waitsForRep(s) && (
                    <button
                      type="button"
                      class="btn"
                      disabled={busy}
                      aria-label={t('queueDiscardLabel', ...label)}
                      onClick={() => act('page:discard-salesforce', s.activityId)}
                    >
                      {t('queueDiscard')}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
