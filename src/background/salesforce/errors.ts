// Salesforce answers errors as [{"errorCode","message","fields"}]; these classes keep that shape
// and sort failures into what the user can do about them.

export interface SalesforceErrorItem {
  errorCode: string;
  message: string;
  fields?: string[];
}

export type SalesforceFailure =
  /** No sid cookie, or Salesforce says the session is invalid: the user must log in again. */
  | 'session'
  /** The org does not let browser sessions use the API (API Access Control, edition). */
  | 'api-disabled'
  /** Salesforce answered with an error about the request itself. */
  | 'request'
  /** Salesforce is unreachable, answered 5xx, or answered something that is not its API. */
  | 'unavailable';

const API_DISABLED_CODES = new Set(['API_DISABLED_FOR_ORG', 'API_CURRENTLY_DISABLED']);

export class SalesforceError extends Error {
  override readonly name = 'SalesforceError';
  constructor(
    readonly failure: SalesforceFailure,
    readonly status: number,
    readonly errors: SalesforceErrorItem[],
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') || `${failure} (${status})`);
  }

  get errorCode(): string | undefined {
    return this.errors[0]?.errorCode;
  }
}

function isErrorItem(value: unknown): value is SalesforceErrorItem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SalesforceErrorItem).errorCode === 'string' &&
    typeof (value as SalesforceErrorItem).message === 'string'
  );
}

/** Reads Salesforce's error body; anything else (an HTML error page, a proxy's text) is "unavailable". */
export function errorFromResponse(status: number, body: unknown): SalesforceError {
  const items = Array.isArray(body) ? body.filter(isErrorItem) : [];
  if (status === 401 || items.some((e) => e.errorCode === 'INVALID_SESSION_ID')) {
    return new SalesforceError('session', status, items);
  }
  if (items.some((e) => API_DISABLED_CODES.has(e.errorCode))) return new SalesforceError('api-disabled', status, items);
  if (status >= 500 || items.length === 0) return new SalesforceError('unavailable', status, items);
  return new SalesforceError('request', status, items);
}
