// Record-level sharing, as far as the extension meets it: Lead records under a Private
// organization-wide default. Most sales orgs set Leads to Private, so a rep reads the Leads they own
// and no others (Salesforce Help "Organization-Wide Sharing Defaults"; a new org's default for Lead
// is Public Read/Write/Transfer, the setting this switch turns off). The API follows the same model:
// "For most API calls, data that is outside of the logged-in user's sharing model is not returned"
// (Object Reference, "Factors that Affect Data Access"). Sharing rules and "View All" are not
// modelled: the users in these orgs have none of them.
//
// Events (activities) follow the Activity default "Private" (Salesforce Help "Organization-Wide
// Sharing Defaults": Activity is Private or Controlled by Parent): the owner ("Assigned To") and the
// users above the owner in the role hierarchy see an Event, and so does whoever can read the records
// it is associated with (WhoId, WhatId). The role hierarchy always grants access on standard objects
// (Salesforce Help "Role Hierarchy": "users at any given role level can view, edit, and report on all
// data owned by or shared with users below them"; "Grant Access Using Hierarchies" can only be
// turned off for custom objects). A manager therefore sees their team's sessions; a colleague beside
// them does not, unless the Event sits on a record both may read.
import { ApiError } from './errors.js';
import type { SalesforceOrg, SObjectRecord } from './org.js';

/** Whether this user may read the record under the org's sharing model. */
export function canRead(org: SalesforceOrg, userId: string, record: SObjectRecord): boolean {
  // Records inserted by tests without an owner belong to the org's first user, the rep.
  const owner = String(record.fields.OwnerId ?? org.defaultUserId);
  if (record.type === 'Event') return ownedOrBelow(org, userId, owner) || canReadRelated(org, userId, record);
  if (record.type !== 'Lead' || org.setup.leadSharing !== 'private') return true;
  return ownedOrBelow(org, userId, owner);
}

/** The user owns it, or its owner's role sits somewhere below the user's. */
function ownedOrBelow(org: SalesforceOrg, userId: string, owner: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = owner; at && !seen.has(at); at = org.setup.roleAbove.get(at)) {
    if (at === userId) return true;
    seen.add(at);
  }
  return false;
}

/**
 * An Event on records the user may read (its Name and Related To): every one it names must be
 * readable, and one at least must be named (an Event on no record stays its owner's and their
 * managers'), as public write-ups of the Activity defaults describe it (simplysfdc.com, "Activity
 * Visibility Controlled by Parent", its scenarios for Name and Related To).
 */
function canReadRelated(org: SalesforceOrg, userId: string, event: SObjectRecord): boolean {
  const related = [event.fields.WhoId, event.fields.WhatId].filter((id): id is string => typeof id === 'string');
  return (
    related.length > 0 &&
    related.every((id) => {
      const target = org.get(id);
      return target !== undefined && target.type !== 'Event' && canRead(org, userId, target);
    })
  );
}

/**
 * A lookup to a record the user cannot see. Salesforce's words for it (SOAP API Developer Guide,
 * StatusCode INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: "An operation affects an object that is
 * cross-referenced by the specified object, but the logged-in user doesn't have sufficient
 * permissions on the cross-referenced object").
 */
export function hiddenReference(field: string): ApiError {
  return ApiError.one(
    400,
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'insufficient access rights on cross-reference id',
    [field],
  );
}
