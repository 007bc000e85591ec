// The rep's wrap-up after End (issue 27, item 5). The end's own update goes at once (core.ts finish):
// nothing waits for the rep, and a rep who walks away still has the session logged. What the rep
// then saves (notes, an outcome, a next step) is one more queued job (outbox/jobs/wrap-up.ts), built
// from what the end wrote (ended-sessions.ts).

import type { WrapUpRequest, WrapUpResult, WrapUpSummary } from '../../shared/protocol/index.js';
import { lightningHostFor } from '../../shared/salesforce-url.js';
import { inBackground } from '../in-background.js';
import { enqueue, runOutbox } from '../outbox/runner.js';
import { readLog } from '../outbox/store.js';
import { oneLine, reportCategory } from '../records/session-event.js';
import { settingsView } from '../settings/account.js';
import type { EndedSession } from '../storage/shapes.js';
import { inSessionOrg, tellWrapUp } from './audience.js';
import { jobId, type SessionPorts, sessionLock, storeOf } from './core.js';
import { keptEnded, markDone, pendingEnded } from './ended-sessions.js';
import { readActiveSession } from './state.js';

/** The ended session, if it is still kept and the asking tab may see it (its org and cookie store). */
async function endedFor(
  ports: SessionPorts,
  sessionId: string,
  pageUrl: string,
  storeId: string | undefined,
): Promise<EndedSession | undefined> {
  const ended = await keptEnded(ports, sessionId);
  return ended && (await inSessionOrg(pageUrl, storeId, ended, ports)) ? ended : undefined;
}

export async function wrapUpSummary(
  ports: SessionPorts,
  sessionId: string,
  pageUrl: string,
  storeId: string | undefined,
): Promise<WrapUpSummary | null> {
  const ended = await endedFor(ports, sessionId, pageUrl, storeId);
  return ended ? summaryOf(ports, ended) : null;
}

/**
 * The wrap-up waiting for a tab that loaded after the end (a reload, another record opened): the last
 * session's, in the tabs of its org and cookie store only, and none once the next session started.
 */
export async function pendingWrapUp(
  ports: SessionPorts,
  pageUrl: string,
  storeId: string | undefined,
): Promise<WrapUpSummary | null> {
  const [running, ended] = await Promise.all([readActiveSession(ports), pendingEnded(ports)]);
  if (running || !ended || !(await inSessionOrg(pageUrl, storeId, ended, ports))) return null;
  return summaryOf(ports, ended);
}

/** The rep skipped the wrap-up: no tab offers it again. */
export function skipWrapUp(
  ports: SessionPorts,
  sessionId: string,
  pageUrl: string,
  storeId: string | undefined,
): Promise<{ ok: boolean }> {
  return sessionLock.run(async () => {
    const ended = await endedFor(ports, sessionId, pageUrl, storeId);
    if (!ended || ended.saved) return { ok: false };
    await markDone(ports, sessionId, 'skipped');
    await tellWrapUp(ports, ended, false);
    return { ok: true };
  });
}

async function summaryOf(ports: SessionPorts, ended: EndedSession): Promise<WrapUpSummary> {
  const { sessionId } = ended;
  const [log, { policy }] = await Promise.all([readLog(ports, sessionId), settingsView(ports)]);
  return {
    sessionId,
    startedAt: ended.startedAt,
    endedAt: ended.endedAt,
    guests: ended.guests.map((g) => g.name || g.email),
    eventUrl: log.eventId
      ? `https://${lightningHostFor(ended.record.apiHost)}/lightning/r/Event/${log.eventId}/view`
      : '',
    outcomes: policy.wrapUpOutcomes,
    record: { sobject: ended.record.sobject, recordId: ended.record.recordId },
    saved: ended.saved === true,
  };
}

/**
 * The rep's notes as Description lines: line breaks kept (as \n), every other control character and
 * Unicode line separator a space, bidirectional overrides gone (they would disguise what a reader
 * sees), and each line indented under "Notes:" so no line of notes can pass for one of the
 * session's own ("Guests: …", "Outcome: …").
 */
function notesLines(notes: string): string[] {
  const lines = notes
    .replace(/\p{Bidi_Control}/gu, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\p{Cc}+/gu, ' ').trimEnd());
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return lines.map((line) => `  ${line}`);
}

/** Description and Location after the wrap-up: the end's, with the outcome and the notes. */
function wrapUpEventFields(ended: EndedSession, outcome: string, notes: string): Record<string, unknown> {
  const noted = notesLines(notes);
  const lines = [
    ended.description,
    ...(outcome ? [`Outcome: ${oneLine(outcome)}`] : []),
    ...(noted.length > 0 ? ['Notes:', ...noted] : []),
  ];
  return {
    // Event.Description holds 32,000 characters (Object Reference, "Event").
    Description: lines.join('\n').slice(0, 32000),
    Location: reportCategory(ended, oneLine(outcome)),
  };
}

/** The next step's Task: the rep's subject and due date, open, normal priority, owned by the rep (Salesforce's default). */
function nextStepFields(sessionId: string, subject: string, dueDate: string): Record<string, unknown> {
  return {
    Subject: oneLine(subject).slice(0, 255),
    ActivityDate: dueDate,
    Status: 'Not Started',
    Priority: 'Normal',
    Description: `Next step after Glance session ${oneLine(sessionId)}`,
  };
}

/** Queues the rep's wrap-up, once per session (two tabs saving at once: the second is told it was saved). */
export function saveWrapUp(
  ports: SessionPorts,
  request: WrapUpRequest,
  pageUrl: string,
  storeId: string | undefined,
): Promise<WrapUpResult> {
  return sessionLock.run(() => saveUnlocked(ports, request, pageUrl, storeId));
}

async function saveUnlocked(
  ports: SessionPorts,
  request: WrapUpRequest,
  pageUrl: string,
  storeId: string | undefined,
): Promise<WrapUpResult> {
  const ended = await endedFor(ports, request.sessionId, pageUrl, storeId);
  if (!ended) return { ok: false, problem: 'session-gone' };
  if (ended.saved) return { ok: false, problem: 'already-saved' };
  // The company's list as it is now: an outcome it no longer offers is not written.
  const { policy } = await settingsView(ports);
  if (request.outcome && !policy.wrapUpOutcomes.includes(request.outcome))
    return { ok: false, problem: 'outcome-not-offered' };
  const task = request.task && oneLine(request.task.subject) !== '' ? request.task : undefined;
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'wrap-up',
    activityId: ended.sessionId,
    apiHost: ended.record.apiHost,
    ...storeOf(ended),
    fields: wrapUpEventFields(ended, request.outcome, request.notes),
    ...(task ? { task: { fields: nextStepFields(ended.sessionId, task.subject, task.dueDate) } } : {}),
    record: { sobject: ended.record.sobject, recordId: ended.record.recordId },
  });
  await markDone(ports, ended.sessionId, 'saved');
  // The other tabs that offered it close theirs (the saving tab shows what it saved).
  await tellWrapUp(ports, ended, false);
  inBackground(runOutbox(ports), 'the Salesforce queue');
  return { ok: true };
}
