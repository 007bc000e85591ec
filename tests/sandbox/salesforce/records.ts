// What the API handlers share: who is calling, how a record looks in JSON, the recycle bin, and the
// snapshot a composite allOrNone call rolls back to.
import { to18 } from '../../../src/shared/salesforce-id.js';
import { ApiError, jsonParserError } from './errors.js';
import { API_VERSION, type FieldValue, type SalesforceOrg, type SObjectRecord } from './org.js';
import type { SObjectDef } from './schema.js';

export const API_BASE = `/services/data/v${API_VERSION}`;

export interface ApiContext {
  org: SalesforceOrg;
  /** The user of the session that made the call. */
  userId: string;
  /** The request acknowledged duplicate alerts (Sforce-Duplicate-Rule-Header: allowSave=true). */
  allowDuplicateSave?: boolean;
  /** The same header's runAsCurrentUser=true: duplicate rules compare only what the user may see. */
  duplicatesAsCurrentUser?: boolean;
  /** Sforce-Auto-Assign: FALSE was sent: active assignment rules do not run (TRUE when absent). */
  noAutoAssign?: boolean;
}

export const AUTO_ASSIGN_HEADER = 'sforce-auto-assign';
/** TRUE and FALSE are not case-sensitive (REST API Developer Guide, "Assignment Rule Header"). */
export const autoAssignOff = (value: string | undefined) => value?.trim().toUpperCase() === 'FALSE';

export type JsonObject = Record<string, unknown>;

export function recordUrl(type: string, id: string): string {
  return `${API_BASE}/sobjects/${type}/${id}`;
}

export function attributesOf(record: SObjectRecord): { type: string; url: string } {
  return { type: record.type, url: recordUrl(record.type, record.Id) };
}

/** A record as GET /sobjects answers it: attributes first, then every known field (null when unset). */
export function recordJson(record: SObjectRecord, def: SObjectDef, only?: string[]): JsonObject {
  const names = only ?? def.fields.map((f) => f.name);
  const json: JsonObject = { attributes: attributesOf(record) };
  for (const name of names) json[name] = name === 'Id' ? record.Id : fieldValue(record, name);
  return json;
}

export function fieldValue(record: SObjectRecord, name: string): FieldValue {
  if (name === 'Id') return record.Id;
  return record.fields[name] ?? null;
}

/** Salesforce's own date-time format in answers: milliseconds and a +0000 offset. */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

// Deleted records go to the recycle bin: asking for them again answers ENTITY_IS_DELETED, not
// NOT_FOUND. Kept beside the org (not in it) because org.ts belongs to the shared core.
const recycleBins = new WeakMap<SalesforceOrg, Map<string, SObjectRecord>>();

export function recycleBin(org: SalesforceOrg): Map<string, SObjectRecord> {
  let bin = recycleBins.get(org);
  if (!bin) {
    bin = new Map();
    recycleBins.set(org, bin);
  }
  return bin;
}

export function isDeleted(org: SalesforceOrg, id: string): boolean {
  const full = to18(id);
  return !!full && recycleBin(org).has(full);
}

export interface OrgSnapshot {
  records: Map<string, SObjectRecord>;
  deleted: Map<string, SObjectRecord>;
}

const cloneAll = (map: Map<string, SObjectRecord>) => new Map([...map].map(([id, r]) => [id, structuredClone(r)]));

/** Copies every record, so an allOrNone composite can undo its earlier subrequests. */
export function snapshotOrg(org: SalesforceOrg): OrgSnapshot {
  return { records: cloneAll(org.records), deleted: cloneAll(recycleBin(org)) };
}

export function restoreOrg(org: SalesforceOrg, snapshot: OrgSnapshot): void {
  org.records.clear();
  for (const [id, record] of snapshot.records) org.records.set(id, record);
  const bin = recycleBin(org);
  bin.clear();
  for (const [id, record] of snapshot.deleted) bin.set(id, record);
}

/** One REST call, from the socket or from a composite subrequest. */
export interface ApiCall {
  method: string;
  /** The path after /services/data/v66.0, e.g. `/sobjects/Lead/00Q…`. */
  path: string;
  search: URLSearchParams;
  /** Raw request body ('' when none). */
  body: string;
  /** Request headers with lower-case names. */
  headers: Record<string, string | undefined>;
}

export interface ApiAnswer {
  status: number;
  /** JSON value of the answer; undefined for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export function readJsonBody(call: ApiCall): unknown {
  if (call.body.trim() === '') {
    throw ApiError.one(
      400,
      'JSON_PARSER_ERROR',
      'The HTTP entity body is required, but this request has no entity body.',
    );
  }
  try {
    return JSON.parse(call.body);
  } catch (error) {
    throw jsonParserError(call.body, error);
  }
}
