// The messages of the rep's wrap-up after End (issue 27, item 5): what the panel sends, the limits
// the background checks again, and what it answers. Pure: the panel checks with the same rules
// before sending, the background on arrival.
import { OUTCOME_MAX_LENGTH, WRAP_UP_LIMITS } from '../wrap-up.js';
import type { WrapUpProblem } from './problems.js';
import { isString, type NoPayload, type ValidatorsOf } from './validate.js';

/** A next step: a Task with a due date (YYYY-MM-DD, the rep's calendar day). */
export interface WrapUpTask {
  subject: string;
  dueDate: string;
}

export interface WrapUpRequest {
  sessionId: string;
  notes: string;
  /** One of the offered outcomes, or '' for none. */
  outcome: string;
  task?: WrapUpTask;
}

export type WrapUpResult = { ok: true } | { ok: false; problem: WrapUpProblem };

/** What the panel shows after End: the session as it ended, and where Salesforce has it. */
export interface WrapUpSummary {
  sessionId: string;
  startedAt: string;
  endedAt: string;
  /** Guest names (or emails when nameless), as guests typed them: text only. */
  guests: string[];
  /** The Event in Lightning once the start landed; '' while it is being logged. */
  eventUrl: string;
  outcomes: string[];
  /** The session's record, for Schedule follow-up on the same record. */
  record: { sobject: string; recordId: string };
  /** The wrap-up was saved already (from this tab or another). */
  saved: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The content request checked on arrival; undefined when it is not one the panel could send. */
export function readWrapUpRequest(raw: Record<string, unknown>): WrapUpRequest | undefined {
  if (!isString(raw.sessionId, 100) || raw.sessionId === '') return undefined;
  if (!isString(raw.notes, WRAP_UP_LIMITS.notes) || !isString(raw.outcome, OUTCOME_MAX_LENGTH)) return undefined;
  let task: WrapUpTask | undefined;
  if (raw.task !== undefined) {
    const given = raw.task as Record<string, unknown> | null;
    if (typeof given !== 'object' || given === null) return undefined;
    const { subject, dueDate } = given;
    if (!isString(subject, WRAP_UP_LIMITS.taskSubject) || subject.trim() === '') return undefined;
    if (typeof dueDate !== 'string' || !isCalendarDate(dueDate)) return undefined;
    task = { subject, dueDate };
  }
  return { sessionId: raw.sessionId, notes: raw.notes, outcome: raw.outcome, ...(task ? { task } : {}) };
}

/** Requests about the wrap-up a content script may send (merged into ContentRequests). */
export interface WrapUpContentRequests {
  /** The ended session's summary for the asking tab (null: not kept, or not this tab's org). */
  'content:wrap-up-summary': { request: { sessionId: string }; response: WrapUpSummary | null };
  'content:save-wrap-up': { request: { wrapUp: WrapUpRequest }; response: WrapUpResult };
  /** The wrap-up waiting for the asking tab (a page loaded after the end): null when none waits there. */
  'content:pending-wrap-up': { request: NoPayload; response: WrapUpSummary | null };
  /** The rep skipped it: offered no more, in any tab. */
  'content:skip-wrap-up': { request: { sessionId: string }; response: { ok: boolean } };
}

export const wrapUpValidators: ValidatorsOf<WrapUpContentRequests> = {
  'content:wrap-up-summary': (raw) =>
    isString(raw.sessionId, 100) && raw.sessionId !== '' ? { sessionId: raw.sessionId } : undefined,
  'content:save-wrap-up': (raw) => {
    const wrapUp =
      typeof raw.wrapUp === 'object' && raw.wrapUp !== null
        ? readWrapUpRequest(raw.wrapUp as Record<string, unknown>)
        : undefined;
    return wrapUp ? { wrapUp } : undefined;
  },
  'content:pending-wrap-up': () => ({}),
  'content:skip-wrap-up': (raw) =>
    isString(raw.sessionId, 100) && raw.sessionId !== '' ? { sessionId: raw.sessionId } : undefined,
};
