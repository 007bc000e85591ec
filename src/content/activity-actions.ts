// Where the extra "Schedule Glance meeting" button goes (issue 11): beside Salesforce's own activity
// actions, when the page shows them (Classic's Open Activities list, Lightning's Activity composer).
// Found like the toolbar's place (placement.ts AnchorFinder): inside the visible view only, through
// open shadow roots when it must, never an element already used for another record's page. The
// selectors are in selectors.ts; when none matches, the toolbar alone offers scheduling.

import { AnchorFinder } from './placement.js';
import { ACTIVITY_ACTION_ANCHORS } from './selectors.js';

const finder = new AnchorFinder(ACTIVITY_ACTION_ANCHORS);

/**
 * The element after which the "Schedule Glance meeting" button is inserted on the record page of
 * `recordId`, or undefined when the page has no activity actions on screen.
 */
export function findActivityActions(ui: 'lightning' | 'classic', recordId: string): Element | undefined {
  return finder.find(ui, recordId);
}

/** True while an element findActivityActions gave is still on screen for this record's page. */
export function activityActionsStillValid(anchor: Element | undefined, recordId: string): boolean {
  return finder.stillValid(anchor, recordId);
}
