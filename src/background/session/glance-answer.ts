// Which of Glance's answers about a key are about our session. A key is reused (a rep's fixed key, a
// random one that repeats), and Glance answers the account's most recent session with it (A7): one
// that started well before ours, or ended before ours began, is an older session, not this one.
import type { GlanceSession } from '../glance/client.js';

/**
 * Glance starts our session after our start (the launch travels to the client), so an answer that
 * started long before it is older; the slack covers the two clocks and a client that was slow to start.
 */
const START_SLACK_MS = 5 * 60_000;
/**
 * A session that ended before ours started is older, whatever its start: a rep who ends and starts
 * again with the same fixed key within seconds. Clocks synchronised by NTP differ by far less.
 */
const END_SLACK_MS = 5_000;

export function isThisSession(answer: GlanceSession, ours: { startedAt: string }): boolean {
  const started = Date.parse(ours.startedAt);
  if (Date.parse(answer.startedAt) < started - START_SLACK_MS) return false;
  return !(answer.endedAt && Date.parse(answer.endedAt) < started - END_SLACK_MS);
}
