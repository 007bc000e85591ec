// The Glance web-service client: connects an account (address + password → credential, documented)
// and makes the optional calls assumptions.ts lists (A6), which only a probe that found them lets the
// session use (capabilities.ts). Sessions themselves start in the Glance Client (documented.ts).

import { AnswerTooLarge, readCappedText } from '../../shared/answer-limits.js';
import type { GlanceAccount, GlanceGuest } from '../storage/glance-account.js';
import {
  ASMX_UNKNOWN_METHOD_PATTERN,
  AUTH_FIELD,
  CONFERENCE_XML,
  CREDENTIALS_PATTERN,
  FAULT_XML,
  FORM_CONTENT_TYPE,
  GLANCE_FAULT,
  SESSION_FIELD,
  SESSION_OP,
  SESSION_SERVICE_WSDL_URL,
  SESSION_XML,
  type SessionOp,
  sessionServiceUrl,
  VALIDATE_USER_FIELD,
  VALIDATE_USER_URL,
  VALIDATE_USER_XML,
  WSDL_OPERATION,
} from './assumptions.js';
import type { SessionType } from './documented.js';
import { trustedJoinUrl } from './join-link.js';
import { find, parseXml, textOf, type XmlElement, XmlSyntaxError } from './xml.js';

export interface GlanceSession {
  sessionId: string;
  key: string;
  joinUrl: string;
  /** One of Glance's published letters (documented.ts), as Glance answered it. */
  status: string;
  sessionType: SessionType;
  startedAt: string;
  expiresAt: string;
  endedAt: string;
  durationSeconds: number | null;
  guests: GlanceGuest[];
}

interface ConferenceInfo {
  phoneNumbers: string[];
  accessCode: string;
  notes: string;
}

export type GlanceFailure =
  | 'wrong-password'
  | 'unknown-address'
  /** The stored credential no longer works: the rep must connect again. */
  | 'credentials'
  /** The account's service has no such operation (an assumed one, A6): the extension goes on without it. */
  | 'absent'
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
  // ASMX's own answer to a web method it does not have: plain text, not a Glance fault.
  if (!document && response.status === 500 && ASMX_UNKNOWN_METHOD_PATTERN.test(text.slice(0, 500))) {
    throw new GlanceError('absent', 'unknown web method');
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
    status: textOf(info, x.status),
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

  /** A6: the account's most recent session with this key. */
  async status(key: string): Promise<GlanceSession> {
    return readSession(this.account.address, await this.call(SESSION_OP.status, { [SESSION_FIELD.key]: key }));
  }

  async setType(key: string, sessionType: SessionType): Promise<GlanceSession> {
    return readSession(
      this.account.address,
      await this.call(SESSION_OP.setType, { [SESSION_FIELD.key]: key, [SESSION_FIELD.sessionType]: sessionType }),
    );
  }

  async end(key: string): Promise<GlanceSession> {
    return readSession(this.account.address, await this.call(SESSION_OP.end, { [SESSION_FIELD.key]: key }));
  }

  /**
   * The operations the session service lists in its WSDL (A6): one GET. A service that describes
   * nothing (no WSDL, an error page) lists none. Throws only when Glance could not be reached.
   */
  async operations(): Promise<Set<string>> {
    let text: string;
    try {
      const response = await this.fetcher(SESSION_SERVICE_WSDL_URL, {
        credentials: 'omit',
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = response.ok ? await readCappedText(response) : '';
    } catch {
      throw new GlanceError('unavailable');
    }
    return new Set([...text.matchAll(WSDL_OPERATION)].map((match) => match[1] ?? ''));
  }

  /**
   * Whether the account's service has `op` (A6): asked with the identity alone, an op that exists
   * answers a fault of its own (a missing key) or an answer; one that does not, ASMX's unknown-method
   * text. Credentials refused are thrown: nothing is known then.
   */
  async has(op: SessionOp): Promise<boolean> {
    try {
      await this.call(op);
      return true;
    } catch (error) {
      if (!(error instanceof GlanceError)) throw error;
      if (error.failure === 'absent') return false;
      if (error.failure === 'credentials' || error.failure === 'unavailable') throw error;
      return true;
    }
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
