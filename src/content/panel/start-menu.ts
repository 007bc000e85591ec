// The "more ways to start" half of the split Start button, following the WAI-ARIA menu button
// pattern: arrow keys move between items, Enter or Space chooses, Escape closes and gives focus back
// to the button, Tab or a click elsewhere just closes. The button is the toolbar's (drawn at page
// load); the menu is built the first time it opens, from the panel's lazily injected script
// (session-panel-entry.ts), so pages where nobody opens it never load it.
import { type MessageKey, t } from '../../shared/i18n.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { ask } from '../common/messaging.js';
import { lookAgain } from '../common/press-guard.js';
import type { StartChoice } from '../toolbar/toolbar-types.js';
import { JoinForm } from './join-form.js';

/**
 * Every mode named where the rep looks (issue 28), each with a line saying what happens. Glance's
 * documented launch starts a screen share; viewing the customer's screen is chosen in Glance's own
 * window (its launch parameters for it are not published), so that item starts Glance and says so;
 * cobrowse is the customer's session, joined with their key. Then the reps' guide. No item offers
 * what could not work.
 */
type MenuAction = 'screenshare' | 'view' | 'join' | 'help';
const ITEMS: readonly [MenuAction, MessageKey, MessageKey?][] = [
  ['screenshare', 'startScreenShare', 'startScreenShareHint'],
  ['view', 'startViewScreen', 'startViewScreenHint'],
  ['join', 'joinCustomerSession', 'joinCustomerSessionHint'],
  ['help', 'needMoreHelp'],
];

/** The menu's look (LDS dropdown), in the toolbar's shadow root with the menu: the content script stays small. */
const MENU_CSS = `.menu{position:absolute;top:calc(100% + 2px);left:0;z-index:1;min-width:240px;padding:.25rem 0;background:#fff;border:1px solid #e5e5e5;border-radius:.25rem;box-shadow:0 2px 3px 0 rgba(0,0,0,.16)}
:host([data-docked=floating]) .menu{top:auto;bottom:calc(100% + 2px)}
.menu button{display:flex;flex-direction:column;align-items:flex-start;width:100%;height:auto;padding:.5rem .75rem;border:0;border-radius:0;color:#181818;text-align:left;white-space:normal}
.menu button:focus{background:#f3f3f3;box-shadow:none}
.menu small{color:#444;font-size:.75rem}
.menu [role=separator]{margin:.25rem 0;border-top:1px solid #e5e5e5}`;

export class StartMenu {
  readonly menu = element('div', { className: 'menu', hidden: true }, { role: 'menu' });
  private readonly items: HTMLButtonElement[];

  /**
   * `button`: the toolbar's menu button, which calls toggle() and open() on trusted clicks and arrows;
   * the menu goes right after it (in the split button, positioned against it).
   */
  constructor(
    private readonly button: HTMLButtonElement,
    onChoose: (choice: StartChoice) => void,
  ) {
    this.menu.setAttribute('aria-label', t('moreSessionTypes'));
    let join: JoinForm | undefined;
    this.items = ITEMS.map(([action, key, hint], index) => {
      const item = element('button', { type: 'button', tabIndex: -1 }, { role: 'menuitem', 'aria-label': t(key) });
      item.append(element('span', { textContent: t(key) }));
      if (hint) {
        // Read after the name, as its description: the name stays the words on the item's first line.
        const line = element('small', { id: `start-hint-${index}`, textContent: t(hint) });
        item.append(line);
        item.setAttribute('aria-describedby', line.id);
      }
      onTrusted(item, 'click', () => {
        this.close(true);
        if (action === 'help') return void ask('content:open-help', {});
        // View starts Glance as Show does; the rep chooses the customer's screen in its window (the item says so).
        if (action !== 'join') return onChoose({ mode: 'screenshare' });
        // After the split button, in the toolbar's shadow root; focus comes back to the menu button.
        join ??= new JoinForm(button.parentElement ?? button, async (typed) => onChoose({ join: typed }), button);
        join.open();
      });
      return item;
    });
    // The guide is not a way to start: a separator sets it apart (WAI-ARIA menu pattern).
    this.menu.append(...this.items.slice(0, -1), element('div', {}, { role: 'separator' }), ...this.items.slice(-1));
    button.after(this.menu);
    // Into the toolbar's shadow root, where the button is; never the page's document.
    const root = button.getRootNode();
    if (root instanceof ShadowRoot) adoptStyle(root, MENU_CSS);
    onTrusted(this.menu, 'keydown', (event) => this.onMenuKey(event));
    // Focus leaving the menu (a click elsewhere, Tab) closes it; going back to our own button is
    // handled by that button's click.
    onTrusted(this.menu, 'focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (next !== this.button && !this.menu.contains(next)) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.menu.hidden;
  }

  /** The button's click: opens with the first item focused, or closes and gives focus back. */
  toggle(): void {
    if (this.isOpen) this.close(true);
    else this.open(0);
  }

  /** Opens with item `index` focused; a negative index counts from the end. */
  open(index: number): void {
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.items.at(index)?.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    // What the menu covered (the toolbar's Schedule, the page) is pressable again at once.
    lookAgain();
    if (returnFocus) this.button.focus();
  }

  private onMenuKey(event: KeyboardEvent): void {
    const at = this.items.indexOf(event.target as HTMLButtonElement);
    const count = this.items.length;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1 + count, Home: 0, End: count - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      this.items[target % count]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  }
}
