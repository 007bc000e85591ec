// Reading a JSON request body into field values the way Salesforce does: field names are
// case-insensitive, unknown and read-only fields are refused, values must fit the field type.

import { ApiError, cannotDeserialize, noSuchColumnOnSObject } from './errors.js';
import type { FieldValue } from './org.js';
import { salesforceDateTime } from './records.js';
import { type FieldDef, fieldOf, type SObjectDef } from './schema.js';

export type WriteMode = 'create' | 'update';

/**
 * Turns a request body into canonical field names and typed values, or throws Salesforce's error.
 * `readOnly` names fields field-level security keeps the user from writing: they fail the same way
 * as fields nobody may write (INVALID_FIELD_FOR_INSERT_UPDATE naming them).
 */
export function readFieldInput(
  def: SObjectDef,
  body: unknown,
  mode: WriteMode,
  readOnly: ReadonlySet<string> = new Set(),
  /** Fields of a feature the org has not turned on: to the API they do not exist. */
  absent: ReadonlySet<string> = new Set(),
): Record<string, FieldValue> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const token = Array.isArray(body) ? 'START_ARRAY' : 'VALUE';
    throw ApiError.one(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${def.name} from ${token} value`);
  }
  const input: Record<string, FieldValue> = {};
  const notWritable: string[] = [];
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    // Clients echo the attributes block of records they read; Salesforce ignores it.
    if (key === 'attributes') continue;
    const field = fieldOf(def, key);
    if (!field || absent.has(field.name)) throw noSuchColumnOnSObject(key, def.name);
    if ((mode === 'create' ? !field.createable : !field.updateable) || readOnly.has(field.name)) {
      notWritable.push(field.name);
      continue;
    }
    input[field.name] = coerce(field, raw);
  }
  if (notWritable.length > 0) {
    throw ApiError.one(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      notWritable,
    );
  }
  return input;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;

function coerce(field: FieldDef, raw: unknown): FieldValue {
  if (raw === null) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw cannotDeserialize('boolean', raw);
    case 'int':
    case 'double':
    case 'currency': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(number) || (field.type === 'int' && !Number.isInteger(number))) {
        throw cannotDeserialize(field.type === 'int' ? 'int' : 'double', raw);
      }
      return number;
    }
    case 'date':
      if (typeof raw === 'string' && DATE.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
      throw cannotDeserialize('date', raw);
    case 'datetime':
      if (typeof raw === 'string' && DATE_TIME.test(raw)) {
        const normalized = raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
        const time = Date.parse(normalized);
        if (!Number.isNaN(time)) return salesforceDateTime(new Date(time));
      }
      throw cannotDeserialize('datetime', raw);
    default: {
      if (typeof raw === 'object') throw cannotDeserialize('String', raw);
      const text = String(raw);
      // Salesforce stores an empty text as null.
      if (text === '') return null;
      // Since API 15.0 a value too long for a text field fails the write (it was cut before); the
      // message is Salesforce's "<label>: data value too large: <value> (max length=<n>)".
      if (field.length !== undefined && text.length > field.length) {
        throw ApiError.one(
          400,
          'STRING_TOO_LONG',
          `${field.label}: data value too large: ${text.slice(0, 80)} (max length=${field.length})`,
          [field.name],
        );
      }
      if (field.picklistValues && !field.picklistValues.includes(text)) {
        // Salesforce's answer for a value outside a restricted picklist (API Developer Guide, status codes).
        throw ApiError.one(
          400,
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.label}: bad value for restricted picklist field: ${text}`,
          [field.name],
        );
      }
      if (field.type === 'email' && !EMAIL.test(text)) {
        throw ApiError.one(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [
          field.name,
        ]);
      }
      return text;
    }
  }
}
