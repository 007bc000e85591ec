// The Company Settings tab groups the rules of extension/managed-schema.json the way a Salesforce
// admin looks for them (Setup groups settings by feature, not by key): each schema key in exactly
// one section (tests/unit/policy-presets.test.ts fails when a new key has none).

export type PolicySectionId = 'sessions' | 'signIn' | 'logging' | 'guests' | 'wrapUp';

interface PolicySection {
  id: PolicySectionId;
  keys: readonly string[];
}

export const POLICY_SECTIONS: readonly PolicySection[] = [
  { id: 'sessions', keys: ['allowFixedKey', 'allowNoKey', 'glanceAddressPattern'] },
  { id: 'signIn', keys: ['glanceIdpId', 'glanceIdpName', 'glanceIdpToken'] },
  { id: 'logging', keys: ['allowedUsage', 'defaultUsage', 'allowChatter'] },
  { id: 'guests', keys: ['maxLeadCreation', 'leadAssignmentRules', 'presenceVisitorIdFields'] },
  { id: 'wrapUp', keys: ['wrapUpOutcomes'] },
];
