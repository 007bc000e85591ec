// Calls the API handler directly, without a socket, for fast unit tests of the emulator's answers.
import type { SandboxRequest } from '../http.js';
import { salesforceApiHandler } from './api.js';
import { SalesforceOrg } from './org.js';

export const API = '/services/data/v66.0';

export interface TestAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  /** Parsed JSON body, or undefined when there is none. */
  json: unknown;
  /** The first error of a Salesforce error array, for short assertions. */
  error: { errorCode: string; message: string; fields?: string[] } | undefined;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as it is, for malformed JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
  host?: string;
  /** A session id, or null for no Authorization header. Defaults to a valid session. */
  sid?: string | null;
}

export function apiClient(org = new SalesforceOrg()) {
  const handler = salesforceApiHandler(org);
  const session = org.createSession(org.defaultUserId);
  const sid = session.sid;

  async function call(method: string, path: string, options: CallOptions = {}) {
    const url = new URL(`https://${options.host ?? org.classicHost}${path}`);
    const token = options.sid === undefined ? sid : options.sid;
    const request: SandboxRequest = {
      method,
      url,
      host: url.hostname,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      },
      body: options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body)),
      cookies: {},
    };
    const answer = await handler(request);
    if (!answer) return undefined;
    const text = answer.body === undefined ? '' : String(answer.body);
    const json = text === '' ? undefined : (JSON.parse(text) as unknown);
    const error = Array.isArray(json) && answer.status >= 400 ? (json[0] as TestAnswer['error']) : undefined;
    return { status: answer.status, headers: answer.headers ?? {}, json, error } satisfies TestAnswer;
  }

  /** Like call, for routes the API must answer. */
  async function must(method: string, path: string, options: CallOptions = {}): Promise<TestAnswer> {
    const answer = await call(method, path, options);
    if (!answer) throw new Error(`the API handler did not answer ${method} ${path}`);
    return answer;
  }

  const query = (soql: string, options: CallOptions = {}) =>
    must('GET', `${API}/query?q=${encodeURIComponent(soql)}`, options);

  return { org, sid, session, call, must, query };
}
