// The one classification of Salesforce's answers, row by row: what each answer means for a retry.
import { describe, expect, it } from 'vitest';
import type { SalesforceProblem } from '../../src/shared/protocol/index.js';
import { CLASSIFICATION, classify, type SalesforceAnswer } from '../../src/shared/salesforce/classify.js';

const error = (status: number, errorCode: string, message = 'x', fields?: string[]): SalesforceAnswer => ({
  status,
  errors: [{ errorCode, message, ...(fields ? { fields } : {}) }],
});

const ROWS: [string, SalesforceAnswer, SalesforceProblem][] = [
  ['network error, connection cut or timeout', { status: 0, errors: [] }, 'unavailable'],
  [
    'a session the REST API will not take (API Access Control, High Assurance, IP ranges: the same words)',
    error(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API'),
    'session-not-for-api',
  ],
  ['an expired session', error(401, 'INVALID_SESSION_ID', 'Session expired or invalid'), 'session-expired'],
  ['no sid cookie', error(401, 'NO_SESSION', 'Not logged in'), 'session-expired'],
  ['a bare 401', { status: 401, errors: [] }, 'session-expired'],
  [
    'API disabled for the org',
    error(403, 'API_DISABLED_FOR_ORG', 'API is not enabled for this Organization'),
    'api-blocked',
  ],
  ['API currently disabled', error(403, 'API_CURRENTLY_DISABLED'), 'api-blocked'],
  [
    'the daily allowance is spent',
    error(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
    'daily-limit',
  ],
  [
    'too many concurrent long requests',
    error(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'),
    'unavailable',
  ],
  ['a locked row', error(400, 'UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record'), 'unavailable'],
  ['a query timeout', error(400, 'QUERY_TIMEOUT', 'Your query request was running for too long.'), 'unavailable'],
  ['server unavailable', error(503, 'SERVER_UNAVAILABLE'), 'unavailable'],
  ['maintenance', error(400, 'INSERT_UPDATE_DELETE_NOT_ALLOWED_DURING_MAINTENANCE'), 'unavailable'],
  ['a duplicate rule', error(400, 'DUPLICATES_DETECTED', "You're creating a duplicate record."), 'duplicate'],
  ['420', { status: 420, errors: [] }, 'unavailable'],
  ['429', { status: 429, errors: [] }, 'unavailable'],
  ['500 with an error body', error(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred.'), 'unavailable'],
  ['502 from a proxy', { status: 502, errors: [] }, 'unavailable'],
  ['an HTML page with 400', { status: 400, errors: [] }, 'unavailable'],
  ['a validation rule', error(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Location is required'), 'refused'],
  [
    'field-level security',
    error(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'Unable to create/update fields: Type.', ['Type']),
    'refused',
  ],
  ['a bad id', error(400, 'MALFORMED_ID', 'bad id'), 'refused'],
  ['a record that was deleted', error(404, 'ENTITY_IS_DELETED', 'entity is deleted'), 'refused'],
];

describe('classification of Salesforce answers', () => {
  it.each(ROWS)('%s', (_, answer, problem) => {
    expect(classify(answer)).toBe(problem);
  });

  it('has a row for every problem and ends with the catch-all', () => {
    const problems = new Set(CLASSIFICATION.map((row) => row.problem));
    for (const problem of ['unavailable', 'daily-limit', 'session-expired', 'api-blocked', 'duplicate', 'refused'])
      expect(problems).toContain(problem);
    expect(CLASSIFICATION.at(-1)?.matches({ status: 418, errors: [{ errorCode: 'X', message: '' }] }, new Set())).toBe(
      true,
    );
  });
});
