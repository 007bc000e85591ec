// The rep's wrap-up after End (issue 27, item 5): ONE composite call that updates the session's
// Event with the outcome and notes and, when the rep set a next step, creates its Task. The end
// itself went before it (log-end.ts), so nothing waited on the rep; with it, a session costs at most
// two calls from End on. The PATCH is idempotent; the Task is a POST, so a send that may have landed
// looks for it first, and the same call checks that it landed once (a resent POST can land twice:
// see deleteSurplus). The Task's Description names the session: that is how it is known for ours.

import { type CompositeSubrequest, type SalesforceClient, soqlString } from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import { directRelation } from '../../records/session-event.js';
import type { SessionLog, Surplus } from '../../storage/outbox-shapes.js';
import { OPTIONAL_EVENT_FIELDS } from './log-start.js';
import {
  byReference,
  deleteSurplus,
  failureOf,
  fieldsToLeaveOut,
  type Job,
  leftOutOf,
  ok,
  omit,
  type Progress,
  query,
  recordsOf,
} from './parts.js';

type WrapUp = Job<'wrap-up'>;

/** The Task's WhoId/WhatId: the session's record, and what the start's look-up found (as the Event's). */
function taskRelation(job: WrapUp, log: SessionLog): Record<string, string> {
  const relation: Record<string, string | undefined> = { ...directRelation(job.record), ...log.relation };
  return Object.fromEntries(Object.entries(relation).filter((entry): entry is [string, string] => !!entry[1]));
}

/**
 * The Tasks that may be this job's: same relation, subject and due date (filterable: Object Reference,
 * "Task"). Which of them are ours is read from their Description, which names the session (one
 * wrap-up per session): Description is a long text area, which SOQL can select but not filter, so it
 * is compared here. Another session's Task with the same subject on the same record is never taken
 * for ours, and never deleted as a twin.
 */
function ourTasks(job: WrapUp, log: SessionLog, task: NonNullable<WrapUp['task']>): CompositeSubrequest {
  const relation = Object.entries(taskRelation(job, log)).map(([field, id]) => `${field} = ${soqlString(id)}`);
  const where = [
    `Subject = ${soqlString(String(task.fields.Subject))}`,
    `ActivityDate = ${String(task.fields.ActivityDate)}`,
    ...relation,
  ];
  return query(
    `SELECT Id, Description FROM Task WHERE ${where.join(' AND ')} ORDER BY CreatedDate ASC LIMIT 50`,
    'tasks',
  );
}

const idsOf = (answer: Parameters<typeof recordsOf>[0], task: NonNullable<WrapUp['task']>) =>
  recordsOf<{ Id?: string; Description?: string | null }>(answer).flatMap((r) =>
    r.Id && r.Description === task.fields.Description ? [r.Id] : [],
  );

export async function wrapUp(client: SalesforceClient, job: WrapUp, log: SessionLog): Promise<Progress> {
  let task = job.task;
  let eventDone = job.eventDone === true;
  let surplus: Surplus[] = job.surplus ?? [];
  const taskFields = () => ({ ...(task?.fields ?? {}), ...taskRelation(job, log) });
  const still = (extra: Partial<WrapUp> = {}): WrapUp => ({
    ...job,
    ...(task ? { task } : {}),
    eventDone,
    surplus,
    inFlight: false,
    ...extra,
  });
  const logChange = (current: SessionLog) =>
    job.without?.length && eventDone ? { ...current, leftOut: leftOutOf(current, job) } : current;

  // A send that may have landed: is the Task there already? (The PATCH is simply sent again.)
  if (job.inFlight && task && !task.done) {
    let found: ReturnType<typeof byReference>;
    try {
      found = byReference(await client.composite([ourTasks(job, log, task)], false));
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      return { log: logChange, job: still({ inFlight: true }), failure: error, stillInDoubt: true };
    }
    const answer = found.get('tasks');
    if (!ok(answer))
      return { log: logChange, job: still({ inFlight: true }), failure: failureOf(answer), stillInDoubt: true };
    const ids = idsOf(answer, task);
    if (ids.length > 0) {
      task = { ...task, done: true };
      surplus = [...surplus, ...ids.slice(1).map((id) => ({ sobject: 'Task' as const, id }))];
    }
  }

  const writes: CompositeSubrequest[] = [];
  if (!eventDone)
    writes.push({
      method: 'PATCH',
      path: `/sobjects/Event/${log.eventId}`,
      referenceId: 'event',
      body: omit(job.fields, job.without),
    });
  if (task && !task.done) {
    writes.push({ method: 'POST', path: '/sobjects/Task', referenceId: 'task', body: taskFields() });
    // In the same call, after the POST: did it land twice?
    writes.push(ourTasks(job, log, task));
  }
  let failure: SalesforceError | undefined;
  if (writes.length > 0) {
    // Not all-or-none: the notes must reach the Event even when the org refuses the Task.
    const answers = byReference(await client.composite(writes, false));
    const event = answers.get('event');
    if (event && ok(event)) eventDone = true;
    else if (event) {
      const refusal = failureOf(event);
      const without = fieldsToLeaveOut(refusal, job.fields, OPTIONAL_EVENT_FIELDS, job.without);
      // Leaving fields out is the next attempt, at once; the log keeps Salesforce's words.
      if (without) return { log: logChange, job: still({ without, notBefore: 0, error: refusal.salesforceMessage }) };
      failure = refusal;
    }
    const created = answers.get('task');
    if (created && task) {
      if (ok(created)) {
        const id = (created.body as { id?: string } | undefined)?.id;
        task = { ...task, done: true };
        const tasks = answers.get('tasks');
        if (ok(tasks)) {
          const extra = idsOf(tasks, task).filter((found) => found !== id);
          surplus = [...surplus, ...extra.map((found) => ({ sobject: 'Task' as const, id: found }))];
        }
      } else failure ??= failureOf(created);
    }
  }
  if (surplus.length > 0 && !failure) {
    try {
      const cleaned = await deleteSurplus(client, surplus);
      surplus = cleaned.left;
      failure = cleaned.failure;
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      failure = error;
    }
  }
  const done = eventDone && (!task || task.done === true) && surplus.length === 0;
  if (done) return { log: logChange };
  return { log: logChange, job: still(), failure: failure ?? new SalesforceError(200, [], 'unavailable') };
}
