// The worker's alarms, by name (a module without browser APIs, so Node tests can name them too).
/** The queue's one wake-up: the earliest time any waiting Salesforce write is due; none when none is. */
export const OUTBOX_ALARM = 'outbox';
/** Guests are polled while a session runs, and never otherwise. */
export const GUEST_POLL_ALARM = 'glance-guests';
/** The badge's session time, at each whole minute of a running session. */
export const BADGE_ALARM = 'session-badge';
/** The sync of Glance's session records, on the schedule the administrator chose (sync/settings.ts). */
export const SYNC_ALARM = 'glance-records-sync';
