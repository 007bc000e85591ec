// Where to draw the toolbar. Lightning keeps earlier pages in the DOM, hidden, and shows the new page
// only after the URL has changed; so an anchor must be visible, and must not be one we already used
// for another record (that would be the previous page, still on screen for a moment).
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
