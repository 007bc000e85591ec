// Navigation: which Salesforce page the tab shows, from its URL only. Lightning moves between
// records with history.pushState, which fires no event a content script sees except through the
// Navigation API; popstate and hashchange cover Back/Forward and Classic's hash links. The window is
// passed in (not read from globals) so the unit tests can drive it without a browser.
import { parseContentPage, type SalesforceView } from '../../shared/salesforce-url.js';

type Listen = (type: string, listener: () => void) => void;

export interface NavigationWindow {
  readonly location: { readonly href: string };
  addEventListener: Listen;
  /** Absent in browsers without the Navigation API (and in older Chromium). */
  readonly navigation?: { addEventListener: Listen };
}

/** Reports the page now, then again after every navigation (repeats included: drawing is idempotent). */
export function watchNavigation(win: NavigationWindow, onPage: (page: SalesforceView | undefined) => void): void {
  const evaluate = () => onPage(parseContentPage(win.location.href));
  // The Navigation API reports pushState from the page's own world within about a millisecond.
  win.navigation?.addEventListener('currententrychange', evaluate);
  win.addEventListener('popstate', evaluate);
  win.addEventListener('hashchange', evaluate);
  evaluate();
}
