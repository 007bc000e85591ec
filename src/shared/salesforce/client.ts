// A small typed fetch client for the Salesforce REST API, run in the service worker and, for an admin's
// tools, in the options page: chrome-free, its fetch and cookie read are ports. Not jsforce: see
// docs/architecture.md (worker start-up cost, Node shims). Authenticates with the browser's own `sid`
// cookie, read at the moment of each call. Every call has a time limit, and every answer's
// Sforce-Limit-Info is passed on so the extension knows how much of the org's allowance is spent.
import { MAX_SALESFORCE_ANSWER_BYTES, readCappedText } from '../answer-limits.js';
import { errorFromResponse, myDomainMoved, noAnswer, SalesforceError } from './errors.js';
import { newMyDomainHost } from './moved-host.js';

const API_VERSION = '66.0';
/** At most this many pages of one query (2,000 records each at most). */
const MAX_QUERY_PAGES = 5;
const CLIENT_NAME = 'GlanceForSalesforce';
/** Salesforce's own REST timeout is 10 minutes; a rep's write that has not answered in 30 s is retried. */
const SALESFORCE_TIMEOUT_MS = 30_000;

export interface ApiUsage {
  used: number;
  max: number;
}

export interface SalesforceClientPorts {
  fetch: typeof fetch;
  /**
   * Reads the `sid` cookie of the API host, from the given cookie store (an incognito window's own)
   * or the regular one; undefined when the user is not logged in there.
   */
  readSid(apiHost: string, storeId?: string): Promise<string | undefined>;
  /** Told the org's API usage from each answer's Sforce-Limit-Info header. */
  onApiUsage?(apiHost: string, usage: ApiUsage): void;
  /** How long one call may take (tests shorten it); SALESFORCE_TIMEOUT_MS otherwise. */
  salesforceTimeoutMs?: number;
}

interface QueryResult<T> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below /services/data/vNN.N, e.g. "/sobjects/Event". */
  path: string;
  referenceId: string;
  body?: unknown;
  /** This subrequest's own headers (REST API Developer Guide, "Composite Subrequest": httpHeaders). */
  httpHeaders?: Record<string, string>;
}

export interface CompositeSubresponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

interface ChatterUser {
  id: string;
  name: string;
  email?: string;
  username?: string;
  displayName?: string;
}

/**
 * OpenID Connect UserInfo claims as Salesforce answers them (Salesforce Help, "Query for User
 * Information"; OpenID Connect Core 1.0 §5.3), the few the extension reads.
 */
interface UserInfo {
  user_id?: string;
  organization_id?: string;
  name?: string;
  email?: string;
  preferred_username?: string;
}

/** Reads `api-usage=N/M` from a Sforce-Limit-Info header. */
function parseLimitInfo(header: string | null): ApiUsage | undefined {
  const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  if (!match) return undefined;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return max > 0 ? { used, max } : undefined;
}

export class SalesforceClient {
  readonly base: string;

  constructor(
    readonly apiHost: string,
    private readonly ports: SalesforceClientPorts,
    /** The cookie store whose session to act with (an incognito window's); the regular one when absent. */
    private readonly storeId?: string,
    private readonly timeoutMs = ports.salesforceTimeoutMs ?? SALESFORCE_TIMEOUT_MS,
  ) {
    this.base = `https://${apiHost}/services/data/v${API_VERSION}`;
  }

  /** Calls a path below the versioned base, or a /services/… path Salesforce handed us (paging). */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = path.startsWith('/services/') ? `https://${this.apiHost}${path}` : `${this.base}${path}`;
    let sid = await this.ports.readSid(this.apiHost, this.storeId);
    for (let attempt = 0; ; attempt++) {
      if (!sid) throw new SalesforceError(401, [{ errorCode: 'NO_SESSION', message: 'Not logged in' }]);
      try {
        return await this.send<T>(method, url, sid, body);
      } catch (error) {
        // The user may have logged in again since we read the cookie: read it once more.
        if (!(error instanceof SalesforceError) || error.problem !== 'session-expired' || attempt > 0) throw error;
        const fresh = await this.ports.readSid(this.apiHost, this.storeId);
        if (!fresh || fresh === sid) throw error;
        sid = fresh;
      }
    }
  }

  private async send<T>(method: string, url: string, sid: string, body: unknown): Promise<T> {
    let response: Response;
    let text = '';
    let redirected = false;
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      response = await this.ports.fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${sid}`,
          Accept: 'application/json',
          'Sforce-Call-Options': `client=${CLIENT_NAME}`,
          // A guest's Lead is the rep's: REST runs the org's active assignment rules unless told not
          // to (REST API Developer Guide, "Assignment Rule Header"; default TRUE), and a Lead moved
          // to a queue is one the rep may no longer read. It applies to a composite's subrequests too.
          'Sforce-Auto-Assign': 'FALSE',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        // A renamed My Domain answers with a redirect: following it would drop the Authorization
        // header (and send the call somewhere unchecked). Seen, not followed: moved-host.ts finds
        // where the org went.
        redirect: 'manual',
        signal,
      });
      // An extension's fetch gets an opaque redirect (status 0); a 3xx is read the same way.
      redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
      // The body has the same time limit: a connection that stalls mid-answer is no answer. And it
      // is read up to a cap: an answer far bigger than Salesforce's is none either (answer-limits.ts).
      if (!redirected) text = await readCappedText(response, MAX_SALESFORCE_ANSWER_BYTES);
    } catch {
      throw noAnswer();
    }
    if (redirected) {
      const movedTo = await newMyDomainHost(this.apiHost, this.ports.fetch, this.timeoutMs);
      throw movedTo ? myDomainMoved(movedTo) : noAnswer();
    }
    const usage = parseLimitInfo(response.headers.get('Sforce-Limit-Info'));
    if (usage) this.ports.onApiUsage?.(this.apiHost, usage);
    if (response.status === 204) return undefined as T;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new SalesforceError(response.status, [], response.ok || response.status >= 500 ? 'unavailable' : undefined);
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed);
    return parsed as T;
  }

  /**
   * Runs a SOQL query and follows nextRecordsUrl, for at most MAX_QUERY_PAGES pages: our queries ask
   * for a handful of rows (a look-up, 30 days of one rep's sessions), so more pages than that are
   * an answer to refuse, not a reason to spend the org's API budget.
   */
  async query<T>(soql: string): Promise<T[]> {
    let page = await this.request<QueryResult<T>>('GET', `/query?q=${encodeURIComponent(soql)}`);
    if (!page || !Array.isArray(page.records)) throw new SalesforceError(200, [], 'unavailable');
    const records = [...page.records];
    for (let pages = 1; !page.done && page.nextRecordsUrl; pages++) {
      if (pages >= MAX_QUERY_PAGES) throw new SalesforceError(200, [], 'unavailable');
      page = await this.request<QueryResult<T>>('GET', page.nextRecordsUrl);
      if (!page || !Array.isArray(page.records)) throw new SalesforceError(200, [], 'unavailable');
      records.push(...page.records);
    }
    return records;
  }

  /** Several operations in one API call (one unit of the org's daily budget). */
  async composite(subrequests: CompositeSubrequest[], allOrNone = true): Promise<CompositeSubresponse[]> {
    const answer = await this.request<{ compositeResponse: CompositeSubresponse[] }>('POST', '/composite', {
      allOrNone,
      compositeRequest: subrequests.map((s) => ({
        method: s.method,
        url: `/services/data/v${API_VERSION}${s.path}`,
        referenceId: s.referenceId,
        ...(s.body === undefined ? {} : { body: s.body }),
        ...(s.httpHeaders ? { httpHeaders: s.httpHeaders } : {}),
      })),
    });
    if (!answer || !Array.isArray(answer.compositeResponse)) throw new SalesforceError(200, [], 'unavailable');
    return answer.compositeResponse;
  }

  me(): Promise<ChatterUser> {
    return this.request<ChatterUser>('GET', '/chatter/users/me');
  }

  /** Who the session's user is without Chatter: the My Domain host's OpenID Connect userinfo. */
  async userinfo(): Promise<UserInfo> {
    const info = await this.request<UserInfo>('GET', '/services/oauth2/userinfo');
    if (!info || typeof info !== 'object' || typeof info.user_id !== 'string')
      throw new SalesforceError(200, [], 'unavailable');
    return info;
  }
}

/** Quotes a value for a SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * A SOQL dateTime literal, unquoted and in UTC: 2026-11-24T10:00:00Z (SOQL and SOSL Reference, "Date
 * Formats and Date Literals": YYYY-MM-DDThh:mm:ssZ; no fraction of a second).
 */
export function soqlDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
