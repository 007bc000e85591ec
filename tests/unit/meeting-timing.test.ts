// Start scheduled meeting shows from 15 minutes before the start until the end, no earlier, no later.
import { describe, expect, it } from 'vitest';
import { meetingTiming } from '../../src/content/meeting-dialog/meeting-timing.js';

const start = '2026-11-26T15:00:00.000Z';
const end = '2026-11-26T15:30:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('meetingTiming', () => {
  it('is not due before the window, and says when the window opens', () => {
    expect(meetingTiming(start, end, at('2026-11-26T14:44:59.999Z'))).toEqual({
      due: false,
      changesAt: at('2026-11-26T14:45:00.000Z'),
    });
  });
  it('is due from exactly 15 minutes before the start until just before the end', () => {
    expect(meetingTiming(start, end, at('2026-11-26T14:45:00.000Z'))).toEqual({ due: true, changesAt: at(end) });
    expect(meetingTiming(start, end, at('2026-11-26T15:29:59.999Z')).due).toBe(true);
  });
  it('is over at the end, with nothing left to wait for', () => {
    expect(meetingTiming(start, end, at(end))).toEqual({ due: false, changesAt: undefined });
  });
});
