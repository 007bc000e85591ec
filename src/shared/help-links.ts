// The reps' guide ships inside the extension as an extension page, built from docs/reps-guide.md at
// build time: a store install has no repository to link to, and the guide must match the version the
// rep runs. Pages link to it directly; a content script asks the worker to open it (a web page may not
// navigate to an extension page that is not web-accessible, and we expose none).
export const REPS_GUIDE_PAGE = 'help.html';
