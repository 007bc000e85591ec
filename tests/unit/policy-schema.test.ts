// The Company Settings tab's policy logic: fields derived from extension/managed-schema.json, the
// schema check an administrator gets before deploying, the policy as it applies (set / not set /
// invalid) in plain language, and the strings each derived name needs.
import { beforeAll, describe, expect, it } from 'vitest';
import english from '../../extension/_locales/en/messages.json' with { type: 'json' };
import schema from '../../extension/managed-schema.json' with { type: 'json' };
import { useMessages } from '../../src/shared/i18n.js';
import { POLICY_FIELDS, unwrapPolicy, validatePolicy, validPart } from '../../src/shared/policy-schema.js';
import { adjustments, policyRows, problemText } from '../../src/shared/policy-text.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';

beforeAll(() => useMessages(chromeGetMessage));

const FULL = {
  allowedUsage: ['support'],
  defaultUsage: 'support',
  maxLeadCreation: 'email',
  allowFixedKey: false,
  allowNoKey: true,
  glanceAddressPattern: '*.acme.glance.net',
  allowChatter: false,
};

describe('fields derived from the schema', () => {
  it('one field per schema key, in schema order, its kind from the schema shape', () => {
    expect(POLICY_FIELDS.map((f) => f.key)).toEqual(Object.keys(schema.properties));
    expect(Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, f.kind]))).toEqual({
      allowedUsage: 'choices',
      defaultUsage: 'choice',
      maxLeadCreation: 'choice',
      allowFixedKey: 'boolean',
      allowNoKey: 'boolean',
      glanceAddressPattern: 'text',
      allowChatter: 'boolean',
      leadAssignmentRules: 'boolean',
      glanceIdpId: 'text',
      glanceIdpName: 'text',
      glanceIdpToken: 'text',
      presenceVisitorIdFields: 'text',
      wrapUpOutcomes: 'list',
    });
  });

  it('every schema key, enum value and JSON type has its English strings with a description', () => {
    const messages = english as Record<string, { message: string; description?: string }>;
    const needed = new Set<string>(['policyType_string', 'policyType_boolean', 'policyType_array']);
    for (const field of POLICY_FIELDS) {
      needed.add(`policyTitle_${field.key}`);
      needed.add(`policyHelp_${field.key}`);
      if (field.kind === 'choice' || field.kind === 'choices') {
        for (const value of field.values) needed.add(`policyValue_${value}`);
      }
    }
    const missing = [...needed].filter((key) => !messages[key]?.message || !messages[key]?.description);
    expect(missing).toEqual([]);
  });
});

describe('validatePolicy (what Chrome would drop, and Firefox would pass on unchecked)', () => {
  it('accepts a full valid policy and the empty one', () => {
    expect(validatePolicy(FULL)).toEqual([]);
    expect(validatePolicy({})).toEqual([]);
  });

  it('names each wrong value with the path, and says it clearly', () => {
    const problems = validatePolicy({
      allowedUsage: ['sales', 'marketing'],
      maxLeadCreation: 'all',
      allowChatter: 'no',
      glanceAddressPattern: 5,
      colour: 'blue',
    });
    expect(problems).toEqual([
      { path: 'allowedUsage[1]', problem: 'not-allowed', value: 'marketing', allowed: ['sales', 'support'] },
      { path: 'maxLeadCreation', problem: 'not-allowed', value: 'all', allowed: ['never', 'email', 'emailAndName'] },
      { path: 'allowChatter', problem: 'wrong-type', expected: 'boolean' },
      { path: 'glanceAddressPattern', problem: 'wrong-type', expected: 'string' },
      { path: 'colour', problem: 'unknown-key' },
    ]);
    expect(problems.map(problemText)).toEqual([
      'allowedUsage[1]: "marketing" is not allowed. Use one of: sales, support.',
      'maxLeadCreation: "all" is not allowed. Use one of: never, email, emailAndName.',
      'allowChatter must be true or false.',
      'glanceAddressPattern must be text in quotes.',
      'colour is not a rule of Glance for Salesforce: browsers ignore it.',
    ]);
  });

  it('a list must be a list, and a policy an object', () => {
    expect(validatePolicy({ allowedUsage: 'sales' })).toEqual([
      { path: 'allowedUsage', problem: 'wrong-type', expected: 'array' },
    ]);
    for (const raw of [null, [], 'x', 3]) {
      expect(validatePolicy(raw)).toEqual([{ path: '', problem: 'not-an-object' }]);
    }
  });
});

describe('unwrapPolicy and validPart (what the check and the form accept)', () => {
  it('finds the policy in the bare form, the Chrome/Edge form and the Firefox form', () => {
    expect(unwrapPolicy(FULL)).toEqual(FULL);
    expect(unwrapPolicy({ '3rdparty': { extensions: { anyid: FULL } } })).toEqual(FULL);
    expect(unwrapPolicy({ policies: { '3rdparty': { Extensions: { 'x@y': FULL } } } })).toEqual(FULL);
  });

  it('keeps only keys whose values fit', () => {
    expect(validPart({ ...FULL, maxLeadCreation: 'all', colour: 'blue' })).toEqual({
      ...Object.fromEntries(Object.entries(FULL).filter(([k]) => k !== 'maxLeadCreation')),
    });
  });
});

describe('policyRows (the policy as it applies)', () => {
  it('no policy: every rule not set, with the default the product uses in plain words', () => {
    const rows = policyRows({});
    expect(rows.every((r) => r.state === 'unset')).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.field.key, r.effective]))).toEqual({
      allowedUsage: 'Mostly for sales, Mostly for support',
      defaultUsage: 'Mostly for sales',
      maxLeadCreation: 'Guests who give an email and a name',
      allowFixedKey: 'yes',
      allowNoKey: 'yes',
      glanceAddressPattern: 'no restriction',
      allowChatter: 'yes',
      leadAssignmentRules: 'no',
      glanceIdpId: 'not used: reps connect with their Glance password',
      glanceIdpName: 'not used: reps connect with their Glance password',
      glanceIdpToken: 'not used: reps connect with their Glance password',
      presenceVisitorIdFields: 'not used: reps join with the key the customer reads them',
      wrapUpOutcomes: 'Demo given, Issue resolved, Follow-up needed, No show',
    });
  });

  it('the wrap-up outcomes: a list of names as set, an empty list offers none, a broken one fails closed', () => {
    const row = (managed: Record<string, unknown>) => policyRows(managed).find((r) => r.field.key === 'wrapUpOutcomes');
    expect(row({ wrapUpOutcomes: ['Qualified', 'Not a fit'] })).toMatchObject({
      state: 'set',
      effective: 'Qualified, Not a fit',
    });
    expect(row({ wrapUpOutcomes: [] })).toMatchObject({ state: 'set', effective: 'none: reps pick no outcome' });
    expect(row({ wrapUpOutcomes: ['Qualified', 3] })).toMatchObject({
      state: 'invalid',
      effective: 'none: reps pick no outcome',
      problems: [{ path: 'wrapUpOutcomes[1]', problem: 'wrong-type', expected: 'string' }],
    });
    expect(adjustments({ wrapUpOutcomes: [] })).toEqual([]);
  });

  it("an administrator's values are set; an invalid one says so, with its problem, and applies at its strictest", () => {
    const rows = policyRows({ maxLeadCreation: 'all', allowChatter: false });
    const lead = rows.find((r) => r.field.key === 'maxLeadCreation');
    expect(lead?.state).toBe('invalid');
    expect(lead?.effective).toBe('Never');
    expect(lead?.problems).toHaveLength(1);
    const chatter = rows.find((r) => r.field.key === 'allowChatter');
    expect(chatter).toMatchObject({ state: 'set', effective: 'no' });
    expect(rows.find((r) => r.field.key === 'defaultUsage')?.state).toBe('unset');
  });

  it('a default usage outside the allowed ones: the default follows the allowed list', () => {
    const rows = policyRows({ allowedUsage: ['support'] });
    expect(rows.find((r) => r.field.key === 'defaultUsage')).toMatchObject({
      state: 'unset',
      effective: 'Mostly for support',
    });
  });
});

describe('adjustments (what the form warns about before deploying)', () => {
  it('nothing for a consistent policy', () => {
    expect(adjustments(FULL)).toEqual([]);
    expect(adjustments({})).toEqual([]);
  });

  it('says what the extension would use instead, from the product rules', () => {
    expect(adjustments({ allowedUsage: ['support'], defaultUsage: 'sales' })).toEqual([
      'Default Salesforce usage: the extension will use Mostly for support, because of your other rules.',
    ]);
    expect(adjustments({ allowedUsage: [] })).toEqual([
      'Salesforce usage reps may choose: choose at least one, or the extension allows every choice.',
    ]);
    expect(adjustments({ glanceAddressPattern: ' *.ACME.glance.net' })).toEqual([
      'Allowed Glance addresses: the extension will use *.acme.glance.net, because of your other rules.',
    ]);
  });
});

describe('Check a policy: control characters', () => {
  it('names a rule whose text holds a line break, a tab or another control character', () => {
    expect(validatePolicy({ glanceAddressPattern: '*.acme.glance.net\n', glanceIdpName: 'acme\tco' })).toEqual([
      { path: 'glanceAddressPattern', problem: 'control-character' },
      { path: 'glanceIdpName', problem: 'control-character' },
    ]);
    expect(validatePolicy({ glanceAddressPattern: '*.acme.glance.net' })).toEqual([]);
  });
});
