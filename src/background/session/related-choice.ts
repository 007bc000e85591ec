// The rep's answer to "which Opportunity (or Case) is this session about?", asked in the panel when
// the start's look-up found more than one open record (issue 27, item 6). The answer is an id the
// worker offered, checked here against the candidates it holds; nothing is sent to Salesforce now:
// the session's end (jobs/log-end.ts) writes it as WhatId with the PATCH it sends anyway.
import type { SessionResult } from '../../shared/protocol/index.js';
import { inBackground } from '../in-background.js';
import type { OutboxPorts } from '../outbox/runner.js';
import { changeQueue } from '../outbox/store.js';
import { announce, type SessionPorts, sessionLock, view } from './core.js';
import { readActiveSession } from './state.js';

/** Keeps the rep's choice in the session's log; `recordId` '' takes it back (nothing related). */
async function keepChoice(ports: OutboxPorts, sessionId: string, recordId: string): Promise<boolean> {
  return changeQueue(ports, (state) => {
    const log = state.logs[sessionId];
    const offered = log?.choices?.candidates.some((c) => c.id === recordId);
    if (!log?.choices || (recordId !== '' && !offered)) return false;
    const { chosen: _previous, ...rest } = log;
    state.logs[sessionId] = recordId ? { ...rest, chosen: recordId } : rest;
    return true;
  });
}

/**
 * Under the session lock, so End (which queues the end update) comes wholly before or after it: a
 * choice made before End is in the log the end update reads when it is sent.
 */
export const chooseRelated = (sessionId: string, recordId: string, ports: SessionPorts): Promise<SessionResult> =>
  sessionLock.run(async () => {
    const session = await readActiveSession(ports);
    if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
    if (!(await keepChoice(ports, sessionId, recordId))) return { ok: false, problem: 'choice-not-offered' };
    // Every tab's panel shows the choice (the rep may have the record open in two).
    inBackground(announce(ports), 'telling the tabs');
    return { ok: true, session: await view(ports, session) };
  });
