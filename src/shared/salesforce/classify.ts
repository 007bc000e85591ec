// Every answer Salesforce (or the network on its way) can give, sorted once into what it means for
// a retry. Rows are tried in order; the first that matches decides. Sources: REST API Developer Guide
// "Status Codes and Error Responses", "API Request Limits and Allocations", Salesforce Help "API
// Access Control", "Duplicate Rule Header", and ../shared/reference/salesforce.md.
import type { SalesforceProblem } from '../protocol/problems.js';

export interface SalesforceErrorItem {
  errorCode: string;
  message: string;
  fields?: string[];
  /** Present on DUPLICATES_DETECTED: the records the duplicate rule matched. */
  duplicateResult?: unknown;
}

/** What came back: status 0 when nothing did (network error, connection cut, timeout). */
export interface SalesforceAnswer {
  status: number;
  /** Salesforce's error items; empty when the body was not Salesforce's error shape. */
  errors: SalesforceErrorItem[];
}

/** One row; when it applies is the comment above it (kept out of the worker's code). */
interface Row {
  matches(answer: SalesforceAnswer, codes: Set<string>): boolean;
  problem: SalesforceProblem;
}

/**
 * "This session is not valid for use with the REST API": API Access Control, a High Assurance
 * requirement, login IP ranges enforced on every request, or another domain's session. The words are
 * the same for each, so the cause stays unknown.
 */
const NOT_FOR_API = /not valid for use with the REST API/i;
const TEMPORARY_CODES = [
  'UNABLE_TO_LOCK_ROW',
  'QUERY_TIMEOUT',
  'SERVER_UNAVAILABLE',
  'INSERT_UPDATE_DELETE_NOT_ALLOWED_DURING_MAINTENANCE',
  'REQUEST_RUNNING_TOO_LONG',
];

export const CLASSIFICATION: readonly Row[] = [
  // no answer: network error, connection cut, timeout
  {
    matches: (a) => a.status === 0,
    problem: 'unavailable',
  },
  // INVALID_SESSION_ID "not valid for use with the REST API" (one of several org settings)
  {
    matches: (a, codes) => codes.has('INVALID_SESSION_ID') && a.errors.some((e) => NOT_FOR_API.test(e.message)),
    problem: 'session-not-for-api',
  },
  // 401, or INVALID_SESSION_ID (expired, logged out, no sid cookie)
  {
    matches: (a, codes) => a.status === 401 || codes.has('INVALID_SESSION_ID') || codes.has('NO_SESSION'),
    problem: 'session-expired',
  },
  // API_DISABLED_FOR_ORG, API_CURRENTLY_DISABLED (edition or user without API Enabled)
  {
    matches: (_, codes) => codes.has('API_DISABLED_FOR_ORG') || codes.has('API_CURRENTLY_DISABLED'),
    problem: 'api-blocked',
  },
  // 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded" (the rolling 24-hour allowance)
  {
    matches: (a, codes) =>
      codes.has('REQUEST_LIMIT_EXCEEDED') && a.errors.some((e) => /TotalRequests/i.test(e.message)),
    problem: 'daily-limit',
  },
  // REQUEST_LIMIT_EXCEEDED otherwise (concurrent long requests): passes in seconds
  {
    matches: (_, codes) => codes.has('REQUEST_LIMIT_EXCEEDED'),
    problem: 'unavailable',
  },
  // TEMPORARY_CODES: temporary by nature
  {
    matches: (_, codes) => TEMPORARY_CODES.some((code) => codes.has(code)),
    problem: 'unavailable',
  },
  // DUPLICATES_DETECTED: a duplicate rule matched an existing record
  {
    matches: (_, codes) => codes.has('DUPLICATES_DETECTED'),
    problem: 'duplicate',
  },
  // 420, 429, 5xx
  {
    matches: (a) => a.status === 420 || a.status === 429 || a.status >= 500,
    problem: 'unavailable',
  },
  // an answer that is not Salesforce's error shape (a proxy's or maintenance HTML page)
  {
    matches: (a) => a.errors.length === 0,
    problem: 'unavailable',
  },
  // any other Salesforce error: validation rule, field security, bad data
  {
    matches: () => true,
    problem: 'refused',
  },
];

export function classify(answer: SalesforceAnswer): SalesforceProblem {
  const codes = new Set(answer.errors.map((e) => e.errorCode));
  for (const row of CLASSIFICATION) if (row.matches(answer, codes)) return row.problem;
  return 'refused';
}

function isErrorItem(value: unknown): value is SalesforceErrorItem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SalesforceErrorItem).errorCode === 'string' &&
    typeof (value as SalesforceErrorItem).message === 'string'
  );
}

/** Salesforce's error items in a body, or none when the body is something else. */
export function errorItems(body: unknown): SalesforceErrorItem[] {
  return Array.isArray(body) ? body.filter(isErrorItem).slice(0, 20) : [];
}
