// Record-level sharing, as far as the extension meets it: Lead records under a Private
// organization-wide default. Most sales orgs set Leads to Private, so a rep reads the Leads they own
// and no others (Salesforce Help "Organization-Wide Sharing Defaults"; a new org's default for Lead
// is Public Read/Write/Transfer, the setting this switch turns off). The API follows the same model:
// "For most API calls, data that is outside of the logged-in user's sharing model is not returned"
// (Object Reference, "Factors that Affect Data Access"). Role hierarchy, sharing rules and "View All"
// are not modelled: the rep in these orgs has none of them.
import { ApiError } from './errors.js';
import type { SalesforceOrg, SObjectRecord } from './org.js';

/** Whether this user may read the record under the org's sharing model. */
export function canRead(org: SalesforceOrg, userId: string, record: SObjectRecord): boolean {
  if (record.type !== 'Lead' || org.setup.leadSharing !== 'private') return true;
  // Records inserted by tests without an owner belong to the org's first user, the rep.
  const owner = record.fields.OwnerId ?? org.defaultUserId;
  return owner === userId;
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
