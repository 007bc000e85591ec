// Recent sessions as a card: the popup's Sessions tab, and a card on the options page.
import { t } from '../../shared/i18n.js';
import { SessionsView } from './SessionsView.js';

export function RecentSessionsCard({ version }: { version?: number }) {
  return (
    <section class="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('recentHeading')}</h2>
      <SessionsView version={version} />
    </section>
  );
}
