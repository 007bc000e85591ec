// An org whose My Domain was renamed: its previous host redirects every call to the new one
// (Salesforce Help, "Understand Redirections for Previous My Domain Host Names"), and the client
// found where (salesforce/moved-host.ts). The org's writes are the same org's wherever they are
// sent, so those queued for the old host, and any queued for it later (a tab still open there), go
// to the new host. Trusting the redirect is sound: it came from the org's own My Domain host over
// HTTPS and names a My Domain host of the table; and what is sent there is still checked there. A
// write goes out only as its author: the session on the new host must be the same org and user
// (runner.ts, heldForItsAuthor), and a write that may have landed before is looked up there first.

import type { OutboxJob } from '../storage/outbox-shapes.js';
import type { QueueState } from './store.js';

/** The host writes for `apiHost` go to now: itself, or where its My Domain moved (a few renames at most). */
export function currentHost(state: QueueState, apiHost: string): string {
  let host = apiHost;
  for (let hops = 0; hops < 5; hops++) {
    const next = state.orgs[host]?.movedTo;
    if (!next || next === apiHost) return host;
    host = next;
  }
  return host;
}

/**
 * Moves everything queued for `from` to `to`: jobs (due at once, their last failure forgotten,
 * `movedFrom` kept so the rep is told why they wait there), the logs of their sessions, and a note on
 * `from` for writes queued later. `attempted` is the job whose send met the redirect, with `inFlight`
 * as it was before that send (the redirect applied nothing).
 */
export function moveOrg(state: QueueState, from: string, to: string, attempted?: OutboxJob): void {
  state.jobs = state.jobs.map((job) => {
    if (job.apiHost !== from) return job;
    const { problem: _problem, error: _error, ...rest } = job.id === attempted?.id ? attempted : job;
    return { ...rest, apiHost: to, notBefore: 0, movedFrom: job.movedFrom ?? from };
  });
  for (const [sessionId, log] of Object.entries(state.logs)) {
    if (log.apiHost === from) state.logs[sessionId] = { ...log, apiHost: to };
  }
  const { paused: _paused, ...org } = state.orgs[from] ?? {};
  state.orgs[from] = { ...org, movedTo: to };
}
