// The emulated Glance service: accounts, credentials, sessions and their guests. Pure state with an
// injectable clock; api.ts speaks HTTP for it and the control API moves its time. Sessions start the
// way Glance documents (documented.ts): the Glance Client receives a `glance://startssn` launch with
// the key the integration chose (launchClient, fed by the stand-in in tests/support/glance-client.ts).
// Every rule real Glance does not document follows src/background/glance/assumptions.ts (A-numbers).
import { randomBytes } from 'node:crypto';
import {
  GLANCE_FAULT,
  type GlanceFaultCode,
  SWITCHABLE_SESSION_TYPES,
} from '../../../src/background/glance/assumptions.js';
import {
  CLIENT_LAUNCH_PREFIX,
  SESSION_KEY_PATTERN,
  SESSION_TYPE,
  type SessionStatusLetter,
  type SessionType,
  UNJOINED_SESSION_LIFETIME_MS,
  VISITOR_KEY_PATTERN,
} from '../../../src/background/glance/documented.js';
import { idpSigningKey } from '../saml/assertion.js';
import type { PresenceState } from './presence.js';
import { newRecordsState, type RecordsState } from './records-state.js';
import { GlanceSingleSignOn } from './single-sign-on.js';

export interface ConferencePhone {
  country: string;
  number: string;
}

export interface GlanceAccount {
  address: string;
  password: string;
  groupId: string;
  displayName: string;
  email: string;
  /** The user's Partner UID in the group (SSO: the login key and SAML assertions name users by it). */
  partnerUserId?: string;
  /** Every credential issued and not revoked (A5: a new one does not revoke the old ones). */
  credentials: Set<string>;
  conference: { phones: ConferencePhone[]; accessCode: string; notes: string };
}

export interface GlanceGuest {
  name: string;
  email: string;
  phone: string;
  joinedAt: number;
  leftAt?: number;
}

export interface GlanceSession {
  sessionId: string;
  address: string;
  /** '' when the session has no key. */
  key: string;
  /**
   * How it started: the Glance Client's launch (screen share), a visitor on a cobrowse site, or
   * elsewhere (another integration, Glance's own pages: known only to the records service, records.ts).
   */
  startedBy: 'client' | 'visitor' | 'elsewhere';
  /** Who hosted a session started elsewhere, when not the address's own user. */
  host?: { name: string; email: string };
  sessionType: SessionType;
  status: SessionStatusLetter;
  startedAt: number;
  /** When it ends if nobody joins (documented: about 10 minutes). */
  expiresAt: number;
  endedAt?: number;
  /** Who ended it: the host (in the client, or the optional EndSession), Glance's side, or expiry. */
  endedBy?: 'host' | 'glance' | 'expiry';
  /** Agents who joined through the agent viewer (cobrowse). */
  agents: { name: string; email: string; joinedAt: number }[];
  guests: GlanceGuest[];
}

export interface GuestDetails {
  name: string;
  email?: string;
  phone?: string;
}

/** A failure the API answers as a Glance fault (A4). */
export class GlanceFault extends Error {
  constructor(
    readonly code: GlanceFaultCode,
    message: string,
  ) {
    super(message);
  }
}

export const SEED_GROUP_ID = '72431';
/** Acme's Salesforce org: its identity provider, and the group's Unique Account Identifier (idptoken). */
const SSO_ORG_ID = '00D5g00000ACMEA';

function seedAccounts(): GlanceAccount[] {
  return [
    {
      address: 'acme.glance.net',
      password: 'correct-horse',
      groupId: SEED_GROUP_ID,
      displayName: 'Riley Rep',
      email: 'riley.rep@acme.example',
      partnerUserId: 'riley.rep',
      credentials: new Set(),
      conference: {
        phones: [
          { country: 'US', number: '+1 866 555 0134' },
          { country: 'GB', number: '+44 20 7946 0134' },
        ],
        accessCode: '724310',
        notes: 'Glance free conferencing: each participant pays their own long-distance charges.',
      },
    },
    {
      // A company-pattern address without Glance conferencing, so "no conference numbers" is exercised.
      address: 'ja.acme.glance.net',
      password: 'battery-staple',
      groupId: SEED_GROUP_ID,
      displayName: 'Jamie Agent',
      email: 'jamie.agent@acme.example',
      partnerUserId: 'jamie.agent',
      credentials: new Set(),
      conference: { phones: [], accessCode: '', notes: '' },
    },
  ];
}

export class GlanceService {
  readonly accounts = new Map<string, GlanceAccount>();
  readonly sessions = new Map<string, GlanceSession>();
  /** Milliseconds added to the wall clock by advance(). */
  private offsetMs = 0;
  private nextSessionNumber = 41000001;
  /** Tests freeze this (advance() still moves time), or replace `now` outright. */
  wallClock: () => number = () => Date.now();
  /**
   * Control switches (tests/sandbox/control.ts) for a Glance that misbehaves as a compromised or
   * misconfigured service could: a session answer's joinUrl replaced, or the web services
   * answering the next requests with a 307 to another host (which re-posts the form, RFC 9110 15.4.8).
   */
  readonly misbehaviour: { joinUrl?: string; redirect?: { to: string; count: number } } = {};
  /**
   * The assumed SessionService operations (assumptions.ts A6) answer only while a test turns this
   * on; off, they answer as ASMX answers an unknown web method, as a real account does.
   */
  assumedOps = false;
  now: () => number = () => this.wallClock() + this.offsetMs;
  /** SAML single sign-on and login keys (single-sign-on.ts); acme's group signs in with its Salesforce org. */
  readonly sso = new GlanceSingleSignOn(
    () => this.accounts.values(),
    () => this.now(),
  );

  /** The session-records service (records.ts): its tokens, page size and each group's reporting access. */
  readonly records: RecordsState = newRecordsState();

  /** Presence (presence.ts): allow-listed agent origins and the visitors on each group's website. */
  readonly presence: PresenceState = { agentOrigins: new Map(), visitors: new Map() };
  /** Authorization API tokens (sso-pages.ts): what each lets its holder do, and until when. */
  readonly authTokens = new Map<string, { address: string; groupId: string; service: string; expires: number }>();

  constructor() {
    for (const account of seedAccounts()) this.accounts.set(account.address, account);
    this.sso.groups.push({
      groupId: SEED_GROUP_ID,
      idpName: 'acme',
      idpToken: SSO_ORG_ID,
      idpUrl: 'https://acme.my.salesforce.com/idp/endpoint/HttpRedirect',
      issuer: 'https://acme.my.salesforce.com',
      signingKey: idpSigningKey(SSO_ORG_ID),
      apiKey: randomBytes(16).toString('hex'),
      loginKeyLifetimeS: 8 * 60 * 60,
    });
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  account(address: string): GlanceAccount | undefined {
    return this.accounts.get(address.trim().toLowerCase());
  }

  /** A2/A3/A4/A5: checks the password and issues a new credential. */
  validateUser(address: string, password: string): { account: GlanceAccount; credentials: string } {
    const account = this.account(address);
    if (!account) throw new GlanceFault(GLANCE_FAULT.unknownUser, `No Glance user ${address}.`);
    if (password !== account.password)
      throw new GlanceFault(GLANCE_FAULT.invalidPassword, 'The password is not correct.');
    const credentials = randomBytes(16).toString('hex');
    account.credentials.add(credentials);
    return { account, credentials };
  }

  /** The identity check of every call made as the user (D: groupId + adminName + adminCredentials). */
  authenticate(groupId: string, adminName: string, adminCredentials: string): GlanceAccount {
    const account = this.account(adminName);
    if (!account || account.groupId !== groupId || !account.credentials.has(adminCredentials)) {
      throw new GlanceFault(GLANCE_FAULT.invalidCredentials, 'The credentials are not valid.');
    }
    return account;
  }

  /** Makes every credential of an address invalid, as a password change on Glance's side would. */
  revokeCredentials(address: string): boolean {
    const account = this.account(address);
    account?.credentials.clear();
    return !!account;
  }

  /**
   * What the Glance Client does with a `glance://startssn?key=…&username=…` launch (documented.ts):
   * signed in as that user, it starts a screen-share session with the launch's key. One session per
   * client: a new launch ends the one it was hosting. Answers why it would not start, as text.
   */
  launchClient(url: string): GlanceSession | string {
    if (!url.startsWith(CLIENT_LAUNCH_PREFIX)) return `not a session launch: ${url}`;
    const query = new URL(url.replace(/^glance:\/\//, 'https://client.invalid/')).searchParams;
    const loginKey = query.get('loginkey');
    const account = loginKey
      ? this.sso.verifyLoginKey(query.get('partnerid') ?? '', query.get('partneruserid') ?? '', loginKey)
      : this.account(query.get('username') ?? '');
    if (!account) {
      return loginKey
        ? 'the launch carries a login key that is not valid (expired, or not minted for this partner user)'
        : 'the launch names no Glance user this client is signed in as';
    }
    const key = query.get('key') ?? '';
    if (key && !SESSION_KEY_PATTERN.test(key)) return `not a session key: ${key}`;
    for (const live of this.liveSessions(account.address).filter((s) => s.startedBy === 'client')) {
      this.finish(live, 'C', this.now(), 'host');
    }
    return this.open(account.address, key, SESSION_TYPE.screenShare, 'client');
  }

  /** The rep ends sharing in the Glance Client. */
  endInClient(address: string): GlanceSession | undefined {
    const live = this.liveSessions(address.trim().toLowerCase()).find((s) => s.startedBy === 'client');
    if (live) this.finish(live, 'C', this.now(), 'host');
    return live;
  }

  /** A visitor on the company's website starts cobrowse with a key or a visitor id (documented.ts). */
  startCobrowse(address: string, key: string): GlanceSession | string {
    const account = this.account(address);
    if (!account) return `no Glance group for ${address}`;
    if (!VISITOR_KEY_PATTERN.test(key)) return `not a visitor key: ${key}`;
    return this.open(account.address, key, SESSION_TYPE.cobrowse, 'visitor');
  }

  /** A live cobrowse session of the group with this key or visitor id, for the agent viewer. */
  cobrowseSession(key: string): GlanceSession | undefined {
    return [...this.sessions.values()].find(
      (s) => s.startedBy === 'visitor' && s.key === key && isLive(this.refresh(s)),
    );
  }

  /** The agent viewer joins: the visitor's session counts the agent, and is active. */
  agentJoins(session: GlanceSession, agent: { name: string; email: string }): void {
    session.agents.push({ ...agent, joinedAt: this.now() });
    session.status = 'A';
  }

  open(address: string, key: string, sessionType: SessionType, startedBy: GlanceSession['startedBy']) {
    const startedAt = this.now();
    const session: GlanceSession = {
      sessionId: String(this.nextSessionNumber++),
      address,
      key,
      startedBy,
      sessionType,
      status: 'W',
      startedAt,
      expiresAt: startedAt + UNJOINED_SESSION_LIFETIME_MS,
      guests: [],
      agents: [],
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** A6/A7: the account's most recent session with this key; none is `UnknownSession`. */
  sessionByKey(account: GlanceAccount, key: string): GlanceSession {
    const mine = [...this.sessions.values()].filter((s) => s.address === account.address && s.key === key);
    const session = mine.at(-1);
    if (!session) throw new GlanceFault(GLANCE_FAULT.unknownSession, `No session with key ${key}.`);
    return this.refresh(session);
  }

  /** A session of this account, its status brought up to date; other users' sessions are unknown. */
  sessionOf(account: GlanceAccount, sessionId: string): GlanceSession {
    const session = this.sessions.get(sessionId);
    if (!session || session.address !== account.address) {
      throw new GlanceFault(GLANCE_FAULT.unknownSession, `No session ${sessionId}.`);
    }
    return this.refresh(session);
  }

  /** A11: switch between screen share and cobrowse in place. */
  setSessionType(account: GlanceAccount, key: string, sessionType: SessionType): GlanceSession {
    const session = this.sessionByKey(account, key);
    if (!SWITCHABLE_SESSION_TYPES.includes(sessionType)) {
      throw new GlanceFault(GLANCE_FAULT.invalidRequest, `Cannot switch a session to type ${sessionType}.`);
    }
    if (!isLive(session)) throw new GlanceFault(GLANCE_FAULT.sessionNotLive, `Session ${key} has ended.`);
    session.sessionType = sessionType;
    return session;
  }

  /** A12: ending an ended or expired session changes nothing. */
  endSession(account: GlanceAccount, key: string): GlanceSession {
    const session = this.sessionByKey(account, key);
    if (isLive(session)) this.finish(session, 'C', this.now(), 'host');
    return session;
  }

  /** Ends a session from Glance's side (the guest page, an admin): for the control API. */
  endFromGlance(sessionId: string): GlanceSession | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    this.refresh(session);
    if (isLive(session)) this.finish(session, 'X', this.now(), 'glance');
    return session;
  }

  /**
   * A guest joins the live session of an address with this key ('' joins the no-key session): a
   * session the rep's client hosts; a visitor's cobrowse session is the agent viewer's to join.
   */
  join(address: string, key: string, guest: GuestDetails): GlanceSession | undefined {
    const session = this.liveSessions(address.trim().toLowerCase()).find(
      (s) => s.startedBy === 'client' && s.key === key.trim(),
    );
    if (!session) return undefined;
    session.guests.push({
      name: guest.name.trim(),
      email: (guest.email ?? '').trim(),
      phone: (guest.phone ?? '').trim(),
      joinedAt: this.now(),
    });
    session.status = 'A';
    return session;
  }

  /** A guest leaves (matched by name or email); for the control API. */
  leave(sessionId: string, who: string): GlanceGuest | undefined {
    const session = this.sessions.get(sessionId);
    const guest = session?.guests.find((g) => g.leftAt === undefined && (g.name === who || g.email === who));
    if (guest) guest.leftAt = this.now();
    return guest;
  }

  liveSessions(address: string): GlanceSession[] {
    return [...this.sessions.values()].filter((s) => s.address === address && isLive(this.refresh(s)));
  }

  /** JSON-able state for GET /glance on the control API: no passwords, no credentials. */
  snapshot() {
    const iso = (ms: number | undefined) => (ms === undefined ? null : isoTime(ms));
    return {
      now: isoTime(this.now()),
      accounts: [...this.accounts.values()].map((a) => ({
        address: a.address,
        groupId: a.groupId,
        displayName: a.displayName,
        email: a.email,
        credentialsIssued: a.credentials.size,
      })),
      sessions: [...this.sessions.values()].map((s) => {
        this.refresh(s);
        return {
          sessionId: s.sessionId,
          address: s.address,
          key: s.key,
          startedBy: s.startedBy,
          agents: s.agents.map((a) => ({ ...a, joinedAt: iso(a.joinedAt) })),
          sessionType: s.sessionType,
          status: s.status,
          startedAt: iso(s.startedAt),
          expiresAt: iso(s.expiresAt),
          endedAt: iso(s.endedAt),
          endedBy: s.endedBy ?? null,
          durationSeconds: durationSeconds(s),
          guests: s.guests.map((g) => ({ ...g, joinedAt: iso(g.joinedAt), leftAt: iso(g.leftAt) })),
        };
      }),
    };
  }

  /** Documented: an unjoined session times out (T) after about 10 minutes, seen the moment anyone looks. */
  refresh(session: GlanceSession): GlanceSession {
    if (session.status === 'W' && this.now() >= session.expiresAt) {
      this.finish(session, 'T', session.expiresAt, 'expiry');
    }
    return session;
  }

  finish(session: GlanceSession, status: SessionStatusLetter, at: number, by: GlanceSession['endedBy']): void {
    session.status = status;
    session.endedAt = at;
    session.endedBy = by;
    for (const guest of session.guests) guest.leftAt ??= at;
  }
}

/**
 * Still running: being set up, waiting for guests, with guests, or locked to new ones (Glance's
 * published session status letters, help.glance.net/integrations/webservices/activity/status). The emulator's own
 * list: the extension only ever asks whether a session is over (isEndedStatus).
 */
const LIVE_STATUSES: readonly SessionStatusLetter[] = ['J', 'W', 'A', 'L'];

export function isLive(session: GlanceSession): boolean {
  return LIVE_STATUSES.includes(session.status);
}

/** From start to end, in whole seconds; null while the session is live. */
export function durationSeconds(session: GlanceSession): number | null {
  return session.endedAt === undefined ? null : Math.floor((session.endedAt - session.startedAt) / 1000);
}

/** ISO 8601 in UTC without milliseconds, as Glance's records write dates. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isSessionType(value: string): value is SessionType {
  return (Object.values(SESSION_TYPE) as string[]).includes(value);
}
