// A typed client for the sandbox's control API.
import type { RequestLogEntry } from '../sandbox/state.js';

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
  /** Salesforce REST API calls only (what spends the org's daily budget). */
  async apiCalls(since = 0): Promise<RequestLogEntry[]> {
    return (await this.log('salesforce', since)).filter((e) => e.path.startsWith('/services/data/'));
  }
  fail(rule: {
    service?: string;
    pathIncludes: string;
    method?: string;
    count?: number;
    status?: number;
    body?: string;
  }) {
    return this.call('POST', '/fail', rule);
  }
  latency(service: 'salesforce' | 'glance' | 'other', ms: number) {
    return this.call('POST', '/latency', { service, ms });
  }
  expireSalesforceSessions() {
    return this.call('POST', '/salesforce/expire-sessions');
  }
  salesforceLogin(): Promise<{ sid: string }> {
    return this.call('POST', '/salesforce/login');
  }
  records<T = Record<string, unknown>>(type: string): Promise<T[]> {
    return this.call('GET', `/salesforce/records/${encodeURIComponent(type)}`);
  }
}
