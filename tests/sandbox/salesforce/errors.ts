// Salesforce REST error answers: a status code and a JSON array of {message, errorCode, fields?}.
// Handlers throw ApiError; the router turns it into the answer, so every path fails the same way.

export interface SalesforceError {
  message: string;
  errorCode: string;
  fields?: string[];
  /** DUPLICATES_DETECTED only, spelt as Salesforce spells it (see duplicates.ts). */
  duplicateResut?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SalesforceError[],
  ) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
  }

  static one(status: number, errorCode: string, message: string, fields?: string[]): ApiError {
    return new ApiError(status, [fields ? { message, errorCode, fields } : { message, errorCode }]);
  }
}

export const RESOURCE_DOES_NOT_EXIST = 'The requested resource does not exist';

export const notFound = () => ApiError.one(404, 'NOT_FOUND', RESOURCE_DOES_NOT_EXIST);

/** Salesforce reads an id of the wrong shape or type in a record URL as an external-id lookup. */
export const externalIdNotFound = (id: string) =>
  ApiError.one(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);

export const invalidSession = () => ApiError.one(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

/**
 * A live session the REST API does not take: a Lightning-host session, or any browser session
 * when the org's API Access Control is on (Help "API Access Control"; the wording as real orgs
 * answer it, reported in public Salesforce Inspector issues). Logging in again does not help.
 */
export const sessionNotValidForApi = () =>
  ApiError.one(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API');

export const requiredFieldsMissing = (fields: string[]) =>
  ApiError.one(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields);

export const noSuchColumnOnSObject = (field: string, type: string) =>
  ApiError.one(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`);

export const fieldIntegrity = (message: string, fields: string[]) =>
  ApiError.one(400, 'FIELD_INTEGRITY_EXCEPTION', message, fields);

export const methodNotAllowed = (method: string, allowed: string[]) =>
  ApiError.one(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`);

export const processingHalted = (message: string) => ApiError.one(400, 'PROCESSING_HALTED', message);

export const ROLLED_BACK_MESSAGE =
  'The transaction was rolled back since another operation in the same transaction failed.';

/** The wording Jackson (Salesforce's JSON reader) uses, with its line/column position. */
export function jsonParserError(text: string, error: unknown): ApiError {
  const match = /position (\d+)/.exec(String(error));
  const offset = match ? Number(match[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const found = text[offset];
  const message =
    found === undefined
      ? `Unexpected end-of-input: expected close marker at [line:${line}, column:${column}]`
      : `Unexpected character ('${found}' (code ${found.charCodeAt(0)})): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:${line}, column:${column}]`;
  return ApiError.one(400, 'JSON_PARSER_ERROR', message);
}

export function cannotDeserialize(kind: string, value: unknown): ApiError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const token = typeof value === 'string' ? 'VALUE_STRING' : typeof value === 'number' ? 'VALUE_NUMBER_INT' : 'VALUE';
  return ApiError.one(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${token} value ${shown} or request may be missing a required field`,
  );
}
