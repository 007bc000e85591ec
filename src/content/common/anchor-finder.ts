// The anchor search: where in the page the toolbar (or the activity button) goes, for one record.
// Lightning keeps earlier pages in the DOM, hidden, and shows the new page only after the URL has
// changed; a console app keeps a focused subtab in every background workspace, hidden. So an anchor
// is looked for inside the visible view only, must itself be visible, and is never one already used
// for another record. Components in native shadow DOM are reached through the open shadow roots of
// Salesforce's known ancestry of the anchors only (selectors.ts SHADOW_ANCESTRY). placement.ts keeps
// what it finds docked.
import type { SalesforceUi } from '../../shared/salesforce-url.js';
import { LIGHTNING_VIEWS, NEVER_INSIDE, SHADOW_ANCESTRY, TOOLBAR_ANCHORS } from './selectors.js';

/**
 * Shadow roots looked into per search, at most: the record page's ancestry of the highlights panel
 * and the Activity composer is about 20 (one flexipage-component2 per component on the page).
 */
const SHADOW_ROOTS = 48;

type Root = Element | Document | ShadowRoot;

/**
 * What the last searches passed over as not visible: a matching anchor, or a whole Lightning view.
 * Only a change of class, style or `hidden` on one of them or an ancestor can show it, so while
 * placement searches, such changes elsewhere (most of a busy page's) need no new search.
 */
export const unseen = new Set<Element>();

/** True when `target` is `hidden` or holds it, across the shadow roots between them. */
export function reveals(target: Element): boolean {
  for (const hidden of unseen)
    for (let node: Element | undefined = hidden; node; node = (node.getRootNode() as ShadowRoot).host)
      if (target.contains(node)) return true;
  return false;
}

/**
 * The open shadow roots of the known ancestry under a root, in document order (a page fully in native
 * shadow nests the highlights panel a dozen roots deep, among hundreds that never hold it).
 */
export function shadowRoots(start: Root): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const enter = (root: Root): void => {
    for (const host of root.querySelectorAll(SHADOW_ANCESTRY)) {
      if (found.length >= SHADOW_ROOTS) return;
      const shadow = host.shadowRoot;
      if (!shadow) continue;
      found.push(shadow);
      enter(shadow);
    }
  };
  enter(start);
  return found;
}

/** Selectors of one kind of anchor, most specific first, per UI (console pages use Lightning's). */
interface AnchorSelectors {
  lightning: readonly string[];
  classic: readonly string[];
}

/** An anchor search, with what it remembers of the records it placed (anchorFinder answers one). */
interface AnchorFinder {
  /**
   * `shown`: the view Lightning has just marked active, taken as visible from its markup alone (in a
   * mutation callback, where reading style would force it; placement checks it in the next frame).
   */
  find(ui: SalesforceUi, recordId: string, shown?: Element): Element | undefined;
  /**
   * The URL now names another page: every view on screen at this moment is the page being left
   * (Lightning shows the new view only after the URL changed), so it may never anchor the new record,
   * even when its own anchor was never found (the rep moved on before its header drew). This runs
   * inside Lightning's pushState, where walking the document for the views and reading their style
   * cost about 0.6 ms a navigation (issue 29, CPU profile of 40 revisits): so only when the page left
   * was `unanchored` (a view may have come since the last search); when its anchor was found, its
   * view has its owner and the views that search saw on screen are the page.
   */
  leaving(previousRecordId: string, unanchored: boolean): void;
  /** True while the anchor still shows this record's page. */
  stillValid(anchor: Element | undefined, recordId: string): boolean;
}

/**
 * The toolbar's anchors unless told others (the activity actions: activity-actions.ts). Closures,
 * not a class: their names minify, a class's members do not (the content script is small).
 */
export function anchorFinder(anchors: AnchorSelectors = TOOLBAR_ANCHORS): AnchorFinder {
  const owners = new WeakMap<Element, string>();
  /** The Lightning view each record was found in: a view that showed one record never serves another
   *  (the previous page, still on screen for a moment after the URL changed). */
  const viewOwners = new WeakMap<Element, string>();
  /** The views the latest searches saw on screen (leaving). */
  let onScreen: Element[] = [];

  const search = (roots: Root[], selectors: readonly string[], recordId: string, visible: boolean) => {
    for (const selector of selectors) {
      for (const root of roots) {
        for (const candidate of root.querySelectorAll(selector)) {
          const owner = owners.get(candidate);
          if (owner !== undefined && owner !== recordId) continue;
          if (candidate.parentElement?.closest(NEVER_INSIDE)) continue;
          if (visible && !candidate.checkVisibility()) {
            unseen.add(candidate);
            continue;
          }
          owners.set(candidate, recordId);
          return candidate;
        }
      }
    }
    return undefined;
  };

  /** Light DOM first (synthetic shadow, the common case), then inside open shadow roots. */
  const within = (root: Root, selectors: readonly string[], recordId: string, visible: boolean) =>
    search([root], selectors, recordId, visible) ?? search(shadowRoots(root), selectors, recordId, visible);

  return {
    find(ui, recordId, shown) {
      if (ui === 'classic') return within(document, anchors.classic, recordId, true);
      if (!shown) onScreen = [];
      for (const view of shown ? [shown] : document.querySelectorAll(LIGHTNING_VIEWS)) {
        const owner = viewOwners.get(view);
        if (owner !== undefined && owner !== recordId) continue;
        if (!(shown || view.checkVisibility())) {
          unseen.add(view);
          continue;
        }
        onScreen.push(view);
        const found = within(view, anchors.lightning, recordId, !shown);
        if (found) {
          viewOwners.set(view, recordId);
          return found;
        }
      }
      return undefined;
    },
    leaving(previousRecordId, unanchored) {
      for (const view of unanchored ? document.querySelectorAll(LIGHTNING_VIEWS) : onScreen)
        if (!viewOwners.has(view) && (!unanchored || view.checkVisibility())) viewOwners.set(view, previousRecordId);
    },
    stillValid: (anchor, recordId) =>
      !!anchor && anchor.isConnected && owners.get(anchor) === recordId && anchor.checkVisibility(),
  };
}
