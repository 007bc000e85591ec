// Salesforce calls from the rep's End to the wrap-up being in Salesforce (issue 27, item 5: ≤ 2),
// measured in Node with the background harness (tests/support/background-harness.ts: the service
// worker's code with the in-process emulators): the end's update, then the wrap-up with its next
// step's Task. Counted: requests to the org's API host from End until the queue is empty.
import { runOutbox } from '../../src/background/outbox/runner.js';
import { endSession } from '../../src/background/session/service.js';
import { saveWrapUp } from '../../src/background/session/wrap-up.js';
import { harness, LIGHTNING, start } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';
import type { Metric } from './main.js';

export async function wrapUpMetrics(): Promise<Metric[]> {
  const h = harness();
  await h.connect({ usage: 'sales' });
  const counts: number[] = [];
  for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
    const session = await start(h, type, h.seeded(type).Id);
    await runOutbox(h.ports);
    const before = h.salesforceCalls().length;
    await endSession(session.sessionId, h.ports);
    const saved = await saveWrapUp(
      h.ports,
      {
        sessionId: session.sessionId,
        notes: 'Walked through the reports.\nWants a quote.',
        outcome: 'Demo given',
        task: { subject: 'Send the quote', dueDate: '2026-12-01' },
      },
      `${LIGHTNING}/lightning/page/home`,
      undefined,
    );
    if (!saved.ok) throw new Error(`the wrap-up on a ${type} was refused: ${saved.problem}`);
    await runOutbox(h.ports);
    if ((await readJobs(h.ports)).length > 0) throw new Error(`the wrap-up on a ${type} did not land`);
    counts.push(h.salesforceCalls().length - before);
  }
  return [
    {
      metric: 'sf_calls_end_with_wrapup',
      value: Math.max(...counts),
      unit: 'requests',
      target: '≤ 2',
      detail: `End + wrap-up with notes, outcome and a Task; max of ${counts.length} record types (Node harness)`,
    },
  ];
}
