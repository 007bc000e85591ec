// Says so when the browser has not given the extension access to Salesforce (Firefox asks the rep
// for MV3 host permissions and lets them be withdrawn; Chrome's site access can be limited), and
// asks for it on the rep's click.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { askHostAccess, missingHostAccess } from '../background-channel.js';

export function HostAccessNotice() {
  // undefined while the browser is asked; then what it has withheld.
  const [missing, setMissing] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    missingHostAccess()
      .then(setMissing)
      .catch(() => setMissing([]));
  }, []);
  if (missing === undefined) return null;
  // Granted: nothing to say; the marker lets tests know the check is done.
  if (missing.length === 0) return <span hidden data-host-access="granted" />;
  const allow = async () => {
    await askHostAccess(missing);
    setMissing(await missingHostAccess().catch(() => missing));
  };
  return (
    <section class="card" aria-labelledby="host-access-heading" data-testid="host-access-missing">
      <h2 id="host-access-heading">{t('hostAccessHeading')}</h2>
      <p class="warning" role="alert">
        {t('hostAccessMissing')}
      </p>
      <p class="hint">{t('hostAccessHowTo')}</p>
      <button type="button" class="btn brand" onClick={allow}>
        {t('hostAccessAllow')}
      </button>
    </section>
  );
}
