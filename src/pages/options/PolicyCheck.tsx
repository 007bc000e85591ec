// "Check a policy": an administrator pastes a policy (bare, or in a browser's form) and learns what
// in it does not fit extension/managed-schema.json, in words, before deploying it. Chrome would
// drop those parts silently; Firefox would hand them to the extension unchecked.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { type PolicyProblem, unwrapPolicy, validatePolicy, validPart } from '../../shared/policy-schema.js';
import { problemText } from '../../shared/policy-text.js';

type Result =
  | { kind: 'none' }
  | { kind: 'bad-json'; error: string }
  | { kind: 'checked'; problems: PolicyProblem[]; policy: unknown };

export function PolicyCheck({ onLoad }: { onLoad: (draft: Record<string, unknown>) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>({ kind: 'none' });

  function check(event: Event) {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setResult({ kind: 'bad-json', error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const policy = unwrapPolicy(parsed);
    setResult({ kind: 'checked', problems: validatePolicy(policy), policy });
  }

  const invalid = result.kind === 'bad-json' || (result.kind === 'checked' && result.problems.length > 0);
  return (
    <section class="card" aria-labelledby="policy-check-heading" data-testid="policy-check">
      <h2 id="policy-check-heading">{t('policyCheckHeading')}</h2>
      <form onSubmit={check}>
        <label for="policy-check-text">{t('policyCheckLabel')}</label>
        <p id="policy-check-help" class="hint">
          {t('policyCheckHelp')}
        </p>
        <textarea
          id="policy-check-text"
          rows={6}
          spellcheck={false}
          aria-describedby="policy-check-help policy-check-result"
          aria-invalid={invalid}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="row">
          <button type="submit" class="btn brand">
            {t('policyCheckButton')}
          </button>
          {result.kind === 'checked' && Object.keys(validPart(result.policy)).length > 0 && (
            <button type="button" class="btn" onClick={() => onLoad(validPart(result.policy))}>
              {t('policyCheckLoad')}
            </button>
          )}
        </div>
      </form>
      <div id="policy-check-result" role="status" data-testid="policy-check-result">
        {result.kind === 'bad-json' && <p class="error">{t('policyCheckInvalidJson', result.error)}</p>}
        {result.kind === 'checked' && result.problems.length === 0 && <p class="notice ok">{t('policyCheckValid')}</p>}
        {result.kind === 'checked' && result.problems.length > 0 && (
          <>
            <p class="error">{t('policyCheckInvalid')}</p>
            <ul>
              {result.problems.map((problem) => (
                <li key={`${problem.path}-${problem.problem}`} class="error">
                  {problemText(problem)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
