// The toolbar popup: three views in tabs, each within Chrome's 600 px popup height. Overview first
// (who, ready, next step, the running session or next meeting); Settings and Sessions on a press.
// "#settings" and "#sessions" open those views directly (a link, or the bench).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { REPS_GUIDE_PAGE } from '../../shared/help-links.js';
import { t } from '../../shared/i18n.js';
import type { PageOverview } from '../../shared/protocol/index.js';
import { HomeView } from '../components/HomeView.js';
import { HostAccessNotice } from '../components/HostAccessNotice.js';
import { RecentSessionsCard } from '../components/RecentSessionsCard.js';
import { SettingsView } from '../components/SettingsView.js';
import { Tabs } from '../components/Tabs.js';
import { useOverview } from '../components/use-overview.js';

type ViewId = 'home' | 'settings' | 'sessions';
const VIEWS: ViewId[] = ['home', 'settings', 'sessions'];
const viewFromHash = (): ViewId => VIEWS.find((v) => `#${v}` === location.hash) ?? 'home';

/** `initial`: the worker's first answer, when it came before the first draw. */
export function PopupApp({ initial }: { initial?: PageOverview }) {
  const overview = useOverview(initial);
  const [selected, setSelected] = useState<ViewId>(viewFromHash);
  // A view is drawn when first opened (Sessions costs a Salesforce query) and kept, so an unsaved
  // setting survives a look at the overview.
  const [opened, setOpened] = useState<Set<ViewId>>(() => new Set([selected]));
  const [queueVersion, setQueueVersion] = useState(0);
  function select(id: string) {
    const view = VIEWS.find((v) => v === id) ?? 'home';
    setSelected(view);
    setOpened((before) => new Set([...before, view]));
    history.replaceState(null, '', view === 'home' ? location.pathname : `#${view}`);
  }
  const panel = (id: ViewId, draw: () => ComponentChildren) => (opened.has(id) ? draw() : null);
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1 class="grow">{t('popupTitle')}</h1>
        <a href={chrome.runtime.getURL(REPS_GUIDE_PAGE)} target="_blank" rel="noopener" data-testid="help-link">
          {t('needMoreHelp')}
        </a>
      </header>
      <HostAccessNotice />
      <Tabs
        label={t('popupViewsLabel')}
        selected={selected}
        onSelect={select}
        tabs={[
          {
            id: 'home',
            label: t('popupTabHome'),
            panel: panel('home', () => (
              <HomeView overview={overview} onQueueChange={() => setQueueVersion((v) => v + 1)} />
            )),
          },
          {
            id: 'settings',
            label: t('popupTabSettings'),
            panel: panel('settings', () => <SettingsView overview={overview} compact />),
          },
          {
            id: 'sessions',
            label: t('popupTabSessions'),
            panel: panel('sessions', () => <RecentSessionsCard version={queueVersion} />),
          },
        ]}
      />
    </>
  );
}
