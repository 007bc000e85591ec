// The control API for tests and the demo: plain HTTP on loopback, on its own port, a host the
// extension has no permission for and never calls. Bodies are JSON; every switch lives in the
// sandbox state, so POST /reset clears them all.
//
//   GET  /log?service=&since=             the request log (entries carry host, status, body, headers, dropped)
//   POST /reset                           fresh orgs, Glance, log; every rule and switch cleared
//   POST /fail    {service?, pathIncludes, bodyIncludes?, method?, count=1, status=503, body?, contentType?,
//                  afterApply?, midAnswer?, org?}     the next `count` matching requests fail with `status`;
//                                         status 0 drops the connection without applying the
//                                         request, or with afterApply: true after applying it
//                                         (midAnswer: true once the answer's headers went out)
//   POST /hang    {service?, pathIncludes, bodyIncludes?, method?, count=1, org?}
//                                         the next `count` matching requests never get an answer
//                                         (nothing applied) until a reset or close()
//   POST /latency {service, ms}           delay every answer of a service
//
// Salesforce, per org ({org?} names it: 'acme' when absent; in /fail and /hang it narrows the rule
// to that org's two hosts, and without it the rule applies to every host):
//   POST /salesforce/login                {org?} → {sid, lightningSid}: the My Domain sid (REST API,
//                                         Classic pages) and the Lightning host's own sid (Lightning
//                                         pages only; the REST API refuses it)
//   POST /salesforce/expire-sessions      {org?}
//   GET  /salesforce/records/<type>?org=  the org's records of a type
//   POST /salesforce/api-limit            {used?, max?, org?} → {used, max}: the rolling 24-hour
//                                         API allowance; at or over max every API call answers
//                                         403 REQUEST_LIMIT_EXCEEDED; lower `used` to free it
//   POST /salesforce/api-access-control   {enabled, org?}: the REST API refuses every browser
//                                         session (401 INVALID_SESSION_ID); pages keep working
//   POST /salesforce/high-assurance-for-api {enabled, org?}: the REST API refuses Standard
//                                         sessions, with the same words; log in with
//                                         {highAssurance: true} for one it takes
//   POST /salesforce/ip-restricted        {enabled, org?}: the REST API refuses every session,
//                                         with the same words (login IP ranges on every request)
//   POST /salesforce/create-and-customize-reports {enabled, org?}: without the permission, the
//                                         Analytics REST API refuses to save a new report
//   POST /salesforce/lock-rows            {count, org?}: the next `count` sobject writes fail
//                                         with 400 UNABLE_TO_LOCK_ROW
//   POST /salesforce/query-timeouts       {count, org?}: the next `count` SOQL queries fail
//                                         with 400 QUERY_TIMEOUT
//   POST /salesforce/field-security       {sobject, field, writable=false, org?}: field-level
//                                         security; writing a read-only field answers 400
//                                         INVALID_FIELD_FOR_INSERT_UPDATE
//   POST /salesforce/validation-rule      {sobject, message, field?, org?}: fires when `field` is
//                                         non-blank after a create/update (always without one):
//                                         400 FIELD_CUSTOM_VALIDATION_EXCEPTION with `message`
//   POST /salesforce/chatter              {enabled, org?}: Chatter off: /chatter resources answer 403
//                                         FUNCTIONALITY_NOT_ENABLED, FeedItem is no object of the org
//                                         (404 on /sobjects, INVALID_TYPE in SOQL); userinfo still answers
//   POST /salesforce/experience-cloud     {enabled, org?}: Experience Cloud (on in every sandbox org):
//                                         off, FeedItem has no Visibility field (INVALID_FIELD)
//   POST /salesforce/large-org            {enabled, org?}: millions of activities: a query on Event
//                                         or Task with no selective filter on an indexed field
//                                         answers 400 QUERY_TIMEOUT (salesforce/selectivity.ts)
//   POST /salesforce/feed-tracking        {sobject, enabled, org?}: Setup › Feed Tracking for an
//                                         object (Campaign off by default): a post to a record of
//                                         an untracked object answers 400 FIELD_INTEGRITY_EXCEPTION
//   POST /salesforce/rename               {id, name, org?}: a user renames a record (or a user) as
//                                         the record page's Edit would: Lead/Contact/User get the
//                                         name as LastName (Name follows), Case its Subject, others
//                                         their Name; over the field's length: STRING_TOO_LONG
//   POST /salesforce/insert               {sobject, fields, org?} → {id}: a record a colleague made (test
//                                         data beside the seed): known fields only, plain values; a
//                                         Case without CaseNumber gets the org's next one
//   POST /salesforce/change-my-domain     {name, org?}: the admin deploys a new My Domain name (the
//                                         hosts' first label, e.g. acme-corp); the previous hosts
//                                         answer 301 (GET, HEAD) or 307 to the same path on the new
//                                         ones, until the next change; sessions live on
//   POST /salesforce/role-above          {userId, aboveUserId, org?}: places a user's role directly
//                                         below another user's (the role hierarchy: a manager reads
//                                         the Events and Leads their reports own); aboveUserId null
//                                         takes the user out of it
//   POST /salesforce/duplicate-rule       {active, org?}: the Standard Lead Duplicate Rule (on in
//                                         every new org): 400 DUPLICATES_DETECTED unless the request
//                                         sends Sforce-Duplicate-Rule-Header: allowSave=true
//
// Glance: GET /glance, POST /glance/{advance,end,join,leave,revoke,account} (see glanceControl below);
//   POST /glance/client/launch {url}       the Glance Client stand-in hands over a glance://startssn launch
//   POST /glance/client/end    {address}   the rep ends sharing in the Glance Client
//   POST /glance/cobrowse/start {address, key} a visitor starts cobrowse on the company's website
//   POST /glance/records/add {address, key?, host?, startedAt, endedAt, status?, sessionType?, guests?}
//                                        a session the group ran outside Salesforce, already over: the
//                                        records service (cloud.glance.net) lists it → {sessionId}
//   POST /glance/records/page-size {size} sessions per records page (25 by default)
//   POST /glance/assumed {on}              the assumed SessionService ops answer (off by default)
//   POST /glance/presence {groupId?, allowOrigin?, visitor?, present?} Glance's settings allow an
//                                        agent origin to use Presence; a visitor is on the site (or left)
// and
// switches for a misbehaving Glance:
//   POST /glance/join-url  {joinUrl?}    every session answer carries this joinUrl instead of the
//                                        documented link (A15); without joinUrl, the documented one again
//   POST /glance/redirect  {to, count=1} the next `count` web-service requests answer 307 to the same
//                                        path on host `to` (a 307 re-posts the form there)
import { addElsewhere, type ElsewhereSession } from './glance/records.js';
import type { GlanceService } from './glance/service.js';
import { type Handler, json, type SandboxResponse } from './http.js';
import type { SalesforceOrg } from './salesforce/org.js';
import { fieldOf, sobjectDef } from './salesforce/schema.js';
import type { RequestMatch, SandboxState, Service } from './state.js';

const SERVICES: Service[] = ['salesforce', 'glance', 'other'];

class ControlError extends Error {}

export function controlHandler(state: () => SandboxState): Handler {
  return (req) => {
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    try {
      return route(state(), req.method, req.url, body);
    } catch (error) {
      if (error instanceof ControlError) return json(400, { error: error.message });
      throw error;
    }
  };
}

function route(state: SandboxState, method: string, url: URL, body: Record<string, unknown>): SandboxResponse {
  const path = url.pathname;
  const orgOf = (name: unknown): SalesforceOrg => {
    try {
      return state.org(name === undefined || name === null ? 'acme' : String(name));
    } catch (error) {
      throw new ControlError(String((error as Error).message));
    }
  };
  const org = () => orgOf(body.org);
  const ok = (extra: Record<string, unknown> = {}) => json(200, { ok: true, ...extra });

  if (method === 'GET' && path === '/log') {
    const service = url.searchParams.get('service');
    const since = Number(url.searchParams.get('since') ?? 0);
    return json(
      200,
      state.log.filter((e) => (!service || e.service === service) && e.seq > since),
    );
  }
  if (method === 'POST' && path === '/reset') {
    state.reset();
    return ok();
  }
  if (method === 'POST' && path === '/fail') {
    state.faults.push({
      ...requestMatch(body, orgOf),
      remaining: count(body),
      status: Number(body.status ?? 503),
      body: body.body === undefined ? undefined : String(body.body),
      contentType: body.contentType ? String(body.contentType) : undefined,
      afterApply: body.afterApply === true ? true : undefined,
      midAnswer: body.midAnswer === true ? true : undefined,
    });
    return ok();
  }
  if (method === 'POST' && path === '/hang') {
    state.hangs.push({ ...requestMatch(body, orgOf), remaining: count(body) });
    return ok();
  }
  if (method === 'POST' && path === '/latency') {
    const service = body.service as Service;
    if (!SERVICES.includes(service)) return json(400, { error: 'unknown service' });
    state.latencyMs[service] = Number(body.ms ?? 0);
    return ok();
  }
  if (method === 'GET' && path.startsWith('/salesforce/records/')) {
    const type = decodeURIComponent(path.slice('/salesforce/records/'.length));
    return json(
      200,
      orgOf(url.searchParams.get('org') ?? undefined)
        .ofType(type)
        .map((r) => ({ Id: r.Id, ...r.fields })),
    );
  }
  if (method === 'POST' && path.startsWith('/salesforce/')) {
    return salesforceControl(org(), path.slice('/salesforce/'.length), body);
  }
  if (method === 'GET' && path === '/glance') {
    return json(200, state.glance.snapshot());
  }
  if (method === 'POST' && path.startsWith('/glance/')) {
    return glanceControl(state.glance, path.slice('/glance/'.length), body);
  }
  return json(404, { error: `no control route ${method} ${path}` });
}

function count(body: Record<string, unknown>): number {
  const n = Number(body.count ?? 1);
  if (!Number.isInteger(n) || n < 0) throw new ControlError('count must be a whole number');
  return n;
}

function requestMatch(body: Record<string, unknown>, orgOf: (name: unknown) => SalesforceOrg): RequestMatch {
  const service = body.service as Service | undefined;
  if (service && !SERVICES.includes(service)) throw new ControlError('unknown service');
  const org = body.org === undefined ? undefined : orgOf(body.org);
  return {
    service,
    pathIncludes: String(body.pathIncludes ?? ''),
    method: body.method ? String(body.method) : undefined,
    hosts: org ? [org.classicHost, org.lightningHost] : undefined,
    bodyIncludes: body.bodyIncludes === undefined ? undefined : String(body.bodyIncludes),
  };
}

/** The admin's and the platform's switches of one org. */
function salesforceControl(org: SalesforceOrg, action: string, body: Record<string, unknown>): SandboxResponse {
  const ok = (extra: Record<string, unknown> = {}) => json(200, { ok: true, ...extra });
  const field = () => {
    const def = sobjectDef(String(body.sobject ?? ''));
    if (!def) throw new ControlError(`unknown sobject ${String(body.sobject)}`);
    if (body.field === undefined || body.field === null) return { def, field: undefined };
    const known = fieldOf(def, String(body.field));
    if (!known) throw new ControlError(`no field ${String(body.field)} on ${def.name}`);
    return { def, field: known.name };
  };
  switch (action) {
    case 'login': {
      // Lets a test get a session without typing into the login page; `otherUser`: a second rep of
      // the org (made once), as when someone else signs in to the same browser profile.
      const other = () =>
        org.ofType('User').find((u) => u.fields.Username === `blake.other@${org.name}.example`)?.Id ??
        org.insert('User', {
          Name: 'Blake Other',
          FirstName: 'Blake',
          LastName: 'Other',
          Email: `blake.other@${org.name}.example`,
          Username: `blake.other@${org.name}.example`,
          IsActive: true,
        }).Id;
      const session = org.createSession(
        body.otherUser === true ? other() : org.defaultUserId,
        body.highAssurance === true ? 'high-assurance' : 'standard',
      );
      return json(200, {
        sid: session.sid,
        lightningSid: session.lightningSid,
        classicHost: org.classicHost,
        lightningHost: org.lightningHost,
      });
    }
    case 'expire-sessions':
      org.expireSessions();
      return ok();
    case 'change-my-domain': {
      const name = String(body.name ?? '');
      // A My Domain name: letters, digits and hyphens (Help "Choose a My Domain Name").
      if (!/^[a-z0-9][a-z0-9-]{0,39}$/i.test(name)) throw new ControlError('name must be a My Domain name');
      org.changeMyDomain(name.toLowerCase());
      return ok({ classicHost: org.classicHost, lightningHost: org.lightningHost });
    }
    case 'api-limit': {
      if (body.used !== undefined) org.apiUsage = wholeNumber(body.used, 'used');
      if (body.max !== undefined) org.apiLimit = wholeNumber(body.max, 'max');
      return ok({ used: org.apiUsage, max: org.apiLimit });
    }
    case 'api-access-control':
      org.setup.apiAccessControl = body.enabled === true;
      return ok();
    case 'high-assurance-for-api':
      org.setup.highAssuranceForApi = body.enabled === true;
      return ok();
    case 'ip-restricted':
      org.setup.ipRestricted = body.enabled === true;
      return ok();
    case 'create-and-customize-reports':
      org.setup.createAndCustomizeReports = body.enabled === true;
      return ok();
    case 'lock-rows':
      org.trouble.lockedWrites = count(body);
      return ok();
    case 'query-timeouts':
      org.trouble.queryTimeouts = count(body);
      return ok();
    case 'field-security': {
      const { def, field: name } = field();
      if (!name) throw new ControlError('field is required');
      const readOnly = org.setup.readOnlyFields.get(def.name) ?? new Set<string>();
      if (body.writable === true) readOnly.delete(name);
      else readOnly.add(name);
      org.setup.readOnlyFields.set(def.name, readOnly);
      return ok();
    }
    case 'validation-rule': {
      const { def, field: name } = field();
      const message = String(body.message ?? '');
      if (!message) throw new ControlError('message is required');
      // Setup's Error Message field holds at most 255 characters.
      if (message.length > 255) throw new ControlError('message is at most 255 characters');
      org.setup.validationRules.push({ sobject: def.name, message, ...(name ? { field: name } : {}) });
      return ok();
    }
    case 'insert':
      return ok({ id: insertRecord(org, body).Id });
    case 'rename':
      renameRecord(org, String(body.id ?? ''), String(body.name ?? ''));
      return ok();
    case 'role-above': {
      const user = (key: string) => {
        const found = org.get(String(body[key] ?? ''));
        if (found?.type !== 'User') throw new ControlError(`${key} must be a user of the org`);
        return found.Id;
      };
      if (body.aboveUserId === null) org.setup.roleAbove.delete(user('userId'));
      else org.setup.roleAbove.set(user('userId'), user('aboveUserId'));
      return ok();
    }
    case 'duplicate-rule':
      org.setup.standardLeadDuplicateRule = body.active !== false;
      return ok();
    case 'chatter':
      org.setup.chatter = body.enabled !== false;
      return ok();
    case 'large-org':
      org.setup.largeOrg = body.enabled !== false;
      return ok();
    case 'experience-cloud':
      org.setup.experienceCloud = body.enabled !== false;
      return ok();
    case 'feed-tracking': {
      const def = sobjectDef(String(body.sobject ?? ''));
      if (!def) throw new ControlError(`no sobject ${String(body.sobject)}`);
      if (body.enabled === false) org.setup.feedTracked.delete(def.name);
      else org.setup.feedTracked.add(def.name);
      return ok();
    }
    default:
      return json(404, { error: `no control route POST /salesforce/${action}` });
  }
}

/**
 * The field that holds a record's name and its length (Object Reference: Lead, Contact and User
 * LastName 80; Case Subject 255; Account Name 255, Opportunity Name 120, Campaign Name 80).
 */
const NAME_FIELD: Record<string, [field: string, length: number]> = {
  Lead: ['LastName', 80],
  Contact: ['LastName', 80],
  User: ['LastName', 80],
  Case: ['Subject', 255],
  Account: ['Name', 255],
  Opportunity: ['Name', 120],
  Campaign: ['Name', 80],
};

function insertRecord(org: SalesforceOrg, body: Record<string, unknown>) {
  const def = sobjectDef(String(body.sobject ?? ''));
  if (!def) throw new ControlError(`unknown sobject ${String(body.sobject)}`);
  const given = body.fields;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new ControlError('fields is required');
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(given)) {
    const known = fieldOf(def, name);
    if (!known) throw new ControlError(`no field ${name} on ${def.name}`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
      throw new ControlError(`${name}: a plain value`);
    fields[known.name] = value as string | number | boolean | null;
  }
  // Case Number is an auto-number field (Object Reference, "Case"): Salesforce gives it, in order.
  if (def.name === 'Case' && fields.CaseNumber === undefined) {
    const highest = Math.max(0, ...org.ofType('Case').map((c) => Number(c.fields.CaseNumber) || 0));
    fields.CaseNumber = String(highest + 1).padStart(8, '0');
  }
  return org.insert(def.name, fields);
}

function renameRecord(org: SalesforceOrg, id: string, name: string): void {
  const record = org.get(id);
  if (!record) throw new ControlError(`no record ${id}`);
  const [field, length] = NAME_FIELD[record.type] ?? [];
  if (!field || !length) throw new ControlError(`${record.type} has no name to set`);
  if (!name.trim()) throw new ControlError('name is required');
  // Salesforce counts characters (UTF-16 code units in Apex's String.length()).
  if (name.length > length) throw new ControlError(`STRING_TOO_LONG: ${field} is at most ${length} characters`);
  record.fields[field] = name;
  // Compound names follow their parts, as rules.ts does for API writes.
  if (field === 'LastName') {
    record.fields.FirstName = null;
    record.fields.Name = name;
  }
}

function wholeNumber(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ControlError(`${name} must be a whole number`);
  return n;
}

/** What tests do on Glance's side without a browser: move time, end a session, join or leave as a guest. */
function glanceControl(glance: GlanceService, action: string, body: Record<string, unknown>): SandboxResponse {
  const text = (name: string) => String(body[name] ?? '');
  switch (action) {
    case 'advance':
      glance.advance(Number(body.ms ?? 0));
      return json(200, { ok: true, now: new Date(glance.now()).toISOString() });
    case 'end': {
      const session = glance.endFromGlance(text('sessionId'));
      return session ? json(200, { ok: true, status: session.status }) : json(404, { error: 'no such session' });
    }
    case 'join': {
      const session = glance.join(text('address'), text('key'), {
        name: text('name'),
        email: text('email'),
        phone: text('phone'),
      });
      return session
        ? json(200, { ok: true, sessionId: session.sessionId })
        : json(404, { error: 'no session with that key' });
    }
    case 'leave': {
      const guest = glance.leave(text('sessionId'), text('guest'));
      return guest ? json(200, { ok: true }) : json(404, { error: 'no such guest in that session' });
    }
    case 'records/add': {
      const added = addElsewhere(glance, body as unknown as ElsewhereSession);
      return typeof added === 'string'
        ? json(400, { error: added })
        : json(200, { ok: true, sessionId: added.sessionId });
    }
    case 'records/page-size':
      glance.records.pageSize = Math.max(1, wholeNumber(body.size, 'size'));
      return json(200, { ok: true, pageSize: glance.records.pageSize });
    case 'account': {
      // What the account's owner changes in Glance's own settings: the display name.
      const account = glance.account(text('address'));
      if (!account) return json(404, { error: 'no such account' });
      if (body.displayName !== undefined) account.displayName = text('displayName');
      return json(200, { ok: true });
    }
    case 'join-url':
      glance.misbehaviour.joinUrl = body.joinUrl === undefined ? undefined : text('joinUrl');
      return json(200, { ok: true });
    case 'redirect':
      if (!text('to')) throw new ControlError('to must name a host');
      glance.misbehaviour.redirect = { to: text('to'), count: wholeNumber(body.count ?? 1, 'count') };
      return json(200, { ok: true });
    case 'assumed':
      // The assumed SessionService ops (assumptions.ts A6): off unless a test turns them on.
      glance.assumedOps = body.on === true;
      return json(200, { ok: true, assumedOps: glance.assumedOps });
    case 'client/launch': {
      // The Glance Client stand-in (tests/support/glance-client.ts) hands over a launch Chromium made.
      const started = glance.launchClient(text('url'));
      return typeof started === 'string'
        ? json(422, { error: started })
        : json(200, { ok: true, sessionId: started.sessionId, key: started.key });
    }
    case 'client/end': {
      const ended = glance.endInClient(text('address'));
      return ended
        ? json(200, { ok: true, sessionId: ended.sessionId })
        : json(404, { error: 'no session in the client' });
    }
    case 'presence': {
      // Glance's settings allow an agent origin to ask Presence; a visitor comes to or leaves the site.
      const groupId = text('groupId') || '72431';
      const origin = text('allowOrigin');
      if (origin)
        glance.presence.agentOrigins.set(
          groupId,
          new Set([...(glance.presence.agentOrigins.get(groupId) ?? []), origin]),
        );
      const visitor = text('visitor');
      if (visitor) {
        const present = glance.presence.visitors.get(groupId) ?? new Set<string>();
        if (body.present === false) present.delete(visitor);
        else present.add(visitor);
        glance.presence.visitors.set(groupId, present);
      }
      return json(200, { ok: true });
    }
    case 'cobrowse/start': {
      // A visitor on the company's website starts cobrowse with a key or a visitor id.
      const started = glance.startCobrowse(text('address'), text('key'));
      return typeof started === 'string'
        ? json(422, { error: started })
        : json(200, { ok: true, sessionId: started.sessionId, key: started.key });
    }
    case 'revoke':
      return glance.revokeCredentials(text('address'))
        ? json(200, { ok: true })
        : json(404, { error: 'no such account' });
    default:
      return json(404, { error: `no control route POST /glance/${action}` });
  }
}
