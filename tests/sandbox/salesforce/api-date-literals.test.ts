// SOQL's relative date literal LAST_N_DAYS:n, as the popup's Recent sessions sends it (SOQL and SOSL
// Reference, "Date Formats and Date Literals in WHERE"): "starts with the current day and continues
// for the past n days. This range includes today": LAST_N_DAYS:1 is yesterday and today. A literal is
// a range: = is inside it, < before its start, > after its end. It filters date and dateTime fields
// only; the emulator counts days in UTC (its users have no other time zone).
import { describe, expect, it } from 'vitest';
import { apiClient } from './api-test-client.js';
import { SalesforceOrg } from './org.js';

type Rows = { totalSize: number; records: Record<string, unknown>[] };
const DAY = 86_400_000;

function orgWithEvents() {
  const org = new SalesforceOrg();
  const todayStart = Math.floor(Date.now() / DAY) * DAY;
  const at = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
  const events = {
    today: at(todayStart + 60_000),
    // The first minute of the range's first day, and the last minute before it.
    firstDay: at(todayStart - 30 * DAY),
    beforeRange: at(todayStart - 30 * DAY - 60_000),
    tomorrow: at(todayStart + DAY + 60_000),
  };
  for (const [name, time] of Object.entries(events)) {
    org.insert('Event', { Subject: name, StartDateTime: time, EndDateTime: time, OwnerId: org.defaultUserId });
  }
  return apiClient(org);
}

const subjects = (answer: { json: unknown }) => (answer.json as Rows).records.map((r) => r.Subject);

describe('LAST_N_DAYS:n', () => {
  it('is today and the n days before it, in the order and number asked', async () => {
    const { query } = orgWithEvents();
    const answer = await query(
      'SELECT Id, Subject, StartDateTime FROM Event WHERE StartDateTime = LAST_N_DAYS:30 ORDER BY StartDateTime DESC LIMIT 200',
    );
    expect(answer.status).toBe(200);
    expect(subjects(answer)).toEqual(['today', 'firstDay']);
    expect(subjects(await query('SELECT Subject FROM Event WHERE StartDateTime = last_n_days:30 LIMIT 1'))).toEqual([
      'today',
    ]);
  });

  it('compares as a range: < is before its first day, > after today', async () => {
    const { query } = orgWithEvents();
    expect(subjects(await query('SELECT Subject FROM Event WHERE StartDateTime < LAST_N_DAYS:30'))).toEqual([
      'beforeRange',
    ]);
    expect(subjects(await query('SELECT Subject FROM Event WHERE StartDateTime > LAST_N_DAYS:30'))).toEqual([
      'tomorrow',
    ]);
    expect(subjects(await query('SELECT Subject FROM Event WHERE StartDateTime = LAST_N_DAYS:0'))).toEqual(['today']);
  });

  it('is refused on a field that is not a date, and without its number', async () => {
    const { query } = orgWithEvents();
    const onText = await query('SELECT Id FROM Event WHERE Subject = LAST_N_DAYS:30');
    expect(onText.status).toBe(400);
    expect(onText.error?.errorCode).toBe('INVALID_FIELD');
    expect(onText.error?.message).toContain("value of filter criterion for field 'Subject' must be of type string");
    for (const soql of [
      'SELECT Id FROM Event WHERE StartDateTime = LAST_N_DAYS',
      'SELECT Id FROM Event WHERE StartDateTime = LAST_N_DAYS:',
      'SELECT Id FROM Event WHERE StartDateTime = LAST_N_DAYS:x',
      'SELECT Id FROM Event WHERE StartDateTime = LAST_N_DAYS:-1',
    ]) {
      const answer = await query(soql);
      expect(answer.status, soql).toBe(400);
      expect(answer.error?.errorCode, soql).toBe('MALFORMED_QUERY');
    }
    // Quoted, it is a string, which a dateTime field does not take.
    const quoted = await query("SELECT Id FROM Event WHERE StartDateTime = 'LAST_N_DAYS:30'");
    expect(quoted.status).toBe(400);
    expect(quoted.error?.errorCode).toBe('INVALID_FIELD');
    expect(quoted.error?.message).toContain(
      "value of filter criterion for field 'StartDateTime' must be of type dateTime and should not be enclosed in quotes",
    );
  });
});
