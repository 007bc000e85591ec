// Fetches the session panel's code the first time a session shows in this tab: the background
// injects its script into this content script's world, where it leaves the panel on the global
// object (session-panel-entry.ts).
import { ask } from './messaging.js';
import type { SessionPanel } from './session-panel.js';

export const PANEL_GLOBAL = '__glanceSessionPanel';

export interface PanelModule {
  SessionPanel: typeof SessionPanel;
}

const loaded = () => (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined;

export async function loadSessionPanel(): Promise<PanelModule> {
  const ready = loaded();
  if (ready) return ready;
  const answer = await ask('content:load-panel', {});
  const module = loaded();
  // The extension was updated under this tab, or the injection failed: the caller tries again later.
  if (!answer?.ok || !module) throw new Error('the session panel could not be loaded');
  return module;
}
