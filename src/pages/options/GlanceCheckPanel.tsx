// "Check Glance", beside "Check this org": asks the connected Glance account again for each
// operation the extension only assumes (src/background/glance/assumptions.ts A6) and says which it
// has. Sessions start, show, are logged and end without any of them; each one found adds to a
// session (guests Glance reports, its own end, Switch, conference numbers).
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import type { GlanceCheckResult } from '../../shared/protocol/index.js';
import { request } from '../background-channel.js';
import { problemText } from '../components/problems.js';

const OPERATION_TEXT: Record<'status' | 'setType' | 'end' | 'conference', MessageKey> = {
  status: 'glanceCheckStatus',
  setType: 'glanceCheckSwitch',
  end: 'glanceCheckEnd',
  conference: 'glanceCheckConference',
};

export function GlanceCheckPanel() {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<GlanceCheckResult | undefined>(undefined);

  async function check() {
    setRunning(true);
    setResult(undefined);
    try {
      setResult(await request('options:check-glance', {}));
    } catch {
      setResult({ ok: false, problem: 'glance-unavailable' });
    } finally {
      setRunning(false);
    }
  }

  return (
    <section class="card" aria-labelledby="glance-check-heading" data-testid="glance-check">
      <h2 id="glance-check-heading">{t('glanceCheckHeading')}</h2>
      <p class="hint">{t('glanceCheckIntro')}</p>
      <div class="row">
        <button type="button" class="btn brand" disabled={running} onClick={check}>
          {t('glanceCheckButton')}
        </button>
        <p role="status" class="grow" data-testid="glance-check-summary">
          {running
            ? t('glanceCheckRunning')
            : result?.ok
              ? t('glanceCheckDone', result.address)
              : result
                ? problemText(result.problem)
                : ''}
        </p>
      </div>
      {result?.ok && (
        <ul class="recent" aria-labelledby="glance-check-heading" data-testid="glance-check-results">
          {result.operations.map((operation) => (
            <li key={operation.name} data-operation={operation.name} data-present={String(operation.present)}>
              <div class="status-line">
                <span>{t(OPERATION_TEXT[operation.name])}</span>
                <span class={`notice ${operation.present ? 'ok' : 'info'}`}>
                  {operation.present ? t('glanceCheckPresent') : t('glanceCheckAbsent')}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
