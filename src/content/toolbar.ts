// The injected Glance toolbar: an open shadow root on a host element that carries the record it is
// for. Every text from Salesforce or the background is set as text, never as HTML.

import { type MessageKey, t } from '../shared/i18n.js';
import type { SalesforceStatus } from '../shared/messages.js';
import type { GlanceSObject } from '../shared/salesforce-id.js';
import { TOOLBAR_CSS } from './toolbar-styles.js';

export type ToolbarAction = 'start' | 'schedule' | 'open-settings';
type Tone = 'info' | 'warning' | 'error';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) {
  return Object.assign(document.createElement(tag), props);
}

export class Toolbar {
  readonly host = element('div');
  private readonly bar = element('div', { className: 'bar' });
  private readonly start = element('button', { className: 'brand', type: 'button' });
  private readonly schedule = element('button', { type: 'button' });
  private readonly status = element('div', { className: 'status' });
  private readonly settings = element('button', { type: 'button', hidden: true });

  constructor(onAction: (action: ToolbarAction) => void) {
    this.host.dataset.glanceSfx = 'toolbar';
    const root = this.host.attachShadow({ mode: 'open' });
    const style = element('style', { textContent: TOOLBAR_CSS });
    this.bar.setAttribute('role', 'toolbar');
    this.status.setAttribute('role', 'status');
    const logo = element('span', { className: 'logo' });
    logo.setAttribute('aria-hidden', 'true');
    this.start.textContent = t('startSession');
    this.schedule.textContent = t('scheduleMeeting');
    this.settings.textContent = t('openSettings');
    this.start.addEventListener('click', () => onAction('start'));
    this.schedule.addEventListener('click', () => onAction('schedule'));
    this.settings.addEventListener('click', () => onAction('open-settings'));
    this.bar.append(logo, this.start, this.schedule, this.status, this.settings);
    root.append(style, this.bar);
  }

  showRecord(sobject: GlanceSObject, recordId: string): void {
    if (this.host.dataset.recordId !== recordId) this.notice('statusChecking');
    this.host.dataset.sobject = sobject;
    this.host.dataset.recordId = recordId;
    this.bar.setAttribute('aria-label', t('toolbarLabel', sobject));
  }

  showSalesforceStatus(status: SalesforceStatus | undefined): void {
    this.host.dataset.salesforce = status?.state ?? 'unreachable';
    if (!status || status.state === 'unreachable') {
      this.notice('statusSalesforceUnreachable', 'warning');
    } else if (status.state === 'api-disabled') {
      this.notice('statusApiDisabled', 'error');
    } else if (status.state === 'logged-out') {
      this.notice('statusLoggedOut', 'warning');
      const link = element('a', { href: status.loginUrl, target: '_blank', rel: 'noopener' });
      link.textContent = t('loginToSalesforce');
      this.status.append(' ', link);
    } else {
      this.notice('statusSalesforceReady');
      this.status.textContent = t('statusSalesforceReady', status.user.name);
    }
  }

  notice(key: MessageKey, tone: Tone = 'info', offerSettings = false): void {
    this.status.textContent = t(key);
    this.status.dataset.tone = tone;
    this.settings.hidden = !offerSettings;
  }

  /** Draws the toolbar after an anchor in the page, or as a floating bar when there is none. */
  dock(anchor: Element | undefined): void {
    if (anchor) {
      if (anchor.nextElementSibling !== this.host) anchor.after(this.host);
      this.host.dataset.docked = 'inline';
    } else {
      if (this.host.parentElement !== document.body) document.body.append(this.host);
      this.host.dataset.docked = 'floating';
    }
  }

  remove(): void {
    this.host.remove();
    delete this.host.dataset.recordId;
    delete this.host.dataset.sobject;
  }
}
