// The sObject resources: /sobjects, /sobjects/<Type>, /sobjects/<Type>/describe and
// /sobjects/<Type>/<Id> (GET, PATCH, DELETE), answering with Salesforce's codes and bodies.
import { to18 } from '../../../src/shared/salesforce-id.js';
import { checkDuplicateRules } from './duplicates.js';
import { ApiError, externalIdNotFound, methodNotAllowed, notFound } from './errors.js';
import type { SObjectRecord } from './org.js';
import {
  API_BASE,
  type ApiAnswer,
  type ApiCall,
  type ApiContext,
  isDeleted,
  readJsonBody,
  recordJson,
  recordUrl,
  recycleBin,
} from './records.js';
import { applyWriteRules } from './rules.js';
import {
  CHATTER_OBJECTS,
  EXTRA_KEY_PREFIXES,
  fieldOf,
  KEY_PREFIX,
  type SObjectDef,
  sobjectDef,
  sobjectTypeOfId,
} from './schema.js';
import { canRead } from './sharing.js';
import { readFieldInput } from './values.js';

export function sobjectsResource(ctx: ApiContext, call: ApiCall, segments: string[]): ApiAnswer {
  const [typeName, idOrAction, ...rest] = segments;
  if (typeName === undefined) {
    if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
    return { status: 200, body: describeGlobal() };
  }
  const def = sobjectDef(typeName);
  if (!def || rest.length > 0 || (!ctx.org.setup.chatter && CHATTER_OBJECTS.has(def.name))) throw notFound();

  if (idOrAction === undefined) {
    if (call.method === 'GET') return { status: 200, body: { objectDescribe: describeBrief(def), recentItems: [] } };
    if (call.method !== 'POST') throw methodNotAllowed(call.method, ['GET', 'HEAD', 'POST']);
    const record = createRecord(ctx, def, readJsonBody(call));
    return {
      status: 201,
      body: { id: record.Id, success: true, errors: [] },
      headers: { Location: recordUrl(def.name, record.Id) },
    };
  }
  if (idOrAction === 'describe') {
    if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
    return { status: 200, body: describeSObject(def, readOnlyFieldsOf(ctx, def)) };
  }

  const record = findRecord(ctx, def, idOrAction);
  switch (call.method) {
    case 'GET':
      return { status: 200, body: recordJson(record, def, selectedFields(def, call.search.get('fields'))) };
    case 'PATCH':
      updateRecord(ctx, def, record, readJsonBody(call));
      return { status: 204 };
    case 'DELETE':
      deleteRecord(ctx, def, record);
      return { status: 204 };
    default:
      throw methodNotAllowed(call.method, ['GET', 'HEAD', 'PATCH', 'DELETE']);
  }
}

/** The record an URL names; an id of another object type reads as an external id, as in Salesforce. */
export function findRecord(ctx: ApiContext, def: SObjectDef, idText: string): SObjectRecord {
  const id = to18(idText);
  if (!id || sobjectTypeOfId(id) !== def.name) throw externalIdNotFound(idText);
  if (isDeleted(ctx.org, id)) throw ApiError.one(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  const record = ctx.org.get(id);
  // A record outside the user's sharing model is not returned (sharing.ts), and the API does not say
  // whether it exists: the same answer as an id that names nothing.
  if (!record || record.type !== def.name || !canRead(ctx.org, ctx.userId, record)) throw notFound();
  return record;
}

// The order of a save follows Salesforce's (Apex Developer Guide, "Triggers and Order of
// Execution"): the API checks field access first, the record is locked for the write, then system
// validation, custom validation rules, duplicate rules, and the save itself.

export function createRecord(ctx: ApiContext, def: SObjectDef, body: unknown): SObjectRecord {
  if (!def.createable) throw insufficientAccess();
  const input = readFieldInput(def, body, 'create', readOnlyFieldsOf(ctx, def), absentFieldsOf(ctx, def));
  for (const field of def.fields) {
    if (
      field.defaultValue !== undefined &&
      input[field.name] === undefined &&
      !absentFieldsOf(ctx, def).has(field.name)
    )
      input[field.name] = field.defaultValue;
  }
  lockForWrite(ctx, null);
  const fields = applyWriteRules(ctx, def, input);
  checkDuplicateRules(ctx, def, fields);
  // The org's active Lead assignment rule gives the new Lead to its queue, unless the request said no.
  if (def.name === 'Lead' && ctx.org.setup.leadAssignmentQueue && !ctx.noAutoAssign)
    fields.OwnerId = ctx.org.setup.leadAssignmentQueue;
  const record = ctx.org.insert(def.name, fields);
  // Object Reference, "Opportunity": ContactId "is derived from the opportunity contact role, which is
  // created at the same time the opportunity is created".
  if (def.name === 'Opportunity' && typeof fields.ContactId === 'string')
    ctx.org.insert('OpportunityContactRole', {
      OpportunityId: record.Id,
      ContactId: fields.ContactId,
      IsPrimary: true,
    });
  return record;
}

export function updateRecord(ctx: ApiContext, def: SObjectDef, record: SObjectRecord, body: unknown): void {
  if (!def.updateable) throw insufficientAccess();
  const input = readFieldInput(def, body, 'update', readOnlyFieldsOf(ctx, def), absentFieldsOf(ctx, def));
  lockForWrite(ctx, record.Id);
  record.fields = applyWriteRules(ctx, def, input, record);
}

export function deleteRecord(ctx: ApiContext, def: SObjectDef, record: SObjectRecord): void {
  if (!def.deletable) throw insufficientAccess();
  lockForWrite(ctx, record.Id);
  ctx.org.records.delete(record.Id);
  recycleBin(ctx.org).set(record.Id, record);
}

/** Fields of features this org has not turned on (Experience Cloud's FeedItem.Visibility). */
function absentFieldsOf(ctx: ApiContext, def: SObjectDef): ReadonlySet<string> {
  return new Set(def.fields.filter((f) => f.feature && !ctx.org.setup[f.feature]).map((f) => f.name));
}

/** Field-level security: the fields of this object the user may not write. */
function readOnlyFieldsOf(ctx: ApiContext, def: SObjectDef): ReadonlySet<string> {
  return ctx.org.setup.readOnlyFields.get(def.name) ?? new Set();
}

/**
 * Another transaction holding the record's lock: Salesforce waits about 10 seconds, then gives up
 * with UNABLE_TO_LOCK_ROW, a temporary error worth retrying (Salesforce Help "Record Locking";
 * the Apex Developer Guide's list of DML status codes). A create has no record of its own yet.
 */
function lockForWrite(ctx: ApiContext, id: string | null): void {
  const trouble = ctx.org.trouble;
  if (trouble.lockedWrites <= 0) return;
  trouble.lockedWrites -= 1;
  throw ApiError.one(
    400,
    'UNABLE_TO_LOCK_ROW',
    `unable to obtain exclusive access to this record or 1 records: ${id ?? 'null'}`,
    [],
  );
}

const insufficientAccess = () =>
  ApiError.one(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', []);

function selectedFields(def: SObjectDef, fieldsParam: string | null): string[] | undefined {
  if (!fieldsParam) return undefined;
  return fieldsParam.split(',').map((name) => {
    const field = fieldOf(def, name.trim());
    if (!field) {
      throw ApiError.one(
        400,
        'INVALID_FIELD',
        `No such column '${name.trim()}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return field.name;
  });
}

function describeBrief(def: SObjectDef) {
  return {
    name: def.name,
    label: def.label,
    keyPrefix: keyPrefixOf(def.name),
    createable: def.createable,
    updateable: def.updateable,
    deletable: def.deletable,
    queryable: true,
    urls: {
      sobject: `${API_BASE}/sobjects/${def.name}`,
      describe: `${API_BASE}/sobjects/${def.name}/describe`,
      rowTemplate: `${API_BASE}/sobjects/${def.name}/{ID}`,
    },
  };
}

/** Describe answers for the user asking: a field that field-level security makes read-only says so. */
function describeSObject(def: SObjectDef, readOnly: ReadonlySet<string>) {
  return {
    ...describeBrief(def),
    fields: def.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      createable: f.createable && !readOnly.has(f.name),
      updateable: f.updateable && !readOnly.has(f.name),
      nillable: f.type !== 'boolean' && f.name !== 'Id',
      referenceTo: f.referenceTo ?? [],
      relationshipName: f.relationshipName ?? null,
    })),
  };
}

function describeGlobal() {
  const names = [
    'Account',
    'Campaign',
    'Case',
    'Contact',
    'Event',
    'FeedItem',
    'Lead',
    'Opportunity',
    'OpportunityContactRole',
    'Task',
    'User',
  ];
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: names.map((name) => describeBrief(sobjectDef(name) as SObjectDef)),
  };
}

function keyPrefixOf(type: string): string | null {
  return KEY_PREFIX[type] ?? EXTRA_KEY_PREFIXES[type] ?? null;
}
