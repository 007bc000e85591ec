import { describe, expect, it } from 'vitest';
import {
  addressAllowed,
  DEFAULT_SETTINGS,
  effectiveSettings,
  normalizeGlanceAddress,
  OPEN_POLICY,
  readPolicy,
  readSettings,
} from '../../src/shared/settings.js';

describe('normalizeGlanceAddress', () => {
  it.each([
    ['acme.glance.net', 'acme.glance.net'],
    ['  https://ACME.glance.net/  ', 'acme.glance.net'],
    ['http://ja.acme.glance.net/join?key=1', 'ja.acme.glance.net'],
    ['acme', 'acme.glance.net'],
  ])('%j → %s', (input, expected) => expect(normalizeGlanceAddress(input)).toBe(expected));
  it.each([
    '',
    '   ',
    'acme.example.com',
    'www.glance.net',
    'glance.net',
    'ac me.glance.net',
    '-acme.glance.net',
    'a..b.glance.net',
  ])('refuses %j', (input) => expect(normalizeGlanceAddress(input)).toBeUndefined());
});

describe('addressAllowed', () => {
  it('matches wildcard patterns', () => {
    expect(addressAllowed('ja.acme.glance.net', '*.acme.glance.net')).toBe(true);
    expect(addressAllowed('acme.glance.net', '*.acme.glance.net')).toBe(false);
    expect(addressAllowed('ja.evilacme.glance.net', '*.acme.glance.net')).toBe(false);
    expect(addressAllowed('anything.glance.net', '')).toBe(true);
  });
});

describe('settings and policy', () => {
  it('reads nothing or garbage as the defaults', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ keyBehavior: 'sometimes', leadCreation: 3, chatterOnStart: 'yes' })).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(readPolicy(undefined)).toEqual(OPEN_POLICY);
  });
  it('holds the user within the policy', () => {
    const policy = readPolicy({
      allowedUsage: ['support'],
      maxLeadCreation: 'email',
      allowFixedKey: false,
      allowChatter: false,
    });
    expect(policy.defaultUsage).toBe('support');
    const mine = {
      ...DEFAULT_SETTINGS,
      keyBehavior: 'fixed' as const,
      fixedKey: '1234',
      leadCreation: 'emailAndName' as const,
      usage: 'sales' as const,
      chatterOnStart: true,
    };
    expect(effectiveSettings(mine, policy)).toMatchObject({
      keyBehavior: 'random',
      leadCreation: 'email',
      usage: 'support',
      chatterOnStart: false,
    });
    expect(effectiveSettings(mine, OPEN_POLICY)).toMatchObject({
      keyBehavior: 'fixed',
      leadCreation: 'emailAndName',
      usage: 'sales',
      chatterOnStart: true,
    });
  });
  it('never uses an invalid fixed key', () => {
    expect(
      effectiveSettings({ ...DEFAULT_SETTINGS, keyBehavior: 'fixed', fixedKey: '12a4' }, OPEN_POLICY).keyBehavior,
    ).toBe('random');
  });
});

describe('a policy rule set to a value the extension cannot use fails closed', () => {
  it.each([
    [{ allowChatter: 'false' }, { allowChatter: false }],
    [{ allowFixedKey: 0 }, { allowFixedKey: false }],
    [{ allowNoKey: 'no' }, { allowNoKey: false }],
    [{ maxLeadCreation: 'everyone' }, { maxLeadCreation: 'never' }],
  ])('%j applies at its strictest, and is named', (raw, strictest) => {
    const policy = readPolicy(raw);
    expect(policy).toMatchObject(strictest);
    expect(policy.unusable).toEqual(Object.keys(raw));
  });

  it('an address rule that is not plain text allows no Glance address', () => {
    for (const raw of [{ glanceAddressPattern: 42 }, { glanceAddressPattern: '*.acme.glance.net\n*' }]) {
      const policy = readPolicy(raw);
      expect(policy.unusable).toEqual(['glanceAddressPattern']);
      expect(addressAllowed('acme.glance.net', policy.glanceAddressPattern)).toBe(false);
    }
  });

  it('rules left unset stay open, and valid ones apply as written', () => {
    expect(readPolicy({}).unusable).toEqual([]);
    expect(readPolicy({ allowChatter: false, maxLeadCreation: 'email' })).toMatchObject({
      allowChatter: false,
      maxLeadCreation: 'email',
      unusable: [],
    });
  });
});
