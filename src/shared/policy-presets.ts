// Common setups an admin starts from on the Company Settings tab. A preset sets how reps work
// (session keys, Salesforce usage, Chatter, Leads); what only this company can know (its Glance
// address, single sign-on, Presence fields, its wrap-up outcomes in its own words) stays as the
// admin wrote it. Every preset fits extension/managed-schema.json and readPolicy applies it as
// written (tests/unit/policy-presets.test.ts).

type PresetId = 'sales' | 'support' | 'lockedDown';

/** The rules a preset decides; any of these it leaves out are removed (their default applies). */
export const PRESET_KEYS = [
  'allowedUsage',
  'defaultUsage',
  'maxLeadCreation',
  'allowFixedKey',
  'allowNoKey',
  'allowChatter',
  'leadAssignmentRules',
] as const;

type PresetKey = (typeof PRESET_KEYS)[number];

interface Preset {
  id: PresetId;
  rules: Partial<Record<PresetKey, unknown>>;
}

export const PRESETS: readonly Preset[] = [
  {
    // Sessions are demos: new guests become Leads, routed like any other new Lead.
    id: 'sales',
    rules: {
      allowedUsage: ['sales'],
      defaultUsage: 'sales',
      maxLeadCreation: 'emailAndName',
      allowNoKey: false,
      allowChatter: true,
      leadAssignmentRules: true,
    },
  },
  {
    // Customers are already Contacts with Cases: no Leads, and no key a caller could reuse.
    id: 'support',
    rules: {
      allowedUsage: ['support'],
      defaultUsage: 'support',
      maxLeadCreation: 'never',
      allowFixedKey: false,
      allowChatter: true,
    },
  },
  {
    // Every session needs a fresh key, nothing is posted or created beyond the session's Event.
    id: 'lockedDown',
    rules: {
      maxLeadCreation: 'never',
      allowFixedKey: false,
      allowNoKey: false,
      allowChatter: false,
      leadAssignmentRules: false,
    },
  },
];

/** The draft with a preset applied: the preset's rules replace the ones presets decide. */
export function applyPreset(draft: Record<string, unknown>, preset: Preset): Record<string, unknown> {
  const kept = Object.entries(draft).filter(([key]) => !(PRESET_KEYS as readonly string[]).includes(key));
  return { ...Object.fromEntries(kept), ...structuredClone(preset.rules) };
}
