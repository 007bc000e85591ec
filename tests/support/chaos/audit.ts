// After the run: what Salesforce holds against what the rep did. Every session must have exactly one
// Event with its end and its relation, one Chatter post; every new guest one Lead, the rep's, as
// themselves; and the calls' trail explains any session that went wrong.
import {
  callKind,
  describeCall,
  KNOWN_CONTACTS,
  ORGS,
  type OrgName,
  type Row,
  type SessionRun,
  subjectOf,
} from './model.js';
import type { ChaosRig } from './rig.js';

export interface Audit {
  eventsMissing: number;
  eventsDuplicated: number;
  eventsIncomplete: number;
  chatterMissing: number;
  chatterDuplicated: number;
  leadsDuplicated: number;
  leadsMissing: number;
  guestsMisattributed: number;
  queueLeft: number;
  browserResent: Record<string, number>;
  doubtLookups: number;
  problems: string[];
}

export async function auditRun(rig: ChaosRig, runs: SessionRun[]): Promise<Audit> {
  const { control, sandbox } = rig;
  const say = rig.say;
  // Count what Salesforce holds.
  const final = await rig.readStored();
  const problems: string[] = [];
  const events: Record<OrgName, Row[]> = {
    acme: await control.records<Row>('Event', 'acme'),
    globex: await control.records<Row>('Event', 'globex'),
  };
  const posts: Record<OrgName, Row[]> = {
    acme: await control.records<Row>('FeedItem', 'acme'),
    globex: await control.records<Row>('FeedItem', 'globex'),
  };
  // Every Salesforce API call of the run: what each session's trail was, and which cut connections
  // Chromium sent again by itself (it resends a request whose reused keep-alive connection closed
  // before any answer, POST included).
  const calls = (await control.log('salesforce')).filter((e) => e.path.startsWith('/services/'));
  const browserResent: Record<string, number> = {};
  calls.forEach((e, i) => {
    if (e.dropped !== 'cut' && e.dropped !== 'cut-after-apply') return;
    const again = calls
      .slice(i + 1, i + 40)
      .find(
        (f) =>
          f.host === e.host &&
          f.method === e.method &&
          f.path === e.path &&
          f.body === e.body &&
          Date.parse(f.at) - Date.parse(e.at) < 1_000,
      );
    const what = `${callKind(e)} ${e.dropped}`;
    browserResent[what] = (browserResent[what] ?? 0) + (again ? 1 : 0);
  });
  // Each time the extension looked before writing again (an earlier start was in doubt): a composite
  // that lists the session's Events without creating one. (Creates list them too, to find twins.)
  const doubtLookups = calls.filter(
    (c) =>
      describeCall(c) === 'POST /composite' &&
      /FROM(%20|\+| )Event(%20|\+| )WHERE(%20|\+| )Subject/.test(c.body) &&
      !c.body.includes('/sobjects/Event"'),
  ).length;
  const trailOf = (sessionId: string, ids: string[]) =>
    calls
      .filter((e) => e.body.includes(sessionId) || ids.some((id) => e.path.includes(id)))
      .map((e) => `${e.seq} ${e.at.slice(11, 23)} ${describeCall(e)} ${e.status}${e.dropped ? ` ${e.dropped}` : ''}`);
  for (const run of runs.filter((r) => r.notes.some((note) => note.startsWith('daily-limit window opened'))))
    say(`daily-limit window of #${run.index}: ${trailOf(run.sessionId, []).join(' | ')}`);
  let eventsMissing = 0;
  let eventsDuplicated = 0;
  let eventsIncomplete = 0;
  let chatterMissing = 0;
  let chatterDuplicated = 0;
  for (const run of runs) {
    const subject = subjectOf(run.sessionId);
    const own = events[run.org].filter((e) => e.Subject === subject);
    const other = events[run.org === 'acme' ? 'globex' : 'acme'].filter((e) => e.Subject === subject);
    const feed = posts[run.org].filter((f) => f.Title === subject);
    const wrong: string[] = [];
    if (own.length === 0) {
      eventsMissing += 1;
      wrong.push('no Event');
    }
    if (own.length > 1) {
      eventsDuplicated += own.length - 1;
      wrong.push(`${own.length} Events`);
    }
    if (other.length > 0) wrong.push(`${other.length} Event(s) in the other org`);
    const event = own[0];
    if (event) {
      // The end landed: its line in the description, and Salesforce's end no earlier than the start.
      // Sessions here last seconds (the rep's own clock ends them now, not Glance's), and Salesforce
      // keeps an Event's length in whole minutes, so its EndDateTime equals the start then.
      const ended =
        String(event.Description ?? '').includes('Ended:') &&
        Date.parse(String(event.EndDateTime)) >= Date.parse(String(event.StartDateTime));
      const related = event.WhoId === run.recordId || event.WhatId === run.recordId;
      if (!ended || !related) {
        eventsIncomplete += 1;
        if (!ended) wrong.push(`Event without its end (${event.StartDateTime} → ${event.EndDateTime})`);
        if (!related) wrong.push(`Event not related to ${run.recordId} (WhoId ${event.WhoId}, WhatId ${event.WhatId})`);
      }
    }
    if (feed.length === 0) {
      chatterMissing += 1;
      wrong.push('no Chatter post');
    }
    if (feed.length > 1) {
      chatterDuplicated += feed.length - 1;
      wrong.push(`${feed.length} Chatter posts`);
    }
    if (wrong.length > 0) {
      const queued = final.jobs.filter((j) => j.activityId === run.sessionId);
      problems.push(
        `session #${run.index} ${run.sessionId} (${run.org} ${run.sobject} ${run.url}): ${wrong.join('; ')}. ` +
          `Around it: ${run.notes.join(', ') || 'no faults'}. Events: ${JSON.stringify(own)}. ` +
          `Queue: ${JSON.stringify(queued)}. Log: ${JSON.stringify(final.logs[run.sessionId] ?? null)}. ` +
          `Salesforce calls: ${trailOf(
            run.sessionId,
            own.map((e) => e.Id),
          ).join(' | ')}`,
      );
    }
  }

  let leadsDuplicated = 0;
  let leadsMissing = 0;
  for (const org of ORGS) {
    const leads = await control.records<Row>('Lead', org);
    const byEmail = new Map<string, Row[]>();
    for (const lead of leads) {
      const email = String(lead.Email ?? '').toLowerCase();
      if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), lead]);
    }
    for (const [email, found] of byEmail) {
      if (found.length < 2) continue;
      leadsDuplicated += found.length - 1;
      const sessions = runs.filter((r) => r.org === org && r.guests.some((g) => g.email === email));
      problems.push(
        `${found.length} Leads for ${email} in ${org}: ${JSON.stringify(found)}; guest of ${sessions
          .map((r) => `#${r.index} ${r.sessionId} (${r.notes.join(', ')})`)
          .join(' | ')}. Salesforce calls that name them: ${calls
          .filter((e) => e.host === `${org}.my.salesforce.com` && decodeURIComponent(e.body).includes(email))
          .map(
            (e) => `${e.seq} ${e.at.slice(11, 23)} ${describeCall(e)} ${e.status}${e.dropped ? ` ${e.dropped}` : ''}`,
          )
          .join(' | ')}`,
      );
    }
    const guestEmails = new Set(runs.filter((r) => r.org === org).flatMap((r) => r.guests.map((g) => g.email)));
    for (const email of guestEmails) {
      if (KNOWN_CONTACTS.has(email) || byEmail.has(email)) continue;
      leadsMissing += 1;
      problems.push(`no Lead for guest ${email} in ${org}`);
    }
  }

  // Each guest is logged as their own person: the record named for their email has that email, and
  // a Lead made for them is the rep's (no assignment rule took it away, no duplicate stood in for it).
  let guestsMisattributed = 0;
  for (const org of ORGS) {
    const people = new Map<string, Row>();
    for (const type of ['Lead', 'Contact']) for (const r of await control.records<Row>(type, org)) people.set(r.Id, r);
    const repId = sandbox.state().org(org).defaultUserId;
    const byEmail = (email: string) =>
      [...people.values()].filter((p) => String(p.Email ?? '').toLowerCase() === email.toLowerCase());
    for (const run of runs.filter((r) => r.org === org)) {
      const log = final.logs[run.sessionId] as { leads?: Record<string, string> } | undefined;
      for (const guest of run.guests) {
        // The queue keeps the logs of the last 50 sessions (store.ts): an older session's guest is
        // checked in the org instead, as the one record that has their email.
        const id = log ? log.leads?.[guest.email.toLowerCase()] : byEmail(guest.email)[0]?.Id;
        const person = id ? people.get(id) : undefined;
        const isLead = id?.startsWith('00Q');
        const theirs = String(person?.Email ?? '').toLowerCase() === guest.email.toLowerCase();
        // A Lead known before (not made by the extension) keeps its owner; one it made is the rep's.
        if (person && theirs && (!isLead || person.LeadSource !== 'Glance' || person.OwnerId === repId)) continue;
        guestsMisattributed += 1;
        problems.push(
          `guest ${guest.email} of #${run.index} ${run.sessionId} (${org}) logged as ${id || 'nothing'}: ${JSON.stringify(person ?? null)}`,
        );
      }
    }
  }

  if (final.jobs.length > 0) problems.push(`queue left: ${JSON.stringify(final.jobs)}`);
  return {
    eventsMissing,
    eventsDuplicated,
    eventsIncomplete,
    chatterMissing,
    chatterDuplicated,
    leadsDuplicated,
    leadsMissing,
    guestsMisattributed,
    queueLeft: final.jobs.length,
    browserResent,
    doubtLookups,
    problems,
  };
}
