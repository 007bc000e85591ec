// What the chaos run is made of: its options, its report, the guests and the records it uses.
// The run itself is tests/support/chaos/index.ts.
/** The chaos run's two orgs (both in the production host family). */
export type OrgName = 'acme' | 'globex';

export interface ChaosOptions {
  /** How many Glance sessions to run (alternating acme and globex). */
  sessions: number;
  seed: number;
  /** Share of Salesforce writes given a fault (default 0.3). */
  faultShare?: number;
  /** Writes that get no answer at all; each costs the extension's 30 s timeout (default 0). */
  hangs?: number;
  /** Times the service worker is stopped mid-run (default 3). */
  workerStops?: number;
  /** Daily-limit windows, each on one org (default 1). */
  limitWindows?: number;
  /** How long the end waits for the queue to empty (default 120 s). */
  drainTimeoutMs?: number;
  /** Added to every Salesforce answer, so that stopping the worker catches writes in flight (default 0). */
  salesforceLatencyMs?: number;
  /** Fault kinds left out of the per-write choices, to tell causes apart (default: none). */
  without?: FaultKind[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export type FaultKind =
  | 'composite-503'
  | 'composite-cut'
  | 'composite-cut-after-apply'
  | 'composite-cut-mid-answer'
  | 'composite-hang'
  | 'patch-503'
  | 'patch-cut'
  | 'patch-cut-after-apply'
  | 'lead-503'
  | 'lead-cut-after-apply'
  | 'lead-cut-mid-answer'
  | 'lock'
  | 'daily-limit'
  | 'session-expired'
  | 'session-not-for-api';

export interface SessionRun {
  index: number;
  org: OrgName;
  sobject: string;
  recordId: string;
  url: string;
  sessionId: string;
  guests: { name: string; email: string }[];
  /** What happened around this session: faults armed, worker stopped, browser restarted, … */
  notes: string[];
}

export interface ChaosReport {
  seed: number;
  sessions: number;
  eventsMissing: number;
  /** Events beyond the first of a session. */
  eventsDuplicated: number;
  /** Sessions whose one Event lacks its end or its relation to the record. */
  eventsIncomplete: number;
  chatterMissing: number;
  /** Chatter posts beyond the first of a session. */
  chatterDuplicated: number;
  /** Leads beyond the first of an email, per org. */
  leadsDuplicated: number;
  /** New guest emails of an org that got no Lead. */
  leadsMissing: number;
  /** Guests logged as a record that is not theirs (another email), or whose Lead is not the rep's. */
  guestsMisattributed: number;
  /** Jobs still in the outbox at the end (attention jobs included). */
  queueLeft: number;
  /** Per fault kind: how many were armed and how many requests they caught. */
  faults: Record<string, { armed: number; hit: number }>;
  workerStops: number;
  browserRestarts: number;
  /**
   * Connections the sandbox cut (before or after applying) that Chromium sent again by itself at
   * once, by request and cut; the extension never saw those cuts.
   */
  browserResent: Record<string, number>;
  /** Start writes the extension looked up before sending again, because an earlier send was in doubt. */
  doubtLookups: number;
  /** Times the end pressed Retry in the popup (jobs waiting on a pause or a long back-off). */
  retryPresses: number;
  drainMs: number;
  wallMs: number;
  /** One paragraph per session that went wrong, with its faults, Events and queue entries. */
  problems: string[];
}

export const GLANCE_ADDRESS = 'acme.glance.net';
/** In the body of the composite call that creates a guest's Lead. */
export const LEAD_CREATE = '/sobjects/Lead"';
export const SOBJECTS = ['Lead', 'Contact', 'Opportunity', 'Case'] as const;
/** Guests reuse these addresses across sessions and orgs, so a second Lead for one would show. */
export const GUESTS = [
  { name: 'Quinn Chaos', email: 'quinn@chaos-labs.example' },
  { name: 'Rosa Turbulence', email: 'rosa@turbulence.example' },
  { name: 'Sol Entropy', email: 'sol@entropy.example' },
  { name: 'Tariq Noise', email: 'tariq@noisefloor.example' },
  { name: 'Uma Jitter', email: 'uma@jitter.example' },
  { name: 'Ada Lovelace', email: 'ada@engines.example' }, // a Lead in both orgs already
  { name: 'Hank Scorpio', email: 'hank@globex.example' }, // a Contact in both orgs already
  // Free-mail guests get the placeholder company: the same name matches under the duplicate rule,
  // each other and HIDDEN_LEAD, which the rep cannot see.
  { name: 'Sam Guest', email: 'sam.guest@gmail.com' },
  { name: 'Sam Guest', email: 'samg@yahoo.com' },
];
/** A queue's Lead in each org, unseen by the rep under Private Lead sharing, that the rule still compares. */
export const HIDDEN_LEAD = {
  FirstName: 'Sam',
  LastName: 'Guest',
  Company: 'Unknown (Glance guest)',
  Email: 'sam@hotmail.com',
};
export const KNOWN_CONTACTS = new Set(['hank@globex.example']);

export type Row = Record<string, unknown> & { Id: string };
export interface StoredQueue {
  jobs: (Record<string, unknown> & {
    activityId: string;
    apiHost: string;
    kind: string;
    attention?: boolean;
    notBefore: number;
  })[];
  logs: Record<string, unknown>;
  orgs: Record<string, { paused?: { problem: string; until: number } }>;
}

/** "POST /composite" for a call to /services/data/vNN.N/composite. */
export const describeCall = (c: { method: string; path: string }) =>
  `${c.method} ${c.path.replace(/^\/services\/data\/v[\d.]+/, '')}`;
/** The same with record ids left out: "PATCH /sobjects/Event/{id}". */
export const callKind = (c: { method: string; path: string }) =>
  describeCall(c).replace(/(\/sobjects\/\w+\/)[a-zA-Z0-9]{15,18}$/, '$1{id}');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const apiHostOf = (org: OrgName) => `${org}.my.salesforce.com`;
export const subjectOf = (sessionId: string) => `Glance session (${sessionId})`;
export const ORGS = ['acme', 'globex'] as const;
