// What the content script draws, decided from what it knows: the page (from the URL), the session
// (as last known) and whether the panel's code is here yet. Pure, so every combination is a unit
// test (tests/unit/draw-decision.test.ts); main.ts carries the decision out. The toolbar and the
// panel are passed through as opaque values (T, P), so the decision names the one to dock.
import type { SessionView } from '../../shared/protocol/index.js';
import type { SalesforceView } from '../../shared/salesforce-url.js';

export type RecordPage = Extract<SalesforceView, { kind: 'record' }>;

/**
 * One string per record page (its UI and id): the same record shown again compares equal. A tab's
 * document never leaves its host, so the org needs no place in it.
 */
export const recordKey = (record: RecordPage | undefined) => record && `${record.ui} ${record.recordId}`;

interface Drawing<T, P> {
  /** The record the toolbar shows; undefined removes the toolbar. */
  toolbar: RecordPage | undefined;
  /** The session the panel shows (its code fetched first, the first time in a tab); undefined removes the panel. */
  panel: SessionView | undefined;
  /** What is docked: beside the record's header, or (the panel off a record) floating. */
  docked: T | P | undefined;
  /** The record whose header anchors what is docked; undefined off a record. */
  record: RecordPage | undefined;
  /** Watch the page's re-renders: Salesforce draws the record after the URL changes, and redraws it. */
  observe: boolean;
}

/** undefined until the first answer about the session: nothing is drawn or removed until then. */
export function decideDrawing<T, P>(
  page: SalesforceView | undefined,
  session: SessionView | null | undefined,
  toolbar: T,
  loadedPanel: P | undefined,
): Drawing<T, P> | undefined {
  if (session === undefined) return undefined;
  const record = page?.kind === 'record' ? page : undefined;
  // During a session the panel replaces the toolbar, on every Salesforce page.
  const docked = session ? loadedPanel : record && toolbar;
  return {
    toolbar: session ? undefined : record,
    panel: session || undefined,
    docked,
    record,
    observe: !!record && !!docked,
  };
}

/** The panel's clock and the guest refresh run only while the panel is on screen in a visible tab. */
export const panelIsLive = (session: SessionView | null | undefined, panelOnScreen: boolean, tabVisible: boolean) =>
  !!session && panelOnScreen && tabVisible;
