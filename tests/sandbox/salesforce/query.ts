// GET /query?q=… and GET /query/<locator>: runs a parsed SOQL query against the org and pages the
// rows the way Salesforce does (2000 per page unless Sforce-Query-Options asks for 200..2000).
import { to18 } from '../../../src/shared/salesforce-id.js';
import { ApiError, methodNotAllowed, notFound } from './errors.js';
import type { SalesforceOrg } from './org.js';
import { API_BASE, type ApiAnswer, type ApiCall, type ApiContext, type JsonObject } from './records.js';
import { runsTooLong } from './selectivity.js';
import { parseSoql, type SoqlQuery, SoqlSyntaxError } from './soql.js';
import { runQuery, soqlError } from './soql-eval.js';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

export function queryResource(ctx: ApiContext, call: ApiCall, segments: string[]): ApiAnswer {
  if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
  const batchSize = requestedBatchSize(call.headers['sforce-query-options']);
  const [locator, ...rest] = segments;
  if (rest.length > 0) throw notFound();
  if (locator) return nextPage(ctx.org, locator, batchSize);

  const soql = call.search.get('q');
  if (!soql) throw ApiError.one(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const query = parseOrThrow(soql);
  if (ctx.org.trouble.queryTimeouts > 0) {
    // A query that ran past the server's limit: temporary, worth retrying (REST API Developer
    // Guide, status codes; Salesforce's QUERY_TIMEOUT wording).
    ctx.org.trouble.queryTimeouts -= 1;
    throw ApiError.one(400, 'QUERY_TIMEOUT', 'Your query request was running for too long.');
  }
  // Checked (names, types, sharing) before it runs, as Salesforce compiles a query before executing it.
  const result = runQuery(ctx.org, query, undefined, ctx.userId);
  if (ctx.org.setup.largeOrg && runsTooLong(query, ctx.org.wallClock())) {
    // Millions of activities and no index to narrow them: a full scan that Salesforce stops
    // (selectivity.ts says which filters an index serves, and where that comes from).
    throw ApiError.one(400, 'QUERY_TIMEOUT', 'Your query request was running for too long.');
  }
  if (result.count !== undefined) return { status: 200, body: { totalSize: result.count, done: true, records: [] } };
  return firstPage(ctx.org, result.rows, batchSize);
}

/** Salesforce honours batchSize between 200 and 2000 and may return more or fewer than asked. */
function requestedBatchSize(header: string | undefined): number | undefined {
  const asked = /batchSize\s*=\s*(\d+)/i.exec(header ?? '')?.[1];
  return asked === undefined ? undefined : Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(asked)));
}

export function parseOrThrow(soql: string): SoqlQuery {
  try {
    return parseSoql(soql);
  } catch (error) {
    if (error instanceof SoqlSyntaxError) throw soqlError('MALFORMED_QUERY', soql, error.offset, error.message);
    throw error;
  }
}

// Query cursors: the rows of a query that did not fit in one page, by locator, per org. A cursor
// keeps the page size it was opened with unless a later call asks for another.
interface Cursor {
  rows: JsonObject[];
  batchSize: number;
}
const cursors = new WeakMap<SalesforceOrg, Map<string, Cursor>>();
let cursorCounter = 0;

function cursorsOf(org: SalesforceOrg): Map<string, Cursor> {
  let map = cursors.get(org);
  if (!map) {
    map = new Map();
    cursors.set(org, map);
  }
  return map;
}

function firstPage(org: SalesforceOrg, rows: JsonObject[], requested: number | undefined): ApiAnswer {
  const batchSize = requested ?? DEFAULT_BATCH;
  if (rows.length <= batchSize) return { status: 200, body: { totalSize: rows.length, done: true, records: rows } };
  cursorCounter += 1;
  const locator = to18(`01g${org.profile.pod}${cursorCounter.toString(36).padStart(10, '0')}`) as string;
  cursorsOf(org).set(locator, { rows, batchSize });
  return pageAnswer(locator, rows, 0, batchSize);
}

function nextPage(org: SalesforceOrg, locatorAndOffset: string, requested: number | undefined): ApiAnswer {
  const match = /^(.+)-(\d+)$/.exec(locatorAndOffset);
  const cursor = match ? cursorsOf(org).get(match[1] as string) : undefined;
  if (!match || !cursor) throw ApiError.one(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
  return pageAnswer(match[1] as string, cursor.rows, Number(match[2]), requested ?? cursor.batchSize);
}

function pageAnswer(locator: string, rows: JsonObject[], offset: number, batchSize: number): ApiAnswer {
  const end = offset + batchSize;
  const done = end >= rows.length;
  return {
    status: 200,
    body: {
      totalSize: rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `${API_BASE}/query/${locator}-${end}` }),
      records: rows.slice(offset, end),
    },
  };
}
