// A small typed fetch client for the Salesforce REST API, run in the service worker. Not jsforce:
// see DESIGN.md (worker start-up cost, Node shims). Authenticates with the browser's own `sid`
// cookie, read at the moment of each call.
import { errorFromResponse, SalesforceError } from './errors.js';

export const API_VERSION = '66.0';
export const CLIENT_NAME = 'GlanceForSalesforce';

export interface SalesforceClientPorts {
  fetch: typeof fetch;
  /** Reads the `sid` cookie of the API host; undefined when the user is not logged in there. */
  readSid(apiHost: string): Promise<string | undefined>;
}

export interface QueryResult<T> {
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
}

export interface CompositeSubresponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

export interface ChatterUser {
  id: string;
  name: string;
  email?: string;
  username?: string;
  displayName?: string;
}

export class SalesforceClient {
  readonly base: string;

  constructor(
    readonly apiHost: string,
    private readonly ports: SalesforceClientPorts,
  ) {
    this.base = `https://${apiHost}/services/data/v${API_VERSION}`;
  }

  /** Calls a path below the versioned base, or a /services/… path Salesforce handed us (paging). */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = path.startsWith('/services/') ? `https://${this.apiHost}${path}` : `${this.base}${path}`;
    let sid = await this.ports.readSid(this.apiHost);
    for (let attempt = 0; ; attempt++) {
      if (!sid) throw new SalesforceError('session', 401, [{ errorCode: 'NO_SESSION', message: 'Not logged in' }]);
      try {
        return await this.send<T>(method, url, sid, body);
      } catch (error) {
        // The user may have logged in again since we read the cookie: read it once more.
        if (!(error instanceof SalesforceError) || error.failure !== 'session' || attempt > 0) throw error;
        const fresh = await this.ports.readSid(this.apiHost);
        if (!fresh || fresh === sid) throw error;
        sid = fresh;
      }
    }
  }

  private async send<T>(method: string, url: string, sid: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.ports.fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${sid}`,
          Accept: 'application/json',
          'Sforce-Call-Options': `client=${CLIENT_NAME}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        redirect: 'error',
      });
    } catch {
      throw new SalesforceError('unavailable', 0, []);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new SalesforceError('unavailable', response.status, []);
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed);
    return parsed as T;
  }

  /** Runs a SOQL query and follows nextRecordsUrl until every record is read. */
  async query<T>(soql: string): Promise<T[]> {
    let page = await this.request<QueryResult<T>>('GET', `/query?q=${encodeURIComponent(soql)}`);
    const records = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      page = await this.request<QueryResult<T>>('GET', page.nextRecordsUrl);
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
      })),
    });
    if (!answer || !Array.isArray(answer.compositeResponse)) throw new SalesforceError('unavailable', 200, []);
    return answer.compositeResponse;
  }

  me(): Promise<ChatterUser> {
    return this.request<ChatterUser>('GET', '/chatter/users/me');
  }
}

/** Quotes a value for a SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
