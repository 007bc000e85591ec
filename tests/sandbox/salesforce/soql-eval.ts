// Runs a parsed SOQL query against the org: resolves field paths (relationships included),
// filters, sorts, projects rows as Salesforce shapes them, and words query errors like Salesforce.
import { to18 } from '../../../src/shared/salesforce-id.js';
import { ApiError } from './errors.js';
import type { FieldValue, SalesforceOrg, SObjectRecord } from './org.js';
import { attributesOf, type JsonObject } from './records.js';
import {
  CHATTER_OBJECTS,
  childRelationshipOf,
  type FieldDef,
  fieldOf,
  relationshipOf,
  type SObjectDef,
  sobjectDef,
} from './schema.js';
import { canRead } from './sharing.js';
import { type Condition, decodeString, type FieldPath, type Literal, type SoqlQuery, SoqlSyntaxError } from './soql.js';

/** Salesforce's query error text: the query, a caret under the problem, its row and column. */
export function soqlError(errorCode: string, soql: string, offset: number, detail: string): ApiError {
  const before = soql.slice(0, offset);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = soql.indexOf('\n', offset);
  const line = soql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const column = offset - lineStart + 1;
  return ApiError.one(
    400,
    errorCode,
    `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${detail}`,
  );
}

export interface QueryResult {
  /** Set for SELECT COUNT() queries. */
  count?: number;
  rows: JsonObject[];
}

/** Resolves names, filters, sorts and projects; throws Salesforce's query errors. */
/**
 * Runs a query as a user: rows outside their sharing model are not returned (sharing.ts). No user
 * (the emulator's own look-ups) sees everything.
 */
export function runQuery(
  org: SalesforceOrg,
  query: SoqlQuery,
  candidates?: SObjectRecord[],
  userId?: string,
): QueryResult {
  const known = sobjectDef(query.from.name);
  const def = known && (org.setup.chatter || !CHATTER_OBJECTS.has(known.name)) ? known : undefined;
  if (!def) {
    throw soqlError(
      'INVALID_TYPE',
      query.text,
      query.from.offset,
      `sObject type '${query.from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const resolver = new PathResolver(org, query.text, def);
  const children = query.select.flatMap((item) => (item.kind === 'subquery' ? [childQuery(def, item.query)] : []));
  const selected = query.select.flatMap((item) =>
    item.kind === 'subquery' ? [] : [{ item, path: item.field ? resolver.resolve(item.field) : undefined }],
  );
  const matches = query.where ? compileWhere(resolver, query.text, query.where) : () => true;
  const orderKeys = query.orderBy.map((o) => ({ ...o, path: resolver.resolve(o.field) }));

  const visible = (r: SObjectRecord) => userId === undefined || canRead(org, userId, r);
  let records = (candidates ?? org.ofType(def.name)).filter((r) => visible(r) && matches(r));
  if (orderKeys.length > 0) {
    records = [...records].sort((a, b) => {
      for (const key of orderKeys) {
        const left = resolver.valueOf(a, key.path);
        const right = resolver.valueOf(b, key.path);
        if (left === null || right === null) {
          if (left === right) continue;
          // NULLS FIRST / LAST holds whatever the direction.
          return (left === null) === key.nullsLast ? 1 : -1;
        }
        const order = compareValues(left, right);
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
  }
  records = records.slice(query.offset ?? 0, query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit);

  const counts = selected.filter((s) => s.item.kind === 'count');
  if (counts.length > 0) {
    if (counts.length !== selected.length)
      throw soqlError('MALFORMED_QUERY', query.text, 0, 'Field must be grouped or aggregated');
    if (!counts[0]?.path) return { count: records.length, rows: [] };
    const aggregate: JsonObject = { attributes: { type: 'AggregateResult' } };
    counts.forEach(({ item, path }, index) => {
      const alias = item.kind === 'count' && item.alias ? item.alias : `expr${index}`;
      aggregate[alias] = records.filter((r) => path && resolver.valueOf(r, path) !== null).length;
    });
    return { rows: [aggregate] };
  }

  const paths = selected.map((s) => s.path as ResolvedPath);
  return {
    rows: records.map((record) => {
      const row = resolver.project(record, paths);
      // Each parent's related records, as a nested query result; null when it has none (as Salesforce).
      for (const child of children) {
        const own = org.ofType(child.sobject).filter((r) => r.fields[child.field] === record.Id);
        const found = runQuery(org, child.query, own, userId).rows;
        row[child.name] = found.length > 0 ? { totalSize: found.length, done: true, records: found } : null;
      }
      return row;
    }),
  };
}

/** A parent-to-child subquery: FROM names the child relationship (OpportunityContactRoles), not an object. */
function childQuery(parent: SObjectDef, query: SoqlQuery) {
  const relationship = childRelationshipOf(parent, query.from.name);
  if (!relationship) {
    throw soqlError(
      'INVALID_TYPE',
      query.text,
      query.from.offset,
      `Didn't understand relationship '${query.from.name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return {
    name: relationship.relationshipName,
    sobject: relationship.childSObject,
    field: relationship.field,
    query: { ...query, from: { name: relationship.childSObject, offset: query.from.offset } },
  };
}

/** String literals are decoded with the field they meet, so a bad escape is found here. */
function compileWhere(resolver: PathResolver, soql: string, where: Condition) {
  try {
    return resolver.compile(where);
  } catch (error) {
    if (error instanceof SoqlSyntaxError) throw soqlError('MALFORMED_QUERY', soql, error.offset, error.message);
    throw error;
  }
}

interface ResolvedPath {
  /** Canonical names: relationship names, then the field name. */
  names: string[];
  field: FieldDef;
}

class PathResolver {
  constructor(
    private readonly org: SalesforceOrg,
    private readonly soql: string,
    private readonly root: SObjectDef,
  ) {}

  resolve(fieldPath: FieldPath): ResolvedPath {
    const names: string[] = [];
    let defs = [this.root];
    const segments = fieldPath.path;
    // Salesforce lets a query name its own object first: SELECT Lead.Email FROM Lead.
    const start = segments.length > 1 && segments[0]?.toLowerCase() === this.root.name.toLowerCase() ? 1 : 0;
    for (let i = start; i < segments.length - 1; i++) {
      const segment = segments[i] as string;
      const relationship = defs.map((d) => relationshipOf(d, segment)).find((f) => f);
      if (!relationship) {
        throw soqlError(
          'INVALID_FIELD',
          this.soql,
          fieldPath.offset,
          `Didn't understand relationship '${segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      names.push(relationship.relationshipName as string);
      defs = (relationship.referenceTo ?? []).map((t) => sobjectDef(t)).filter((d): d is SObjectDef => !!d);
    }
    const last = segments[segments.length - 1] as string;
    // A field hidden from the user by field-level security is, to SOQL, no column at all.
    const visible = (d: SObjectDef) => {
      const f = fieldOf(d, last);
      return f && !this.org.setup.hiddenFields.get(d.name)?.has(f.name) ? f : undefined;
    };
    const field = defs.map(visible).find((f) => f);
    if (!field) {
      throw soqlError(
        'INVALID_FIELD',
        this.soql,
        fieldPath.offset,
        `No such column '${last}' on entity '${defs[0]?.name ?? this.root.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    names.push(field.name);
    return { names, field };
  }

  /** Follows the relationships of a path; null as soon as one is empty. */
  valueOf(record: SObjectRecord, path: ResolvedPath): FieldValue {
    let current: SObjectRecord | undefined = record;
    for (const relationship of path.names.slice(0, -1)) {
      current = this.follow(current, relationship);
      if (!current) return null;
    }
    const name = path.names[path.names.length - 1] as string;
    return name === 'Id' ? current.Id : (current.fields[name] ?? null);
  }

  project(record: SObjectRecord, paths: ResolvedPath[]): JsonObject {
    const row: JsonObject = { attributes: attributesOf(record) };
    for (const path of paths) this.place(row, record, path.names);
    return row;
  }

  /** Writes one selected path into a row; related records become nested objects with attributes. */
  private place(target: JsonObject, record: SObjectRecord, names: string[]): void {
    const [first, ...rest] = names as [string, ...string[]];
    if (rest.length === 0) {
      target[first] = first === 'Id' ? record.Id : (record.fields[first] ?? null);
      return;
    }
    const related = this.follow(record, first);
    if (!related) {
      // An empty lookup is a null relationship object, as in Salesforce.
      target[first] = null;
      return;
    }
    let nested = target[first] as JsonObject | null | undefined;
    if (!nested) {
      nested = { attributes: attributesOf(related) };
      target[first] = nested;
    }
    this.place(nested, related, rest);
  }

  compile(condition: Condition): (record: SObjectRecord) => boolean {
    switch (condition.kind) {
      case 'and': {
        const parts = condition.parts.map((p) => this.compile(p));
        return (r) => parts.every((p) => p(r));
      }
      case 'or': {
        const parts = condition.parts.map((p) => this.compile(p));
        return (r) => parts.some((p) => p(r));
      }
      case 'not': {
        const part = this.compile(condition.part);
        return (r) => !part(r);
      }
      case 'like': {
        const path = this.resolve(condition.field);
        const pattern = likeToRegExp(decodeString(condition.pattern, true));
        return (r) => {
          const value = this.valueOf(r, path);
          return value !== null && pattern.test(String(value));
        };
      }
      case 'in': {
        const path = this.resolve(condition.field);
        const values = condition.values.map((v) => this.literalValue(v, path, condition.field));
        return (r) => {
          const value = this.valueOf(r, path);
          const found = values.some((v) => compareValues(value, v) === 0);
          return condition.negated ? !found : found;
        };
      }
      case 'compare': {
        const path = this.resolve(condition.field);
        if (condition.value.kind === 'last-n-days') {
          const range = this.dayRange(condition.value.days, path, condition.field);
          return (r) => inRange(this.valueOf(r, path), condition.operator, range);
        }
        const literal = this.literalValue(condition.value, path, condition.field);
        return (r) => matchesComparison(this.valueOf(r, path), condition.operator, literal);
      }
    }
  }

  private follow(record: SObjectRecord, relationship: string): SObjectRecord | undefined {
    const def = sobjectDef(record.type);
    const field = def && relationshipOf(def, relationship);
    const id = field ? record.fields[field.name] : null;
    return typeof id === 'string' ? this.org.get(id) : undefined;
  }

  /**
   * LAST_N_DAYS:n as [first instant, first instant after it): today and the n days before it, in UTC
   * (the emulator's users have no other time zone). Only date and dateTime fields take it; Salesforce
   * words the refusal as for any value of the wrong type.
   */
  private dayRange(days: number, path: ResolvedPath, field: FieldPath): [number, number] {
    if (path.field.type !== 'date' && path.field.type !== 'datetime') {
      throw soqlError(
        'INVALID_FIELD',
        this.soql,
        field.offset,
        `value of filter criterion for field '${path.field.name}' must be of type ${SOQL_TYPE[path.field.type] ?? path.field.type} and should be enclosed in quotes`,
      );
    }
    const todayStart = Math.floor(this.org.wallClock() / DAY) * DAY;
    return [todayStart - days * DAY, todayStart + DAY];
  }

  /** A literal as a comparable value; ids compare in their 18-character form. */
  private literalValue(literal: Literal, path: ResolvedPath, field: FieldPath): FieldValue {
    if (literal.kind === 'string' && (path.field.type === 'date' || path.field.type === 'datetime')) {
      // A quoted value is text, which date and dateTime fields do not take (the literal is bare).
      throw soqlError(
        'INVALID_FIELD',
        this.soql,
        field.offset,
        `value of filter criterion for field '${path.field.name}' must be of type ${path.field.type === 'date' ? 'date' : 'dateTime'} and should not be enclosed in quotes`,
      );
    }
    switch (literal.kind) {
      case 'last-n-days':
        // Only a comparison takes a range (compile's 'compare'); in a list it is no single value.
        throw soqlError('MALFORMED_QUERY', this.soql, literal.offset, 'unexpected token: LAST_N_DAYS');
      case 'null':
        return null;
      case 'boolean':
      case 'number':
        return literal.value;
      case 'date':
        return literal.text;
      case 'string': {
        const text = decodeString(literal);
        if (path.field.type !== 'id' && path.field.type !== 'reference') return text;
        const id = to18(text);
        if (!id) throw soqlError('INVALID_QUERY_FILTER_OPERATOR', this.soql, field.offset, `invalid ID field: ${text}`);
        return id;
      }
    }
  }
}

const DAY = 86_400_000;

/** How Salesforce names a field's type in its "must be of type" refusals. */
const SOQL_TYPE: Partial<Record<string, string>> = {
  textarea: 'string',
  picklist: 'string',
  email: 'string',
  url: 'string',
  phone: 'string',
  id: 'id',
  reference: 'id',
  int: 'int',
  double: 'double',
  currency: 'currency',
  boolean: 'boolean',
};

/** A date (YYYY-MM-DD, midnight UTC) or stored dateTime (…+0000) as milliseconds. */
function instantOf(value: FieldValue): number {
  if (typeof value !== 'string') return Number.NaN;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** A date literal is a range: = inside it, != outside, < before its start, > after its end. */
function inRange(value: FieldValue, operator: string, [start, end]: [number, number]): boolean {
  const at = instantOf(value);
  if (Number.isNaN(at)) return operator === '!=';
  switch (operator) {
    case '=':
      return at >= start && at < end;
    case '!=':
      return at < start || at >= end;
    case '<':
      return at < start;
    case '<=':
      return at < end;
    case '>':
      return at >= end;
    default:
      return at >= start;
  }
}

function matchesComparison(value: FieldValue, operator: string, literal: FieldValue): boolean {
  // In SOQL, != and = treat null as an ordinary value; the ordering operators never match null.
  if (operator === '=') return compareValues(value, literal) === 0;
  if (operator === '!=') return compareValues(value, literal) !== 0;
  if (value === null || literal === null) return false;
  const order = compareValues(value, literal);
  return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
}

/** Text compares without regard to case, as SOQL does; nulls sort before everything. */
function compareValues(a: FieldValue, b: FieldValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return String(a) === String(b) ? 0 : String(a) < String(b) ? -1 : 1;
  const left = String(a).toLowerCase();
  const right = String(b).toLowerCase();
  return left === right ? 0 : left < right ? -1 : 1;
}

/** LIKE: % is any run, _ is one character, \% and \_ are themselves; case-insensitive. */
function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern[i] as string);
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'is');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
