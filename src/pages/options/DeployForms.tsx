// The Deploy step: behind one button (an admin sets the rules first, and most never need more than
// one browser's form), the policy in each browser's form (src/shared/policy-deploy.ts says where
// each comes from), each with a copy button. Copying needs no permission on an extension page the user is using; when the
// browser still refuses, the text is selected for Ctrl+C, as the session panel does.

import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CHROMIUM_KEY_ID, GECKO_ID } from '../../shared/extension-ids.js';
import { type MessageKey, t } from '../../shared/i18n.js';
import { type DeployTarget, deployments } from '../../shared/policy-deploy.js';
import { validatePolicy } from '../../shared/policy-schema.js';

const targetName = (target: DeployTarget) => t(`deployTarget_${target}` as MessageKey);

/** Chrome's and Edge's id is this browser's; in Firefox (whose id is the gecko id) the key's id. */
const chromiumId = () => (browser.runtime.id === GECKO_ID ? CHROMIUM_KEY_ID : browser.runtime.id);

function selectText(element: HTMLElement | null) {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

export function DeployForms({ policy }: { policy: Record<string, unknown> }) {
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState(false);
  const ids = { chromium: chromiumId(), gecko: GECKO_ID };

  async function copy(target: DeployTarget, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('deployCopied', targetName(target)));
    } catch {
      selectText(document.getElementById(`deploy-${target}`));
      setStatus(t('copyByHand'));
    }
  }

  // A control character would rewrite a .reg file (new keys): no form is written until it is gone.
  const refused = validatePolicy(policy)
    .filter((problem) => problem.problem === 'control-character')
    .map((problem) => problem.path);
  return (
    <section class="card" aria-labelledby="deploy-heading" data-testid="deploy-forms">
      <h2 id="deploy-heading">{t('deployHeading')}</h2>
      <p class="hint">{t('deployStepHelp')}</p>
      <button
        type="button"
        class="btn brand"
        aria-expanded={open}
        aria-controls="deploy-body"
        onClick={() => setOpen(!open)}
      >
        {t('deployOpen')}
      </button>
      <div id="deploy-body" hidden={!open}>
        {open && (
          <>
            <p class="hint">{t('deployHelp')}</p>
            <p class="hint" data-testid="deploy-ids">
              {t('deployIds', ids.chromium, ids.gecko)}
            </p>
            <p role="status" class="notice ok" data-testid="deploy-status">
              {status}
            </p>
            {refused.length > 0 && (
              <p class="notice warning" role="alert" data-testid="deploy-refused">
                {t('deployRefusedControlCharacters', refused.join(', '))}
              </p>
            )}
            {(refused.length > 0 ? [] : deployments(policy, ids)).map(({ target, where, text }) => (
              <DeployForm key={target} target={target} where={where} text={text} onCopy={copy} />
            ))}
          </>
        )}
      </div>
    </section>
  );
}

function DeployForm({
  target,
  where,
  text,
  onCopy,
}: {
  target: DeployTarget;
  where: string;
  text: string;
  onCopy: (target: DeployTarget, text: string) => void;
}) {
  return (
    <section class="deploy" aria-labelledby={`deploy-${target}-heading`} data-target={target}>
      <div class="status-line">
        <h3 id={`deploy-${target}-heading`}>{targetName(target)}</h3>
        <button type="button" class="btn" onClick={() => onCopy(target, text)}>
          {t('deployCopy', targetName(target))}
        </button>
      </div>
      <p class="hint">{t(`deployForm_${target}` as MessageKey)}</p>
      <p class="hint where">{t('deployWhere', where)}</p>
      <pre
        class="policy"
        id={`deploy-${target}`}
        data-testid={`deploy-${target}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region keyboard users must reach to read and scroll it (axe scrollable-region-focusable)
        tabIndex={0}
      >
        {text}
      </pre>
    </section>
  );
}
