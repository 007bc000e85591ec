// Faults armed per Salesforce write, each with a count that runs out, and the tally of what they
// caught. Org-wide trouble (a daily-limit window, expired logins, a refused session) is counted here
// too, from the answers the sandbox gave while it lasted.
import type { Sandbox } from '../../sandbox/server.js';
import type { SandboxControl } from '../control.js';
import type { Random } from '../seeded-random.js';
import { type ChaosReport, type FaultKind, LEAD_CREATE, ORGS, type OrgName, type SessionRun } from './model.js';

type WindowKind = 'daily-limit' | 'session-expired' | 'session-not-for-api';

/** One weighted choice. */
function pick<T>(random: Random, choices: [T, number][]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return (choices.at(-1) as [T, number])[0];
}

export class Faults {
  private readonly armed: { kind: FaultKind; org: OrgName; rule?: { remaining: number }; count: number }[] = [];
  private readonly locksArmed: Record<OrgName, number> = { acme: 0, globex: 0 };
  private readonly windowHits: Record<WindowKind, number> = {
    'daily-limit': 0,
    'session-expired': 0,
    'session-not-for-api': 0,
  };

  constructor(
    private readonly sandbox: Sandbox,
    private readonly control: SandboxControl,
    private readonly random: Random,
    private readonly share: number,
    private readonly without: readonly FaultKind[] = [],
  ) {}

  /** Org-wide trouble that began (its hits are counted by windowHit). */
  opened(kind: WindowKind, org: OrgName): void {
    this.armed.push({ kind, org, count: 1 });
  }

  windowHit(kind: WindowKind, hits: number): void {
    this.windowHits[kind] += hits;
  }

  async arm(kind: FaultKind, org: OrgName, run: SessionRun): Promise<void> {
    const { control, random } = this;
    const rule = (pathIncludes: string, method: string, extra: Record<string, unknown>) => ({
      service: 'salesforce' as const,
      pathIncludes,
      method,
      count: 1,
      org,
      ...extra,
    });
    const sfUnavailable = JSON.stringify([{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server unavailable (chaos)' }]);
    const status503 = () =>
      random.next() < 0.5 ? { status: 503 } : { status: 503, body: sfUnavailable, contentType: 'application/json' };
    switch (kind) {
      case 'composite-503':
        await control.fail(rule('/composite', 'POST', status503()));
        break;
      case 'composite-cut':
        await control.fail(rule('/composite', 'POST', { status: 0 }));
        break;
      // Applied, and the answer had begun when the connection broke: Chromium cannot resend it, so
      // the extension itself sees no answer and must look before writing again.
      case 'composite-cut-mid-answer':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true, midAnswer: true }));
        break;
      case 'lead-cut-mid-answer':
        await control.fail(
          rule('/composite', 'POST', { status: 0, afterApply: true, midAnswer: true, bodyIncludes: LEAD_CREATE }),
        );
        break;
      case 'composite-cut-after-apply':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true }));
        break;
      case 'composite-hang':
        await control.hang(rule('/composite', 'POST', {}));
        break;
      case 'patch-503':
        await control.fail(rule('/sobjects/Event/', 'PATCH', status503()));
        break;
      case 'patch-cut':
        await control.fail(rule('/sobjects/Event/', 'PATCH', { status: 0 }));
        break;
      case 'patch-cut-after-apply':
        await control.fail(rule('/sobjects/Event/', 'PATCH', { status: 0, afterApply: true }));
        break;
      // A guest's Lead is created in a composite call (with its twin check): the one whose body creates it.
      case 'lead-503':
        await control.fail(rule('/composite', 'POST', { ...status503(), bodyIncludes: LEAD_CREATE }));
        break;
      case 'lead-cut-after-apply':
        await control.fail(rule('/composite', 'POST', { status: 0, afterApply: true, bodyIncludes: LEAD_CREATE }));
        break;
      case 'lock': {
        // lockRows sets the org's count: add one to what is still armed.
        const left = this.sandbox.state().org(org).trouble.lockedWrites;
        await control.lockRows(left + 1, org);
        this.locksArmed[org] += 1;
        break;
      }
      default:
        throw new Error(`not armed per write: ${kind}`);
    }
    const state = this.sandbox.state();
    const last = kind === 'composite-hang' ? state.hangs.at(-1) : kind === 'lock' ? undefined : state.faults.at(-1);
    this.armed.push({ kind, org, rule: last, count: 1 });
    run.notes.push(`armed ${kind}`);
  }

  async maybeArm(choices: [FaultKind, number][], org: OrgName, run: SessionRun): Promise<void> {
    // The same draws whatever is left out, so the rest of the run stays the same for a seed.
    const roll = this.random.next();
    const choice = pick(this.random, choices);
    if (roll < this.share && !this.without.includes(choice)) await this.arm(choice, org, run);
  }

  tally(): ChaosReport['faults'] {
    const faults: ChaosReport['faults'] = {};
    const state = this.sandbox.state();
    for (const a of this.armed) {
      const entry = faults[a.kind] ?? { armed: 0, hit: 0 };
      faults[a.kind] = entry;
      entry.armed += a.count;
      if (a.rule) entry.hit += a.count - a.rule.remaining;
    }
    const locks = ORGS.reduce((sum, org) => sum + this.locksArmed[org], 0);
    if (locks > 0) {
      const left = ORGS.reduce((sum, org) => sum + state.org(org).trouble.lockedWrites, 0);
      faults.lock = { armed: locks, hit: locks - left };
    }
    for (const kind of ['daily-limit', 'session-expired', 'session-not-for-api'] as const) {
      const entry = faults[kind];
      if (entry) entry.hit = this.windowHits[kind];
    }
    return faults;
  }
}
