// Fetches a lazily loaded part's code the first time this tab needs it: the background injects its
// classic script into this content script's world, where it leaves its module on the global object
// (session-panel-entry.ts, meeting-dialog-entry.ts). Page scripts cannot see that global.
import type { LazyScript } from '../../shared/protocol/index.js';
import type { MeetingCoordinator } from '../meeting-dialog/meeting-coordinator.js';
import type { launchGlance } from '../panel/glance-launch.js';
import type { showPresence } from '../panel/presence-row.js';
import type { showRareStatus } from '../panel/salesforce-status-words.js';
import type { SessionPanel } from '../panel/session-panel.js';
import type { endedNotice, startRefusal } from '../panel/session-problems.js';
import type { StartMenu } from '../panel/start-menu.js';
import type { addToggleTooltip } from '../panel/toggle-tooltip.js';
import type { WrapUpCard } from '../panel/wrap-up-card.js';
import { ask } from './messaging.js';

/** The isolated world's global where a lazy script leaves its module. */
export const lazyGlobal = (script: LazyScript) => `__glance_${script}`;

interface LazyModules {
  panel: {
    SessionPanel: typeof SessionPanel;
    StartMenu: typeof StartMenu;
    endedNotice: typeof endedNotice;
    startRefusal: typeof startRefusal;
    launchGlance: typeof launchGlance;
    showPresence: typeof showPresence;
    addToggleTooltip: typeof addToggleTooltip;
    WrapUpCard: typeof WrapUpCard;
    showRareStatus: typeof showRareStatus;
  };
  'meeting-dialog': { MeetingCoordinator: typeof MeetingCoordinator };
}

export type PanelModule = LazyModules['panel'];

const loaded = <K extends LazyScript>(script: K) =>
  (globalThis as Record<string, unknown>)[lazyGlobal(script)] as LazyModules[K] | undefined;

const pending: Partial<Record<LazyScript, Promise<unknown>>> = {};

/** One injection at a time per script: the Start click and a refused start's words share it. */
export function loadLazyScript<K extends LazyScript>(script: K): Promise<LazyModules[K]> {
  const ready = loaded(script);
  if (ready) return Promise.resolve(ready);
  pending[script] ??= ask('content:load-panel', { script }).then((answer) => {
    const module = loaded(script);
    // The extension was updated under this tab, or the injection failed: the caller tries again later.
    if (!answer?.ok || !module) throw new Error(script);
    return module;
  });
  const load = pending[script] as Promise<LazyModules[K]>;
  const settled = () => delete pending[script];
  load.then(settled, settled);
  return load;
}
