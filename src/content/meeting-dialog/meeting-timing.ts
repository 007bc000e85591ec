// When the toolbar offers Start scheduled meeting: from 15 minutes before the start to the end, the
// same window the background enforces (src/background/meeting/store.ts meetingDueFor). Pure, so the
// edges are unit-tested (tests/unit/meeting-timing.test.ts).
const START_EARLY_MS = 15 * 60_000;

interface MeetingTiming {
  due: boolean;
  /** When `due` next changes (ms), or undefined once the meeting has ended. */
  changesAt: number | undefined;
}

export function meetingTiming(startsAt: string, endsAt: string, now: number): MeetingTiming {
  const opens = Date.parse(startsAt) - START_EARLY_MS;
  const closes = Date.parse(endsAt);
  if (now < opens) return { due: false, changesAt: opens };
  if (now < closes) return { due: true, changesAt: closes };
  return { due: false, changesAt: undefined };
}
