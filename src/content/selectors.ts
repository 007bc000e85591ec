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

/** Salesforce's own action lists: the toolbar never goes inside them (their owner indexes its children). */
export const NEVER_INSIDE = 'runtime_platform_actions-actions-ribbon, .forceActionsContainer, ul';

/** Our own hosts (toolbar, session panel): never searched. */
export const OWN_HOSTS = '[data-glance-sfx]';
