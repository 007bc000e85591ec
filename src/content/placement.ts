// Where to draw the toolbar and the session panel. Lightning keeps earlier pages in the DOM, hidden,
// and shows the new page only after the URL has changed; so an anchor must be visible, and must not
// be one we already used for another record (that would be the previous page, still on screen for a
// moment).
import type { SalesforceUi } from '../shared/salesforce-url.js';
import { TOOLBAR_ANCHORS } from './selectors.js';

export class AnchorFinder {
  private readonly owners = new WeakMap<Element, string>();

  find(ui: SalesforceUi, recordId: string): Element | undefined {
    for (const selector of TOOLBAR_ANCHORS[ui]) {
      for (const candidate of document.querySelectorAll(selector)) {
        const owner = this.owners.get(candidate);
        if ((owner === undefined || owner === recordId) && candidate.checkVisibility()) {
          this.owners.set(candidate, recordId);
          return candidate;
        }
      }
    }
    return undefined;
  }

  /** True while the anchor still shows this record's page. */
  stillValid(anchor: Element | undefined, recordId: string): boolean {
    return !!anchor && anchor.isConnected && this.owners.get(anchor) === recordId && anchor.checkVisibility();
  }
}

/** What main.ts places: the toolbar, or the session panel that replaces it during a session. */
export interface Dockable {
  readonly host: HTMLElement;
  dock(anchor: Element | undefined): void;
}

/** Draws a host after an anchor in the page, or floating bottom-right when there is none. */
export function dockHost(host: HTMLElement, anchor: Element | undefined): void {
  if (anchor) {
    if (anchor.nextElementSibling !== host) anchor.after(host);
    host.dataset.docked = 'inline';
  } else {
    if (host.parentElement !== document.body) document.body.append(host);
    host.dataset.docked = 'floating';
  }
}
