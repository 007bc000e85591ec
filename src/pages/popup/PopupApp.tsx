// The toolbar popup: the Glance "User Settings tab".
import { t } from '../../shared/i18n.js';
import type { PopupOverview } from '../../shared/messages.js';
import { HostAccessNotice } from '../components/HostAccessNotice.js';
import { UserSettingsPage } from '../components/UserSettingsPage.js';

/** `initial`: the worker's first answer, when it came before the first draw. */
export function PopupApp({ initial }: { initial?: PopupOverview }) {
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('popupTitle')}</h1>
      </header>
      <HostAccessNotice />
      <UserSettingsPage initial={initial} />
    </>
  );
}
