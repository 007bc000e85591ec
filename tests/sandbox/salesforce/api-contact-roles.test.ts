// OpportunityContactRole as real orgs hold an opportunity's contacts, and the parent-to-child
// subqueries that read them (SOQL and SOSL Reference, "Relationship Queries"; Object Reference,
// "OpportunityContactRole").
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';

type Rows = { totalSize: number; done: boolean; records: Record<string, unknown>[] };
const rowsOf = (answer: { json: unknown }) => answer.json as Rows;

describe('OpportunityContactRole', () => {
  it('is seeded: primary roles where Opportunity.ContactId is set, and opportunities with roles but no ContactId', async () => {
    const { query } = apiClient();
    const roles = rowsOf(
      await query(
        'SELECT Opportunity.Name, Opportunity.ContactId, Contact.LastName, Role, IsPrimary FROM OpportunityContactRole ORDER BY Opportunity.Name',
      ),
    ).records;
    const withoutContactId = roles.filter((r) => (r.Opportunity as { ContactId: unknown }).ContactId === null);
    expect(withoutContactId.length).toBeGreaterThanOrEqual(2);
    const officeMove = roles.filter((r) => (r.Opportunity as { Name: string }).Name === 'Initech - Office Move');
    expect(officeMove.map((r) => [(r.Contact as { LastName: string }).LastName, r.IsPrimary])).toEqual([
      ['Gibbons', false],
      ['Nagheenanajar', true],
    ]);
    // Where Opportunity.ContactId is set, it is the primary role's contact.
    for (const role of roles.filter((r) => (r.Opportunity as { ContactId: unknown }).ContactId !== null))
      expect(role.IsPrimary).toBe(true);
  });

  it('filters through its Opportunity, and is created and read over REST with the 00K prefix', async () => {
    const { query, must, org } = apiClient();
    const samir = org.ofType('Contact').find((c) => c.fields.LastName === 'Nagheenanajar');
    const open = rowsOf(
      await query(
        `SELECT OpportunityId FROM OpportunityContactRole WHERE ContactId = '${samir?.Id}' AND Opportunity.IsClosed = false`,
      ),
    );
    expect(open.totalSize).toBe(1);
    const opportunityId = org.ofType('Opportunity')[0]?.Id;
    const created = await must('POST', `${API}/sobjects/OpportunityContactRole`, {
      body: { OpportunityId: opportunityId, ContactId: samir?.Id, Role: 'Influencer', IsPrimary: false },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect(id.startsWith('00K')).toBe(true);
    const read = await must('GET', `${API}/sobjects/OpportunityContactRole/${id}`);
    expect(read.json).toMatchObject({ OpportunityId: opportunityId, ContactId: samir?.Id, IsPrimary: false });
  });
});

describe('Opportunity.ContactId', () => {
  // Object Reference, "Opportunity": ContactId is "derived from the opportunity contact role, which is
  // created at the same time the opportunity is created. This field can only be populated when it's
  // created, and can't be updated" (properties Create, Filter, Group, Nillable, Sort).
  it('set on create makes that contact the primary contact role, and cannot be updated', async () => {
    const { must, org } = apiClient();
    const hank = org.ofType('Contact').find((c) => c.fields.LastName === 'Scorpio');
    const created = await must('POST', `${API}/sobjects/Opportunity`, {
      body: { Name: 'Globex - Monorail', StageName: 'Prospecting', CloseDate: '2026-12-31', ContactId: hank?.Id },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const roles = org.ofType('OpportunityContactRole').filter((r) => r.fields.OpportunityId === id);
    expect(roles.map((r) => [r.fields.ContactId, r.fields.IsPrimary])).toEqual([[hank?.Id, true]]);
    const withoutContact = await must('POST', `${API}/sobjects/Opportunity`, {
      body: { Name: 'Globex - Statue', StageName: 'Prospecting', CloseDate: '2026-12-31' },
    });
    const bareId = (withoutContact.json as { id: string }).id;
    expect(org.ofType('OpportunityContactRole').filter((r) => r.fields.OpportunityId === bareId)).toEqual([]);
    const update = await must('PATCH', `${API}/sobjects/Opportunity/${bareId}`, { body: { ContactId: hank?.Id } });
    expect([update.status, update.error?.errorCode]).toEqual([400, 'INVALID_FIELD_FOR_INSERT_UPDATE']);
  });
});

describe('parent-to-child subqueries', () => {
  it("nest each parent's related records as a query result, null when it has none", async () => {
    const { query, org } = apiClient();
    org.insert('Opportunity', { Name: 'No Roles', StageName: 'Prospecting', IsClosed: false, CloseDate: '2026-12-31' });
    const rows = rowsOf(
      await query(
        "SELECT Name, ContactId, (SELECT ContactId, IsPrimary FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate ASC) FROM Opportunity WHERE Name IN ('Initech - Office Move', 'No Roles') ORDER BY Name DESC",
      ),
    ).records;
    const samir = org.ofType('Contact').find((c) => c.fields.LastName === 'Nagheenanajar');
    const peter = org.ofType('Contact').find((c) => c.fields.LastName === 'Gibbons');
    expect(rows).toEqual([
      {
        attributes: expect.objectContaining({ type: 'Opportunity' }),
        Name: 'No Roles',
        ContactId: null,
        OpportunityContactRoles: null,
      },
      {
        attributes: expect.objectContaining({ type: 'Opportunity' }),
        Name: 'Initech - Office Move',
        ContactId: null,
        OpportunityContactRoles: {
          totalSize: 2,
          done: true,
          records: [
            {
              attributes: expect.objectContaining({ type: 'OpportunityContactRole' }),
              ContactId: samir?.Id,
              IsPrimary: true,
            },
            {
              attributes: expect.objectContaining({ type: 'OpportunityContactRole' }),
              ContactId: peter?.Id,
              IsPrimary: false,
            },
          ],
        },
      },
    ]);
  });

  it('apply their own WHERE and LIMIT, and work from Contact too', async () => {
    const { query, org } = apiClient();
    const peter = org.ofType('Contact').find((c) => c.fields.LastName === 'Gibbons');
    const rows = rowsOf(
      await query(
        `SELECT Id, (SELECT Opportunity.Name FROM OpportunityContactRoles WHERE IsPrimary = true ORDER BY Opportunity.Name LIMIT 1) FROM Contact WHERE Id = '${peter?.Id}'`,
      ),
    ).records;
    expect(
      (rows[0]?.OpportunityContactRoles as Rows | undefined)?.records.map(
        (r) => (r.Opportunity as { Name: string }).Name,
      ),
    ).toEqual(['Initech - Printer Upgrade']);
  });

  it('refuse an unknown relationship and a subquery inside a subquery, as Salesforce words it', async () => {
    const { query } = apiClient();
    const unknown = await query('SELECT Id, (SELECT Id FROM ContactRoles) FROM Opportunity');
    expect(unknown.status).toBe(400);
    expect(unknown.error?.errorCode).toBe('INVALID_TYPE');
    expect(unknown.error?.message).toContain(
      "Didn't understand relationship 'ContactRoles' in FROM part of query call.",
    );
    const nested = await query(
      'SELECT Id, (SELECT Id, (SELECT Id FROM OpportunityContactRoles) FROM OpportunityContactRoles) FROM Opportunity',
    );
    expect(nested.status).toBe(400);
    expect(nested.error?.errorCode).toBe('MALFORMED_QUERY');
  });
});
