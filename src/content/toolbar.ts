// The injected Glance toolbar: an open shadow root on a host element that carries the record it is
// for. Every text from Salesforce or the background is set as text, never as HTML.

import { type MessageKey, t } from '../shared/i18n.js';
import type { SalesforceStatus, SessionMode } from '../shared/messages.js';
import type { GlanceSObject } from '../shared/salesforce-id.js';
import { sobjectName } from '../shared/sobject-name.js';
import { element, onTrusted } from './dom.js';
import { ask } from './messaging.js';
import { loadLazyScript } from './panel-loader.js';
import { dockHost } from './placement.js';
import type { StartMenu } from './start-menu.js';
import { TOOLBAR_CSS } from './toolbar-styles.js';

type Tone = 'info' | 'warning' | 'error';

/** A button whose label gives way to an icon when the toolbar is narrow; the label still names it. */
const labelled = (className: string, key: MessageKey, icon: string) => {
  const button = element('button', { type: 'button', className }, { 'data-icon': icon });
  button.append(element('span', { textContent: t(key) }));
  return button;
};

export class Toolbar {
  readonly host = element('div');
  /** The record's upcoming meeting joins it as its last row (meeting-coordinator.ts, injected lazily). */
  readonly bar = element('div', { className: 'bar' }, { role: 'toolbar' });
  /** The Glance mark: collapses the toolbar to itself and expands it again (a disclosure button). */
  readonly #toggle = element(
    'button',
    { type: 'button', className: 'logo' },
    { 'aria-expanded': 'true', 'aria-label': t('toolbarToggle') },
  );
  readonly #start = labelled('brand i', 'startSession', '▶');
  /** The split button's other half; its menu is built on first use (start-menu.ts). */
  readonly #more = element(
    'button',
    { type: 'button', className: 'brand more', title: t('moreSessionTypes') },
    { 'aria-label': t('moreSessionTypes'), 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
  );
  #menu: StartMenu | undefined;
  readonly #split = element('div', { className: 'split' });
  readonly schedule = labelled('i', 'scheduleMeeting', '◷');
  readonly #status = element('div', { className: 'status' }, { role: 'status' });
  readonly #settings = element('button', { type: 'button', hidden: true, textContent: t('openSettings') });

  /** `choose`: Start (or the menu) pressed, with the kind of session; `schedule`: Schedule pressed. */
  constructor(choose: (mode: SessionMode) => void, schedule: () => void) {
    this.host.dataset.glanceSfx = 'toolbar';
    const root = this.host.attachShadow({ mode: 'open' });
    // One click starts the usual kind of session (screen share); the menu offers the others.
    this.#split.append(this.#start, this.#more);
    onTrusted(this.#more, 'click', () =>
      this.#withMenu(choose, (menu) => (menu.isOpen ? menu.close(true) : menu.open(0))),
    );
    onTrusted(this.#more, 'keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      this.#withMenu(choose, (menu) => menu.open(event.key === 'ArrowUp' ? -1 : 0));
    });
    // A rep about to use the toolbar: its lazy code (menu, session panel) comes while they aim.
    const prefetch = () => void loadLazyScript('panel').catch(() => {});
    onTrusted(this.host, 'pointerenter', prefetch);
    onTrusted(this.host, 'focusin', prefetch);
    onTrusted(this.#start, 'click', () => choose('screenshare'));
    onTrusted(this.schedule, 'click', schedule);
    // Asked of the background from here: main.ts has nothing to add to these two.
    onTrusted(this.#settings, 'click', () => void ask('content:open-settings', {}));
    onTrusted(this.#toggle, 'click', () => {
      const collapsed = !this.collapsed;
      this.setCollapsed(collapsed);
      void ask('content:toolbar-collapsed', { collapsed });
    });
    this.bar.append(this.#toggle, this.#split, this.schedule, this.#status, this.#settings);
    // Our text is in the translation's language, whatever Salesforce's page says: screen readers speak it so.
    this.bar.lang = t('formatLocale');
    root.append(element('style', { textContent: TOOLBAR_CSS }), this.bar);
    // Collapsed or not is the rep's choice, remembered by the background.
    void ask('content:toolbar-collapsed', {}).then((answer) => this.setCollapsed(answer?.collapsed === true));
  }

  get collapsed(): boolean {
    return this.host.hasAttribute('data-collapsed');
  }

  setCollapsed(collapsed: boolean): void {
    this.host.toggleAttribute('data-collapsed', collapsed);
    this.#toggle.setAttribute('aria-expanded', String(!collapsed));
    if (collapsed) this.#menu?.close(false);
  }

  showRecord(sobject: GlanceSObject, recordId: string): void {
    if (this.host.dataset.recordId !== recordId) this.notice('statusChecking');
    this.host.dataset.sobject = sobject;
    this.host.dataset.recordId = recordId;
    this.bar.setAttribute('aria-label', t('toolbarLabel', sobjectName(sobject)));
  }

  showSalesforceStatus(status: SalesforceStatus | undefined): void {
    this.host.dataset.salesforce = status?.state ?? 'unavailable';
    if (!status || status.state === 'unavailable') {
      this.notice('statusSalesforceUnreachable', 'warning');
    } else if (status.state === 'api-blocked') {
      this.notice('statusApiDisabled', 'error');
    } else if (status.state === 'daily-limit') {
      this.notice('statusDailyLimit', 'warning');
    } else if (status.state === 'proxied') {
      this.notice('statusProxied', 'error', false, status.apiHost);
    } else if (status.state === 'session-expired') {
      this.notice('statusLoggedOut', 'warning');
      const link = element('a', { href: status.loginUrl, target: '_blank', rel: 'noopener' });
      link.textContent = t('loginToSalesforce');
      this.#status.append(' ', link);
    } else {
      this.notice('statusSalesforceReady', 'info', false, status.user.name);
    }
  }

  /** Runs `use` with the start menu, built from the lazily injected script the first time. */
  #withMenu(choose: (mode: SessionMode) => void, use: (menu: StartMenu) => void): void {
    if (this.#menu) {
      use(this.#menu);
      return;
    }
    loadLazyScript('panel').then(
      ({ StartMenu }) => {
        this.#menu ??= new StartMenu(this.#more, choose);
        this.#split.append(this.#menu.menu);
        use(this.#menu);
      },
      // The extension was updated under this tab: the Start button still starts a screen share.
      () => {},
    );
  }

  notice(key: MessageKey, tone: Tone = 'info', offerSettings = false, ...substitutions: string[]): void {
    this.#status.textContent = t(key, ...substitutions);
    this.#status.dataset.tone = tone;
    // Problems interrupt (assertive); everything else waits for a pause (role=status is polite).
    this.#status.setAttribute('aria-live', tone === 'error' ? 'assertive' : 'polite');
    this.#settings.hidden = !offerSettings;
  }

  /** While a start is on its way to Glance: no second click, and say what is happening. */
  starting(busy: boolean): void {
    this.#start.disabled = busy;
    this.#more.disabled = busy;
    this.#menu?.close(false);
    if (busy) this.notice('starting');
  }

  focus(): void {
    (this.collapsed ? this.#toggle : this.#start).focus();
  }

  dock(anchor: Element | undefined): void {
    dockHost(this.host, anchor);
  }

  remove(): void {
    this.#menu?.close(false);
    this.host.remove();
    delete this.host.dataset.recordId;
    delete this.host.dataset.sobject;
  }
}
