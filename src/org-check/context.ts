// One run of the org check: the test records it made (to delete them again), the stamp that names
// them, and the queue's log the extension's own job code writes to, as the outbox keeps it.

import { sampleMeeting } from '../background/meeting/sample.js';
import type { Progress } from '../background/outbox/jobs.js';
import type { OutboxJob, SessionLog } from '../background/storage/outbox-shapes.js';
import type { OrgCheckId, OrgCheckResult, OrgSetting } from '../shared/org-check.js';
import type { SalesforceClient } from '../shared/salesforce/client.js';
import type { GlanceSObject } from '../shared/salesforce-id.js';
import { differences, type OrgTarget, omitFields, Refused, refusedBy, WatchedClient } from './check-kit.js';

const emptyLog = (): SessionLog => ({ state: 'pending', error: '', leads: {} });

export class OrgCheckRun {
  readonly client: WatchedClient;
  readonly stamp = `${Date.now()}`;
  readonly sessionId = `org-check-${this.stamp}`;
  readonly meetingId = `org-check-meeting-${this.stamp}`;
  readonly guestEmail = `org-check-${this.stamp}@example.com`;
  readonly chatterTitle = `Org check ${this.stamp}`;
  /** What the checks created, deleted again by the last one. */
  readonly created: { type: string; id: string }[] = [];
  /** The session's log, and a meeting's own (its id is its jobs' activityId). */
  log = emptyLog();
  meetingLog = emptyLog();
  userId = '';
  leadId = '';
  /** Who-am-I's result: with Chatter off there are no posts to look for. */
  me?: OrgCheckResult;
  /** Where the current check's refusals begin in client.refusals. */
  since = 0;
  readonly facts = {
    sessionId: this.sessionId,
    key: '1234',
    joinUrl: 'https://example.glance.net/?key=1234',
    glanceAddress: 'example.glance.net',
    modes: ['screenshare' as const],
    startedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    guests: [],
  };

  constructor(readonly target: OrgTarget) {
    this.client = new WatchedClient(target.apiHost, target);
  }

  get record() {
    return { sobject: 'Lead' as GlanceSObject, recordId: this.leadId };
  }
  get chatterParent() {
    return this.userId || this.leadId;
  }
  get guest() {
    return { name: `Org Check ${this.stamp}`, email: this.guestEmail, joinedAt: this.facts.startedAt };
  }
  private sample?: ReturnType<typeof sampleMeeting>;
  get meeting() {
    this.sample ??= sampleMeeting(this.meetingId, { ...this.record, apiHost: this.target.apiHost }, Date.now());
    return this.sample;
  }

  /** What every queued job carries; the checks send them at once, as the outbox would. */
  queued(id: string, activityId = this.sessionId) {
    const now = Date.now();
    // Sent at once, as the queue marks a job's first send: its look-ups search from here (log-start.ts).
    return {
      id,
      activityId,
      apiHost: this.target.apiHost,
      createdAt: now,
      firstSentAt: now,
      attempts: 0,
      notBefore: 0,
    };
  }

  /** Sends a job as the outbox would: again at once while it leaves optional fields out. */
  async send<J extends OutboxJob>(
    send: (c: SalesforceClient, job: J, log: SessionLog) => Promise<Progress>,
    job: J,
  ): Promise<J> {
    let current = job;
    for (let attempt = 0; attempt < 4; attempt++) {
      const progress = await send(this.client, current, this.log);
      this.log = progress.log(this.log);
      if (progress.failure) throw progress.failure;
      if (!progress.job) return current;
      current = progress.job as J;
    }
    throw new Error('not done after 4 attempts');
  }

  /** Runs a step with the meeting's log as the current one, the session's kept aside meanwhile. */
  async asMeeting<T>(step: () => Promise<T>): Promise<T> {
    const sessionLog = this.log;
    this.log = this.meetingLog;
    try {
      return await step();
    } finally {
      this.meetingLog = this.log;
      this.log = sessionLog;
    }
  }

  readEvent(id: string | undefined) {
    return this.client.request<Record<string, unknown>>('GET', `/sobjects/Event/${id}`);
  }

  /**
   * Throws when an Event does not read back as written, or (`leftOut` says how, in the detail) was
   * written without some of its fields.
   */
  async readsBack(
    eventId: string | undefined,
    fields: Record<string, unknown>,
    without: string[] | undefined,
    leftOut: (fields: string) => string,
  ): Promise<void> {
    const wrong = differences(omitFields(fields, without), await this.readEvent(eventId));
    if (wrong.length) throw new Error(`Event ${eventId} reads back differently: ${wrong.join('; ')}`);
    if (without?.length) throw new Refused(leftOut(without.join(', ')), this.leftOutBy());
  }

  /** The setting behind the first refusal this check saw, when leaving fields out got a write through. */
  leftOutBy(): OrgSetting {
    const refusal = this.client.refusals.slice(this.since).find((r) => r.problem === 'refused');
    return refusal ? refusedBy(refusal) : 'other';
  }
}

/** One row of the org check (checks.ts lists them in order). */
export interface OrgCheck {
  id: OrgCheckId;
  /** Runs only once the test Lead exists. */
  needsLead?: boolean;
  /** A refusal here is Chatter's (an org with Chatter off refuses it). */
  chatter?: boolean;
  /** After this row's result, nothing else is worth running (no API access at all). */
  stopsTheRest?(result: OrgCheckResult): boolean;
  /** What was checked, in record ids and Salesforce's words; throws (Refused, SalesforceError) on a failure. */
  run(run: OrgCheckRun): Promise<string | { detail: string; refusedBy: OrgSetting }>;
}
