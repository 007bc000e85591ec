// The content script's session as last known (src/content/toolbar/session-state.ts): answers to its own asks
// race the background's broadcasts, and a stale one must never overwrite a newer state or bring an
// ended session's panel back.
import { describe, expect, it } from 'vitest';
import { SessionState } from '../../src/content/toolbar/session-state.js';
import type { SessionView } from '../../src/shared/protocol/index.js';

const view = (sessionId: string, guests = 0) =>
  ({
    sessionId,
    guests: Array.from({ length: guests }, (_, i) => ({ name: `Guest ${i}`, email: `g${i}@example.com` })),
  }) as unknown as SessionView;

/** An answer that is still on its way: resolved when the test says so. */
function slowAnswer() {
  let arrive!: (answer: SessionView | null | undefined) => void;
  const pending = new Promise<SessionView | null | undefined>((resolve) => {
    arrive = resolve;
  });
  return { pending, arrive };
}

describe('the session as last known', () => {
  it('is unknown until the first answer', () => {
    expect(new SessionState().current).toBeUndefined();
  });

  it('takes answers and broadcasts in order, and says when the shown session ended', async () => {
    const state = new SessionState();
    expect(await state.answer(Promise.resolve(null))).toBe(false);
    expect(state.current).toBeNull();
    expect(state.take(view('s1'))).toBe(false);
    expect(await state.answer(Promise.resolve(view('s1', 2)))).toBe(false);
    expect(state.current).toEqual(view('s1', 2));
    expect(state.take(null)).toBe(true);
    expect(state.current).toBeNull();
    // "No session" again is a change, but not another end.
    expect(state.take(null)).toBe(false);
    // A new session after the ended one is shown.
    expect(state.take(view('s2'))).toBe(false);
    expect(state.current).toEqual(view('s2'));
  });

  it('ignores a slow answer that arrives after a newer broadcast', async () => {
    const state = new SessionState();
    state.take(view('s1'));
    const slow = slowAnswer();
    const settled = state.answer(slow.pending);
    // While the ask was on its way, a guest joined and the background said so.
    state.take(view('s1', 1));
    slow.arrive(view('s1', 0));
    expect(await settled).toBeUndefined();
    expect(state.current).toEqual(view('s1', 1));
  });

  it('ignores a slow answer that still shows a session the background has since ended', async () => {
    const state = new SessionState();
    state.take(view('s1'));
    const slow = slowAnswer();
    const settled = state.answer(slow.pending);
    expect(state.take(null)).toBe(true);
    slow.arrive(view('s1'));
    expect(await settled).toBeUndefined();
    expect(state.current).toBeNull();
  });

  it('never takes back a session it saw end, whatever brings it', async () => {
    const state = new SessionState();
    state.take(view('s1'));
    state.take(null);
    // Asked after the end (a fresh ask, not stale by version), answered by a background that lags.
    expect(await state.answer(Promise.resolve(view('s1')))).toBeUndefined();
    // A broadcast about it that was overtaken on the way.
    expect(state.take(view('s1', 3))).toBeUndefined();
    expect(state.current).toBeNull();
  });

  it('takes no answer on the first ask as no session, and keeps what it knows on a later ask', async () => {
    const first = new SessionState();
    expect(await first.answer(Promise.resolve(undefined))).toBe(false);
    expect(first.current).toBeNull();

    const later = new SessionState();
    later.take(view('s1'));
    expect(await later.answer(Promise.resolve(undefined))).toBeUndefined();
    expect(later.current).toEqual(view('s1'));
  });

  it('does not turn a late empty first answer into "no session" once a broadcast came', async () => {
    const state = new SessionState();
    const slow = slowAnswer();
    const settled = state.answer(slow.pending);
    state.take(view('s1'));
    slow.arrive(undefined);
    expect(await settled).toBeUndefined();
    expect(state.current).toEqual(view('s1'));
  });
});
