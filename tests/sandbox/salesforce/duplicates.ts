// The Standard Lead Duplicate Rule, active in every new org (Salesforce Help "Standard Lead
// Duplicate Rule"): action on create "Allow" with the alert "Use one of these records?", which the
// API reports as a DUPLICATES_DETECTED error unless the request acknowledges it with
// `Sforce-Duplicate-Rule-Header: allowSave=true` (REST API Developer Guide, "Duplicate Rule
// Header"). On edit the standard rule only reports, so updates are not refused. In orgs created
// since Summer '17 it holds two matching rules: the Standard Lead Matching Rule (leads that
// duplicate other leads) and the Standard Contact Matching Rule (contacts that duplicate leads),
// so a new Lead whose person is already a Contact is refused too.
import { ApiError } from './errors.js';
import type { FieldValue, SObjectRecord } from './org.js';
import { type ApiContext, attributesOf } from './records.js';
import type { SObjectDef } from './schema.js';
import { canRead } from './sharing.js';

export const DUPLICATE_RULE_HEADER = 'sforce-duplicate-rule-header';
/** The rule's alert text (Help: "Customizable Alert Text: Use one of these records?"). */
export const DUPLICATE_ALERT = 'Use one of these records?';

/**
 * Whether a Duplicate Rule Header acknowledges the alert. The Guide's form is
 * `allowSave=true; includeRecordDetails=true; runAsCurrentUser=true`, every field false by
 * default; only that spelling is taken.
 */
export function allowsDuplicateSave(header: string | undefined): boolean {
  return duplicateHeaderField(header, 'allowSave');
}

/** `runAsCurrentUser=true`: the rule compares only records the user may see. */
export function duplicatesAsCurrentUser(header: string | undefined): boolean {
  return duplicateHeaderField(header, 'runAsCurrentUser');
}

function duplicateHeaderField(header: string | undefined, field: string): boolean {
  return (header ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .some(([name, value]) => name?.trim() === field && value?.trim() === 'true');
}

/**
 * Throws DUPLICATES_DETECTED when a new Lead matches existing ones and the request did not allow it.
 * The rule compares every record, whoever may see it, unless the header asks for the current user's
 * sharing (`runAsCurrentUser`, false by default: "use the system sharing rules"); its answer lists
 * only the matches the user may see, so it can name none (Salesforce Help "Duplicate Rule Fields",
 * Record-Level Security: "Bypass sharing rules … the resulting list of possible duplicates includes
 * only records the user has access to"). A Block rule refuses whatever the header says.
 */
export function checkDuplicateRules(ctx: ApiContext, def: SObjectDef, fields: Record<string, FieldValue>): void {
  const block = ctx.org.setup.leadDuplicateAction === 'block';
  if (def.name !== 'Lead' || !ctx.org.setup.standardLeadDuplicateRule || (ctx.allowDuplicateSave && !block)) return;
  const compared = (record: SObjectRecord) => !ctx.duplicatesAsCurrentUser || canRead(ctx.org, ctx.userId, record);
  const leads = ctx.org.ofType('Lead').filter((lead) => compared(lead) && leadsMatch(fields, lead.fields));
  const contacts = ctx.org
    .ofType('Contact')
    .filter((contact) => compared(contact) && contactMatches(ctx, fields, contact));
  if (leads.length === 0 && contacts.length === 0) return;
  const shown = (record: SObjectRecord) => canRead(ctx.org, ctx.userId, record);
  throw duplicatesDetected(leads.filter(shown), contacts.filter(shown), !block);
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/**
 * The Standard Lead Matching Rule: the same email (exact), or fuzzy first name, fuzzy last name and
 * fuzzy company together (Salesforce Help "Standard Lead Matching Rule" and "Matching Methods Used
 * with Matching Rules"). A blank field never matches: the rule's "Match blank fields" is off
 * (BlankValueBehavior NullNotAllowed, Metadata API "MatchingRule").
 */
function leadsMatch(a: Record<string, FieldValue>, b: Record<string, FieldValue>): boolean {
  const email = text(a.Email);
  if (email && email === text(b.Email)) return true;
  return (
    firstNamesMatch(text(a.FirstName), text(b.FirstName)) &&
    fuzzyEqual(text(a.LastName), text(b.LastName)) &&
    companiesMatch(text(a.Company), text(b.Company))
  );
}

/**
 * The Standard Contact Matching Rule against a new Lead: the same email, or fuzzy first and last
 * names with the Lead's company matching the contact's account name.
 */
function contactMatches(ctx: ApiContext, lead: Record<string, FieldValue>, contact: SObjectRecord): boolean {
  const email = text(lead.Email);
  if (email && email === text(contact.fields.Email)) return true;
  if (!firstNamesMatch(text(lead.FirstName), text(contact.fields.FirstName))) return false;
  if (!fuzzyEqual(text(lead.LastName), text(contact.fields.LastName))) return false;
  const accountId = contact.fields.AccountId;
  const account = typeof accountId === 'string' ? ctx.org.get(accountId) : undefined;
  return companiesMatch(text(lead.Company), text(account?.fields.Name));
}

/** First names: the same, one the other's initial ("J" and "John"), or close (Jaro-Winkler). */
function firstNamesMatch(a: string, b: string): boolean {
  if (!a || !b) return false;
  const initial = (x: string) => x.replace(/\.$/, '');
  if (initial(a).length === 1 || initial(b).length === 1) return initial(a)[0] === initial(b)[0];
  return fuzzyEqual(a, b);
}

const COMPANY_SUFFIXES = /\b(inc|incorporated|corp|corporation|co|company|llc|ltd|limited|gmbh|sa|ag|plc)\b/g;

/** Companies, the way the rule's company matching ignores legal suffixes and punctuation. */
function companiesMatch(a: string, b: string): boolean {
  const plain = (x: string) =>
    x
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .replace(COMPANY_SUFFIXES, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const [left, right] = [plain(a), plain(b)];
  return !!left && !!right && fuzzyEqual(left, right, 0.9);
}

/** Jaro-Winkler similarity at or above the threshold (the matching methods' Jaro-Winkler). */
export function fuzzyEqual(a: string, b: string, threshold = 0.88): boolean {
  if (!a || !b) return false;
  return a === b || jaroWinkler(a, b) >= threshold;
}

function jaroWinkler(a: string, b: string): number {
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Salesforce's answer, as real orgs send it: note the key `duplicateResut` (sic). Salesforce's REST
 * error body misspells the DuplicateResult it documents (seen in production answers, e.g. a public
 * restforce DuplicatesDetected report: `[{"duplicateResut":{"allowSave":true,…}}]`), so a client
 * must not rely on `duplicateResult` being there.
 */
export function duplicatesDetected(leads: SObjectRecord[], contacts: SObjectRecord[], allowSave = true): ApiError {
  const matchResult = (entityType: string, rule: string, matches: SObjectRecord[]) => ({
    entityType,
    errors: [],
    matchEngine: 'FuzzyMatchEngine',
    matchRecords: matches.map((record) => ({
      additionalInformation: [],
      fieldDiffs: [],
      matchConfidence: 100.0,
      record: { attributes: attributesOf(record), Id: record.Id },
    })),
    rule,
    size: matches.length,
    success: true,
  });
  const error = {
    duplicateResut: {
      allowSave,
      duplicateRule: 'Standard_Lead_Duplicate_Rule',
      duplicateRuleEntityType: 'Lead',
      errorMessage: DUPLICATE_ALERT,
      // One result per matching rule that found something; the rule names as real answers carry them.
      matchResults: [
        ...(leads.length > 0 ? [matchResult('Lead', 'Standard_Lead_Match_Rule_v1_0', leads)] : []),
        ...(contacts.length > 0 ? [matchResult('Contact', 'Standard_Contact_Match_Rule_v1_1', contacts)] : []),
      ],
    },
    errorCode: 'DUPLICATES_DETECTED',
    message: DUPLICATE_ALERT,
  };
  return new ApiError(400, [error]);
}
