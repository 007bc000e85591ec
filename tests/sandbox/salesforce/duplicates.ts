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

export const DUPLICATE_RULE_HEADER = 'sforce-duplicate-rule-header';
/** The rule's alert text (Help: "Customizable Alert Text: Use one of these records?"). */
export const DUPLICATE_ALERT = 'Use one of these records?';

/**
 * Whether a Duplicate Rule Header acknowledges the alert. The Guide's form is
 * `allowSave=true; includeRecordDetails=true; runAsCurrentUser=true`, every field false by
 * default; only that spelling is taken.
 */
export function allowsDuplicateSave(header: string | undefined): boolean {
  return (header ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .some(([name, value]) => name?.trim() === 'allowSave' && value?.trim() === 'true');
}

/** Throws DUPLICATES_DETECTED when a new Lead matches existing ones and the request did not allow it. */
export function checkDuplicateRules(ctx: ApiContext, def: SObjectDef, fields: Record<string, FieldValue>): void {
  if (def.name !== 'Lead' || !ctx.org.setup.standardLeadDuplicateRule || ctx.allowDuplicateSave) return;
  const leads = ctx.org.ofType('Lead').filter((lead) => leadsMatch(fields, lead.fields));
  const contacts = ctx.org.ofType('Contact').filter((contact) => contactMatches(ctx, fields, contact));
  if (leads.length > 0 || contacts.length > 0) throw duplicatesDetected(leads, contacts);
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/**
 * The Standard Lead Matching Rule, simplified: the same email (exact, ignoring case), or the same
 * last name and company with first names that agree or where one is blank (the rule's fuzzy name
 * and company matching, without its fuzziness).
 */
function leadsMatch(a: Record<string, FieldValue>, b: Record<string, FieldValue>): boolean {
  const email = text(a.Email);
  if (email && email === text(b.Email)) return true;
  const last = text(a.LastName);
  const company = text(a.Company);
  if (!last || !company || last !== text(b.LastName) || company !== text(b.Company)) return false;
  const first = [text(a.FirstName), text(b.FirstName)];
  return !first[0] || !first[1] || first[0] === first[1];
}

/**
 * The Standard Contact Matching Rule against a new Lead, simplified the same way: the same email,
 * or the same last name and first names that agree, with the Lead's company as the contact's
 * account name.
 */
function contactMatches(ctx: ApiContext, lead: Record<string, FieldValue>, contact: SObjectRecord): boolean {
  const email = text(lead.Email);
  if (email && email === text(contact.fields.Email)) return true;
  const last = text(lead.LastName);
  if (!last || last !== text(contact.fields.LastName)) return false;
  const first = [text(lead.FirstName), text(contact.fields.FirstName)];
  if (first[0] && first[1] && first[0] !== first[1]) return false;
  const accountId = contact.fields.AccountId;
  const account = typeof accountId === 'string' ? ctx.org.get(accountId) : undefined;
  return !!text(lead.Company) && text(lead.Company) === text(account?.fields.Name);
}

/**
 * Salesforce's answer, as real orgs send it: note the key `duplicateResut` (sic). Salesforce's REST
 * error body misspells the DuplicateResult it documents (seen in production answers, e.g. a public
 * restforce DuplicatesDetected report: `[{"duplicateResut":{"allowSave":true,…}}]`), so a client
 * must not rely on `duplicateResult` being there.
 */
export function duplicatesDetected(leads: SObjectRecord[], contacts: SObjectRecord[]): ApiError {
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
      allowSave: true,
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
