// Seeded records: several of each type with names, emails and relations, and a few hostile names
// (markup, quotes) so every page and the extension are tested against text they must not trust.
// Every org gets the same records under its own ids (the pod in each id differs), and its own user.
import type { SalesforceOrg } from './org.js';

/** The seeded ids of the first org (acme), by type, in seeding order. */
export const SEED_IDS: Record<string, string[]> = {};

export function seedOrg(org: SalesforceOrg): void {
  const ids: Record<string, string[]> = org.name === 'acme' ? SEED_IDS : {};
  for (const key of Object.keys(ids)) delete ids[key];
  const add = (type: string, fields: Record<string, string | number | boolean | null>) => {
    const id = org.insert(type, fields).Id;
    ids[type] ??= [];
    ids[type].push(id);
    return id;
  };

  const rep = add('User', {
    Name: 'Riley Rep',
    FirstName: 'Riley',
    LastName: 'Rep',
    Email: org.profile.username,
    Username: org.profile.username,
    IsActive: true,
  });

  const globex = add('Account', { Name: 'Globex Corporation', Website: 'globex.example' });
  const initech = add('Account', { Name: 'Initech' });
  const umbrella = add('Account', { Name: 'Umbrella "Health" & Co' });

  const contact = (first: string, last: string, email: string | null, accountId: string) =>
    add('Contact', {
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`,
      Email: email,
      AccountId: accountId,
    });
  const hank = contact('Hank', 'Scorpio', 'hank@globex.example', globex);
  const peter = contact('Peter', 'Gibbons', 'peter@initech.example', initech);
  const samir = contact('Samir', 'Nagheenanajar', 'samir@initech.example', initech);
  const alice = contact('Alice', "O'Hara <b>bold</b>", 'alice@umbrella.example', umbrella);

  const lead = (first: string, last: string, company: string, email: string | null) =>
    add('Lead', {
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`,
      Company: company,
      Email: email,
      Status: 'Open - Not Contacted',
      IsConverted: false,
      LeadSource: 'Web',
      // The rep's own: under acme's Private Lead sharing, a Lead owned by anyone else is unseen.
      OwnerId: rep,
    });
  lead('Ada', 'Lovelace', 'Analytical Engines', 'ada@engines.example');
  lead('Grace', 'Hopper', 'Compilers Inc', 'grace@compilers.example');
  lead('Mallory', '<img src=x onerror="alert(1)">', '<script>alert("co")</script>', 'mallory@evil.example');
  lead('Linus', 'Nomail', 'Kernel Ltd', null);

  const opportunity = (name: string, accountId: string, contactId: string | null, stage: string, closed: boolean) =>
    add('Opportunity', {
      Name: name,
      AccountId: accountId,
      ContactId: contactId,
      StageName: stage,
      IsClosed: closed,
      IsWon: false,
      CloseDate: '2026-12-31',
      Amount: 50000,
    });
  const hammock = opportunity('Globex - Hammock District', globex, hank, 'Prospecting', false);
  const tps = opportunity('Initech - TPS Reports', initech, peter, 'Negotiation/Review', false);
  const printer = opportunity('Initech - Printer Upgrade', initech, peter, 'Qualification', false);
  const renewal = opportunity('Umbrella - Renewal', umbrella, alice, 'Closed Lost', true);
  // As most real orgs hold them: contacts only as contact roles, Opportunity.ContactId empty.
  const officeMove = opportunity('Initech - Office Move', initech, null, 'Prospecting', false);
  const expansion = opportunity('Umbrella - Expansion', umbrella, null, 'Qualification', false);

  // Contact roles. An opportunity created with a ContactId gets that contact as its primary role
  // (Object Reference, "Opportunity": ContactId "is derived from the opportunity contact role, which is
  // created at the same time the opportunity is created").
  const role = (opportunityId: string, contactId: string, name: string, primary: boolean) =>
    add('OpportunityContactRole', {
      OpportunityId: opportunityId,
      ContactId: contactId,
      Role: name,
      IsPrimary: primary,
    });
  role(hammock, hank, 'Decision Maker', true);
  role(tps, peter, 'Decision Maker', true);
  role(printer, peter, 'Decision Maker', true);
  role(renewal, alice, 'Economic Buyer', true);
  // Office Move: the first role is not the primary one. Expansion: one role, not primary.
  role(officeMove, peter, 'Influencer', false);
  role(officeMove, samir, 'Decision Maker', true);
  role(expansion, alice, 'Economic Buyer', false);

  add('Campaign', { Name: 'Spring Webinar Series', Status: 'In Progress', IsActive: true, Type: 'Webinar' });
  add('Campaign', { Name: 'Trade Show 2026', Status: 'Planned', IsActive: true, Type: 'Trade Show' });
  add('Campaign', { Name: 'Q4 <Email> Blast', Status: 'Completed', IsActive: false, Type: 'Email' });

  let caseNumber = 1000;
  const kase = (subject: string, contactId: string | null, accountId: string, status: string, closed: boolean) =>
    add('Case', {
      Subject: subject,
      CaseNumber: String(++caseNumber).padStart(8, '0'),
      ContactId: contactId,
      AccountId: accountId,
      Status: status,
      IsClosed: closed,
      Priority: 'Medium',
      Origin: 'Web',
    });
  kase('Cannot export reports', hank, globex, 'New', false);
  kase('Stapler missing', samir, initech, 'Working', false);
  kase('Login page blank', peter, initech, 'Closed', true);
  kase('Billing question', alice, umbrella, 'New', false);
  // Report folders (analytics.ts): one the user manages, and one shared with them as Viewer only.
  const folder = (name: string, developerName: string) =>
    org.insert('Folder', { Name: name, DeveloperName: developerName, Type: 'Report', AccessType: 'Shared' }).Id;
  folder('Sales Team Reports', 'Sales_Team_Reports');
  org.setup.viewOnlyReportFolders.add(folder('Executive Reports', 'Executive_Reports'));
}
