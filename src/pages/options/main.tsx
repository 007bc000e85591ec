import '../browser-i18n.js';
import { render } from 'preact';
import { t } from '../../shared/i18n.js';
import { UserSettingsPage } from '../components/UserSettingsPage.js';
import { OrgCheckPanel } from './OrgCheckPanel.js';
import { PolicyPanel } from './PolicyPanel.js';

function OptionsApp() {
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p class="card weak">{t('optionsIntro')}</p>
      <UserSettingsPage wide />
      <PolicyPanel />
      <OrgCheckPanel />
    </>
  );
}

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
