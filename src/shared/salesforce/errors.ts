// A Salesforce call that did not work, with Salesforce's own error items and what they mean
// (classify.ts decides the meaning).
import type { SalesforceProblem } from '../protocol/problems.js';
import { classify, errorItems, type SalesforceErrorItem } from './classify.js';

export class SalesforceError extends Error {
  override readonly name = 'SalesforceError';
  readonly problem: SalesforceProblem;
  constructor(
    readonly status: number,
    readonly errors: SalesforceErrorItem[],
    problem?: SalesforceProblem,
    /** With 'my-domain-moved': the org's new My Domain host. */
    readonly movedTo?: string,
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') || `Salesforce answered ${status || 'nothing'}`);
    this.problem = problem ?? classify({ status, errors });
  }

  get errorCode(): string | undefined {
    return this.errors[0]?.errorCode;
  }

  /**
   * Salesforce refused the request in its own words (4xx with error items), so a write was not
   * applied. Without an answer, after a 5xx or an unreadable page, it may have been.
   */
  get refusedCleanly(): boolean {
    // A redirect is an answer too: the old host applied nothing, it only named the new one.
    return (this.status >= 400 && this.status < 500 && this.errors.length > 0) || this.problem === 'my-domain-moved';
  }

  /** Salesforce's own words, for the rep. */
  get salesforceMessage(): string {
    return this.errors.map((e) => e.message).join(' ') || this.message;
  }

  /** The fields Salesforce named (field security, validation rules on a field). */
  get fields(): string[] {
    return this.errors.flatMap((e) => e.fields ?? []);
  }
}

/** Reads an error answer (top-level or a composite subresponse) into a SalesforceError. */
export function errorFromResponse(status: number, body: unknown): SalesforceError {
  return new SalesforceError(status, errorItems(body));
}

/** Nothing came back: network error, a cut connection or our own timeout. */
export function noAnswer(): SalesforceError {
  return new SalesforceError(0, []);
}

/** The org's My Domain host answered with a redirect to `movedTo`, its new My Domain host. */
export function myDomainMoved(movedTo: string): SalesforceError {
  return new SalesforceError(0, [], 'my-domain-moved', movedTo);
}
