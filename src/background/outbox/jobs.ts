// What each queued job sends to Salesforce (one module per kind, in jobs/). Costs: the start is one
// call (two after an interrupted send), the end one, a guest two; a write that landed twice costs
// one more to delete. A scheduled meeting costs what a start costs; its reschedule, cancellation
// and the start of its session one each. The rep's wrap-up after End is one more (its Task rides in it).
export { guestLead } from './jobs/guest-lead.js';
export { logEnd } from './jobs/log-end.js';
export { CLOCK_MARGIN_MS, logStart } from './jobs/log-start.js';
export { meetingStart } from './jobs/meeting-start.js';
export type { Progress } from './jobs/parts.js';
export { SYNC_BATCH, syncSessions } from './jobs/sync-sessions.js';
export { wrapUp } from './jobs/wrap-up.js';
