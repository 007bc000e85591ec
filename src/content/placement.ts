// Where to draw the toolbar and the session panel. Lightning keeps earlier pages in the DOM, hidden,
// and shows the new page only after the URL has changed; a console app keeps a focused subtab in
// every background workspace, hidden. So the anchor is looked for inside the visible view only (read
// from the page, not the URL: a console workspace's URL looks like a standard app's), must itself be
// visible, and must not be one we already used for another record (that would be the previous page,
// still on screen for a moment). Components in native shadow DOM are reached by a bounded walk
// through open shadow roots.
import type { SalesforceUi } from '../shared/salesforce-url.js';
import { COMPACT_DENSITY, LIGHTNING_VIEWS, NEVER_INSIDE, OWN_HOSTS, TOOLBAR_ANCHORS } from './selectors.js';

/** Bounds of the shadow-root walk: nesting depth, and shadow roots looked into per search. */
const SHADOW_DEPTH = 8;
const SHADOW_ROOTS = 48;

type Root = Element | Document | ShadowRoot;

/** The open shadow roots under a root, breadth first, within the bounds. */
function shadowRoots(start: Root): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  let level: Root[] = [start];
  for (let depth = 0; depth < SHADOW_DEPTH && level.length; depth++) {
    const next: ShadowRoot[] = [];
    for (const root of level) {
      for (const el of root.querySelectorAll('*')) {
        const shadow = el.shadowRoot;
        if (!shadow || el.matches(OWN_HOSTS)) continue;
        next.push(shadow);
        if (found.length + next.length >= SHADOW_ROOTS) return found.concat(next);
      }
    }
    found.push(...next);
    level = next;
  }
  return found;
}

/** Selectors of one kind of anchor, most specific first, per UI (console pages use Lightning's). */
export interface AnchorSelectors {
  lightning: readonly string[];
  classic: readonly string[];
}

export class AnchorFinder {
  private readonly owners = new WeakMap<Element, string>();

  /** The toolbar's anchors unless told others (the activity actions: activity-actions.ts). */
  constructor(private readonly anchors: AnchorSelectors = TOOLBAR_ANCHORS) {}

  find(ui: SalesforceUi, recordId: string): Element | undefined {
    const selectors = ui === 'classic' ? this.anchors.classic : this.anchors.lightning;
    const views: Root[] =
      ui === 'classic'
        ? [document]
        : [...document.querySelectorAll(LIGHTNING_VIEWS)].filter((v) => v.checkVisibility());
    // Light DOM first (synthetic shadow, the common case), then inside open shadow roots.
    return this.search(views, selectors, recordId) ?? this.search(views.flatMap(shadowRoots), selectors, recordId);
  }

  private search(roots: Root[], selectors: readonly string[], recordId: string): Element | undefined {
    for (const selector of selectors) {
      for (const root of roots) {
        for (const candidate of root.querySelectorAll(selector)) {
          const owner = this.owners.get(candidate);
          if (owner !== undefined && owner !== recordId) continue;
          if (candidate.parentElement?.closest(NEVER_INSIDE) || !candidate.checkVisibility()) continue;
          this.owners.set(candidate, recordId);
          return candidate;
        }
      }
    }
    return undefined;
  }

  /** True while the anchor still shows this record's page. */
  stillValid(anchor: Element | undefined, recordId: string): boolean {
    return !!anchor && anchor.isConnected && this.owners.get(anchor) === recordId && anchor.checkVisibility();
  }
}

/** What main.ts places: the toolbar, or the session panel that replaces it during a session. */
export interface Dockable {
  readonly host: HTMLElement;
  dock(anchor: Element | undefined): void;
}

/** What to dock now, and beside which record's header (none: floating); asked afresh at every placement. */
export type DockTarget = { docked: Dockable | undefined; record: { ui: SalesforceUi; recordId: string } | undefined };

/** The page's changes that can move, replace or hide an anchor. */
const PAGE_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributeFilter: ['class', 'style', 'hidden'],
};

/**
 * Keeps the toolbar or the panel docked beside its record's header. Salesforce renders the page after
 * the URL changes and re-renders parts of it later: while watching, any change re-places it, at most
 * once a frame.
 */
export function keepDocked(target: () => DockTarget | undefined, alsoPlace: () => void = () => {}) {
  const anchors = new AnchorFinder();
  let anchor: Element | undefined;
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      place();
    });
  });

  function place(): void {
    placeDocked();
    // What else docks beside Salesforce's markup follows the same re-renders.
    alsoPlace();
  }

  function placeDocked(): void {
    const { docked, record } = target() ?? {};
    if (!docked) return;
    if (!record) {
      docked.dock(undefined);
      return;
    }
    if (anchors.stillValid(anchor, record.recordId) && docked.host.previousElementSibling === anchor) return;
    anchor = anchors.find(record.ui, record.recordId);
    docked.dock(anchor);
    // Docked inside a component's native shadow root: its re-renders do not reach the body's observer.
    const root = anchor?.getRootNode();
    if (root instanceof ShadowRoot) observer.observe(root, { childList: true, subtree: true });
  }

  /** Docks what the target says now; watches the page for re-renders while `watch`, else stops. */
  return (watch: boolean): void => {
    if (watch) observer.observe(document.body, PAGE_CHANGES);
    else observer.disconnect();
    place();
  };
}

/** Draws a host after an anchor in the page, or floating bottom-right when there is none. */
export function dockHost(host: HTMLElement, anchor: Element | undefined): void {
  // Spaced like the page around it: Compact when the rep chose Salesforce's Compact density.
  host.dataset.density = document.querySelector(COMPACT_DENSITY) ? 'compact' : 'comfy';
  if (anchor) {
    if (anchor.nextElementSibling !== host) anchor.after(host);
    host.dataset.docked = 'inline';
  } else {
    if (host.parentElement !== document.body) document.body.append(host);
    host.dataset.docked = 'floating';
  }
}
