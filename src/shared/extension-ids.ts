// The extension's ids, in one place, for what administrators deploy (src/pages/options) and docs.
//
// Chrome and Edge: the running browser's own id is browser.runtime.id (the pages read it there). The
// `key` in manifest.json fixes the id of the unpacked and test builds to CHROMIUM_KEY_ID; a store
// assigns its own id to the published item, which runtime.id then reports.
//
// Firefox: the gecko id in the Firefox build's manifest (browser_specific_settings.gecko.id). Firefox
// matches policies.json's "3rdparty" → "Extensions" entries by this id. The Firefox build (helper
// "pkg", issue 12 item 1) must use this same constant.
export const GECKO_ID = 'glance-for-salesforce@glance.net';

/** The id Chromium derives from manifest.json's `key` (docs/testing.md: "Loading `dist/` by hand"). */
export const CHROMIUM_KEY_ID = 'pdckdbofbehkaiioikpheonnaifbdbjf';
