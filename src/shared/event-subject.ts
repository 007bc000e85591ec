// How a session's own Event is named in Salesforce ("Glance session (<id>)"): written by the worker
// (src/background/records), searched for by the rep's history and the options page's team view.
export const EVENT_SUBJECT_PREFIX = 'Glance session';
