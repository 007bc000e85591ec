// The panel's Glance Client line: the client shares the screen, so the rep can open it again with
// the session's key (their own click: the gesture Chromium asks of an external protocol launch), or
// install it from Glance's documented start page. Only for sessions the client hosts.
import { t } from '../../shared/i18n.js';
import type { SessionView } from '../../shared/protocol/index.js';
import { element, onTrusted } from '../common/dom.js';
import { launchGlance } from './glance-launch.js';

export class ClientRow {
  private readonly hint = element('p', { className: 'muted', textContent: t('panelClientHint') });
  private readonly open = element('button', { type: 'button', textContent: t('openGlance') });
  private readonly startPage = element('a', {
    target: '_blank',
    rel: 'noopener noreferrer',
    textContent: t('installGlance'),
  });
  private readonly row = element('div', { className: 'link-row' });
  private launchUrl = '';
  readonly elements: HTMLElement[] = [this.hint, this.row];

  constructor() {
    this.row.append(this.open, this.startPage);
    onTrusted(this.open, 'click', () => {
      if (this.launchUrl) launchGlance(this.launchUrl);
    });
  }

  show(view: SessionView): void {
    this.launchUrl = view.launchUrl;
    this.hint.hidden = !view.launchUrl;
    this.row.hidden = !view.launchUrl;
    this.startPage.hidden = !view.startPageUrl.startsWith('https://');
    if (!this.startPage.hidden) this.startPage.href = view.startPageUrl;
  }
}
