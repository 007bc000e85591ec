// The emulated Salesforce org: records, users, browser sessions, and what its administrator set up
// (API Access Control, field-level security, validation rules, duplicate rules, the API allowance).
// Pure state; the REST API (api.ts) and the pages (pages.ts) read and write it.

import { randomBytes } from 'node:crypto';
import { to18 } from '../../../src/shared/salesforce-id.js';
import { DeviceAuthorizations } from './oauth-device.js';
import type { SamlServiceProvider } from './pages-idp.js';
import { EXTRA_KEY_PREFIXES, KEY_PREFIX } from './schema.js';
import { seedOrg } from './seed.js';

export type FieldValue = string | number | boolean | null;
export interface SObjectRecord {
  Id: string;
  type: string;
  fields: Record<string, FieldValue>;
}

/**
 * One login. Salesforce Help ("getSessionId"): "Session identifiers from different contexts, and
 * the sessions themselves, are different" — the My Domain host and the Lightning host each get
 * their own `sid`. Only the My Domain one (`sid`) is valid for the REST API; the Lightning one
 * (`lightningSid`, set by the frontdoor hop) serves the Lightning pages only. Logging out ends both.
 */
export interface BrowserSession {
  sid: string;
  lightningSid: string;
  /** Setup's host's own session (set by a frontdoor hop there): Setup pages only. */
  setupSid: string;
  userId: string;
  valid: boolean;
  /** Salesforce Help "Session Security Levels": Standard, or High Assurance after a second factor. */
  level: 'standard' | 'high-assurance';
}

/** What tells one emulated org from another: its My Domain, org id and the pod in its record ids. */
export interface OrgProfile {
  /** The My Domain name: <name>.my.salesforce.com and <name>.lightning.force.com. */
  name: string;
  /** 15-character org id (key prefix 00D); every session id of the org starts with it. */
  orgId: string;
  /** Two characters after the key prefix of every id this org makes, so orgs never share an id. */
  pod: string;
  /** The seeded user's username (Salesforce usernames are unique across all orgs). */
  username: string;
  /**
   * Hosts of another host family (src/shared/salesforce-hosts.ts); production's
   * <name>.lightning.force.com and <name>.my.salesforce.com when absent.
   */
  lightningHost?: string;
  classicHost?: string;
}

export const ORG_PROFILES = {
  acme: { name: 'acme', orgId: '00D5g00000ACMEA', pod: 'Ac', username: 'riley.rep@acme.example' },
  globex: { name: 'globex', orgId: '00D8d00000GLOBX', pod: 'Gx', username: 'riley.rep@globex.example' },
  // Other host families (Salesforce Help "My Domain URL Formats", Government Cloud Plus, Alibaba Cloud).
  uat: {
    name: 'uat',
    orgId: '00D1z00000UATSB',
    pod: 'Ut',
    username: 'riley.rep@acme.example.uat',
    lightningHost: 'acme--uat.sandbox.lightning.force.com',
    classicHost: 'acme--uat.sandbox.my.salesforce.com',
  },
  dev: {
    name: 'dev',
    orgId: '00D2w00000DEVED',
    pod: 'Dv',
    username: 'riley.rep@acme.example.dev',
    lightningHost: 'acme-dev-ed.develop.lightning.force.com',
    classicHost: 'acme-dev-ed.develop.my.salesforce.com',
  },
  scratch: {
    name: 'scratch',
    orgId: '00D4v00000SCRTC',
    pod: 'Sc',
    username: 'riley.rep@acme.example.scratch',
    lightningHost: 'site-force-1234.scratch.lightning.force.com',
    classicHost: 'site-force-1234.scratch.my.salesforce.com',
  },
  trail: {
    name: 'trail',
    orgId: '00D6u00000TRAIL',
    pod: 'Tr',
    username: 'riley.rep@acme.example.trail',
    lightningHost: 'curious-fox-abc.trailblaze.lightning.force.com',
    classicHost: 'curious-fox-abc.trailblaze.my.salesforce.com',
  },
  dod: {
    name: 'dod',
    orgId: '00D3x00000DODGV',
    pod: 'Dd',
    username: 'riley.rep@dod.example',
    lightningHost: 'dod.lightning.crmforce.mil',
    classicHost: 'dod.my.salesforce.mil',
  },
  ali: {
    name: 'ali',
    orgId: '00D7y00000ALICN',
    pod: 'Al',
    username: 'riley.rep@ali.example',
    lightningHost: 'ali.lightning.sfcrmapps.cn',
    classicHost: 'ali.my.sfcrmproducts.cn',
  },
} as const satisfies Record<string, OrgProfile>;
export type OrgName = keyof typeof ORG_PROFILES;
export const ORG_NAMES = Object.keys(ORG_PROFILES) as OrgName[];

/** The first org (acme): what every test means when it names no org. */
export const ORG_ID = ORG_PROFILES.acme.orgId;
export const MY_DOMAIN = ORG_PROFILES.acme.name;
export const API_VERSION = '66.0';
/**
 * Enterprise Edition's rolling 24-hour allowance is 100,000 + 1,000 per Salesforce licence
 * (Salesforce Developer Limits and Allocations Quick Reference, "API Request Limits and
 * Allocations"); 15 licences here.
 */
export const DEFAULT_DAILY_API_LIMIT = 115000;

/** A validation rule as an admin would write it: fires when `field` is non-blank, or always. */
export interface ValidationRule {
  sobject: string;
  /** The admin's error message, answered as it is. */
  message: string;
  /** Canonical field name the rule is about (the error's "fields"); none: fires on every save. */
  field?: string;
}

/** What the org's administrator set up; tests change it through the control API. */
export interface OrgSetup {
  /**
   * Setup › API Access Control: the REST API refuses browser (UI) sessions of users without "Use
   * Any API Client" (the rep here has not got it).
   */
  apiAccessControl: boolean;
  /**
   * Setup › Session Settings › Session Security Levels: the API ("Connected apps" / the API policy)
   * requires High Assurance; a Standard session is refused until the rep logs in with a second factor.
   */
  highAssuranceForApi: boolean;
  /**
   * Setup › Session Settings › "Enforce login IP ranges on every request", with the rep's network
   * outside their profile's Login IP Ranges: every API request of the session is refused, the pages
   * too in a real org; here only the API, which is what the extension meets.
   */
  ipRestricted: boolean;
  /** Field-level security: per sobject, the fields the user may read but not write. */
  readOnlyFields: Map<string, Set<string>>;
  /**
   * Field-level security: per sobject, the fields the user may not even read. SOQL naming one fails as
   * if the field did not exist, INVALID_FIELD "No such column …" (reported in public threads:
   * beyond-the-cloud-dev/soql-lib#255, omniphx/forrest#307).
   */
  hiddenFields: Map<string, Set<string>>;
  validationRules: ValidationRule[];
  /** The Standard Lead Duplicate Rule, active in every new org. */
  standardLeadDuplicateRule: boolean;
  /** Setup › Chatter Settings: on in every new org; off, Chatter resources and objects are refused. */
  chatter: boolean;
  /**
   * Experience Cloud (communities) on: customers reach records through a site, and feed items get
   * a Visibility field. On in this sandbox's orgs, which share Cases with customers.
   */
  experienceCloud: boolean;
  /**
   * An active Lead assignment rule, as most sales orgs have (web and API leads to a queue): the id of
   * the queue it assigns every new Lead to, or '' for none. REST creates run it unless the request
   * says `Sforce-Auto-Assign: FALSE` (REST API Developer Guide, "Assignment Rule Header": "If the
   * header is not provided in the request, the default value is TRUE").
   */
  leadAssignmentQueue: string;
  /**
   * The organization-wide default for Leads: 'private' (a rep reads only the Leads they own, as most
   * sales orgs set it) or 'public' (a new org's Public Read/Write/Transfer). See sharing.ts.
   */
  leadSharing: 'private' | 'public';
  /**
   * The Standard Lead Duplicate Rule's action on create: 'allow' with an alert (a new org's), which
   * `allowSave=true` acknowledges, or 'block', which nothing gets past (Salesforce Help "Duplicate
   * Rule Fields": Action On Create, Allow or Block).
   */
  leadDuplicateAction: 'allow' | 'block';
  /**
   * Consumer keys of the External Client Apps whose OAuth settings enable the device flow; none in a
   * new org. It is the one way a tool signs a user in here: new orgs block the OAuth username-password
   * flow (Summer '23) and SOAP login() (sign-in.ts), and no new connected apps since Spring '26.
   */
  deviceFlowApps: Set<string>;
  /**
   * Setup › Feed Tracking: the objects whose records have a feed, so a FeedItem may name one as its
   * parent (rules.ts). Out of the box: Account, Case, Contact, Lead, Opportunity and User (Trailhead,
   * "Enable Feed Tracking": the objects and fields tracked by default); Campaign is not among them.
   */
  feedTracked: Set<string>;
  /**
   * An org with millions of activities: a query on Event or Task without a selective filter on an
   * indexed field times out (QUERY_TIMEOUT) instead of answering (selectivity.ts). Off in a new org.
   */
  largeOrg: boolean;
  /**
   * The role hierarchy, as far as sharing needs it: each user to the user whose role is directly
   * above theirs (a manager sees what their reports own: sharing.ts). Empty in a new org; a test
   * places users.
   */
  roleAbove: Map<string, string>;
  /**
   * The user's profile has "Create and Customize Reports" (Salesforce Help, "User Permissions for
   * Reports"): without it, the Analytics REST API refuses to save a new report (analytics.ts).
   */
  createAndCustomizeReports: boolean;
  /** Report folders shared with the user as Viewer: saving a report there is refused (analytics.ts). */
  viewOnlyReportFolders: Set<string>;
  /**
   * The Activity report type's column API names, renamed from the emulator's own (analytics.ts): the
   * guide does not list them, so a test gives them other names and the product must still find its
   * columns by label and data type in the report type describe. Empty: the emulator's names.
   */
  activityColumnNames: Record<string, string>;
}

/** The queue acme's Lead assignment rule routes new Leads to (a Group id, 00G). */
export const LEAD_QUEUE_ID = '00GAc0000000LEADAA';

/** Temporary server-side trouble, for the next N calls of a kind. */
export interface OrgTrouble {
  /** The next N sobject writes (create, update, delete) fail with UNABLE_TO_LOCK_ROW. */
  lockedWrites: number;
  /** The next N SOQL queries fail with QUERY_TIMEOUT. */
  queryTimeouts: number;
}

/** Setup's host for a My Domain host of the families Salesforce documents one for. */
function setupHostOf(classicHost: string): string | undefined {
  return classicHost.endsWith('.my.salesforce.com')
    ? `${classicHost.slice(0, -'.salesforce.com'.length)}.salesforce-setup.com`
    : undefined;
}

export class SalesforceOrg {
  readonly orgId: string;
  readonly orgId18: string;
  lightningHost: string;
  classicHost: string;
  lightningOrigin: string;
  classicOrigin: string;
  /**
   * Setup's own host (Salesforce Help "My Domain URL Formats": Setup is served from
   * <MyDomainName>.my.salesforce-setup.com, with the login host's partition, e.g.
   * <name>--<sandbox>.sandbox.my.salesforce-setup.com); undefined for families without one here
   * (Government Cloud Plus, Alibaba Cloud: their Setup host is not documented where we looked).
   */
  setupHost: string | undefined;
  setupOrigin: string | undefined;
  /**
   * The hosts of the My Domain before its last change, each to its new host: Salesforce redirects them
   * "until you deploy another My Domain change or until you disable or remove your previous My Domain",
   * with "redirect code 301 or redirect code 307" (Salesforce Help, "Understand Redirections for
   * Previous My Domain Host Names"). previous-my-domain.ts answers them.
   */
  readonly previousHosts = new Map<string, string>();
  readonly records = new Map<string, SObjectRecord>();
  readonly sessions = new Map<string, BrowserSession>();
  readonly lightningSessions = new Map<string, BrowserSession>();
  readonly setupSessions = new Map<string, BrowserSession>();
  apiUsage = 0;
  apiLimit = DEFAULT_DAILY_API_LIMIT;
  readonly setup: OrgSetup = {
    apiAccessControl: false,
    highAssuranceForApi: false,
    ipRestricted: false,
    readOnlyFields: new Map(),
    hiddenFields: new Map(),
    validationRules: [],
    standardLeadDuplicateRule: true,
    chatter: true,
    experienceCloud: true,
    leadAssignmentQueue: LEAD_QUEUE_ID,
    leadSharing: 'private',
    leadDuplicateAction: 'allow',
    deviceFlowApps: new Set(),
    feedTracked: new Set(['Account', 'Case', 'Contact', 'Lead', 'Opportunity', 'User']),
    largeOrg: false,
    roleAbove: new Map(),
    createAndCustomizeReports: true,
    activityColumnNames: {},
    viewOnlyReportFolders: new Set(),
  };
  /** Device-flow sign-ins waiting for their user (oauth-device.ts). */
  readonly devices = new DeviceAuthorizations();
  readonly trouble: OrgTrouble = { lockedWrites: 0, queryTimeouts: 0 };
  /**
   * The SAML service providers its admin set up as connected apps (pages-idp.ts). Acme signs its reps
   * in to Glance with Salesforce: Glance's entity id and ACS URL as Glance's SAML setup page gives
   * them (help.glance.net/integrations/saml/saml_setup/), for Glance group 72431.
   */
  readonly samlServiceProviders: SamlServiceProvider[] = [];
  private counter = 1000;
  /**
   * The org's "now": CreatedDate, and what date literals such as LAST_N_DAYS:30 count from. Real time,
   * unless a test harness runs on a clock of its own (the background harness does).
   */
  wallClock: () => number = () => Date.now();

  constructor(readonly profile: OrgProfile = ORG_PROFILES.acme) {
    this.orgId = profile.orgId;
    this.orgId18 = to18(profile.orgId) as string;
    this.lightningHost = profile.lightningHost ?? `${profile.name}.lightning.force.com`;
    this.classicHost = profile.classicHost ?? `${profile.name}.my.salesforce.com`;
    this.lightningOrigin = `https://${this.lightningHost}`;
    this.classicOrigin = `https://${this.classicHost}`;
    this.setupHost = setupHostOf(this.classicHost);
    this.setupOrigin = this.setupHost && `https://${this.setupHost}`;
    if (profile.name === 'acme') {
      this.samlServiceProviders.push({
        entityId: 'glance.net/sp/1',
        acsUrl: 'https://www.glance.net/account/GetLoginKey.aspx?sso=1&idpid=72431',
      });
    }
    seedOrg(this);
  }

  get name(): string {
    return this.profile.name;
  }

  /**
   * Setup › My Domain: the admin deploys a new My Domain name (`label`: the whole first label, e.g.
   * `acme-corp` or `acme-corp--uat`). Every host of the org moves; the previous ones redirect to
   * theirs, and the ones of an earlier change stop redirecting. Sessions live on, but their cookies
   * are the old hosts': the browser holds none for the new hosts until the rep logs in there.
   */
  changeMyDomain(label: string): void {
    const renamed = (host: string) => `${label}${host.slice(host.indexOf('.'))}`;
    this.previousHosts.clear();
    const moves: [string, string][] = [
      [this.classicHost, renamed(this.classicHost)],
      [this.lightningHost, renamed(this.lightningHost)],
      ...(this.setupHost ? [[this.setupHost, renamed(this.setupHost)] as [string, string]] : []),
    ];
    for (const [from, to] of moves) this.previousHosts.set(from, to);
    this.classicHost = renamed(this.classicHost);
    this.lightningHost = renamed(this.lightningHost);
    this.classicOrigin = `https://${this.classicHost}`;
    this.lightningOrigin = `https://${this.lightningHost}`;
    this.setupHost = setupHostOf(this.classicHost);
    this.setupOrigin = this.setupHost && `https://${this.setupHost}`;
  }

  newId(type: string): string {
    const prefix = KEY_PREFIX[type] ?? EXTRA_KEY_PREFIXES[type];
    if (!prefix) throw new Error(`no key prefix for ${type}`);
    this.counter += 1;
    // 3 prefix + 2 pod + 10 counter, mixed case so the checksum is not trivial.
    const base = `${prefix}${this.profile.pod}${this.counter.toString(36).padStart(10, '0')}`;
    return to18(base) as string;
  }

  insert(type: string, fields: Record<string, FieldValue>, id = this.newId(type)): SObjectRecord {
    const now = new Date(this.wallClock()).toISOString().replace('Z', '+0000');
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

  /**
   * Logs a user in: a My Domain sid and separate Lightning and Setup sids, all `<orgId>!<token>` as
   * Salesforce shapes them.
   */
  createSession(userId: string, level: BrowserSession['level'] = 'standard'): BrowserSession {
    const token = () => `${this.orgId}!${randomBytes(48).toString('base64url')}`;
    const session = { sid: token(), lightningSid: token(), setupSid: token(), userId, valid: true, level };
    this.sessions.set(session.sid, session);
    this.lightningSessions.set(session.lightningSid, session);
    this.setupSessions.set(session.setupSid, session);
    return session;
  }

  /** The live session whose My Domain sid this is (the one the REST API and Classic accept). */
  validSession(sid: string | undefined): BrowserSession | undefined {
    const session = sid ? this.sessions.get(sid) : undefined;
    return session?.valid ? session : undefined;
  }

  /** The live session whose Lightning-host sid this is (the one Lightning pages accept). */
  validLightningSession(sid: string | undefined): BrowserSession | undefined {
    const session = sid ? this.lightningSessions.get(sid) : undefined;
    return session?.valid ? session : undefined;
  }

  /** The live session whose Setup-host sid this is (the one Setup pages accept). */
  validSetupSession(sid: string | undefined): BrowserSession | undefined {
    const session = sid ? this.setupSessions.get(sid) : undefined;
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
