// What the job senders share: the outcome of an attempt, composite helpers, optional fields, and the
// clean-up of a write that landed twice.
import type { CompositeSubrequest, CompositeSubresponse, SalesforceClient } from '../../../shared/salesforce/client.js';
import { errorFromResponse, type SalesforceError } from '../../../shared/salesforce/errors.js';
import type { OutboxJob, SessionLog, Surplus } from '../../storage/outbox-shapes.js';

export type Job<K extends OutboxJob['kind']> = Extract<OutboxJob, { kind: K }>;
type LogChange = (log: SessionLog) => SessionLog;

/** What one attempt achieved: changes to the log, the job as it stays queued (none: done), and why not done. */
export interface Progress {
  log: LogChange;
  /** The job with what is left to do; undefined when it is done. */
  job?: OutboxJob;
  failure?: SalesforceError;
  /**
   * The look-up after an interrupted send did not answer (limit, login, lock, outage, refusal):
   * whether that send landed is still unknown, so the next attempt looks again, even after a clean refusal.
   */
  stillInDoubt?: boolean;
  /** Jobs this one's answers call for (a synced guest's Lead): queued in the same write that settles it. */
  follow?: FollowJob[];
}

/** A job as another job queues it; the queue adds its bookkeeping. */
export type FollowJob = Omit<Job<'guest-lead'>, 'createdAt' | 'attempts' | 'notBefore'>;

export const ok = (answer: CompositeSubresponse | undefined) => !!answer && answer.httpStatusCode < 300;
export const failureOf = (answer: CompositeSubresponse | undefined) =>
  errorFromResponse(answer?.httpStatusCode ?? 0, answer?.body);
export const recordsOf = <T>(answer: CompositeSubresponse | undefined): T[] =>
  ((answer?.body as { records?: T[] } | undefined)?.records ?? []).filter((r) => typeof r === 'object' && r !== null);
export const query = (soql: string, referenceId: string): CompositeSubrequest => ({
  method: 'GET',
  path: `/query?q=${encodeURIComponent(soql)}`,
  referenceId,
});
export const byReference = (answers: CompositeSubresponse[]) => new Map(answers.map((a) => [a.referenceId, a]));

export function omit(fields: Record<string, unknown>, without: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !without.includes(name)));
}

/**
 * Salesforce refused a write for good. If leaving out optional fields can help (the ones it named, or
 * all of them for a rule that names none), answers the longer `without` list; otherwise undefined.
 */
export function fieldsToLeaveOut(
  error: SalesforceError,
  fields: Record<string, unknown>,
  optional: string[],
  without: string[] = [],
): string[] | undefined {
  if (error.problem !== 'refused') return undefined;
  const present = optional.filter((name) => name in fields && !without.includes(name));
  const named = error.fields.filter((name) => present.includes(name));
  const next = named.length > 0 ? named : error.fields.length === 0 ? present : [];
  return next.length > 0 ? [...without, ...next] : undefined;
}

/** The session's Event landed without these fields; Salesforce's words say why. */
export function leftOutOf(log: SessionLog, job: OutboxJob): SessionLog['leftOut'] {
  const fields = [...new Set([...(log.leftOut?.fields ?? []), ...(job.without ?? [])])];
  return { fields, reason: job.error || log.leftOut?.reason || '' };
}

const GONE = new Set(['ENTITY_IS_DELETED', 'NOT_FOUND', 'INVALID_CROSS_REFERENCE_KEY']);

/**
 * The most subrequests one composite takes: 25 (REST API Developer Guide, "Composite": more are
 * refused as a whole, 200 with one LIMIT_EXCEEDED subresponse and nothing run).
 */
const MAX_COMPOSITE_SUBREQUESTS = 25;

/**
 * Deletes records that landed twice, 25 to a call (a composite's most). Chromium resends a POST by
 * itself when a reused connection closes before any answer (its keep-alive retry), so a write
 * Salesforce applied can land twice without the extension ever seeing the first answer. Answers what
 * is still to delete and why (for now); a record already gone, or one Salesforce will not let the rep
 * delete, is not retried. A call that fails for now leaves its records, and the ones after it, to the next attempt.
 */
export async function deleteSurplus(
  client: SalesforceClient,
  surplus: Surplus[],
): Promise<{ left: Surplus[]; failure?: SalesforceError }> {
  const left: Surplus[] = [];
  let failure: SalesforceError | undefined;
  for (let from = 0; from < surplus.length; from += MAX_COMPOSITE_SUBREQUESTS) {
    const chunk = surplus.slice(from, from + MAX_COMPOSITE_SUBREQUESTS);
    if (failure) {
      left.push(...chunk);
      continue;
    }
    const answers = byReference(
      await client.composite(
        chunk.map((s, i) => ({
          method: 'DELETE' as const,
          path: `/sobjects/${s.sobject}/${s.id}`,
          referenceId: `d${i}`,
        })),
        false,
      ),
    );
    for (const [i, record] of chunk.entries()) {
      const answer = answers.get(`d${i}`);
      if (ok(answer)) continue;
      const refusal = failureOf(answer);
      if (refusal.problem === 'refused' || refusal.errors.some((e) => GONE.has(e.errorCode))) continue;
      failure ??= refusal;
      left.push(record);
    }
  }
  return failure ? { left, failure } : { left };
}
