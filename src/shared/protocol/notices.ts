// What the worker pushes to content scripts in Salesforce tabs (`background:`), unasked. A tab
// treats each as a hint: what it shows next still comes from asking the worker.
import type { SessionProblem } from './problems.js';
import type { SessionView } from './session-views.js';

/** What the background pushes to content scripts in Salesforce tabs. */
export type BackgroundBroadcast = {
  type: 'background:session';
  session: SessionView | null;
  /** Why the session ended, when it was not the rep's End (the policy forbade its Glance address). */
  reason?: SessionProblem;
};

/**
 * The keyboard shortcut's Start failed in this tab: the toolbar says why, as after a click. The tab
 * answers true when its toolbar showed it.
 */
export type StartProblemNotice = { type: 'background:start-problem'; problem: SessionProblem };

/**
 * The worker to a Salesforce tab of the ended session's org: its wrap-up waits (`open`, at every end
 * the worker records, whoever or whatever ended it), or is over (saved or skipped in some tab).
 */
export type WrapUpNotice = { type: 'background:wrap-up'; sessionId: string; open: boolean };
