// What the sync's unit tests and its bench metric share: the admin's set-up on the harness, and
// sessions that happened outside Salesforce, added to Glance's records through the emulator.
import { expect } from 'vitest';
import { saveSync } from '../../src/background/sync/settings.js';
import type { SyncSchedule } from '../../src/shared/glance-sync.js';
import { addElsewhere, type ElsewhereSession } from '../sandbox/glance/records.js';
import { SEED_RECORDS_ACCESS } from '../sandbox/glance/records-state.js';
import { type Harness, LIGHTNING } from './background-harness.js';

export const MINUTE = 60_000;

export async function setUpSync(h: Harness, schedule: SyncSchedule = 'hourly') {
  const saved = await saveSync(
    {
      username: SEED_RECORDS_ACCESS.username,
      password: SEED_RECORDS_ACCESS.password,
      partnerId: SEED_RECORDS_ACCESS.partnerId,
      apiKey: SEED_RECORDS_ACCESS.apiKey,
      schedule,
      pageUrl: `${LIGHTNING}/lightning/page/home`,
    },
    h.ports,
  );
  expect(saved.ok).toBe(true);
}

/** A session the rep ran outside Salesforce, `agoMs` before now, lasting `minutes`. */
export function elsewhere(h: Harness, agoMs: number, minutes: number, extra: Partial<ElsewhereSession> = {}): string {
  const start = h.ports.now() - agoMs;
  const added = addElsewhere(h.sandbox.state.glance, {
    address: 'acme.glance.net',
    key: String(1000 + Math.floor(Math.random() * 8999)),
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + minutes * MINUTE).toISOString(),
    ...extra,
  });
  if (typeof added === 'string') throw new Error(added);
  return added.sessionId;
}
