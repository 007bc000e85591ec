// The toolbar popup: the Glance "User Settings tab".
import { t } from '../../shared/i18n.js';
import { HostAccessNotice } from '../components/HostAccessNotice.js';
import { UserSettingsPage } from '../components/UserSettingsPage.js';

export function PopupApp() {
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('popupTitle')}</h1>
      </header>
      <HostAccessNotice />
      <UserSettingsPage />
    </>
  );
}
