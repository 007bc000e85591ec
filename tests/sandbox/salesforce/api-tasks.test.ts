// The Task rules the wrap-up's next step depends on (Object Reference, "Task"): Status and Priority
// defaulted on create and kept to their standard values, a due date, a lead's task without WhatId.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';

function setup() {
  const client = apiClient();
  const idOf = (type: string, index = 0) => client.org.ofType(type)[index]?.Id as string;
  const createTask = (body: Record<string, unknown>) => client.must('POST', `${API}/sobjects/Task`, { body });
  return { ...client, idOf, createTask };
}

describe('tasks', () => {
  it('creates a task with a due date, defaulting Status and Priority, owned by the caller', async () => {
    const { createTask, org, idOf } = setup();
    const answer = await createTask({
      Subject: 'Send the quote',
      ActivityDate: '2026-03-05',
      WhatId: idOf('Opportunity'),
    });
    expect(answer.status).toBe(201);
    const task = org.get((answer.json as { id: string }).id);
    expect(task?.Id.startsWith('00T')).toBe(true);
    expect(task?.fields).toMatchObject({
      Subject: 'Send the quote',
      ActivityDate: '2026-03-05',
      Status: 'Not Started',
      Priority: 'Normal',
      IsClosed: false,
    });
    expect(typeof task?.fields.OwnerId).toBe('string');
  });

  it('is found again by SOQL on its relation, subject and due date', async () => {
    const { createTask, must, idOf } = setup();
    const WhatId = idOf('Opportunity');
    await createTask({ Subject: 'Call back', ActivityDate: '2026-03-05', WhatId });
    const soql = `SELECT Id FROM Task WHERE WhatId = '${WhatId}' AND Subject = 'Call back' AND ActivityDate = 2026-03-05`;
    const answer = await must('GET', `${API}/query?q=${encodeURIComponent(soql)}`);
    expect((answer.json as { totalSize: number }).totalSize).toBe(1);
  });

  it('takes only the standard Status and Priority values', async () => {
    const { createTask } = setup();
    expect((await createTask({ Subject: 'x', Status: 'Not Started', Priority: 'Normal' })).status).toBe(201);
    expect((await createTask({ Subject: 'x', Status: 'Soon' })).error).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['Status'],
    });
    expect((await createTask({ Subject: 'x', Priority: 'Urgent' })).error?.fields).toEqual(['Priority']);
  });

  it('refuses a Subject over 255 characters and a due date Salesforce cannot read', async () => {
    const { createTask } = setup();
    expect((await createTask({ Subject: 's'.repeat(256) })).error?.errorCode).toBe('STRING_TOO_LONG');
    expect((await createTask({ Subject: 'x', ActivityDate: 'tomorrow' })).error?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it("refuses a WhatId on a lead's task", async () => {
    const { createTask, idOf } = setup();
    expect((await createTask({ Subject: 'x', WhoId: idOf('Lead'), WhatId: idOf('Case') })).error).toEqual({
      message: 'Only contacts may be associated with other objects.',
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      fields: ['WhatId'],
    });
  });
});
