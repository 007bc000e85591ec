// The Glance client: connects an account (address + password → credential) and runs sessions.
// Every endpoint, field and answer shape it relies on that Glance does not document is named in
// assumptions.ts, which the sandbox's emulator follows too.

import { AnswerTooLarge, readCappedText } from './answer-limits.js';
import {
  AUTH_FIELD,
  CONFERENCE_XML,
  CREDENTIALS_PATTERN,
  FAULT_XML,
  FORM_CONTENT_TYPE,
  GLANCE_FAULT,
  type KeyMode,
  SESSION_FIELD,
  SESSION_OP,
  SESSION_XML,
  type SessionOp,
  type SessionStatus,
  type SessionType,
  sessionServiceUrl,
  VALIDATE_USER_FIELD,
  VALIDATE_USER_URL,
  VALIDATE_USER_XML,
} from './assumptions.js';
import { trustedJoinUrl } from './join-link.js';
import { find, parseXml, textOf, type XmlElement, XmlSyntaxError } from './xml.js';

/** What we keep of a connected account (storage.local only). The password is never kept. */
export interface GlanceAccount {
  address: string;
  credentials: string;
  groupId: string;
  displayName: string;
  email: string;
}

export interface GlanceGuest {
  name: string;
  email: string;
  phone: string;
  joinedAt: string;
  leftAt: string;
}

export interface GlanceSession {
  sessionId: string;
  key: string;
  joinUrl: string;
  status: SessionStatus;
  sessionType: SessionType;
  startedAt: string;
  expiresAt: string;
  endedAt: string;
  durationSeconds: number | null;
  guests: GlanceGuest[];
}

export interface ConferenceInfo {
  phoneNumbers: string[];
  accessCode: string;
  notes: string;
}

export type GlanceFailure =
  | 'wrong-password'
  | 'unknown-address'
  /** The stored credential no longer works: the rep must connect again. */
  | 'credentials'
  | 'key-in-use'
  | 'session-gone'
  | 'refused'
  /** Glance could not be reached, answered 5xx without a fault, or answered something unreadable. */
  | 'unavailable';

export class GlanceError extends Error {
  override readonly name = 'GlanceError';
  constructor(
    readonly failure: GlanceFailure,
    readonly code = '',
  ) {
    super(`Glance ${failure}${code ? ` (${code})` : ''}`);
  }
}

const FAILURE_BY_FAULT: Record<string, GlanceFailure> = {
  [GLANCE_FAULT.invalidPassword]: 'wrong-password',
  [GLANCE_FAULT.unknownUser]: 'unknown-address',
  [GLANCE_FAULT.invalidCredentials]: 'credentials',
  [GLANCE_FAULT.keyInUse]: 'key-in-use',
  [GLANCE_FAULT.unknownSession]: 'session-gone',
  [GLANCE_FAULT.sessionNotLive]: 'session-gone',
  [GLANCE_FAULT.invalidRequest]: 'refused',
};

/**
 * A Glance call that has not answered in this time is no answer: the rep is waiting (Start, End) and
 * a guest may still see their screen, so End must be able to say "Glance did not answer" quickly.
 */
export const GLANCE_TIMEOUT_MS = 10_000;

async function post(
  fetcher: typeof fetch,
  url: string,
  fields: Record<string, string>,
  timeoutMs = GLANCE_TIMEOUT_MS,
): Promise<XmlElement> {
  let response: Response;
  let text: string;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
      body: new URLSearchParams(fields).toString(),
      credentials: 'omit',
      // A redirect would send the credential (or the password) on to wherever it points, and a
      // 307/308 re-posts the body as it is: Glance's services never redirect, so one is refused.
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await readCappedText(response).catch((error: unknown) => {
      if (error instanceof AnswerTooLarge) throw error;
      return '';
    });
  } catch (error) {
    // Too big to be Glance's answer: as unreadable as garbage, and said the same way.
    if (error instanceof AnswerTooLarge) throw new GlanceError('unavailable', 'answer too large');
    throw new GlanceError('unavailable');
  }
  let document: XmlElement | undefined;
  try {
    document = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
  }
  if (document?.name === FAULT_XML.root) {
    const code = textOf(document, FAULT_XML.code);
    throw new GlanceError(FAILURE_BY_FAULT[code] ?? 'refused', code);
  }
  if (!response.ok || !document) throw new GlanceError('unavailable', String(response.status));
  return document;
}

function expectRoot(document: XmlElement, root: string): XmlElement {
  const element = document.name === root ? document : find(document, root);
  if (!element) throw new GlanceError('unavailable', `no ${root}`);
  return element;
}

/** Exchanges the Glance address and password for a credential. The password goes no further. */
export async function connectGlance(
  fetcher: typeof fetch,
  address: string,
  password: string,
  timeoutMs = GLANCE_TIMEOUT_MS,
): Promise<GlanceAccount> {
  const document = await post(
    fetcher,
    VALIDATE_USER_URL,
    {
      [VALIDATE_USER_FIELD.username]: address,
      [VALIDATE_USER_FIELD.password]: password,
    },
    timeoutMs,
  );
  const result = expectRoot(document, VALIDATE_USER_XML.root);
  const credentials = textOf(result, VALIDATE_USER_XML.credentials);
  if (!CREDENTIALS_PATTERN.test(credentials)) throw new GlanceError('unavailable', 'credentials shape');
  return {
    address: textOf(result, VALIDATE_USER_XML.userName) || address,
    credentials,
    groupId: textOf(result, VALIDATE_USER_XML.groupId),
    displayName: textOf(result, VALIDATE_USER_XML.displayName),
    email: textOf(result, VALIDATE_USER_XML.email),
  };
}

/** `address` is the account's join host: the answered join link must be on it (join-link.ts). */
function readSession(address: string, document: XmlElement): GlanceSession {
  const info = expectRoot(document, SESSION_XML.root);
  const x = SESSION_XML;
  const sessionId = textOf(info, x.sessionId);
  if (!sessionId) throw new GlanceError('unavailable', 'no session id');
  const key = textOf(info, x.key);
  const duration = textOf(info, x.durationSeconds);
  const guestList = find(info, x.guests)?.children.filter((c) => c.name === x.guest) ?? [];
  return {
    sessionId,
    key,
    joinUrl: trustedJoinUrl(textOf(info, x.joinUrl), address, key),
    status: textOf(info, x.status) as SessionStatus,
    sessionType: textOf(info, x.sessionType) as SessionType,
    startedAt: textOf(info, x.startedAt),
    expiresAt: textOf(info, x.expiresAt),
    endedAt: textOf(info, x.endedAt),
    durationSeconds: duration ? Number(duration) : null,
    guests: guestList.map((guest) => ({
      name: textOf(guest, x.guestName),
      email: textOf(guest, x.guestEmail),
      phone: textOf(guest, x.guestPhone),
      joinedAt: textOf(guest, x.guestJoinedAt),
      leftAt: textOf(guest, x.guestLeftAt),
    })),
  };
}

export class GlanceClient {
  constructor(
    private readonly account: GlanceAccount,
    private readonly fetcher: typeof fetch,
    private readonly timeoutMs = GLANCE_TIMEOUT_MS,
  ) {}

  private call(op: SessionOp, fields: Record<string, string> = {}): Promise<XmlElement> {
    return post(
      this.fetcher,
      sessionServiceUrl(op),
      {
        [AUTH_FIELD.groupId]: this.account.groupId,
        [AUTH_FIELD.adminName]: this.account.address,
        [AUTH_FIELD.adminCredentials]: this.account.credentials,
        ...fields,
      },
      this.timeoutMs,
    );
  }

  async start(sessionType: SessionType, keyMode: KeyMode, key = ''): Promise<GlanceSession> {
    const fields: Record<string, string> = {
      [SESSION_FIELD.sessionType]: sessionType,
      [SESSION_FIELD.keyMode]: keyMode,
    };
    if (keyMode === 'fixed') fields[SESSION_FIELD.key] = key;
    return readSession(this.account.address, await this.call(SESSION_OP.start, fields));
  }

  async status(sessionId: string): Promise<GlanceSession> {
    return readSession(
      this.account.address,
      await this.call(SESSION_OP.status, { [SESSION_FIELD.sessionId]: sessionId }),
    );
  }

  async setType(sessionId: string, sessionType: SessionType): Promise<GlanceSession> {
    return readSession(
      this.account.address,
      await this.call(SESSION_OP.setType, {
        [SESSION_FIELD.sessionId]: sessionId,
        [SESSION_FIELD.sessionType]: sessionType,
      }),
    );
  }

  async end(sessionId: string): Promise<GlanceSession> {
    return readSession(this.account.address, await this.call(SESSION_OP.end, { [SESSION_FIELD.sessionId]: sessionId }));
  }

  async conference(): Promise<ConferenceInfo> {
    const info = expectRoot(await this.call(SESSION_OP.conference), CONFERENCE_XML.root);
    const numbers = find(info, CONFERENCE_XML.phoneNumbers)?.children.filter((c) => c.name === CONFERENCE_XML.phone);
    return {
      phoneNumbers: (numbers ?? [])
        .filter((p) => p.text.trim())
        .map((p) => {
          const country = p.attributes[CONFERENCE_XML.countryAttribute];
          return country ? `${p.text.trim()} (${country})` : p.text.trim();
        }),
      accessCode: textOf(info, CONFERENCE_XML.accessCode),
      notes: textOf(info, CONFERENCE_XML.notes),
    };
  }
}
