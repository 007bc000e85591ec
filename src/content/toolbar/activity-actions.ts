// Where the extra "Schedule Glance meeting" button goes (issue 11): beside Salesforce's own activity
// actions, when the page shows them (Classic's Open Activities list, Lightning's Activity composer).
// Found like the toolbar's place (anchor-finder.ts): inside the visible view only, through
// open shadow roots when it must, never an element already used for another record's page. The
// selectors are in selectors.ts; when none matches, the toolbar alone offers scheduling.

import { anchorFinder } from '../common/anchor-finder.js';
import { ACTIVITY_ACTION_ANCHORS } from '../common/selectors.js';

/**
 * Its own finder: an element found for the toolbar is never taken for the activity actions, nor the
 * reverse. find(ui, recordId) answers the element after which the "Schedule Glance meeting" button
 * goes, or undefined when the page shows no activity actions (tests/e2e/activity-actions.spec.ts).
 */
export const activityActions = anchorFinder(ACTIVITY_ACTION_ANCHORS);
