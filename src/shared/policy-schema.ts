// The company policy as extension/managed-schema.json declares it: the fields an administrator can
// set, derived from the schema (never listed by hand), and a validator for what an administrator
// wrote. Chrome validates managed storage against the schema itself and drops what does not fit
// (developer.chrome.com/docs/extensions/reference/manifest/storage); Firefox has no managed schema
// at all and hands the extension whatever policies.json holds (MDN, manifest.json "storage";
// extensionworkshop.com/documentation/enterprise/enterprise-development). So the Company Settings
// tab checks a policy against the same schema before an administrator deploys it, and says what
// the browser would drop.

import schemaJson from '../../extension/managed-schema.json';
import { hasControlCharacter } from './control-characters.js';

/** The subset of JSON Schema (draft 03) that Chrome's managed storage accepts and our schema uses. */
interface PropertySchema {
  type: 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';
  title?: string;
  description?: string;
  enum?: readonly (string | number)[];
  items?: PropertySchema;
  properties?: Record<string, PropertySchema>;
}

const POLICY_SCHEMA = schemaJson as unknown as PropertySchema & { properties: Record<string, PropertySchema> };

/** How the editor offers one key: chosen by the schema's shape, never by the key's name. */
export type PolicyField =
  | { key: string; kind: 'boolean' }
  | { key: string; kind: 'choice'; values: string[] }
  | { key: string; kind: 'choices'; values: string[] }
  | { key: string; kind: 'text' }
  /** A list of free text (one entry a line in the editor). */
  | { key: string; kind: 'list' };

function fieldOf(key: string, property: PropertySchema): PolicyField {
  if (property.type === 'boolean') return { key, kind: 'boolean' };
  if (property.type === 'string' && property.enum) return { key, kind: 'choice', values: property.enum.map(String) };
  if (property.type === 'array' && property.items?.type === 'string' && property.items.enum) {
    return { key, kind: 'choices', values: property.items.enum.map(String) };
  }
  if (property.type === 'array' && property.items?.type === 'string') return { key, kind: 'list' };
  if (property.type === 'string') return { key, kind: 'text' };
  // A schema shape the editor does not offer yet: a test (policy-schema.test.ts) fails first.
  throw new Error(`managed-schema.json: no editor for "${key}" (${property.type})`);
}

export const POLICY_FIELDS: readonly PolicyField[] = Object.entries(POLICY_SCHEMA.properties).map(([key, property]) =>
  fieldOf(key, property),
);

export type PolicyProblem =
  | { path: string; problem: 'not-an-object' }
  | { path: string; problem: 'unknown-key' }
  | { path: string; problem: 'wrong-type'; expected: PropertySchema['type'] }
  | { path: string; problem: 'not-allowed'; value: string; allowed: string[] }
  /** A line break, tab or other control character: no rule needs one, and a .reg file would be rewritten by it. */
  | { path: string; problem: 'control-character' };

const typeOf = (value: unknown): PropertySchema['type'] | 'null' | 'other' => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object')
    return typeof value as 'string';
  return 'other';
};

function check(value: unknown, schema: PropertySchema, path: string, problems: PolicyProblem[]): void {
  const actual = typeOf(value);
  const fits = actual === schema.type || (schema.type === 'number' && actual === 'integer');
  if (!fits) {
    problems.push({ path, problem: 'wrong-type', expected: schema.type });
    return;
  }
  if (typeof value === 'string' && hasControlCharacter(value)) {
    problems.push({ path, problem: 'control-character' });
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    problems.push({ path, problem: 'not-allowed', value: String(value), allowed: schema.enum.map(String) });
  }
  if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    (value as unknown[]).forEach((item, index) => {
      check(item, items, `${path}[${index}]`, problems);
    });
  }
  if (schema.type === 'object' && schema.properties) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const property = schema.properties[key];
      const at = path ? `${path}.${key}` : key;
      if (property) check(inner, property, at, problems);
      else problems.push({ path: at, problem: 'unknown-key' });
    }
  }
}

/** What in `raw` does not fit the schema; empty when an administrator may deploy it as it is. */
export function validatePolicy(raw: unknown): PolicyProblem[] {
  if (typeOf(raw) !== 'object') return [{ path: '', problem: 'not-an-object' }];
  const problems: PolicyProblem[] = [];
  check(raw, POLICY_SCHEMA, '', problems);
  return problems;
}

/** The top-level key a problem is about ("allowedUsage[1]" → "allowedUsage"). */
export const keyOfPath = (path: string) => path.split(/[.[]/)[0] ?? '';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one entry of a `{ "<id>": {...} }` map, whatever the id (an administrator's own store id). */
function onlyEntry(map: unknown): unknown {
  if (!isObject(map)) return undefined;
  const values = Object.values(map);
  return values.length === 1 ? values[0] : undefined;
}

/**
 * The extension's policy inside whatever an administrator pastes: the bare policy, Chrome's and
 * Edge's `{"3rdparty": {"extensions": {"<id>": {…}}}}`, or Firefox's policies.json
 * `{"policies": {"3rdparty": {"Extensions": {"<id>": {…}}}}}`.
 */
export function unwrapPolicy(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const firefox = isObject(raw.policies) ? raw.policies['3rdparty'] : undefined;
  if (isObject(firefox)) return onlyEntry(firefox.Extensions) ?? raw;
  const chromium = raw['3rdparty'];
  if (isObject(chromium)) return onlyEntry(chromium.extensions) ?? raw;
  return raw;
}

/** The schema's keys of `raw` whose values fit (what the editor starts from). */
export function validPart(raw: unknown): Record<string, unknown> {
  if (!isObject(raw)) return {};
  const broken = new Set(validatePolicy(raw).map((p) => keyOfPath(p.path)));
  return Object.fromEntries(
    Object.entries(raw).filter(([key]) => Object.hasOwn(POLICY_SCHEMA.properties, key) && !broken.has(key)),
  );
}
