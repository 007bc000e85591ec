// Fetches a lazily loaded part's code the first time this tab needs it: the background injects its
// classic script into this content script's world, where it leaves its module on the global object
// (session-panel-entry.ts, meeting-dialog-entry.ts). Page scripts cannot see that global.
import type { LazyScript } from '../shared/messages.js';
import type { MeetingDialog } from './meeting-dialog.js';
import { ask } from './messaging.js';
import type { SessionPanel } from './session-panel.js';

export const LAZY_GLOBALS: Record<LazyScript, string> = {
  panel: '__glanceSessionPanel',
  'meeting-dialog': '__glanceMeetingDialog',
};

export interface LazyModules {
  panel: { SessionPanel: typeof SessionPanel };
  'meeting-dialog': { MeetingDialog: typeof MeetingDialog };
}

export type PanelModule = LazyModules['panel'];

const loaded = <K extends LazyScript>(script: K) =>
  (globalThis as Record<string, unknown>)[LAZY_GLOBALS[script]] as LazyModules[K] | undefined;

export async function loadLazyScript<K extends LazyScript>(script: K): Promise<LazyModules[K]> {
  const ready = loaded(script);
  if (ready) return ready;
  const answer = await ask('content:load-panel', { script });
  const module = loaded(script);
  // The extension was updated under this tab, or the injection failed: the caller tries again later.
  if (!answer?.ok || !module) throw new Error(`the ${script} could not be loaded`);
  return module;
}

export const loadSessionPanel = () => loadLazyScript('panel');
