// The Glance session as this tab last knew it, and the guards that keep a stale answer from
// overwriting a newer state. Answers come from two places that race: the replies to our own asks
// (slow when Glance is slow) and the background's broadcasts (pushed on every change). Pure: no DOM,
// no chrome.*, so tests/unit/session-state.test.ts drives every order of arrival.
import type { SessionView } from '../../shared/protocol/index.js';

/**
 * What taking a state did: true when it ended the session that was shown, false for any other
 * change, undefined when it was ignored (stale). A boolean, not names: the content script is small.
 */
export type SessionChange = boolean | undefined;

export class SessionState {
  /** undefined until the background first answered: drawing nothing beats a toolbar that flips to a panel. */
  current: SessionView | null | undefined;
  /** Bumped on every change, so a slow answer never overwrites a newer state. */
  #version = 0;
  /** Sessions we saw end: a late answer about one of them must not bring its panel back. */
  readonly #ended = new Set<string>();

  /** Takes a new state from any source that is not stale by construction (a broadcast, an action's result). */
  take(next: SessionView | null): SessionChange {
    if (next && this.#ended.has(next.sessionId)) return undefined;
    const ending = next ? undefined : this.current;
    if (ending) this.#ended.add(ending.sessionId);
    this.#version++;
    this.current = next;
    return !!ending;
  }

  /**
   * Takes the answer to an ask, unless anything changed while it was on its way. No usable answer
   * (undefined: an older background, or none yet) counts as "no session" on the first ask only.
   */
  async answer(pending: Promise<SessionView | null | undefined>): Promise<SessionChange> {
    const asked = this.#version;
    const answer = await pending;
    if (asked !== this.#version) return undefined;
    if (answer !== undefined) return this.take(answer);
    return this.current === undefined ? this.take(null) : undefined;
  }
}
