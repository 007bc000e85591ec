// Seeded records: several of each type with names, emails and relations, and a few hostile names
// (markup, quotes) so every page and the extension are tested against text they must not trust.
import type { SalesforceOrg } from './org.js';

export const SEED_IDS: Record<string, string[]> = {};

function add(org: SalesforceOrg, type: string, fields: Record<string, string | number | boolean | null>): string {
  const id = org.insert(type, fields).Id;
  SEED_IDS[type] ??= [];
  SEED_IDS[type].push(id);
  return id;
}

export function seedOrg(org: SalesforceOrg): void {
  for (const key of Object.keys(SEED_IDS)) delete SEED_IDS[key];

  add(org, 'User', {
    Name: 'Riley Rep',
    FirstName: 'Riley',
    LastName: 'Rep',
    Email: 'riley.rep@acme.example',
    Username: 'riley.rep@acme.example',
    IsActive: true,
  });

  const globex = add(org, 'Account', { Name: 'Globex Corporation', Website: 'globex.example' });
  const initech = add(org, 'Account', { Name: 'Initech' });
  const umbrella = add(org, 'Account', { Name: 'Umbrella "Health" & Co' });

  const contact = (first: string, last: string, email: string | null, accountId: string) =>
    add(org, 'Contact', {
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
    add(org, 'Lead', {
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`,
      Company: company,
      Email: email,
      Status: 'Open - Not Contacted',
      IsConverted: false,
      LeadSource: 'Web',
    });
  lead('Ada', 'Lovelace', 'Analytical Engines', 'ada@engines.example');
  lead('Grace', 'Hopper', 'Compilers Inc', 'grace@compilers.example');
  lead('Mallory', '<img src=x onerror="alert(1)">', '<script>alert("co")</script>', 'mallory@evil.example');
  lead('Linus', 'Nomail', 'Kernel Ltd', null);

  const opportunity = (name: string, accountId: string, contactId: string | null, stage: string, closed: boolean) =>
    add(org, 'Opportunity', {
      Name: name,
      AccountId: accountId,
      ContactId: contactId,
      StageName: stage,
      IsClosed: closed,
      IsWon: false,
      CloseDate: '2026-12-31',
      Amount: 50000,
    });
  opportunity('Globex - Hammock District', globex, hank, 'Prospecting', false);
  opportunity('Initech - TPS Reports', initech, peter, 'Negotiation/Review', false);
  opportunity('Initech - Printer Upgrade', initech, peter, 'Qualification', false);
  opportunity('Umbrella - Renewal', umbrella, alice, 'Closed Lost', true);

  add(org, 'Campaign', { Name: 'Spring Webinar Series', Status: 'In Progress', IsActive: true, Type: 'Webinar' });
  add(org, 'Campaign', { Name: 'Trade Show 2026', Status: 'Planned', IsActive: true, Type: 'Trade Show' });
  add(org, 'Campaign', { Name: 'Q4 <Email> Blast', Status: 'Completed', IsActive: false, Type: 'Email' });

  let caseNumber = 1000;
  const kase = (subject: string, contactId: string | null, accountId: string, status: string, closed: boolean) =>
    add(org, 'Case', {
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
}
