// The emulated Salesforce org: records, users and browser sessions. Pure state; the REST API
// (api.ts) and the pages (pages.ts) read and write it.
import { randomBytes } from 'node:crypto';
import { PREFIX_BY_SOBJECT, to18 } from '../../../src/shared/salesforce-id.js';
import { seedOrg } from './seed.js';

export type FieldValue = string | number | boolean | null;
export interface SObjectRecord {
  Id: string;
  type: string;
  fields: Record<string, FieldValue>;
}

export interface BrowserSession {
  sid: string;
  userId: string;
  valid: boolean;
}

export const ORG_ID = '00D5g00000ACMEAEA0'.slice(0, 15);
export const MY_DOMAIN = 'acme';
export const API_VERSION = '66.0';
export const DAILY_API_LIMIT = 115000;

export class SalesforceOrg {
  readonly orgId18 = to18(ORG_ID) as string;
  readonly records = new Map<string, SObjectRecord>();
  readonly sessions = new Map<string, BrowserSession>();
  apiUsage = 0;
  private counter = 1000;

  constructor() {
    seedOrg(this);
  }

  newId(type: string): string {
    const prefix = (PREFIX_BY_SOBJECT as Record<string, string>)[type];
    if (!prefix) throw new Error(`no key prefix for ${type}`);
    this.counter += 1;
    // 3 prefix + 2 pod + 10 counter, mixed case so the checksum is not trivial.
    const base = `${prefix}Ac${this.counter.toString(36).padStart(10, '0')}`;
    return to18(base) as string;
  }

  insert(type: string, fields: Record<string, FieldValue>, id = this.newId(type)): SObjectRecord {
    const now = new Date().toISOString().replace('Z', '+0000');
    const record: SObjectRecord = {
      Id: id,
      type,
      fields: { CreatedDate: now, LastModifiedDate: now, ...fields },
    };
    this.records.set(id, record);
    return record;
  }

  /** Finds a record by 15- or 18-character id. */
  get(id: string): SObjectRecord | undefined {
    const full = to18(id);
    return full ? this.records.get(full) : undefined;
  }

  ofType(type: string): SObjectRecord[] {
    return [...this.records.values()].filter((r) => r.type === type);
  }

  /** Logs a user in: a new sid cookie value `<orgId>!<token>`, as Salesforce shapes it. */
  createSession(userId: string): BrowserSession {
    const sid = `${ORG_ID}!${randomBytes(48).toString('base64url')}`;
    const session = { sid, userId, valid: true };
    this.sessions.set(sid, session);
    return session;
  }

  validSession(sid: string | undefined): BrowserSession | undefined {
    const session = sid ? this.sessions.get(sid) : undefined;
    return session?.valid ? session : undefined;
  }

  /** Expires every session, as a timeout or a logout elsewhere would. */
  expireSessions(): void {
    for (const session of this.sessions.values()) session.valid = false;
  }

  get defaultUserId(): string {
    const user = this.ofType('User')[0];
    if (!user) throw new Error('seed has no user');
    return user.Id;
  }
}
