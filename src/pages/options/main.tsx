import '../browser-i18n.js';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.js';
import { ApiAllowance } from '../components/ApiAllowance.js';
import { Tabs } from '../components/Tabs.js';
import { UserSettingsPage } from '../components/UserSettingsPage.js';
import { CompanySettings } from './CompanySettings.js';
import { TeamView } from './TeamView.js';

type TabId = 'user' | 'company' | 'team';

/**
 * "#company" opens the Glance Company Settings tab (a link an administrator can be sent), "#team"
 * the team view (a link a manager can be sent).
 */
const tabFromHash = (): TabId =>
  location.hash === '#company' ? 'company' : location.hash === '#team' ? 'team' : 'user';

function OptionsApp() {
  const [selected, setSelected] = useState<TabId>(tabFromHash);
  function select(id: string) {
    const tab: TabId = id === 'company' || id === 'team' ? id : 'user';
    setSelected(tab);
    history.replaceState(null, '', tab === 'user' ? location.pathname : `#${tab}`);
  }
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p class="card weak">{t('optionsIntro')}</p>
      <Tabs
        label={t('settingsTabsLabel')}
        selected={selected}
        onSelect={select}
        tabs={[
          { id: 'user', label: t('tabUserSettings'), panel: <UserSettingsPage /> },
          {
            id: 'company',
            label: t('tabCompanySettings'),
            panel: (
              <>
                <CompanySettings />
                <ApiAllowance />
              </>
            ),
          },
          { id: 'team', label: t('tabTeam'), panel: <TeamView active={selected === 'team'} /> },
        ]}
      />
    </>
  );
}

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
