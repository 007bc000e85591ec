// Who sees an Event (sharing.ts): its owner, the users above the owner in the role hierarchy, and
// whoever may read the records it is on; nobody else, in SOQL or by id.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';
import { SalesforceOrg } from './org.js';

function team() {
  const org = new SalesforceOrg();
  const manager = org.defaultUserId;
  const user = (name: string) =>
    org.insert('User', { Name: name, LastName: name, Username: `${name}@acme.example`, IsActive: true }).Id;
  const report = user('report');
  const deep = user('deep');
  const peer = user('peer');
  org.setup.roleAbove.set(report, manager);
  org.setup.roleAbove.set(deep, report);
  const now = new Date().toISOString().replace('Z', '+0000');
  const event = (owner: string, extra: Record<string, string> = {}) =>
    org.insert('Event', {
      Subject: `Glance session (${owner})`,
      StartDateTime: now,
      EndDateTime: now,
      OwnerId: owner,
      ...extra,
    }).Id;
  return { org, manager, report, deep, peer, event };
}

describe('Event sharing', () => {
  it("shows a manager their own Events and those of everyone below them, not a peer's", async () => {
    const { org, manager, report, deep, peer, event } = team();
    const own = event(manager);
    const reports = event(report);
    const deeper = event(deep);
    const peers = event(peer);
    const { query, must } = apiClient(org);
    const answer = await query("SELECT Id FROM Event WHERE Subject LIKE 'Glance session%'");
    expect((answer.json as { records: { Id: string }[] }).records.map((r) => r.Id).sort()).toEqual(
      [own, reports, deeper].sort(),
    );
    expect((await must('GET', `${API}/sobjects/Event/${peers}`)).status).toBe(404);
    expect((await must('GET', `${API}/sobjects/Event/${reports}`)).status).toBe(200);
  });

  it("hides a manager's Events from the people below them", async () => {
    const { org, manager, report, event } = team();
    event(manager);
    const reports = event(report);
    const { query } = apiClient(org);
    const asReport = org.createSession(report).sid;
    const answer = await query("SELECT Id FROM Event WHERE Subject LIKE 'Glance session%'", { sid: asReport });
    expect((answer.json as { records: { Id: string }[] }).records.map((r) => r.Id)).toEqual([reports]);
  });

  it("shows a peer's Event on a record the user may read; not on a private Lead of the peer's", async () => {
    const { org, peer, event } = team();
    const contact = org.ofType('Contact')[0]?.Id as string;
    const peersLead = org.insert('Lead', { LastName: 'Peer', Company: 'P', OwnerId: peer }).Id;
    const onContact = event(peer, { WhoId: contact });
    event(peer, { WhoId: peersLead });
    const { query } = apiClient(org);
    const answer = await query("SELECT Id FROM Event WHERE Subject LIKE 'Glance session%'");
    expect((answer.json as { records: { Id: string }[] }).records.map((r) => r.Id)).toEqual([onContact]);
  });
});
