// What a real org's setup and load do to API calls: the daily allowance, sessions the REST API
// refuses (Lightning-host sessions, API Access Control), record locks, query timeouts, field-level
// security, validation rules and the Standard Lead Duplicate Rule. Each switch as the emulator
// holds it; control.test.ts turns the same switches through the control API.
import { describe, expect, it } from 'vitest';
import type { SandboxRequest } from '../http.js';
import { API, apiClient } from './api-test-client.js';
import { LEAD_QUEUE_ID } from './org.js';
import { salesforcePagesHandler } from './pages.js';

const NOT_FOR_REST = [
  { message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' },
];

const lead = (fields: Record<string, unknown> = {}) => ({
  FirstName: 'Ida',
  LastName: 'Tarbell',
  Company: 'McClure',
  Email: 'ida@mcclure.example',
  ...fields,
});

describe('the daily API allowance', () => {
  it('refuses every call at or over the limit with REQUEST_LIMIT_EXCEEDED, until the window frees', async () => {
    const { must, org } = apiClient();
    org.apiLimit = 500;
    org.apiUsage = 499;
    expect((await must('GET', `${API}/`)).headers['Sforce-Limit-Info']).toBe('api-usage=500/500');
    for (const path of [`${API}/`, `${API}/sobjects/Lead/${org.ofType('Lead')[0]?.Id}`]) {
      const refused = await must('GET', path);
      expect([refused.status, refused.json]).toEqual([
        403,
        [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
      ]);
      expect(refused.headers['Sforce-Limit-Info']).toBe('api-usage=500/500');
    }
    const write = await must('POST', `${API}/sobjects/Lead`, { body: lead() });
    expect(write.status).toBe(403);
    expect(org.ofType('Lead').some((l) => l.fields.LastName === 'Tarbell')).toBe(false);
    expect(org.apiUsage).toBe(500);

    // The rolling 24-hour window moves on and frees calls.
    org.apiUsage = 420;
    const again = await must('GET', `${API}/`);
    expect(again.status).toBe(200);
    expect(again.headers['Sforce-Limit-Info']).toBe('api-usage=421/500');
  });
});

describe('sessions the REST API refuses', () => {
  it("refuses the Lightning host's session, which is not an API session", async () => {
    const { must, session } = apiClient();
    expect(session.lightningSid).not.toBe(session.sid);
    const answer = await must('GET', `${API}/chatter/users/me`, { sid: session.lightningSid });
    expect([answer.status, answer.json]).toEqual([401, NOT_FOR_REST]);
  });

  it('says expired, not "not valid", once the login ended', async () => {
    const { must, session } = apiClient();
    session.valid = false;
    for (const sid of [session.sid, session.lightningSid]) {
      const answer = await must('GET', `${API}/`, { sid });
      expect(answer.json).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
  });

  it('refuses every browser session under API Access Control, while the pages stay logged in', async () => {
    const { must, org, session } = apiClient();
    org.setup.apiAccessControl = true;
    const answer = await must('GET', `${API}/query?q=${encodeURIComponent('SELECT Id FROM Lead')}`);
    expect([answer.status, answer.json]).toEqual([401, NOT_FOR_REST]);
    expect(org.apiUsage).toBe(0);

    const pages = salesforcePagesHandler(org);
    const page = async (url: string, sid: string) => {
      const parsed = new URL(url);
      const req: SandboxRequest = {
        method: 'GET',
        url: parsed,
        host: parsed.hostname,
        headers: {},
        body: '',
        cookies: { sid },
      };
      return (await pages(req))?.status;
    };
    const leadId = org.ofType('Lead')[0]?.Id as string;
    expect(await page(`${org.lightningOrigin}/lightning/r/Lead/${leadId}/view`, session.lightningSid)).toBe(200);
    expect(await page(`${org.classicOrigin}/${leadId.slice(0, 15)}`, session.sid)).toBe(200);

    org.setup.apiAccessControl = false;
    expect((await must('GET', `${API}/`)).status).toBe(200);
  });

  it('a High Assurance requirement refuses a Standard session with the same words; a second-factor login passes', async () => {
    const { must, org } = apiClient();
    org.setup.highAssuranceForApi = true;
    expect((await must('GET', `${API}/`)).json).toEqual(NOT_FOR_REST);
    const strong = org.createSession(org.defaultUserId, 'high-assurance');
    expect((await must('GET', `${API}/`, { sid: strong.sid })).status).toBe(200);
  });

  it('login IP ranges enforced on every request refuse every session with the same words', async () => {
    const { must, org } = apiClient();
    org.setup.ipRestricted = true;
    const strong = org.createSession(org.defaultUserId, 'high-assurance');
    for (const sid of [undefined, strong.sid])
      expect((await must('GET', `${API}/`, sid ? { sid } : {})).json).toEqual(NOT_FOR_REST);
    expect(org.apiUsage).toBe(0);
  });
});

describe('record locks', () => {
  const LOCKED = (id: string) => [
    {
      message: `unable to obtain exclusive access to this record or 1 records: ${id}`,
      errorCode: 'UNABLE_TO_LOCK_ROW',
      fields: [],
    },
  ];

  it('fails the next N writes with UNABLE_TO_LOCK_ROW and changes nothing', async () => {
    const { must, org } = apiClient();
    const target = org.ofType('Lead')[0]!;
    org.trouble.lockedWrites = 3;
    const create = await must('POST', `${API}/sobjects/Lead`, { body: lead() });
    expect([create.status, create.json]).toEqual([400, LOCKED('null')]);
    const update = await must('PATCH', `${API}/sobjects/Lead/${target.Id}`, { body: { Title: 'CEO' } });
    expect([update.status, update.json]).toEqual([400, LOCKED(target.Id)]);
    const remove = await must('DELETE', `${API}/sobjects/Lead/${target.Id}`);
    expect([remove.status, remove.json]).toEqual([400, LOCKED(target.Id)]);
    expect(org.get(target.Id)?.fields.Title ?? null).toBeNull();
    expect(org.ofType('Lead').some((l) => l.fields.LastName === 'Tarbell')).toBe(false);

    // Reads never take a lock, and the fourth write goes through.
    expect((await must('GET', `${API}/sobjects/Lead/${target.Id}`)).status).toBe(200);
    expect((await must('PATCH', `${API}/sobjects/Lead/${target.Id}`, { body: { Title: 'CEO' } })).status).toBe(204);
  });

  it('fails only the locked subrequest of a composite without allOrNone', async () => {
    const { must, org } = apiClient();
    org.trouble.lockedWrites = 1;
    const answer = await must('POST', `${API}/composite`, {
      body: {
        allOrNone: false,
        compositeRequest: [
          { method: 'POST', url: `${API}/sobjects/Lead`, referenceId: 'first', body: lead() },
          {
            method: 'POST',
            url: `${API}/sobjects/Event`,
            referenceId: 'second',
            body: { Subject: 'Call', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 10 },
          },
        ],
      },
    });
    const [first, second] = (answer.json as { compositeResponse: { httpStatusCode: number; body: unknown }[] })
      .compositeResponse;
    expect([first?.httpStatusCode, first?.body]).toEqual([400, LOCKED('null')]);
    expect(second?.httpStatusCode).toBe(201);
  });
});

describe('query timeouts', () => {
  it('fails the next N queries with QUERY_TIMEOUT', async () => {
    const { query, org } = apiClient();
    org.trouble.queryTimeouts = 1;
    const timedOut = await query('SELECT Id FROM Lead');
    expect([timedOut.status, timedOut.json]).toEqual([
      400,
      [{ message: 'Your query request was running for too long.', errorCode: 'QUERY_TIMEOUT' }],
    ]);
    expect((await query('SELECT Id FROM Lead')).status).toBe(200);
  });
});

describe('field-level security', () => {
  const denied = (field: string) => [
    {
      message: `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: [field],
    },
  ];

  it('refuses a create or update that sets a field the user may not write', async () => {
    const { must, org } = apiClient();
    org.setup.readOnlyFields.set('Event', new Set(['Description']));
    const event = { Subject: 'Call', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 10 };
    const create = await must('POST', `${API}/sobjects/Event`, { body: { ...event, description: 'notes' } });
    expect([create.status, create.json]).toEqual([400, denied('Description')]);
    const created = await must('POST', `${API}/sobjects/Event`, { body: event });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const update = await must('PATCH', `${API}/sobjects/Event/${id}`, { body: { Description: null } });
    expect([update.status, update.json]).toEqual([400, denied('Description')]);
    expect((await must('PATCH', `${API}/sobjects/Event/${id}`, { body: { Subject: 'Demo' } })).status).toBe(204);
  });

  it('says so in describe', async () => {
    const { must, org } = apiClient();
    org.setup.readOnlyFields.set('Lead', new Set(['Title']));
    const answer = await must('GET', `${API}/sobjects/Lead/describe`);
    const title = (answer.json as { fields: { name: string; createable: boolean; updateable: boolean }[] }).fields.find(
      (f) => f.name === 'Title',
    );
    expect(title).toMatchObject({ createable: false, updateable: false });
  });
});

describe('validation rules', () => {
  it("answers the admin's message at the field when the field is non-blank after the save", async () => {
    const { must, org } = apiClient();
    org.setup.validationRules.push({
      sobject: 'Lead',
      field: 'Title',
      message: 'Title must stay empty for web leads.',
    });
    const refused = await must('POST', `${API}/sobjects/Lead`, { body: lead({ Title: 'CTO' }) });
    expect([refused.status, refused.json]).toEqual([
      400,
      [
        {
          message: 'Title must stay empty for web leads.',
          errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          fields: ['Title'],
        },
      ],
    ]);
    // Kept by its creator (no assignment rule to a queue), so that the rep may edit it.
    const created = await must('POST', `${API}/sobjects/Lead`, {
      body: lead(),
      headers: { 'Sforce-Auto-Assign': 'FALSE' },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await must('PATCH', `${API}/sobjects/Lead/${id}`, { body: { Title: 'CTO' } })).status).toBe(400);
    expect(org.get(id)?.fields.Title ?? null).toBeNull();
  });

  it('fires on every save of the object when tied to no field', async () => {
    const { must, org } = apiClient();
    org.setup.validationRules.push({ sobject: 'Event', message: 'Events are read-only this week.' });
    const event = { Subject: 'Call', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 10 };
    const refused = await must('POST', `${API}/sobjects/Event`, { body: event });
    expect(refused.json).toEqual([
      { message: 'Events are read-only this week.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] },
    ]);
    expect((await must('POST', `${API}/sobjects/Lead`, { body: lead() })).status).toBe(201);
  });

  it('reports every rule that fires, one error each', async () => {
    const { must, org } = apiClient();
    org.setup.validationRules.push(
      { sobject: 'Event', message: 'First rule.' },
      { sobject: 'Event', field: 'Location', message: 'No locations.' },
      { sobject: 'Event', field: 'Description', message: 'Not fired: Description stays blank.' },
    );
    const event = { Subject: 'Call', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 10, Location: 'x' };
    const refused = await must('POST', `${API}/sobjects/Event`, { body: event });
    expect(refused.json).toEqual([
      { message: 'First rule.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] },
      { message: 'No locations.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Location'] },
    ]);
  });
});

describe('the Standard Lead Duplicate Rule', () => {
  const ada = (org: ReturnType<typeof apiClient>['org']) =>
    org.ofType('Lead').find((l) => l.fields.LastName === 'Lovelace')!;
  const duplicateOf = (matchResults: unknown[]) => [
    {
      duplicateResut: {
        allowSave: true,
        duplicateRule: 'Standard_Lead_Duplicate_Rule',
        duplicateRuleEntityType: 'Lead',
        errorMessage: 'Use one of these records?',
        matchResults,
      },
      errorCode: 'DUPLICATES_DETECTED',
      message: 'Use one of these records?',
    },
  ];
  const matchResult = (entityType: string, rule: string, ids: string[]) => ({
    entityType,
    errors: [],
    matchEngine: 'FuzzyMatchEngine',
    matchRecords: ids.map((id) => ({
      additionalInformation: [],
      fieldDiffs: [],
      matchConfidence: 100,
      record: { attributes: { type: entityType, url: `${API}/sobjects/${entityType}/${id}` }, Id: id },
    })),
    rule,
    size: ids.length,
    success: true,
  });

  it('refuses a Lead with the email of an existing Lead, naming it', async () => {
    const { must, org } = apiClient();
    const before = org.ofType('Lead').length;
    const answer = await must('POST', `${API}/sobjects/Lead`, {
      body: { LastName: 'Byron', Company: 'Elsewhere', Email: 'ADA@engines.example' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(duplicateOf([matchResult('Lead', 'Standard_Lead_Match_Rule_v1_0', [ada(org).Id])]));
    expect(org.ofType('Lead')).toHaveLength(before);
  });

  // Salesforce Help "Standard Lead Matching Rule" and "Matching Methods Used with Matching Rules":
  // fuzzy first name (initials, Jaro-Winkler), fuzzy last name, fuzzy company (legal suffixes and
  // punctuation aside); blank fields never match (Metadata API "MatchingRule", BlankValueBehavior
  // NullNotAllowed by default).
  it('matches fuzzy first name, last name and company together; a blank never matches', async () => {
    const { must } = apiClient();
    for (const body of [
      { FirstName: 'ada', LastName: 'LOVELACE', Company: 'analytical engines' },
      { FirstName: 'A.', LastName: 'Lovelace', Company: 'Analytical Engines Inc.' },
      { FirstName: 'Adah', LastName: 'Lovelance', Company: 'Analytical Engine' },
    ]) {
      expect((await must('POST', `${API}/sobjects/Lead`, { body })).error?.errorCode, JSON.stringify(body)).toBe(
        'DUPLICATES_DETECTED',
      );
    }
    for (const body of [
      { LastName: 'Lovelace', Company: 'Analytical Engines' },
      { FirstName: 'Byron', LastName: 'Lovelace', Company: 'Analytical Engines' },
      { FirstName: 'Ada', LastName: 'Lovelace', Company: 'Difference Engines' },
    ]) {
      expect((await must('POST', `${API}/sobjects/Lead`, { body })).status, JSON.stringify(body)).toBe(201);
    }
  });

  it('compares Leads the rep cannot see, but names only the ones they can: a match can name none', async () => {
    const { must, org } = apiClient();
    org.insert('Lead', {
      FirstName: 'Sam',
      LastName: 'Guest',
      Company: 'Unknown (Glance guest)',
      Email: 'sam@gmail.com',
      OwnerId: LEAD_QUEUE_ID,
      IsConverted: false,
    });
    const body = { FirstName: 'Sam', LastName: 'Guest', Company: 'Unknown (Glance guest)', Email: 'sam.g@yahoo.com' };
    const refused = await must('POST', `${API}/sobjects/Lead`, { body });
    expect(refused.json).toEqual(duplicateOf([]));
    // runAsCurrentUser=true: the rule compares only what the rep may see, and lets it through.
    const own = await must('POST', `${API}/sobjects/Lead`, {
      body,
      headers: { 'Sforce-Duplicate-Rule-Header': 'runAsCurrentUser=true' },
    });
    expect(own.status).toBe(201);
  });

  it('a Block rule refuses the duplicate even with allowSave=true, and says it cannot be saved', async () => {
    const { must, org } = apiClient();
    org.setup.leadDuplicateAction = 'block';
    const answer = await must('POST', `${API}/sobjects/Lead`, {
      body: { FirstName: 'Ada', LastName: 'Lovelace', Company: 'Analytical Engines', Email: 'countess@example.org' },
      headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' },
    });
    expect(answer.error?.errorCode).toBe('DUPLICATES_DETECTED');
    expect((answer.json as { duplicateResut: { allowSave: boolean } }[])[0]?.duplicateResut.allowSave).toBe(false);
  });

  it('matches a Lead against the Contacts too (the Standard Contact Matching Rule)', async () => {
    const { must, org } = apiClient();
    const hank = org.ofType('Contact').find((c) => c.fields.LastName === 'Scorpio')!;
    const answer = await must('POST', `${API}/sobjects/Lead`, {
      body: { LastName: 'Guest', Company: 'Unknown', Email: 'hank@globex.example' },
    });
    expect(answer.json).toEqual(duplicateOf([matchResult('Contact', 'Standard_Contact_Match_Rule_v1_1', [hank.Id])]));
  });

  it('saves the duplicate when the request sends Sforce-Duplicate-Rule-Header: allowSave=true', async () => {
    const { must } = apiClient();
    const body = { LastName: 'Byron', Company: 'Elsewhere', Email: 'ada@engines.example' };
    for (const header of ['allowSave=false', 'AllowSave=TRUE', 'includeRecordDetails=true']) {
      const refused = await must('POST', `${API}/sobjects/Lead`, {
        body,
        headers: { 'Sforce-Duplicate-Rule-Header': header },
      });
      expect(refused.error?.errorCode).toBe('DUPLICATES_DETECTED');
    }
    const saved = await must('POST', `${API}/sobjects/Lead`, {
      body,
      headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true; includeRecordDetails=true; runAsCurrentUser=true' },
    });
    expect(saved.status).toBe(201);
  });

  it("applies the composite request's header to its subrequests, and a subrequest's own header", async () => {
    const { must } = apiClient();
    const sub = (referenceId: string, email: string, httpHeaders?: Record<string, string>) => ({
      method: 'POST',
      url: `${API}/sobjects/Lead`,
      referenceId,
      body: { LastName: 'Byron', Company: 'Elsewhere', Email: email },
      ...(httpHeaders ? { httpHeaders } : {}),
    });
    const codes = async (requests: unknown[], headers?: Record<string, string>) => {
      const answer = await must('POST', `${API}/composite`, {
        body: { allOrNone: false, compositeRequest: requests },
        headers,
      });
      return (answer.json as { compositeResponse: { httpStatusCode: number }[] }).compositeResponse.map(
        (r) => r.httpStatusCode,
      );
    };
    expect(
      await codes([
        sub('plain', 'ada@engines.example'),
        sub('own', 'grace@compilers.example', { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' }),
      ]),
    ).toEqual([400, 201]);
    expect(
      await codes(
        [
          sub('inherits', 'mallory@evil.example'),
          sub('overrides', 'peter@initech.example', { 'Sforce-Duplicate-Rule-Header': 'allowSave=false' }),
        ],
        { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' },
      ),
    ).toEqual([201, 400]);
  });

  it('reports the duplicate per record in sObject collections', async () => {
    const { must } = apiClient();
    const answer = await must('POST', `${API}/composite/sobjects`, {
      body: {
        allOrNone: false,
        records: [
          { attributes: { type: 'Lead' }, LastName: 'Byron', Company: 'Elsewhere', Email: 'ada@engines.example' },
          { attributes: { type: 'Lead' }, LastName: 'New', Company: 'Fresh Co', Email: 'new@fresh.example' },
        ],
      },
    });
    const [dupe, fresh] = answer.json as { success: boolean; errors: { statusCode: string }[] }[];
    expect(dupe?.errors.map((e) => e.statusCode)).toEqual(['DUPLICATES_DETECTED']);
    expect(fresh?.success).toBe(true);
  });

  it('does not refuse edits, nor anything once the rule is off', async () => {
    const { must, org } = apiClient();
    const grace = org.ofType('Lead').find((l) => l.fields.LastName === 'Hopper')!;
    const edit = await must('PATCH', `${API}/sobjects/Lead/${grace.Id}`, { body: { Email: 'ada@engines.example' } });
    expect(edit.status).toBe(204);
    org.setup.standardLeadDuplicateRule = false;
    const create = await must('POST', `${API}/sobjects/Lead`, {
      body: { LastName: 'Lovelace', Company: 'Analytical Engines' },
    });
    expect(create.status).toBe(201);
  });
});
