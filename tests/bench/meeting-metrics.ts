// Salesforce calls of meeting scheduling (issue 11), measured in Node with the background harness
// (tests/support/background-harness.ts: the service worker's code with the in-process emulators),
// because the record page's Schedule dialog is not built yet; once it is, this can move to the
// browser run beside sf_calls_session_start. Counted: requests to the org's API host from the click
// to the meeting's Event (and its Chatter post) being in Salesforce.
import { scheduleMeeting } from '../../src/background/meeting/service.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { harness } from '../support/background-harness.js';
import { request } from '../support/meetings.js';
import type { Metric } from './main.js';

export async function meetingMetrics(): Promise<Metric[]> {
  const h = harness();
  await h.connect({ chatterOnSchedule: true, usage: 'sales' });
  const counts: number[] = [];
  for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
    const before = h.salesforceCalls().length;
    const result = await scheduleMeeting(request(h, type, h.seeded(type).Id), undefined, h.ports);
    if (!result.ok) throw new Error(`scheduling on a ${type} failed: ${result.problem}`);
    await runOutbox(h.ports);
    counts.push(h.salesforceCalls().length - before);
  }
  return [
    {
      metric: 'sf_calls_meeting_scheduled',
      value: Math.max(...counts),
      unit: 'requests',
      target: '1',
      detail: `max of ${counts.length} record types, with Chatter (Node harness)`,
    },
  ];
}
