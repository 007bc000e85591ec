// POST /composite (subrequests with @{ref.path} references, allOrNone rollback; one API call in all)
// and the sObject collections under /composite/sobjects.
import { to18 } from '../../../src/shared/salesforce-id.js';
import { allowsDuplicateSave, DUPLICATE_RULE_HEADER, duplicatesAsCurrentUser } from './duplicates.js';
import { ApiError, methodNotAllowed, notFound, processingHalted, ROLLED_BACK_MESSAGE } from './errors.js';
import {
  API_BASE,
  type ApiAnswer,
  type ApiCall,
  type ApiContext,
  AUTO_ASSIGN_HEADER,
  autoAssignOff,
  isDeleted,
  type JsonObject,
  readJsonBody,
  recordJson,
  restoreOrg,
  snapshotOrg,
} from './records.js';
import { sobjectDef, sobjectTypeOfId } from './schema.js';
import { createRecord, deleteRecord, findRecord, updateRecord } from './sobjects.js';

export type Dispatch = (ctx: ApiContext, call: ApiCall) => ApiAnswer;

const MAX_SUBREQUESTS = 25;
const MAX_QUERY_SUBREQUESTS = 5;
/**
 * REST API Developer Guide, "sObject Collections": a create, update or delete takes up to 200
 * records (ids, for a delete); more fail the whole request with EXCEEDED_ID_LIMIT.
 */
const MAX_COLLECTION = 200;

export function compositeResource(ctx: ApiContext, call: ApiCall, segments: string[], dispatch: Dispatch): ApiAnswer {
  const [first, type, ...rest] = segments;
  if (first === undefined) {
    if (call.method !== 'POST') throw methodNotAllowed(call.method, ['POST']);
    return composite(ctx, call, dispatch);
  }
  if (first !== 'sobjects' || rest.length > 0) throw notFound();
  if (type !== undefined) return retrieveMany(ctx, call, type);
  switch (call.method) {
    case 'POST':
      return collection(ctx, readCollectionBody(call), (record) => createOne(ctx, record));
    case 'PATCH':
      return collection(ctx, readCollectionBody(call), (record) => updateOne(ctx, record));
    case 'DELETE': {
      const ids = (call.search.get('ids') ?? '').split(',').filter((id) => id);
      return collection(ctx, { allOrNone: call.search.get('allOrNone') === 'true', records: ids }, (id) =>
        deleteOne(ctx, String(id)),
      );
    }
    default:
      throw methodNotAllowed(call.method, ['POST', 'PATCH', 'DELETE']);
  }
}

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface SubresponseJson {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string | null;
}

function composite(ctx: ApiContext, call: ApiCall, dispatch: Dispatch): ApiAnswer {
  const request = readJsonBody(call) as { allOrNone?: unknown; compositeRequest?: unknown };
  if (!Array.isArray(request?.compositeRequest)) {
    throw ApiError.one(400, 'JSON_PARSER_ERROR', 'Missing required field: compositeRequest');
  }
  const subrequests = request.compositeRequest as Subrequest[];
  // REST API Developer Guide, "Composite": up to 25 subrequests, "Up to five of these can be sObject
  // Collections or query operations, including Query and QueryAll requests". (The second limit's
  // exact wording is not published; the refusal's shape is the first one's.)
  const queries = subrequests.filter((sub) =>
    /\/(query|queryAll|composite\/sobjects)(\/|\?|$)/.test(
      String(sub.url ?? '').replace(/^\/services\/data\/v[\d.]+/, ''),
    ),
  ).length;
  if (subrequests.length > MAX_SUBREQUESTS || queries > MAX_QUERY_SUBREQUESTS) {
    const limit = {
      errorCode: 'LIMIT_EXCEEDED',
      message:
        subrequests.length > MAX_SUBREQUESTS
          ? 'The request can’t contain more than 25 operations.'
          : 'The request can’t contain more than 5 query or sObject Collections operations.',
    };
    // Salesforce answers 200 and reports the refusal as a single subresponse without a referenceId.
    const answer: SubresponseJson = { body: [limit], httpHeaders: {}, httpStatusCode: 400, referenceId: null };
    return { status: 200, body: { compositeResponse: [answer] } };
  }
  const allOrNone = request.allOrNone === true;
  const before = allOrNone ? snapshotOrg(ctx.org) : undefined;
  const succeeded = new Map<string, unknown>();
  const responses: SubresponseJson[] = [];
  let failed = false;

  for (const sub of subrequests) {
    if (failed && allOrNone) {
      responses.push(halted(sub.referenceId, ROLLED_BACK_MESSAGE));
      continue;
    }
    const answer = runSubrequest(ctx, sub, succeeded, dispatch);
    responses.push({
      body: answer.body ?? null,
      httpHeaders: answer.headers ?? {},
      httpStatusCode: answer.status,
      referenceId: sub.referenceId,
    });
    if (answer.status >= 400) failed = true;
    else succeeded.set(sub.referenceId, answer.body);
  }

  if (failed && before) {
    restoreOrg(ctx.org, before);
    // Every subrequest that had worked is undone and says so; the failure keeps its own error.
    for (const [index, response] of responses.entries()) {
      if (response.httpStatusCode < 400) responses[index] = halted(response.referenceId, ROLLED_BACK_MESSAGE);
    }
  }
  return { status: 200, body: { compositeResponse: responses } };
}

function halted(referenceId: string | null, message: string): SubresponseJson {
  return { body: processingHalted(message).errors, httpHeaders: {}, httpStatusCode: 400, referenceId };
}

function runSubrequest(ctx: ApiContext, sub: Subrequest, results: Map<string, unknown>, dispatch: Dispatch): ApiAnswer {
  try {
    const url = new URL(String(resolveReferences(sub.url, results)), 'https://composite.invalid');
    if (!url.pathname.startsWith(`${API_BASE}/`)) throw notFound();
    const path = url.pathname.slice(API_BASE.length);
    if (path.startsWith('/composite') && !path.startsWith('/composite/sobjects')) throw notFound();
    const body = sub.body === undefined ? '' : JSON.stringify(resolveReferences(sub.body, results));
    const headers = Object.fromEntries(Object.entries(sub.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    // The composite request's own Duplicate Rule Header applies to its subrequests; a subrequest
    // may carry one of its own in httpHeaders, which then decides for it.
    const own = headers[DUPLICATE_RULE_HEADER];
    const assign = headers[AUTO_ASSIGN_HEADER];
    const subCtx = {
      ...ctx,
      ...(own === undefined
        ? {}
        : { allowDuplicateSave: allowsDuplicateSave(own), duplicatesAsCurrentUser: duplicatesAsCurrentUser(own) }),
      // The composite request's Sforce-Auto-Assign applies to its subrequests too, as the header
      // applies to every record a request creates, directly or not.
      ...(assign === undefined ? {} : { noAutoAssign: autoAssignOff(assign) }),
    };
    return dispatch(subCtx, {
      method: String(sub.method).toUpperCase(),
      path,
      search: url.searchParams,
      body,
      headers,
    });
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.errors };
    throw error;
  }
}

const REFERENCE = /@\{([^}]*)\}/g;

/** Replaces @{ref.path} in strings (deeply); a string that is only a reference takes the raw value. */
function resolveReferences(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^@\{([^}]*)\}$/.exec(value);
    if (whole) return lookupReference(whole[1] as string, results);
    return value.replace(REFERENCE, (_, expression: string) => String(lookupReference(expression, results)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results)]));
  }
  return value;
}

function lookupReference(expression: string, results: Map<string, unknown>): unknown {
  const referenceId = /^[^.[]*/.exec(expression)?.[0] ?? '';
  let current: unknown = results.get(referenceId);
  const steps = expression.slice(referenceId.length).match(/\.[^.[\]]+|\[\d+\]/g) ?? [];
  for (const step of steps) {
    if (current === null || typeof current !== 'object') {
      current = undefined;
      break;
    }
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  if (current === undefined || current === null || typeof current === 'object') {
    throw processingHalted(`Invalid reference specified. No value for ${expression} found in ${referenceId}.`);
  }
  return current;
}

// ---- sObject collections ----

interface CollectionBody {
  allOrNone: boolean;
  records: unknown[];
}

interface SaveResult {
  id?: string | null;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
}

function readCollectionBody(call: ApiCall): CollectionBody {
  const body = readJsonBody(call) as { allOrNone?: unknown; records?: unknown };
  if (!Array.isArray(body?.records)) throw ApiError.one(400, 'JSON_PARSER_ERROR', 'Missing required field: records');
  return { allOrNone: body.allOrNone === true, records: body.records };
}

function collection(ctx: ApiContext, body: CollectionBody, save: (item: unknown) => string): ApiAnswer {
  if (body.records.length > MAX_COLLECTION) {
    throw ApiError.one(
      400,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call',
    );
  }
  const before = body.allOrNone ? snapshotOrg(ctx.org) : undefined;
  const results: SaveResult[] = body.records.map((item) => {
    try {
      return { id: save(item), success: true, errors: [] };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return {
        success: false,
        errors: error.errors.map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] })),
      };
    }
  });
  if (before && results.some((r) => !r.success)) {
    restoreOrg(ctx.org, before);
    const rolledBack = {
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
      fields: [],
    };
    return {
      status: 200,
      body: results.map((r) => (r.success ? { id: null, success: false, errors: [rolledBack] } : r)),
    };
  }
  return { status: 200, body: results };
}

function typeOfItem(item: unknown): { def: NonNullable<ReturnType<typeof sobjectDef>>; fields: JsonObject } {
  const record = (item ?? {}) as JsonObject;
  const type = (record.attributes as { type?: unknown } | undefined)?.type;
  const def = typeof type === 'string' ? sobjectDef(type) : undefined;
  if (!def) throw ApiError.one(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  return { def, fields: record };
}

function createOne(ctx: ApiContext, item: unknown): string {
  const { def, fields } = typeOfItem(item);
  if ('Id' in fields || 'id' in fields) {
    throw ApiError.one(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
  }
  return createRecord(ctx, def, fields).Id;
}

function updateOne(ctx: ApiContext, item: unknown): string {
  const { def, fields } = typeOfItem(item);
  const { id, Id, ...changes } = fields;
  const idText = typeof (Id ?? id) === 'string' ? String(Id ?? id) : '';
  if (!idText) throw ApiError.one(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
  const record = findRecord(ctx, def, idText);
  updateRecord(ctx, def, record, changes);
  return record.Id;
}

function deleteOne(ctx: ApiContext, idText: string): string {
  const id = to18(idText);
  if (!id) throw ApiError.one(400, 'MALFORMED_ID', `malformed id ${idText}`, []);
  if (isDeleted(ctx.org, id)) throw ApiError.one(400, 'ENTITY_IS_DELETED', 'entity is deleted', []);
  const record = ctx.org.get(id);
  const def = record && sobjectDef(record.type);
  if (!record || !def) throw ApiError.one(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
  deleteRecord(ctx, def, record);
  return id;
}

/** GET ?ids=&fields= or POST {ids, fields}: the records in order, null where an id finds none. */
function retrieveMany(ctx: ApiContext, call: ApiCall, typeName: string): ApiAnswer {
  const def = sobjectDef(typeName);
  if (!def) throw notFound();
  let ids: string[];
  let fields: string[];
  if (call.method === 'GET') {
    ids = (call.search.get('ids') ?? '').split(',').filter((s) => s);
    fields = (call.search.get('fields') ?? '').split(',').filter((s) => s);
  } else if (call.method === 'POST') {
    const body = readJsonBody(call) as { ids?: unknown; fields?: unknown };
    ids = Array.isArray(body?.ids) ? body.ids.map(String) : [];
    fields = Array.isArray(body?.fields) ? body.fields.map(String) : [];
  } else {
    throw methodNotAllowed(call.method, ['GET', 'POST']);
  }
  if (fields.length === 0) throw ApiError.one(400, 'MISSING_ARGUMENT', 'fields parameter must be specified', []);
  const known = fields.map((name) => {
    const field = def.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) throw ApiError.one(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${def.name}`);
    return field.name;
  });
  const records = ids.map((idText) => {
    const id = to18(idText);
    const record = id && sobjectTypeOfId(id) === def.name && !isDeleted(ctx.org, id) ? ctx.org.get(id) : undefined;
    return record ? recordJson(record, def, known) : null;
  });
  return { status: 200, body: records };
}
