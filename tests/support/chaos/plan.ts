// When the run's org-wide trouble happens: which sessions stop the worker, open a daily-limit window,
// expire the logins, restart the browser or meet a session the REST API refuses. Fixed by the
// session count alone, so the same seed replays the same run.

/** Spreads `count` distinct session indexes over the run, away from its first and last session. */
function spread(count: number, sessions: number, offset: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < count; i++) {
    out.add(Math.min(sessions - 2, Math.max(1, Math.round(((i + offset) / (count + 0.5)) * sessions))));
  }
  return [...out];
}

export type WorkerStopMoment = 'after-start' | 'after-end' | 'after-guest';

export interface ChaosPlan {
  stopAt: Map<number, WorkerStopMoment>;
  limitAt: Set<number>;
  /** The popup's Retry after the org's next session has queued behind the pause. */
  retryAt: Set<number>;
  expireAt: number;
  restartAt: number;
  refuseAt: number;
}

export function planTrouble(n: number, workerStops = 3, limitWindows = 1): ChaosPlan {
  const moments: WorkerStopMoment[] = ['after-start', 'after-end', 'after-guest'];
  const stopAt = new Map(spread(workerStops, n, 0.6).map((index, i) => [index, moments[i % 3] as WorkerStopMoment]));
  const limitAt = new Set(spread(limitWindows, n, 0.4));
  const retryAt = new Set([...limitAt].map((i) => Math.min(n - 1, i + 2)));
  // The expired login on an org that is not paused just then (a paused org sends nothing to refuse).
  let expireAt = Math.floor(n * 0.45);
  while ([...limitAt].some((i) => expireAt >= i && expireAt <= i + 2 && (expireAt - i) % 2 === 0)) expireAt += 1;
  let restartAt = Math.floor(n * 0.65);
  while (limitAt.has(restartAt) || restartAt === expireAt) restartAt += 1;
  // A session the REST API will not take (a High Assurance requirement), on an org not paused then.
  let refuseAt = Math.floor(n * 0.25);
  while ([...limitAt].some((i) => refuseAt >= i && refuseAt <= i + 2) || [expireAt, restartAt].includes(refuseAt))
    refuseAt += 1;
  return { stopAt, limitAt, retryAt, expireAt, restartAt, refuseAt };
}
