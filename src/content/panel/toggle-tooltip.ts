// The visible tooltip of a round collapse button (the toolbar's Glance mark, the panel's): sighted
// reps see what a press does, not only screen-reader users (its aria-label). SLDS tooltip look
// (.slds-popover_tooltip: color-background-alt-inverse #032d60, white, .75rem, radius .25rem,
// padding .5rem .75rem), shown on hover and on keyboard focus, as the SLDS tooltip blueprint asks.
// In the panel's lazily injected script: the toolbar's content script only asks for it when the rep
// points at or focuses the toolbar (toolbar.ts), so every Salesforce page does not carry it.
// Shown even while the toolbar is collapsed to its mark (toolbar-styles.ts hides the rest): hence !important.
import { type MessageKey, t } from '../../shared/i18n.js';
import { adoptStyle, element } from '../common/dom.js';

const TOOLTIP_CSS = `.tip{position:absolute;top:calc(100% + .5rem);left:.25rem;z-index:2;width:max-content;max-width:20rem;padding:.5rem .75rem;border-radius:.25rem;background:#032d60;color:#fff;font-size:.75rem;line-height:1.25;pointer-events:none;display:none}
.tip::before{content:"";position:absolute;top:-.25rem;left:1.25rem;width:.5rem;height:.5rem;background:inherit;transform:rotate(45deg)}
:host([data-docked=floating]) .tip{top:auto;bottom:calc(100% + .5rem)}
:host([data-docked=floating]) .tip::before{top:auto;bottom:-.25rem}
.logo:hover+.tip,.logo:focus-visible+.tip{display:block!important}
.tipped{position:relative}`;

/** One tooltip per button, however often the toolbar asks (each time the rep points at it). */
const tipped = new WeakSet<HTMLButtonElement>();

/**
 * Puts the tooltip right after `toggle` (a disclosure button: aria-expanded), saying `hide` while
 * expanded and `show` while collapsed, and makes it the button's description.
 */
export function addToggleTooltip(toggle: HTMLButtonElement, hide: MessageKey, show: MessageKey): void {
  const root = toggle.getRootNode();
  const parent = toggle.parentElement;
  if (tipped.has(toggle) || !(root instanceof ShadowRoot) || !parent) return;
  tipped.add(toggle);
  const tip = element('span', { className: 'tip', id: 'toggle-tip' }, { role: 'tooltip' });
  const say = () => {
    tip.textContent = t(toggle.getAttribute('aria-expanded') === 'false' ? show : hide);
  };
  say();
  // Collapsed or expanded by the rep's press or by the remembered choice: the words follow.
  new MutationObserver(say).observe(toggle, { attributeFilter: ['aria-expanded'] });
  toggle.after(tip);
  toggle.setAttribute('aria-describedby', tip.id);
  parent.classList.add('tipped');
  adoptStyle(root, TOOLTIP_CSS);
}
