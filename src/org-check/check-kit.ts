// What every org check shares: a client that remembers each refusal it saw, the error that names the
// org setting behind a failure, and how a written record is compared with what reads back.
import type { OrgSetting } from '../shared/org-check.js';
import {
  type CompositeSubrequest,
  type CompositeSubresponse,
  SalesforceClient,
  type SalesforceClientPorts,
} from '../shared/salesforce/client.js';
import { errorFromResponse, SalesforceError } from '../shared/salesforce/errors.js';

export interface OrgTarget extends SalesforceClientPorts {
  apiHost: string;
}

/**
 * Which org setting refused a call, from the classification every queued write goes through
 * (shared/salesforce/classify.ts) and Salesforce's error code. `chatter`: the call was a Chatter one.
 */
export function refusedBy(error: SalesforceError, chatter = false): OrgSetting {
  const codes = new Set(error.errors.map((e) => e.errorCode));
  switch (error.problem) {
    case 'session-not-for-api':
      return 'session-not-for-api';
    case 'api-blocked':
      return 'api-disabled';
    case 'session-expired':
      return 'session';
    case 'daily-limit':
      return 'daily-limit';
    case 'unavailable':
      return 'unavailable';
    case 'duplicate':
      return 'duplicate-rule';
    default:
      if (codes.has('INVALID_FIELD_FOR_INSERT_UPDATE') || codes.has('INVALID_FIELD')) return 'field-permissions';
      if (codes.has('FIELD_CUSTOM_VALIDATION_EXCEPTION')) return 'validation-rule';
      return chatter ? 'chatter-off' : 'other';
  }
}

/** A client that remembers every refusal it saw, including those inside composite answers. */
export class WatchedClient extends SalesforceClient {
  refusals: SalesforceError[] = [];
  override async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await super.request<T>(method, path, body);
    } catch (error) {
      if (error instanceof SalesforceError) this.refusals.push(error);
      throw error;
    }
  }
  override async composite(subrequests: CompositeSubrequest[], allOrNone = true): Promise<CompositeSubresponse[]> {
    const answers = await super.composite(subrequests, allOrNone);
    for (const a of answers)
      if (a.httpStatusCode >= 300) this.refusals.push(errorFromResponse(a.httpStatusCode, a.body));
    return answers;
  }
}

/** A check that failed, with the org setting that refused it. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly setting: OrgSetting,
  ) {
    super(message);
  }
}

/** Whether a value read back is the one written (Salesforce answers dates as 2026-01-01T10:00:00.000+0000). */
function sameValue(sent: unknown, read: unknown): boolean {
  if (sent === null || sent === undefined) return read === null || read === undefined;
  if (typeof sent === 'string' && /^\d{4}-\d\d-\d\dT/.test(sent) && typeof read === 'string')
    return Date.parse(sent) === Date.parse(read.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return sent === read;
}

/** The fields that did not read back as written: "Field: sent …, read …". */
export function differences(sent: Record<string, unknown>, read: Record<string, unknown>): string[] {
  return Object.entries(sent)
    .filter(([name, value]) => !sameValue(value, read[name]))
    .map(([name, value]) => `${name}: sent ${JSON.stringify(value)}, read ${JSON.stringify(read[name] ?? null)}`);
}

export function omitFields(fields: Record<string, unknown>, without: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !without.includes(name)));
}
