// The emulated Glance service: accounts, credentials, sessions and their guests. Pure state with an
// injectable clock; api.ts speaks HTTP for it and the control API moves its time. Every rule that
// real Glance does not document follows src/background/glance/assumptions.ts (A-numbers below).
import { randomBytes, randomInt } from 'node:crypto';
import {
  GLANCE_FAULT,
  type GlanceFaultCode,
  KEY_MODE,
  type KeyMode,
  LIVE_SESSION_STATUSES,
  SESSION_KEY_PATTERN,
  SESSION_STATUS,
  SESSION_TYPE,
  type SessionStatus,
  type SessionType,
  SWITCHABLE_SESSION_TYPES,
  UNJOINED_SESSION_LIFETIME_MS,
} from '../../../src/background/glance/assumptions.js';

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
  keyMode: KeyMode;
  sessionType: SessionType;
  status: SessionStatus;
  startedAt: number;
  /** When it expires if nobody joins (A9). */
  expiresAt: number;
  endedAt?: number;
  /** Who ended it: the host through EndSession, Glance's side (control API), or expiry. */
  endedBy?: 'host' | 'glance' | 'expiry';
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

function seedAccounts(): GlanceAccount[] {
  return [
    {
      address: 'acme.glance.net',
      password: 'correct-horse',
      groupId: SEED_GROUP_ID,
      displayName: 'Riley Rep',
      email: 'riley.rep@acme.example',
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
  now: () => number = () => this.wallClock() + this.offsetMs;

  constructor() {
    for (const account of seedAccounts()) this.accounts.set(account.address, account);
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

  startSession(
    account: GlanceAccount,
    options: { sessionType: SessionType; keyMode: KeyMode; key?: string },
  ): GlanceSession {
    const key = this.keyFor(account.address, options.keyMode, options.key ?? '');
    const startedAt = this.now();
    const session: GlanceSession = {
      sessionId: String(this.nextSessionNumber++),
      address: account.address,
      key,
      keyMode: options.keyMode,
      sessionType: options.sessionType,
      status: SESSION_STATUS.waiting,
      startedAt,
      expiresAt: startedAt + UNJOINED_SESSION_LIFETIME_MS,
      guests: [],
    };
    this.sessions.set(session.sessionId, session);
    return session;
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
  setSessionType(account: GlanceAccount, sessionId: string, sessionType: SessionType): GlanceSession {
    const session = this.sessionOf(account, sessionId);
    if (!SWITCHABLE_SESSION_TYPES.includes(sessionType)) {
      throw new GlanceFault(GLANCE_FAULT.invalidRequest, `Cannot switch a session to type ${sessionType}.`);
    }
    if (!isLive(session)) throw new GlanceFault(GLANCE_FAULT.sessionNotLive, `Session ${sessionId} has ended.`);
    session.sessionType = sessionType;
    return session;
  }

  /** A12: ending an ended or expired session changes nothing. */
  endSession(account: GlanceAccount, sessionId: string): GlanceSession {
    const session = this.sessionOf(account, sessionId);
    if (isLive(session)) this.finish(session, SESSION_STATUS.ended, this.now(), 'host');
    return session;
  }

  /** Ends a session from Glance's side (the guest page, an admin): for the control API. */
  endFromGlance(sessionId: string): GlanceSession | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    this.refresh(session);
    if (isLive(session)) this.finish(session, SESSION_STATUS.ended, this.now(), 'glance');
    return session;
  }

  /** A guest joins the live session of an address with this key ('' joins the no-key session). */
  join(address: string, key: string, guest: GuestDetails): GlanceSession | undefined {
    const session = this.liveSessions(address.trim().toLowerCase()).find((s) => s.key === key.trim());
    if (!session) return undefined;
    session.guests.push({
      name: guest.name.trim(),
      email: (guest.email ?? '').trim(),
      phone: (guest.phone ?? '').trim(),
      joinedAt: this.now(),
    });
    session.status = SESSION_STATUS.active;
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
          keyMode: s.keyMode,
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

  /** A9: an unjoined session past its time becomes expired the moment anyone looks at it. */
  private refresh(session: GlanceSession): GlanceSession {
    if (session.status === SESSION_STATUS.waiting && this.now() >= session.expiresAt) {
      this.finish(session, SESSION_STATUS.expired, session.expiresAt, 'expiry');
    }
    return session;
  }

  private finish(session: GlanceSession, status: SessionStatus, at: number, by: GlanceSession['endedBy']): void {
    session.status = status;
    session.endedAt = at;
    session.endedBy = by;
    for (const guest of session.guests) guest.leftAt ??= at;
  }

  /** A10: fixed and no-key sessions must not share a key with a live session of the same address. */
  private keyFor(address: string, keyMode: KeyMode, requested: string): string {
    const inUse = new Set(this.liveSessions(address).map((s) => s.key));
    if (keyMode === KEY_MODE.random) {
      let key: string;
      do key = String(randomInt(0, 10000)).padStart(4, '0');
      while (inUse.has(key));
      return key;
    }
    const key = keyMode === KEY_MODE.fixed ? requested : '';
    if (keyMode === KEY_MODE.fixed && !SESSION_KEY_PATTERN.test(key)) {
      throw new GlanceFault(GLANCE_FAULT.invalidRequest, 'A fixed key must be 4 digits.');
    }
    if (inUse.has(key)) {
      throw new GlanceFault(
        GLANCE_FAULT.keyInUse,
        key ? `Key ${key} is in use by another session.` : 'A session without a key is already live.',
      );
    }
    return key;
  }
}

export function isLive(session: GlanceSession): boolean {
  return LIVE_SESSION_STATUSES.includes(session.status);
}

/** A13: from start to end, in whole seconds; null while the session is live. */
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

export function isKeyMode(value: string): value is KeyMode {
  return (Object.values(KEY_MODE) as string[]).includes(value);
}
