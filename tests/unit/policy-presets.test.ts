// The Company Settings tab's sections and presets: every schema key has one section, every preset
// fits the schema and applies as written, and a preset keeps what only the company can know.
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../extension/managed-schema.json' with { type: 'json' };
import { useMessages } from '../../src/shared/i18n.js';
import { applyPreset, PRESET_KEYS, PRESETS } from '../../src/shared/policy-presets.js';
import { validatePolicy } from '../../src/shared/policy-schema.js';
import { POLICY_SECTIONS } from '../../src/shared/policy-sections.js';
import { adjustments } from '../../src/shared/policy-text.js';
import { readPolicy } from '../../src/shared/settings.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';

beforeAll(() => useMessages(chromeGetMessage));

describe('sections', () => {
  it('hold every schema key exactly once', () => {
    const listed = POLICY_SECTIONS.flatMap((section) => section.keys);
    expect([...listed].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe('presets', () => {
  it('decide only schema keys', () => {
    for (const key of PRESET_KEYS) expect(Object.keys(schema.properties)).toContain(key);
  });

  it.each(PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s fits the schema and the extension applies it as written',
    (_, preset) => {
      expect(validatePolicy(preset.rules)).toEqual([]);
      expect(readPolicy(preset.rules).unusable).toEqual([]);
      expect(adjustments(preset.rules)).toEqual([]);
    },
  );

  it('replace the rules presets decide and keep the company-specific ones', () => {
    const sales = PRESETS.find((preset) => preset.id === 'sales');
    const lockedDown = PRESETS.find((preset) => preset.id === 'lockedDown');
    if (!sales || !lockedDown) throw new Error('presets missing');
    const draft = {
      glanceAddressPattern: '*.acme.glance.net',
      glanceIdpId: '42',
      wrapUpOutcomes: ['Quoted'],
      allowedUsage: ['support'],
      allowChatter: false,
    };
    expect(applyPreset(draft, sales)).toEqual({
      glanceAddressPattern: '*.acme.glance.net',
      glanceIdpId: '42',
      wrapUpOutcomes: ['Quoted'],
      ...sales.rules,
    });
    // A rule the preset leaves out is removed, so its default applies.
    expect(applyPreset(draft, lockedDown)).not.toHaveProperty('allowedUsage');
    // The preset's own lists are not shared with the draft (an edit must not change the preset).
    const applied = applyPreset({}, sales);
    expect(applied.allowedUsage).not.toBe(sales.rules.allowedUsage);
  });

  it('differ from one another and from having no policy', () => {
    const policies = [{}, ...PRESETS.map((preset) => preset.rules)].map((rules) => JSON.stringify(readPolicy(rules)));
    expect(new Set(policies).size).toBe(policies.length);
  });
});
