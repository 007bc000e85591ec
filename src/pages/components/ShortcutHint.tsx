// The keyboard shortcut as the browser binds it now (the rep may have changed it), and a button that
// opens the browser's shortcut page: a rep cannot click a chrome:// address written in text.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { openShortcutSettings, startShortcut } from '../background-channel.js';

export function ShortcutHint() {
  const [keys, setKeys] = useState<string | undefined>(undefined);
  useEffect(() => {
    startShortcut().then(setKeys, () => setKeys(''));
  }, []);
  if (keys === undefined) return null;
  return (
    <div class="row shortcut">
      <p class="hint grow" data-testid="start-shortcut">
        {keys ? t('shortcutKeys', keys) : t('shortcutNoKeys')}
      </p>
      <button type="button" class="btn small" onClick={() => void openShortcutSettings().catch(() => undefined)}>
        {t('shortcutChange')}
      </button>
    </div>
  );
}
