// The one file of Salesforce selectors. They only decide where the toolbar is drawn; which record
// we are on comes from the URL. Salesforce changes its markup without notice: when none of these
// match, the toolbar docks as a floating bar instead, so a markup change costs placement, never
// function. tests/e2e checks them against the sandbox's Salesforce-shaped pages.

/** Places to insert the toolbar after, most specific first, per UI. */
export const TOOLBAR_ANCHORS = {
  lightning: [
    // Record highlights panel of the active page (LWC and older Aura names).
    '.oneContent.active records-highlights2',
    '.oneContent.active force-highlights2',
    '.oneContent.active record_flexipage-dynamic-highlights2',
    '.oneContent.active .slds-page-header_record-home',
  ],
  console: [
    '.oneConsoleTab.active .windowViewMode-maximized.active records-highlights2',
    '.oneConsoleTab.active .windowViewMode-maximized.active force-highlights2',
    '.oneConsoleTab.active .windowViewMode-maximized.active .slds-page-header_record-home',
  ],
  classic: ['.bPageTitle'],
} as const;
