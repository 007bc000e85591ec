// The Glance user settings (the "User Settings tab"), the company policy an administrator sets
// through managed storage, and the rules that combine them. Pure logic: no chrome.* here.

export type KeyBehavior = 'random' | 'fixed' | 'none';
export type LeadCreation = 'never' | 'email' | 'emailAndName';
export type SalesforceUsage = 'sales' | 'support';

export interface ConferencePhone {
  /** One number per line, as the rep wants them in invitations. */
  phoneNumbers: string;
  accessCode: string;
  notes: string;
}

/** Non-secret settings, kept in storage.sync so they follow the rep between browsers. */
export interface UserSettings {
  keyBehavior: KeyBehavior;
  fixedKey: string;
  conference: ConferencePhone;
  leadCreation: LeadCreation;
  usage: SalesforceUsage;
  chatterOnSchedule: boolean;
  chatterOnStart: boolean;
  /**
   * A desktop notification when a guest joins the rep's session. On by default: the rep who gave a
   * customer the key is usually waiting in another window (the call, the mail), and the moment the
   * customer arrives is the one they must not miss; a rep who finds it noisy turns it off here.
   */
  notifyGuestJoined: boolean;
}

export const DEFAULT_SETTINGS: UserSettings = {
  keyBehavior: 'random',
  fixedKey: '',
  conference: { phoneNumbers: '', accessCode: '', notes: '' },
  leadCreation: 'never',
  usage: 'sales',
  chatterOnSchedule: false,
  chatterOnStart: false,
  notifyGuestJoined: true,
};

import { hasControlCharacter } from './control-characters.js';
import { IDP_POLICY_KEYS, type IdentityProvider, readIdentityProvider } from './glance-sign-in.js';
import type { GlanceSObject } from './salesforce-id.js';
import { DEFAULT_WRAP_UP_OUTCOMES, readWrapUpOutcomes } from './wrap-up.js';

export interface CompanyPolicy {
  allowedUsage: SalesforceUsage[];
  defaultUsage: SalesforceUsage;
  maxLeadCreation: LeadCreation;
  allowFixedKey: boolean;
  allowNoKey: boolean;
  /** Wildcard pattern for allowed Glance addresses, e.g. "*.acme.glance.net"; empty allows any. */
  glanceAddressPattern: string;
  allowChatter: boolean;
  /**
   * Guest Leads go through the org's Lead assignment rules (to a queue or another owner) instead of
   * staying with the rep who met the guest. Off unless the admin turns it on.
   */
  leadAssignmentRules: boolean;
  /** The company's Glance identity provider, each way of naming it ('' when not set or malformed). */
  glanceIdpId: string;
  glanceIdpName: string;
  glanceIdpToken: string;
  /** Single sign-on: the identity provider the rep signs in with instead of a password (first one named). */
  identityProvider: IdentityProvider | null;
  /** Glance Presence: "Case.ContactId, Contact.Id" as the admin wrote it ('' when not set or malformed). */
  presenceVisitorIdFields: string;
  /** Per record type, the field whose value is the visitor id the company's website gives Glance. */
  presenceFields: Partial<Record<GlanceSObject, string>>;
  /** The outcomes a rep picks from in the wrap-up after End (shared/wrap-up.ts); empty: none offered. */
  wrapUpOutcomes: string[];
  /** Rules the administrator set to a value this extension cannot use: they apply at their strictest. */
  unusable: string[];
}

export const OPEN_POLICY: CompanyPolicy = {
  allowedUsage: ['sales', 'support'],
  defaultUsage: 'sales',
  maxLeadCreation: 'emailAndName',
  allowFixedKey: true,
  allowNoKey: true,
  glanceAddressPattern: '',
  allowChatter: true,
  leadAssignmentRules: false,
  glanceIdpId: '',
  glanceIdpName: '',
  glanceIdpToken: '',
  identityProvider: null,
  presenceVisitorIdFields: '',
  presenceFields: {},
  wrapUpOutcomes: [...DEFAULT_WRAP_UP_OUTCOMES],
  unusable: [],
};

const KEY_BEHAVIORS: readonly KeyBehavior[] = ['random', 'fixed', 'none'];
export const LEAD_LEVELS: readonly LeadCreation[] = ['never', 'email', 'emailAndName'];
const USAGES: readonly SalesforceUsage[] = ['sales', 'support'];

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** Reads whatever storage holds (older versions, hand edits, nothing) into complete settings. */
export function readSettings(raw: unknown): UserSettings {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const conference = (
    typeof stored.conference === 'object' && stored.conference !== null ? stored.conference : {}
  ) as Record<string, unknown>;
  return {
    keyBehavior: oneOf(KEY_BEHAVIORS, stored.keyBehavior, DEFAULT_SETTINGS.keyBehavior),
    fixedKey: text(stored.fixedKey, 4),
    conference: {
      phoneNumbers: text(conference.phoneNumbers, 500),
      accessCode: text(conference.accessCode, 50),
      notes: text(conference.notes, 1000),
    },
    leadCreation: oneOf(LEAD_LEVELS, stored.leadCreation, DEFAULT_SETTINGS.leadCreation),
    usage: oneOf(USAGES, stored.usage, DEFAULT_SETTINGS.usage),
    chatterOnSchedule: stored.chatterOnSchedule === true,
    chatterOnStart: stored.chatterOnStart === true,
    // Settings saved before the choice existed keep the default (on).
    notifyGuestJoined: stored.notifyGuestJoined !== false,
  };
}

/** A pattern no Glance address matches: an address rule that cannot be read allows none. */
const NO_ADDRESS = '(unusable rule)';

/**
 * Reads the managed policy. Keys an administrator did not set stay open; a key set to a value this
 * extension cannot use fails closed, to its strictest value (Chrome drops what does not fit the
 * schema, but Firefox passes policies.json through unchecked): `"allowChatter": "false"` forbids
 * Chatter, an unknown `maxLeadCreation` creates no Lead, an address rule that is not text allows no
 * address. Each such key is named in `unusable`, and the popup says so.
 */
export function readPolicy(raw: unknown): CompanyPolicy {
  const managed = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const unusable = new Set<string>();
  const set = (key: string) => Object.hasOwn(managed, key) && managed[key] !== undefined;
  /** Allowed unless the rule says otherwise: only `true` allows once it is set. */
  const allow = (key: string) => {
    if (!set(key)) return true;
    if (typeof managed[key] !== 'boolean') unusable.add(key);
    return managed[key] === true;
  };
  const listed = Array.isArray(managed.allowedUsage) ? (managed.allowedUsage as unknown[]) : undefined;
  if (set('allowedUsage') && (!listed || listed.some((u) => !USAGES.includes(u as SalesforceUsage))))
    unusable.add('allowedUsage');
  const allowedUsage = listed ? USAGES.filter((u) => listed.includes(u)) : OPEN_POLICY.allowedUsage;
  const usable = allowedUsage.length > 0 ? allowedUsage : OPEN_POLICY.allowedUsage;
  if (set('defaultUsage') && !USAGES.includes(managed.defaultUsage as SalesforceUsage)) unusable.add('defaultUsage');
  const defaultUsage = oneOf(usable, managed.defaultUsage, usable[0] as SalesforceUsage);
  let maxLeadCreation = oneOf(LEAD_LEVELS, managed.maxLeadCreation, OPEN_POLICY.maxLeadCreation);
  if (set('maxLeadCreation') && !LEAD_LEVELS.includes(managed.maxLeadCreation as LeadCreation)) {
    unusable.add('maxLeadCreation');
    maxLeadCreation = 'never';
  }
  let glanceAddressPattern = text(managed.glanceAddressPattern, 253).trim().toLowerCase();
  if (
    set('glanceAddressPattern') &&
    (typeof managed.glanceAddressPattern !== 'string' || hasControlCharacter(managed.glanceAddressPattern))
  ) {
    unusable.add('glanceAddressPattern');
    glanceAddressPattern = NO_ADDRESS;
  }
  if (set('leadAssignmentRules') && typeof managed.leadAssignmentRules !== 'boolean')
    unusable.add('leadAssignmentRules');
  for (const { key } of IDP_POLICY_KEYS) if (set(key) && typeof managed[key] !== 'string') unusable.add(key);
  if (set('presenceVisitorIdFields') && typeof managed.presenceVisitorIdFields !== 'string')
    unusable.add('presenceVisitorIdFields');
  const wrapUp = readWrapUpOutcomes(managed.wrapUpOutcomes, set('wrapUpOutcomes'));
  if (wrapUp.unusable) unusable.add('wrapUpOutcomes');
  return {
    allowedUsage: usable,
    defaultUsage,
    maxLeadCreation,
    allowFixedKey: allow('allowFixedKey'),
    allowNoKey: allow('allowNoKey'),
    glanceAddressPattern,
    allowChatter: allow('allowChatter'),
    // Only `true` hands guest Leads to the org's routing; anything else set keeps them with the rep.
    leadAssignmentRules: managed.leadAssignmentRules === true,
    ...idpKeys(managed),
    identityProvider: readIdentityProvider(managed),
    ...presenceKeys(managed.presenceVisitorIdFields),
    wrapUpOutcomes: wrapUp.outcomes,
    unusable: [...unusable],
  };
}

const PRESENCE_FIELD = /^(Lead|Contact|Opportunity|Campaign|Case)\.([A-Za-z][A-Za-z0-9_]{0,79})$/;

/** "Case.ContactId, Contact.Id": each record type's visitor-id field; all or nothing when one is malformed. */
function presenceKeys(raw: unknown): Pick<CompanyPolicy, 'presenceVisitorIdFields' | 'presenceFields'> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const entries = text ? text.split(',').map((part) => PRESENCE_FIELD.exec(part.trim())) : [];
  if (entries.length === 0 || entries.some((entry) => !entry))
    return { presenceVisitorIdFields: '', presenceFields: {} };
  const presenceFields: Partial<Record<GlanceSObject, string>> = {};
  for (const entry of entries) if (entry) presenceFields[entry[1] as GlanceSObject] = entry[2] as string;
  return { presenceVisitorIdFields: text, presenceFields };
}

function idpKeys(managed: Record<string, unknown>) {
  const valid = (key: string) => {
    const rule = IDP_POLICY_KEYS.find((k) => k.key === key);
    const value = typeof managed[key] === 'string' ? (managed[key] as string).trim() : '';
    return rule?.pattern.test(value) ? value : '';
  };
  return {
    glanceIdpId: valid('glanceIdpId'),
    glanceIdpName: valid('glanceIdpName'),
    glanceIdpToken: valid('glanceIdpToken'),
  };
}

/** What the features act on: the user's choices, held within the company policy. */
export function effectiveSettings(settings: UserSettings, policy: CompanyPolicy, usageChosen = true): UserSettings {
  const maxLead = LEAD_LEVELS.indexOf(policy.maxLeadCreation);
  let keyBehavior = settings.keyBehavior;
  if ((keyBehavior === 'fixed' && !policy.allowFixedKey) || (keyBehavior === 'none' && !policy.allowNoKey)) {
    keyBehavior = 'random';
  }
  if (keyBehavior === 'fixed' && !isValidFixedKey(settings.fixedKey)) keyBehavior = 'random';
  return {
    ...settings,
    keyBehavior,
    leadCreation: LEAD_LEVELS.indexOf(settings.leadCreation) > maxLead ? policy.maxLeadCreation : settings.leadCreation,
    usage: usageChosen && policy.allowedUsage.includes(settings.usage) ? settings.usage : policy.defaultUsage,
    chatterOnSchedule: policy.allowChatter && settings.chatterOnSchedule,
    chatterOnStart: policy.allowChatter && settings.chatterOnStart,
  };
}

function isValidFixedKey(key: string): boolean {
  return /^\d{4}$/.test(key);
}

const ADDRESS_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+glance\.net$/;

/**
 * Normalizes what a rep types as their Glance address ("acme", "acme.glance.net",
 * "https://acme.glance.net/", with spaces) to one form: "acme.glance.net". Undefined for nonsense.
 */
export function normalizeGlanceAddress(input: string): string | undefined {
  let value = input.trim().toLowerCase();
  value = value.replace(/^https?:\/\//, '');
  value = value.replace(/[/?#].*$/, '');
  if (!value) return undefined;
  if (!value.includes('.')) value = `${value}.glance.net`;
  if (value === 'www.glance.net' || !ADDRESS_PATTERN.test(value) || value.length > 253) return undefined;
  return value;
}

/** Matches an address against a policy pattern where "*" stands for one or more labels. */
export function addressAllowed(address: string, pattern: string): boolean {
  if (!pattern) return true;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9.-]+')}$`,
  );
  return regex.test(address);
}

export type SettingsField = 'fixedKey' | 'keyBehavior' | 'leadCreation' | 'usage' | 'chatter';

/** What is wrong with settings a user wants to save, by field (empty when they may be saved). */
export function invalidSettings(settings: UserSettings, policy: CompanyPolicy): SettingsField[] {
  const invalid: SettingsField[] = [];
  if (settings.keyBehavior === 'fixed' && !isValidFixedKey(settings.fixedKey)) invalid.push('fixedKey');
  if (
    (settings.keyBehavior === 'fixed' && !policy.allowFixedKey) ||
    (settings.keyBehavior === 'none' && !policy.allowNoKey)
  ) {
    invalid.push('keyBehavior');
  }
  if (LEAD_LEVELS.indexOf(settings.leadCreation) > LEAD_LEVELS.indexOf(policy.maxLeadCreation)) {
    invalid.push('leadCreation');
  }
  if (!policy.allowedUsage.includes(settings.usage)) invalid.push('usage');
  if (!policy.allowChatter && (settings.chatterOnSchedule || settings.chatterOnStart)) invalid.push('chatter');
  return invalid;
}
