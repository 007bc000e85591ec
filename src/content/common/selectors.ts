// The one file of Salesforce selectors. They only decide where the toolbar is drawn; which record
// we are on comes from the URL. Salesforce changes its markup without notice: when none of these
// match, the toolbar docks as a floating bar instead, so a markup change costs placement, never
// function. No selector depends on label text (orgs run in every language). tests/e2e checks them
// against the sandbox's Salesforce-shaped pages (shared/reference/lightning-dom.md, salesforce.md).

/**
 * The page on screen in Lightning, whatever the app: a standard app's active page
 * (`div.windowViewMode-normal.oneContent.active`) or a console subtab's
 * (`div.windowViewMode-maximized.active` inside its workspace; Salesforce UI page objects navex/*).
 * A console keeps an active subtab in every background workspace, hidden: only a visible one counts.
 */
export const LIGHTNING_VIEWS = '.oneContent.active, .windowViewMode-maximized.active';

/** Places to insert the toolbar after, most specific first, searched inside the visible view. */
export const TOOLBAR_ANCHORS = {
  lightning: [
    // Record highlights panel: LWC, Dynamic Highlights, older LWC and Aura names, then the SLDS header.
    'records-highlights2',
    'record_flexipage-dynamic-highlights2',
    'force-highlights2',
    '.forceHighlightsPanel',
    '.slds-page-header_record-home',
  ],
  classic: ['.bPageTitle'],
} as const;

/**
 * Salesforce's own activity actions, where the extra "Schedule Glance meeting" button goes after the
 * element found (most specific first, searched inside the visible view like the toolbar's anchors).
 * When none matches, only the toolbar offers scheduling: a markup change loses this placement only.
 * - Lightning: the Activity component's composer (New Task, Log a Call, New Event, Email), as public
 *   UI-test locators find it: `…/flexipage-aura-wrapper/div/div/runtime_sales_activities-activity-panel-composer/
 *   lightning-button-group/div/slot/button`. The button goes after the composer, never into its
 *   button group (the component owns its children, like the action ribbon).
 * - Classic: the Open Activities related list's button row, `div.bRelatedList#<id>_RelatedActivityList`
 *   › `div.listRelatedObject.taskBlock` › `div.pbHeader` › `td.pbButton` › `input.btn` (New Task,
 *   New Event; Selenium page objects locate it as `[id$=_RelatedActivityList] … td[2]/input` and
 *   `.listRelatedObject.taskBlock`). The button goes after the row's last button, where the Glance
 *   package's own Visualforce button stood. An empty row (no right to create activities) has none.
 */
export const ACTIVITY_ACTION_ANCHORS = {
  lightning: ['runtime_sales_activities-activity-panel-composer'],
  classic: [
    '.bRelatedList[id$="_RelatedActivityList"] .pbHeader td.pbButton>.btn:last-of-type',
    '.listRelatedObject.taskBlock .pbHeader td.pbButton>.btn:last-of-type',
  ],
} as const;

/** Salesforce's own action lists: the toolbar never goes inside them (their owner indexes its children). */
export const NEVER_INSIDE = 'runtime_platform_actions-actions-ribbon, .forceActionsContainer, ul';

/** Our own hosts (toolbar, session panel): never searched. */
export const OWN_HOSTS = '[data-glance-sfx]';

/**
 * The rep's Compact display density (Salesforce's Density Settings: Comfy puts field labels on top,
 * Compact to the left of the fields). Lightning names it nowhere else in the page: its record layout
 * draws Compact fields with SLDS's horizontal form element, Comfy ones stacked (SLDS Form Element
 * blueprint; Salesforce Developers blog "New Density Settings for the Lightning Experience UI in
 * Winter '19"). Not found (Classic, a page without fields): Comfy, the default.
 */
export const COMPACT_DENSITY = '.slds-form-element_horizontal';
