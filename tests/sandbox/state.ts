// Everything the sandbox remembers, and the knobs tests turn through the control API.
import { GlanceService } from './glance/service.js';
import { SalesforceOrg } from './salesforce/org.js';

export type Service = 'salesforce' | 'glance' | 'other';

export interface RequestLogEntry {
  seq: number;
  at: string;
  service: Service;
  method: string;
  host: string;
  path: string;
  query: string;
  status: number;
  /** Request body as text (JSON bodies stay readable for assertions). */
  body: string;
  /** True when the request carried an Authorization header (the value itself is never logged). */
  authorized: boolean;
}

export interface FaultRule {
  service?: Service;
  /** Applies to requests whose path contains this text (e.g. "/composite", "ValidateUser"). */
  pathIncludes: string;
  method?: string;
  remaining: number;
  /** 0 drops the connection without an answer, as a dead server would. */
  status: number;
  body?: string;
  contentType?: string;
}

export class SandboxState {
  salesforce = new SalesforceOrg();
  glance = new GlanceService();
  log: RequestLogEntry[] = [];
  faults: FaultRule[] = [];
  latencyMs: Record<Service, number> = { salesforce: 0, glance: 0, other: 0 };
  private seq = 0;

  reset(): void {
    this.salesforce = new SalesforceOrg();
    this.glance = new GlanceService();
    this.log = [];
    this.faults = [];
    this.latencyMs = { salesforce: 0, glance: 0, other: 0 };
  }

  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): void {
    this.seq += 1;
    this.log.push({ seq: this.seq, at: new Date().toISOString(), ...entry });
  }

  /** Takes one use of the first fault rule matching this request, if any. */
  takeFault(service: Service, method: string, path: string): FaultRule | undefined {
    const rule = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.service || f.service === service) &&
        (!f.method || f.method.toUpperCase() === method) &&
        path.includes(f.pathIncludes),
    );
    if (rule) rule.remaining -= 1;
    return rule;
  }
}

export function serviceOfHost(host: string): Service {
  if (host.endsWith('.salesforce.com') || host.endsWith('.force.com')) return 'salesforce';
  if (host === 'glance.net' || host.endsWith('.glance.net')) return 'glance';
  return 'other';
}
