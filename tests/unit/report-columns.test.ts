// Which report type columns the Glance reports use, read from a Report Type Describe answer
// (src/pages/options/reports/columns.ts): by the name orgs have used, else by label, always of a
// data type that can do what the report asks.
import { describe, expect, it } from 'vitest';
import { pickColumns } from '../../src/pages/options/reports/columns.js';

const describeOf = (columns: Record<string, { label: string; dataType: string }>) => ({
  reportMetadata: { reportType: { type: 'Activity', label: 'Tasks and Events' } },
  reportTypeMetadata: {
    // Only the first four: the rest are missing.
    categories: [{ label: 'Activity', columns: Object.fromEntries(Object.entries(columns).slice(0, 4)) }],
  },
});

const ENGLISH = {
  'Activity.Subject': { label: 'Subject', dataType: 'string' },
  'Activity.Date': { label: 'Date', dataType: 'date' },
  'Activity.Duration': { label: 'Duration', dataType: 'int' },
  'Activity.Location': { label: 'Location', dataType: 'string' },
  'Activity.Owner': { label: 'Assigned', dataType: 'string' },
  'Activity.Who': { label: 'Name', dataType: 'string' },
  'Activity.What': { label: 'Related To', dataType: 'string' },
  'Activity.WhoType': { label: 'Name: Type', dataType: 'picklist' },
  'Activity.WhatType': { label: 'Related To: Type', dataType: 'picklist' },
};

function inTwoCategories(columns: Record<string, { label: string; dataType: string }>) {
  const entries = Object.entries(columns);
  return {
    reportTypeMetadata: {
      categories: [
        { label: 'Activity', columns: Object.fromEntries(entries.slice(0, 4)) },
        { label: 'General', columns: Object.fromEntries(entries.slice(4)) },
      ],
    },
  };
}

describe('report columns from the report type describe', () => {
  it('finds each by label when the names are unknown, across categories', () => {
    expect(pickColumns(inTwoCategories(ENGLISH))).toEqual({
      ok: true,
      columns: {
        subject: 'Activity.Subject',
        date: 'Activity.Date',
        duration: 'Activity.Duration',
        location: 'Activity.Location',
        assigned: 'Activity.Owner',
        whoName: 'Activity.Who',
        whatName: 'Activity.What',
        whoType: 'Activity.WhoType',
        whatType: 'Activity.WhatType',
      },
    });
  });

  it('takes the known name first, so a user in another language (labels in theirs) gets the same', () => {
    const german = inTwoCategories({
      SUBJECT: { label: 'Betreff', dataType: 'string' },
      DUE_DATE: { label: 'Datum', dataType: 'date' },
      DURATION: { label: 'Dauer', dataType: 'int' },
      LOCATION: { label: 'Ort', dataType: 'string' },
      ASSIGNED: { label: 'Zugewiesen', dataType: 'string' },
      WHO_NAME: { label: 'Name', dataType: 'string' },
      WHAT_NAME: { label: 'Bezug', dataType: 'string' },
      WHO_TYPE: { label: 'Name: Typ', dataType: 'string' },
      WHAT_TYPE: { label: 'Bezug: Typ', dataType: 'string' },
    });
    expect(pickColumns(german)).toMatchObject({ ok: true, columns: { subject: 'SUBJECT', whatType: 'WHAT_TYPE' } });
  });

  it('never takes a column of the wrong data type, and names the first one missing', () => {
    const textDuration = { ...ENGLISH, 'Activity.Duration': { label: 'Duration', dataType: 'string' } };
    expect(pickColumns(inTwoCategories(textDuration))).toEqual({ ok: false, missing: 'Duration' });
    const { 'Activity.Location': _gone, ...noLocation } = ENGLISH;
    expect(pickColumns(inTwoCategories(noLocation))).toEqual({ ok: false, missing: 'Location' });
    expect(pickColumns(describeOf(ENGLISH))).toMatchObject({ ok: false });
    expect(pickColumns(null)).toEqual({ ok: false, missing: 'Subject' });
    expect(pickColumns({ reportTypeMetadata: { categories: 'x' } })).toEqual({ ok: false, missing: 'Subject' });
  });
});
