// The "large org" switch: an org with millions of activities, where a query on Event or Task that no
// index can narrow runs until Salesforce stops it.
//
// What Salesforce documents, and the simple rule the emulator keeps from it:
// - Apex Developer Guide, "Working with Very Large SOQL Queries" › "More Efficient SOQL Queries": a
//   query is selective when one of its filters is on an indexed field and narrows the rows below a
//   threshold (a standard index: 30 % of the first million rows and 15 % of the rest, at most one
//   million). Indexed out of the box: primary keys (Id, Name, OwnerId), foreign keys (CreatedById,
//   LastModifiedById, lookup and master-detail fields, so WhoId and WhatId on activities), audit dates
//   (CreatedDate, SystemModstamp), RecordType, and External ID or Unique fields. With AND, one selective
//   filter is enough; with OR, every filter must be; negative operators (!=, NOT, NOT IN) and LIKE with
//   a leading wildcard use no index. Subject, StartDateTime and Description are none of these.
// - Salesforce Help, Knowledge Article 000386468: "Non-selective query against large object type" is
//   raised in trigger context only; a query sent through the REST or SOAP API is simply attempted and
//   times out when it runs too long (QUERY_TIMEOUT "Your query request was running for too long.",
//   after two minutes: Salesforce Developers Blog, "Force.com Batch Apex and Large Data Volumes", 2013).
// - Large Data Volumes Best Practices, "Lightning Platform Query Optimizer": the optimizer picks the
//   index from the filters; without a usable one it scans the whole table.
//
// The emulator cannot know how rows are spread, so it assumes the worst realistic spread: equality
// (or IN) on an indexed id is selective; an audit date is selective only as a narrow range, at most
// NARROW_DAYS wide (a lower bound alone reaches up to now); everything else is a full scan.
import { type Condition, decodeString, type Literal, type SoqlQuery } from './soql.js';

/**
 * Objects that hold millions of rows in a large org: a full scan of them never finishes. (This
 * emulator has no Task object yet; its queries are INVALID_TYPE before they could run.)
 */
export const LARGE_OBJECTS: ReadonlySet<string> = new Set(['event', 'task']);

/** Indexed ids on activities: equality on one narrows the rows to a handful. */
const INDEXED_IDS = new Set(['id', 'ownerid', 'whoid', 'whatid', 'createdbyid', 'lastmodifiedbyid', 'accountid']);

/** Indexed audit dates: selective as a narrow range only. */
const AUDIT_DATES = new Set(['createddate', 'systemmodstamp']);

/** The widest audit-date range taken as selective: a month of a large org's activities. */
export const NARROW_DAYS = 30;

const DAY = 86_400_000;

const fieldName = (path: string[]) => (path.length === 1 ? (path[0] ?? '').toLowerCase() : '');

/** A literal that names one id (not null, not empty). */
const isIdValue = (literal: Literal) => literal.kind === 'string' && decodeString(literal) !== '';

/** A date or dateTime literal as milliseconds (a date is its midnight UTC). */
function instant(literal: Literal): number | undefined {
  if (literal.kind !== 'date') return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(literal.text) ? `${literal.text}T00:00:00Z` : literal.text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/** The range [from, to] one condition puts on an audit date, if it is one. */
function auditRange(condition: Condition, now: number): { field: string; from?: number; to?: number } | undefined {
  if (condition.kind !== 'compare') return undefined;
  const field = fieldName(condition.field.path);
  if (!AUDIT_DATES.has(field)) return undefined;
  const { operator, value } = condition;
  if (value.kind === 'last-n-days' && operator === '=') {
    return { field, from: now - value.days * DAY, to: now };
  }
  const time = instant(value);
  if (time === undefined) return undefined;
  if (operator === '>' || operator === '>=') return { field, from: time };
  if (operator === '<' || operator === '<=') return { field, to: time };
  if (operator === '=') return { field, from: time, to: time };
  return undefined;
}

/**
 * A range is narrow when it has a lower bound and, its upper one defaulting to now (no row is
 * created later), spans at most NARROW_DAYS.
 */
const narrow = (from: number | undefined, to: number | undefined, now: number) =>
  from !== undefined && (to ?? Math.max(now, from)) - from <= NARROW_DAYS * DAY;

/** Whether an index can narrow this condition (see the rule above). */
export function selective(condition: Condition | undefined, now: number = Date.now()): boolean {
  if (!condition) return false;
  switch (condition.kind) {
    case 'compare': {
      if (INDEXED_IDS.has(fieldName(condition.field.path)))
        return condition.operator === '=' && isIdValue(condition.value);
      const range = auditRange(condition, now);
      return !!range && narrow(range.from, range.to, now);
    }
    case 'in':
      return (
        INDEXED_IDS.has(fieldName(condition.field.path)) && !condition.negated && condition.values.every(isIdValue)
      );
    case 'like':
    case 'not':
      return false;
    case 'or':
      return condition.parts.every((part) => selective(part, now));
    case 'and': {
      if (condition.parts.some((part) => selective(part, now))) return true;
      // Two bounds on the same audit date make one range: CreatedDate >= a AND CreatedDate <= b.
      const bounds = new Map<string, { from?: number; to?: number }>();
      for (const part of condition.parts) {
        const range = auditRange(part, now);
        if (!range) continue;
        const known = bounds.get(range.field) ?? {};
        bounds.set(range.field, {
          from: range.from === undefined ? known.from : Math.max(known.from ?? range.from, range.from),
          to: range.to === undefined ? known.to : Math.min(known.to ?? range.to, range.to),
        });
      }
      return [...bounds.values()].some((b) => narrow(b.from, b.to, now));
    }
  }
}

/** A query the large org cannot answer: on a large object, with no selective filter. */
export function runsTooLong(query: SoqlQuery, now: number = Date.now()): boolean {
  return LARGE_OBJECTS.has(query.from.name.toLowerCase()) && !selective(query.where, now);
}
