// The options page's Glance User Settings tab: the popup's three views, one below the other.
import { useState } from 'preact/hooks';
import type { PageOverview } from '../../shared/protocol/index.js';
import { HomeView } from './HomeView.js';
import { RecentSessionsCard } from './RecentSessionsCard.js';
import { SettingsView } from './SettingsView.js';
import { useOverview } from './use-overview.js';

export function UserSettingsPage({ initial }: { initial?: PageOverview }) {
  const overview = useOverview(initial);
  const [queueVersion, setQueueVersion] = useState(0);
  return (
    <div class="wide">
      <HomeView overview={overview} onQueueChange={() => setQueueVersion((v) => v + 1)} />
      <SettingsView overview={overview} />
      {overview.view && <RecentSessionsCard version={queueVersion} />}
    </div>
  );
}
