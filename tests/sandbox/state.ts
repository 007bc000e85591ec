// Everything the sandbox remembers, and the knobs tests turn through the control API.
import { GlanceService } from './glance/service.js';
import { ORG_NAMES, ORG_PROFILES, type OrgName, SalesforceOrg } from './salesforce/org.js';

export type Service = 'salesforce' | 'glance' | 'other';

export interface RequestLogEntry {
  seq: number;
  at: string;
  service: Service;
  method: string;
  host: string;
  path: string;
  query: string;
  /** The status answered; 0 when the client got no answer (see `dropped`). */
  status: number;
  /** Request body as text (JSON bodies stay readable for assertions). */
  body: string;
  /** True when the request carried an Authorization header. */
  authorized: boolean;
  /**
   * Every request header as sent (values of a repeated header joined by ", "), so tests can check
   * where secrets went: the Glance credential only to www.glance.net, never to Salesforce.
   */
  headers: Record<string, string>;
  /**
   * Why no answer came: 'cut' (connection dropped, nothing applied), 'cut-after-apply' (the request
   * was fully processed, then the connection dropped), 'hang' (held open, never answered).
   */
  dropped?: 'cut' | 'cut-after-apply' | 'cut-mid-answer' | 'hang';
  /** For 'cut-after-apply': the status the emulator would have answered. */
  appliedStatus?: number;
}

/** Which requests a fault or hang rule applies to. */
export interface RequestMatch {
  service?: Service;
  /** Applies to requests whose path contains this text (e.g. "/composite", "ValidateUser"). */
  pathIncludes: string;
  method?: string;
  /** Only requests to these hosts (e.g. one org's two hosts); all hosts when absent. */
  hosts?: string[];
  /** Only requests whose body contains this text (e.g. a composite that creates a Lead). */
  bodyIncludes?: string;
}

export interface FaultRule extends RequestMatch {
  remaining: number;
  /** 0 drops the connection without an answer, as a dead server would. */
  status: number;
  body?: string;
  contentType?: string;
  /**
   * With status 0: process the request fully first (the org changes), then drop the connection
   * without an answer — a write that landed although the client saw a network error.
   */
  afterApply?: boolean;
  /**
   * With afterApply: the answer begins (status and headers) before the connection drops. Chromium
   * resends a request whose reused connection closed before any answer byte, but not this one.
   */
  midAnswer?: boolean;
}

/** Matching requests get no answer at all (nothing applied) until the sandbox is reset or closed. */
export interface HangRule extends RequestMatch {
  remaining: number;
}

const newOrgs = (): Record<OrgName, SalesforceOrg> =>
  Object.fromEntries(ORG_NAMES.map((name) => [name, new SalesforceOrg(ORG_PROFILES[name])])) as Record<
    OrgName,
    SalesforceOrg
  >;

export class SandboxState {
  /** Every emulated Salesforce org by name: acme and globex, each with its own hosts and state. */
  orgs: Record<OrgName, SalesforceOrg> = newOrgs();
  glance = new GlanceService();
  log: RequestLogEntry[] = [];
  faults: FaultRule[] = [];
  hangs: HangRule[] = [];
  latencyMs: Record<Service, number> = { salesforce: 0, glance: 0, other: 0 };
  private seq = 0;

  /** The first org (acme.my.salesforce.com / acme.lightning.force.com). */
  get salesforce(): SalesforceOrg {
    return this.orgs.acme;
  }
  set salesforce(org: SalesforceOrg) {
    this.orgs.acme = org;
  }

  /** The org of this name; throws for a name the sandbox does not serve. */
  org(name: string = 'acme'): SalesforceOrg {
    const org = (this.orgs as Record<string, SalesforceOrg | undefined>)[name];
    if (!org) throw new Error(`no org named ${name} (the sandbox serves ${ORG_NAMES.join(', ')})`);
    return org;
  }

  /** Every org, for the handlers that route by host. */
  orgList(): SalesforceOrg[] {
    return Object.values(this.orgs);
  }

  reset(): void {
    this.orgs = newOrgs();
    this.glance = new GlanceService();
    this.log = [];
    this.faults = [];
    this.hangs = [];
    this.latencyMs = { salesforce: 0, glance: 0, other: 0 };
  }

  record(entry: Omit<RequestLogEntry, 'seq' | 'at'>): void {
    this.seq += 1;
    this.log.push({ seq: this.seq, at: new Date().toISOString(), ...entry });
  }

  /** Takes one use of the first fault rule matching this request, if any. */
  takeFault(service: Service, method: string, path: string, host?: string, body = ''): FaultRule | undefined {
    return take(this.faults, service, method, path, host, body);
  }

  /** Takes one use of the first hang rule matching this request, if any. */
  takeHang(service: Service, method: string, path: string, host?: string, body = ''): HangRule | undefined {
    return take(this.hangs, service, method, path, host, body);
  }
}

function take<R extends RequestMatch & { remaining: number }>(
  rules: R[],
  service: Service,
  method: string,
  path: string,
  host: string | undefined,
  body: string,
): R | undefined {
  const rule = rules.find(
    (f) =>
      f.remaining > 0 &&
      (!f.service || f.service === service) &&
      (!f.method || f.method.toUpperCase() === method) &&
      (!f.hosts || (host !== undefined && f.hosts.includes(host))) &&
      path.includes(f.pathIncludes) &&
      (!f.bodyIncludes || body.includes(f.bodyIncludes)),
  );
  if (rule) rule.remaining -= 1;
  return rule;
}

export function serviceOfHost(host: string): Service {
  const salesforce = [
    '.salesforce.com',
    '.salesforce-setup.com',
    '.cloudforce.com',
    '.force.com',
    '.salesforce.mil',
    '.crmforce.mil',
    '.sfcrmapps.cn',
    '.sfcrmproducts.cn',
  ];
  if (salesforce.some((suffix) => host.endsWith(suffix))) return 'salesforce';
  if (host === 'glance.net' || host.endsWith('.glance.net')) return 'glance';
  return 'other';
}
