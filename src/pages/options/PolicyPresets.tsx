// Common setups (shared/policy-presets.ts) as buttons that fill the rules below; the admin adjusts
// from there. The status names the preset applied, for a screen reader too.
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../../shared/i18n.js';
import { applyPreset, PRESETS } from '../../shared/policy-presets.js';
import type { Draft } from './PolicyControls.js';

const presetName = (id: string) => t(`presetName_${id}` as MessageKey);

export function PolicyPresets({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const [applied, setApplied] = useState('');
  return (
    <fieldset class="presets" aria-describedby="presets-hint">
      <legend>{t('presetsLegend')}</legend>
      <p id="presets-hint" class="hint">
        {t('presetsHint')}
      </p>
      <div class="preset-list">
        {PRESETS.map((preset) => (
          <div key={preset.id} class="preset">
            <button
              type="button"
              class="btn"
              aria-describedby={`preset-${preset.id}-text`}
              onClick={() => {
                onChange(applyPreset(draft, preset));
                setApplied(t('presetApplied', presetName(preset.id)));
              }}
            >
              {presetName(preset.id)}
            </button>
            <p id={`preset-${preset.id}-text`} class="hint">
              {t(`presetText_${preset.id}` as MessageKey)}
            </p>
          </div>
        ))}
      </div>
      <p role="status" class="notice ok" data-testid="preset-status">
        {applied}
      </p>
    </fieldset>
  );
}
