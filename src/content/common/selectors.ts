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
/** The class every view above carries while active: a cheap first test before the selector's. */
export const ACTIVE_VIEW_CLASS = 'active';

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

/**
 * Lightning in native shadow DOM (LWC's native/mixed shadow mode): the components between a view and
 * the anchors above, the only ones whose shadow roots are searched. A page has hundreds of others
 * (navigation, related lists, every field and icon); walking them all would cost a search per root.
 * Salesforce's own UI page objects walk this path: one/recordHomeFlexipage2 enters
 * one-record-home-flexipage2 › `.adg-rollup-wrapped` › `.forcegenerated-flexipage-module` › the
 * record page decorator; records/recordLayoutEventBroker finds `.forcegenerated-flexipage-template`
 * (flexipage-record-home-template-desktop2 and other templates); records/lwcRecordLayout enters
 * records-lwc-record-layout › `.forcegenerated-record-layout2` to records-highlights2. Public UI tests
 * of real orgs add the decorator's other names, flexipage-component2 › force-progressive-renderer ›
 * records-lwc-highlights-panel, and the Activity composer's flexipage-tabset2 › lightning-tabset ›
 * flexipage-tab2 › flexipage-component2 › flexipage-aura-wrapper. Generated names vary per org and
 * layout; their classes do not. A set, not a sequence: a wrapper added or dropped costs nothing.
 */
export const SHADOW_ANCESTRY = [
  'one-record-home-flexipage2',
  '.adg-rollup-wrapped',
  '.forcegenerated-flexipage-module',
  'record_flexipage-desktop-record-page-decorator',
  'record_flexipage-record-page-decorator',
  'flexipage-record-page-decorator',
  'records-record-layout-event-broker',
  '.forcegenerated-flexipage-template',
  'flexipage-record-home-template-desktop2',
  'flexipage-component2',
  'force-progressive-renderer',
  'records-lwc-highlights-panel',
  'records-lwc-record-layout',
  '.forcegenerated-record-layout2',
  'flexipage-tabset2',
  'lightning-tabset',
  'flexipage-tab2',
  'flexipage-aura-wrapper',
].join(',');

/**
 * What a new element must be, or hold, to bring an anchor while placement searches for one: any
 * anchor above, a Lightning view, or a component of the shadow ancestry (whose shadow root is then
 * watched too). Every other element Lightning adds (spinners, rows, toasts: hundreds a second on a
 * busy page) is passed over without a search.
 */
export const MAY_BRING_ANCHOR = [
  ...TOOLBAR_ANCHORS.lightning,
  ...TOOLBAR_ANCHORS.classic,
  ...ACTIVITY_ACTION_ANCHORS.lightning,
  ...ACTIVITY_ACTION_ANCHORS.classic,
  LIGHTNING_VIEWS,
  SHADOW_ANCESTRY,
].join(',');

/** Salesforce's own action lists: the toolbar never goes inside them (their owner indexes its children). */
export const NEVER_INSIDE = 'runtime_platform_actions-actions-ribbon, .forceActionsContainer, ul';

/**
 * The rep's Compact display density (Salesforce's Density Settings: Comfy puts field labels on top,
 * Compact to the left of the fields). Lightning names it nowhere else in the page: its record layout
 * draws Compact fields with SLDS's horizontal form element, Comfy ones stacked (SLDS Form Element
 * blueprint; Salesforce Developers blog "New Density Settings for the Lightning Experience UI in
 * Winter '19"). Not found (Classic, a page without fields): Comfy, the default.
 */
export const COMPACT_DENSITY = '.slds-form-element_horizontal';
