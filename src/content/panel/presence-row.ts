// Glance Presence in the toolbar (src/background/session/presence.ts): whether the record's customer
// is on the company's website now, and one click to join them. Lazy, in the panel's script: only
// companies that use Presence load it (the status answer says so), so the content script stays small.
import { t } from '../../shared/i18n.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { ask } from '../common/messaging.js';
import type { StartChoice, Toolbar } from '../toolbar/toolbar-types.js';

const ROW_CSS = `.presence{display:flex;flex:1 1 100%;align-items:center;gap:.5rem;padding-top:.5rem;border-top:1px solid #e5e5e5}
.presence[data-state=present]::before{content:"";width:.5rem;height:.5rem;border-radius:50%;background:#2e844a}`;

let row: HTMLDivElement | undefined;

/** Asks about the record now shown and draws the answer as the toolbar's last row (none when there is nothing to say). */
export async function showPresence(toolbar: Toolbar, pageUrl: string, choose: (choice: StartChoice) => void) {
  const answer = await ask('content:presence', { pageUrl });
  row?.remove();
  row = undefined;
  // The rep moved on meanwhile: this answer is about another record.
  if (!answer || location.href !== pageUrl) return;
  const words =
    answer.state === 'present'
      ? t('presenceHere')
      : answer.state === 'absent'
        ? t('presenceAway')
        : answer.state === 'refused'
          ? t('presenceRefused')
          : '';
  if (!words) return;
  row = element('div', { className: 'presence' }, { role: 'status', 'data-state': answer.state });
  row.append(element('span', { textContent: words }));
  if (answer.state === 'present') {
    const join = element('button', { type: 'button', className: 'brand', textContent: t('presenceJoin') });
    // The visitor id is the worker's answer, held here; nothing is read back from the page.
    onTrusted(join, 'click', () => choose({ join: answer.visitorId }));
    row.append(join);
  }
  toolbar.bar.append(row);
  if (toolbar.host.shadowRoot) adoptStyle(toolbar.host.shadowRoot, ROW_CSS);
}
