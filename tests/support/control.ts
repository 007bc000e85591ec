// A typed client for the sandbox's control API (routes and bodies: tests/sandbox/control.ts).
import type { GlanceService } from '../sandbox/glance/service.js';
import type { OrgName } from '../sandbox/salesforce/org.js';
import type { RequestLogEntry } from '../sandbox/state.js';

export type { OrgName };

/** What Glance holds: its accounts and every session with its guests (tests/sandbox/glance/service.ts). */
export type GlanceSnapshot = ReturnType<GlanceService['snapshot']>;
export type GlanceSessionSnapshot = GlanceSnapshot['sessions'][number];

/** Which requests a /fail or /hang rule catches; `org` narrows it to that org's two hosts. */
export interface RequestMatchOptions {
  service?: 'salesforce' | 'glance' | 'other';
  pathIncludes: string;
  /** Only requests whose body contains this text (e.g. a composite that creates a Lead). */
  bodyIncludes?: string;
  method?: string;
  count?: number;
  org?: OrgName;
}

export class SandboxControl {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
  log(service?: 'salesforce' | 'glance', since = 0): Promise<RequestLogEntry[]> {
    const query = new URLSearchParams({ since: String(since), ...(service ? { service } : {}) });
    return this.call('GET', `/log?${query}`);
  }
  /** Salesforce REST API calls only (what spends the org's daily budget), of every org. */
  async apiCalls(since = 0): Promise<RequestLogEntry[]> {
    return (await this.log('salesforce', since)).filter((e) => e.path.startsWith('/services/data/'));
  }
  /**
   * The next `count` matching requests fail with `status`. Status 0 drops the connection without
   * an answer: before the request is applied, or with `afterApply` once it has been (the write
   * landed, the client sees a network error).
   */
  fail(
    rule: RequestMatchOptions & {
      status?: number;
      body?: string;
      contentType?: string;
      afterApply?: boolean;
      midAnswer?: boolean;
    },
  ) {
    return this.call('POST', '/fail', rule);
  }
  /** The next `count` matching requests get no answer at all, until a reset or the sandbox closes. */
  hang(rule: RequestMatchOptions) {
    return this.call('POST', '/hang', rule);
  }
  latency(service: 'salesforce' | 'glance' | 'other', ms: number) {
    return this.call('POST', '/latency', { service, ms });
  }
  expireSalesforceSessions(org?: OrgName) {
    return this.call('POST', '/salesforce/expire-sessions', { org });
  }
  /** The admin deploys a new My Domain name: the org's previous hosts redirect to the new ones. */
  changeMyDomain(name: string, org?: OrgName) {
    return this.call('POST', '/salesforce/change-my-domain', { name, org });
  }
  /**
   * Logs the seeded user in: `sid` is the My Domain session (REST API, Classic pages);
   * `lightningSid` the Lightning host's own session (Lightning pages; the REST API refuses it).
   */
  salesforceLogin(
    org?: OrgName,
    options: { otherUser?: boolean; highAssurance?: boolean } = {},
  ): Promise<{ sid: string; lightningSid: string; classicHost: string; lightningHost: string }> {
    return this.call('POST', '/salesforce/login', { org, ...options });
  }
  /** The role hierarchy: `userId`'s role directly below `aboveUserId`'s (null: out of it). */
  setRoleAbove(userId: string, aboveUserId: string | null, org?: OrgName) {
    return this.call('POST', '/salesforce/role-above', { userId, aboveUserId, org });
  }
  records<T = Record<string, unknown>>(type: string, org?: OrgName): Promise<T[]> {
    const query = org ? `?org=${encodeURIComponent(org)}` : '';
    return this.call('GET', `/salesforce/records/${encodeURIComponent(type)}${query}`);
  }
  /** Sets the org's used API calls and/or its rolling 24-hour allowance; at or over it, 403 REQUEST_LIMIT_EXCEEDED. */
  setApiLimit(limit: { used?: number; max?: number; org?: OrgName }): Promise<{ used: number; max: number }> {
    return this.call('POST', '/salesforce/api-limit', limit);
  }
  /** API Access Control: the REST API refuses every browser session while the pages keep working. */
  setApiAccessControl(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/api-access-control', { enabled, org });
  }
  /** The user's profile has (or lacks) "Create and Customize Reports": without it, saving a report is refused. */
  setCreateAndCustomizeReports(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/create-and-customize-reports', { enabled, org });
  }
  /** The REST API refuses Standard sessions ("not valid for use with the REST API"), as a High Assurance requirement does. */
  setHighAssuranceForApi(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/high-assurance-for-api', { enabled, org });
  }
  /** The next `count` sobject writes (creates, updates, deletes) fail with UNABLE_TO_LOCK_ROW. */
  lockRows(count: number, org?: OrgName) {
    return this.call('POST', '/salesforce/lock-rows', { count, org });
  }
  /** The next `count` SOQL queries fail with QUERY_TIMEOUT. */
  timeOutQueries(count: number, org?: OrgName) {
    return this.call('POST', '/salesforce/query-timeouts', { count, org });
  }
  /** Field-level security: make a field read-only for the user (or writable again). */
  setFieldWritable(sobject: string, field: string, writable: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/field-security', { sobject, field, writable, org });
  }
  /** An admin's validation rule: fires when `field` is non-blank after a save, or on every save without one. */
  addValidationRule(rule: { sobject: string; message: string; field?: string; org?: OrgName }) {
    return this.call('POST', '/salesforce/validation-rule', rule);
  }
  /** Experience Cloud off (or on again): FeedItem then has no Visibility field. */
  experienceCloud(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/experience-cloud', { enabled, org });
  }

  /** Millions of activities (or a small org again): non-selective Event/Task queries time out. */
  largeOrg(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/large-org', { enabled, org });
  }

  /** Chatter off (or on again): /chatter resources answer 403, FeedItem is no object of the org. */
  setChatter(enabled: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/chatter', { enabled, org });
  }
  /** Renames a record or a user (Lead/Contact/User: LastName, Case: Subject, others: Name). */
  /** Adds a record beside the seed (a Case gets the org's next CaseNumber); answers its id. */
  async insert(sobject: string, fields: Record<string, string | number | boolean | null>, org?: OrgName) {
    return (await this.call<{ id: string }>('POST', '/salesforce/insert', { sobject, fields, org })).id;
  }
  rename(id: string, name: string, org?: OrgName) {
    return this.call('POST', '/salesforce/rename', { id, name, org });
  }
  /** A session the Glance group ran outside Salesforce, already over: Glance's records list it. */
  addGlanceRecord(session: {
    address?: string;
    key?: string;
    startedAt: string;
    endedAt: string;
    guests?: { name: string; email?: string }[];
  }): Promise<{ sessionId: string }> {
    return this.call('POST', '/glance/records/add', { address: 'acme.glance.net', ...session });
  }
  /** Sessions per page of Glance's records (25 unless a test wants paging with few). */
  setGlanceRecordsPageSize(size: number) {
    return this.call('POST', '/glance/records/page-size', { size });
  }
  /** The Glance account's display name, as its owner sets it in Glance. */
  setGlanceDisplayName(address: string, displayName: string) {
    return this.call('POST', '/glance/account', { address, displayName });
  }
  /** What Glance holds now: its accounts, and its sessions with their guests. */
  glance(): Promise<GlanceSnapshot> {
    return this.call('GET', '/glance');
  }
  /** Glance's sessions, every one it ever started (running, ended, expired). */
  async glanceSessions(): Promise<GlanceSessionSnapshot[]> {
    return (await this.glance()).sessions;
  }
  /** Glance forgets every credential it gave the account (as after a password change). */
  revokeGlanceCredentials(address = 'acme.glance.net') {
    return this.call('POST', '/glance/revoke', { address });
  }
  /** A guest leaves the session, as Glance records it. */
  guestLeaves(sessionId: string, guest: string) {
    return this.call('POST', '/glance/leave', { sessionId, guest });
  }
  /** A guest joins the live session with this key, as Glance's join page would record them. */
  async joinGlance(guest: {
    address: string;
    key: string;
    name: string;
    email?: string;
  }): Promise<{ sessionId: string }> {
    // The Glance Client opens the session once it has the launch (tests/support/glance-client.ts):
    // a guest who is quicker than that finds no session yet, and tries again, as a person would.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call('POST', '/glance/join', guest);
      } catch (error) {
        if (attempt >= 25 || !String(error).includes('404')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }
  /** Glance's assumed SessionService operations (assumptions.ts A6) answer, or (off, the default) do not. */
  glanceAssumedOps(on: boolean) {
    return this.call('POST', '/glance/assumed', { on });
  }
  /** The rep ends sharing in the Glance Client (fails when the client hosts no session of that address). */
  endInGlanceClient(address = 'acme.glance.net') {
    return this.call<{ sessionId: string }>('POST', '/glance/client/end', { address });
  }
  /** Glance's Presence: allow an agent origin (Glance's settings), and a visitor comes to or leaves the site. */
  glancePresence(change: { allowOrigin?: string; visitor?: string; present?: boolean }) {
    return this.call('POST', '/glance/presence', change);
  }
  /** A visitor on the company's website starts cobrowse with a key or visitor id. */
  startCobrowse(key: string, address = 'acme.glance.net') {
    return this.call<{ sessionId: string }>('POST', '/glance/cobrowse/start', { address, key });
  }
  /** A hostile Glance: every session answer carries this joinUrl (undefined: the documented link again). */
  setGlanceJoinUrl(joinUrl: string | undefined) {
    return this.call('POST', '/glance/join-url', joinUrl === undefined ? {} : { joinUrl });
  }
  /** The next `count` Glance web-service requests answer 307 to the same path on host `to`. */
  redirectGlance(to: string, count = 1) {
    return this.call('POST', '/glance/redirect', { to, count });
  }
  /** Turns the Standard Lead Duplicate Rule (on in every org) off or on again. */
  setLeadDuplicateRule(active: boolean, org?: OrgName) {
    return this.call('POST', '/salesforce/duplicate-rule', { active, org });
  }
}
