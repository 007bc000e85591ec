// The injected Glance toolbar: an open shadow root on a host element that carries the record it is
// for. Every text from Salesforce or the background is set as text, never as HTML.

import { type MessageKey, t } from '../../shared/i18n.js';

import { sobjectName } from '../../shared/sobject-name.js';
import { element, onTrusted, shadowHost } from '../common/dom.js';
import { ask } from '../common/messaging.js';
import { loadLazyScript } from '../common/panel-loader.js';
import { dockHost } from '../common/placement.js';
import { lookAgain } from '../common/press-guard.js';
import type { RareSalesforceStatus } from '../panel/salesforce-status-words.js';
import type { StartMenu } from '../panel/start-menu.js';
import { TOOLBAR_CSS } from './toolbar-styles.js';
import type { StartChoice, Toolbar } from './toolbar-types.js';

/** A button whose label gives way to an icon when the toolbar is narrow; the label still names it. */
const labelled = (className: string, key: MessageKey, icon: string) => {
  const button = element('button', { type: 'button', className }, { 'data-icon': icon });
  button.append(element('span', { textContent: t(key) }));
  return button;
};

/**
 * `choose`: Start (or the menu) pressed, with the kind of session; `onSchedule`: Schedule pressed.
 * Closures, not a class: their names minify, a class's members do not (the content script is small).
 */
export function createToolbar(choose: (choice: StartChoice) => void, onSchedule: () => void): Toolbar {
  const host = element('div');
  const bar = element('div', { className: 'bar' }, { role: 'toolbar' });
  /** The Glance mark: collapses the toolbar to itself and expands it again (a disclosure button). */
  const toggle = element(
    'button',
    { type: 'button', className: 'logo' },
    { 'aria-expanded': 'true', 'aria-label': t('toolbarToggle') },
  );
  const start = labelled('brand i', 'startSession', '▶');
  /** The split button's other half, with a word on it (its name says more); its menu is built on first use (start-menu.ts). */
  const more = element(
    'button',
    { type: 'button', className: 'brand more' },
    { 'aria-label': t('moreSessionTypes'), 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
  );
  more.append(element('span', { textContent: t('moreWays') }));
  let menu: StartMenu | undefined;
  const split = element('div', { className: 'split' });
  const schedule = labelled('i', 'scheduleMeeting', '◷');
  const status = element('div', { className: 'status' }, { role: 'status' });
  const settings = element('button', { type: 'button', hidden: true, textContent: t('openSettings') });

  const collapsed = () => host.hasAttribute('data-collapsed');
  const setCollapsed = (on: boolean) => {
    host.toggleAttribute('data-collapsed', on);
    toggle.setAttribute('aria-expanded', String(!on));
    if (on) menu?.close(false);
  };

  /** Runs `use` with the start menu, built from the lazily injected script the first time. */
  const withMenu = (use: (menu: StartMenu) => void) => {
    if (menu) {
      use(menu);
      return;
    }
    loadLazyScript('panel').then(
      ({ StartMenu }) => {
        menu ??= new StartMenu(more, choose);
        use(menu);
      },
      // The extension was updated under this tab: the Start button still starts a screen share.
      () => {},
    );
  };

  /** The status line says how Salesforce stands for this org (not an action's outcome): true for every record of the tab. */
  let orgStatus = false;
  /** Counts what the status line was told, so a slower answer never overwrites a newer one. */
  let noticed = 0;
  const notice: Toolbar['notice'] = (key, tone = 'info', offerSettings = false, ...substitutions) => {
    const text = t(key, ...substitutions);
    orgStatus = false;
    noticed++;
    // The same words again (the org's status, asked again for the next record) are no news: no
    // rewrite, so no announcement and no redraw.
    if (status.textContent === text && status.dataset.tone === tone && settings.hidden !== offerSettings) return;
    status.textContent = text;
    status.dataset.tone = tone;
    // A longer or shorter line can move the buttons: our own layout, no steering (press-guard.ts).
    lookAgain();
    // Problems interrupt (assertive); everything else waits for a pause (role=status is polite).
    status.setAttribute('aria-live', tone === 'error' ? 'assertive' : 'polite');
    settings.hidden = !offerSettings;
  };

  // One click starts the usual kind of session (screen share); the menu offers the others.
  split.append(start, more);
  onTrusted(more, 'click', () => withMenu((shown) => shown.toggle()));
  onTrusted(more, 'keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    withMenu((shown) => shown.open(event.key === 'ArrowUp' ? -1 : 0));
  });
  // A rep about to use the toolbar: its lazy code (menu, session panel) comes while they aim. A
  // rep's own pointer or key (a page script's focus() is trusted too, its keys are not) also gives
  // the Glance mark its tooltip (toggle-tooltip.ts).
  const prefetch = () => loadLazyScript('panel');
  const dress = () =>
    void prefetch().then(
      (code) => code.addToggleTooltip(toggle, 'toolbarCollapseTip', 'toolbarExpandTip'),
      () => {},
    );
  onTrusted(host, 'pointerenter', dress);
  onTrusted(host, 'keyup', dress);
  onTrusted(host, 'focusin', () => void prefetch().catch(() => {}));
  onTrusted(start, 'click', () => choose({ mode: 'screenshare' }));
  onTrusted(schedule, 'click', onSchedule);
  // Asked of the background from here: main.ts has nothing to add to these two.
  onTrusted(settings, 'click', () => void ask('content:open-settings', {}));
  onTrusted(toggle, 'click', () => {
    const on = !collapsed();
    setCollapsed(on);
    void ask('content:toolbar-collapsed', { collapsed: on });
  });
  bar.append(toggle, split, schedule, status, settings);
  shadowHost(host, 'toolbar', TOOLBAR_CSS, bar);
  // Narrow below 30rem (480px at Salesforce's 16px root). Measured after layout, so an @container
  // rule is not needed (toolbar-styles.ts). Out of the page the host measures 0: no news.
  new ResizeObserver(([entry]) => {
    const width = entry?.contentRect.width;
    if (width) bar.classList.toggle('n', width < 480);
  }).observe(host);
  // Collapsed or not is the rep's choice, remembered by the background.
  void ask('content:toolbar-collapsed', {}).then((answer) => setCollapsed(answer?.collapsed === true));

  return {
    host,
    bar,
    schedule,
    notice,

    showRecord(sobject, recordId, ui) {
      host.dataset.ui = ui;
      // Another record of the same org (a tab never leaves its org): the org's status holds while it is asked again.
      if (host.dataset.recordId !== recordId && !orgStatus) notice('statusChecking');
      host.dataset.sobject = sobject;
      host.dataset.recordId = recordId;
      bar.setAttribute('aria-label', t('toolbarLabel', sobjectName(sobject)));
    },

    showSalesforceStatus(sf) {
      const state = sf?.state ?? 'unavailable';
      host.dataset.salesforce = state;
      if (sf?.state === 'ready') notice('statusSalesforceReady', 'info', false, sf.user.name);
      else if (state === 'api-blocked') notice('statusApiDisabled', 'error');
      else if (state === 'daily-limit') notice('statusDailyLimit', 'warning');
      else if (state === 'unavailable') notice('statusSalesforceUnreachable', 'warning');
      else {
        // The rarer states' words and links come with the panel's script (salesforce-status-words.ts);
        // until then the line says what it said. Any notice meanwhile is newer news: it stays.
        const asked = ++noticed;
        void loadLazyScript('panel').then(
          (code) => {
            if (asked !== noticed) return;
            code.showRareStatus(sf as RareSalesforceStatus, notice, status);
            orgStatus = true;
          },
          () => {},
        );
        return;
      }
      orgStatus = true;
    },

    starting(busy) {
      start.disabled = busy;
      more.disabled = busy;
      menu?.close(false);
      if (busy) notice('starting');
    },

    focus() {
      (collapsed() ? toggle : start).focus();
    },

    dock(anchor) {
      dockHost(host, anchor);
    },

    remove() {
      menu?.close(false);
      host.remove();
      delete host.dataset.recordId;
      delete host.dataset.sobject;
    },
  };
}
