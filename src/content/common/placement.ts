// Where to draw the toolbar and the session panel, and keeping them there while Salesforce
// re-renders: the anchor search itself is anchor-finder.ts (the visible view only, never an anchor
// already used for another record, through the known shadow roots).
import type { SalesforceUi } from '../../shared/salesforce-url.js';
import { anchorFinder, reveals, shadowRoots, unseen } from './anchor-finder.js';
import { ACTIVE_VIEW_CLASS, COMPACT_DENSITY, LIGHTNING_VIEWS, MAY_BRING_ANCHOR } from './selectors.js';

/** What main.ts places: the toolbar, or the session panel that replaces it during a session. */
export interface Dockable {
  readonly host: HTMLElement;
  dock(anchor: Element | undefined): void;
}

/** What to dock now, and beside which record's header (none: floating); asked afresh at every placement. */
type DockTarget = { docked: Dockable | undefined; record: { ui: SalesforceUi; recordId: string } | undefined };

/** Where something of ours went: after `anchor`, or (none found) floating or nowhere. */
export type Docking = { host: Element; anchor: Element | undefined };

/**
 * How long after a navigation (or a lost anchor) the page is searched for an anchor not there yet.
 * Lightning draws a record page's components within a few seconds even on a slow org; a page that
 * has none after this (a layout without highlights or Activity) keeps the floating toolbar and
 * stops paying for the search.
 */
const SEEK_MS = 15_000;

/** While seeking: the page's changes that can bring an anchor (new views, views shown or hidden). */
const PAGE_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributeFilter: ['class', 'style', 'hidden'],
};

/** Still where it was put: DOM reads only (no style or layout), so a mutation callback may ask. */
const intact = ({ host, anchor }: Docking) =>
  anchor ? anchor.isConnected && host.previousElementSibling === anchor : host.isConnected;

/**
 * Keeps the toolbar or the panel docked beside its record's header, and `alsoPlace`'s extra (the
 * activity button) beside its own anchor. Salesforce draws the record after the URL changes and
 * re-renders parts of it all the time (issue 13: ~2,400 mutations a second on a busy page), so:
 * - until every anchor is found (at most SEEK_MS), a change that can bring one (mayBringAnchor)
 *   re-places, at most once a frame, in requestAnimationFrame (where reading style is due anyway).
 *   Searching on every change cost a page without an Activity composer ~60 ms of script a second
 *   of churn for those 15 s (issue 29); the others are passed over with a selector match at most;
 * - once placed, only the children of the anchors' ancestors are watched: nothing else can remove
 *   an anchor or our host. The callback reads no style or layout; a break sends it back to seeking.
 * A new URL comes through main.ts (navigation.ts), which calls the returned function again.
 */
export function keepDocked(
  target: () => DockTarget | undefined,
  /**
   * `leaving`: the URL just named another record, so the extra goes, unsought (as the docked one
   * does). `shown`: the view Lightning just marked active, searched from its markup (placeShown).
   */
  alsoPlace: (leaving: boolean, shown?: Element) => Docking | undefined = () => undefined,
) {
  const anchors = anchorFinder();
  let anchor: Element | undefined;
  let watching = false;
  let scheduled = false;
  let placedRecord: string | undefined;
  let seekUntil = 0;
  let placed: Docking[] = [];
  const seek = new MutationObserver((records) => {
    // The search window has passed: stop here, not at the next placement, which on a page that never
    // brings an anchor may not come (a CPU profile 17 s after the load of a churning page without an
    // Activity composer still found this callback at ~6 ms a second; issue 29).
    if (performance.now() >= seekUntil) {
      seek.disconnect();
      unseen.clear();
      return;
    }
    let bring = false;
    // Lightning's view switch sets class, hidden and style on every view it keeps: one look each.
    const looked = new Set<Node>();
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'attributes') {
        if (looked.has(target)) continue;
        looked.add(target);
        if (target.classList.contains(ACTIVE_VIEW_CLASS) && target.matches(LIGHTNING_VIEWS)) {
          // Lightning showing a view (a page from its cache, in one task): docked now, from the markup,
          // so no frame is drawn without the toolbar; the next frame checks what this could not (visibility).
          if (!bring && !anchor) placeShown(target);
          bring = true;
        } else bring ||= reveals(target);
      } else if (!bring) for (const node of record.addedNodes) bring ||= mayBringAnchor(node);
    }
    if (bring) schedule();
  });
  const guard = new MutationObserver(() => {
    if (placed.every(intact)) return;
    seekUntil = performance.now() + SEEK_MS;
    schedule();
  });

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      place();
    });
  }

  function place(): void {
    // The searches below say afresh what they passed over as not visible.
    unseen.clear();
    const left = placedRecord;
    const docked = placeDocked();
    const navigated = left !== undefined && left !== placedRecord;
    // What else docks beside Salesforce's markup follows the same re-renders (and leaves with the page).
    const extra = alsoPlace(navigated);
    seek.disconnect();
    guard.disconnect();
    if (!watching) return;
    placed = [docked, extra].filter((d): d is Docking => !!d && (!!d.anchor || d.host.isConnected));
    for (const { host, anchor } of placed) watchAncestors(anchor ?? host);
    const missing = !docked?.anchor || (extra && !extra.anchor);
    if (missing && performance.now() < seekUntil) {
      seek.observe(document.body, PAGE_CHANGES);
      // In native shadow a component draws inside its shadow root, another node tree than the
      // document's: its known ancestry's roots are watched too (a root drawn later: at the next place).
      // Not just after a navigation: the views on screen then are the page left (placeDocked), whose
      // roots cannot bring the new record's anchor, and this runs inside Lightning's pushState.
      if (!navigated)
        for (const view of document.querySelectorAll(LIGHTNING_VIEWS))
          for (const root of shadowRoots(view)) seek.observe(root, PAGE_CHANGES);
    } else unseen.clear();
  }

  /**
   * Each ancestor's own children, across shadow roots (no subtree), up to the Lightning view and its
   * parent: above that, a change is another view coming or going, or the page's global spinners and
   * toasts on the body (many a second on a busy page), none of which moves this view's header.
   */
  function watchAncestors(node: Node): void {
    for (let parent = node.parentNode; parent; ) {
      guard.observe(parent, { childList: true });
      if (
        parent instanceof Element &&
        parent.classList.contains(ACTIVE_VIEW_CLASS) &&
        parent.matches(LIGHTNING_VIEWS)
      ) {
        if (parent.parentNode) guard.observe(parent.parentNode, { childList: true });
        return;
      }
      parent = parent instanceof ShadowRoot ? parent.host.parentNode : parent.parentNode;
    }
  }

  function placeShown(view: Element): void {
    const { docked, record } = target() ?? {};
    if (!docked || !record || record.recordId !== placedRecord || record.ui === 'classic') return;
    anchor = anchors.find(record.ui, record.recordId, view);
    if (!anchor) return;
    docked.dock(anchor);
    // The activity button too, in the same task: the next frame's check then reads the style and
    // layout of both at once, and nothing of ours is inserted after it (a second layout).
    alsoPlace(false, view);
  }

  function placeDocked(): Docking | undefined {
    const { docked, record } = target() ?? {};
    if (!docked) return undefined;
    const id = record?.recordId ?? '';
    const navigated = id !== placedRecord && placedRecord !== undefined;
    if (id !== placedRecord) {
      // At a navigation (not the first placement, whose view is this record's own), the views on
      // screen are the record left's ('' for a page that was none, such as a list view), so that
      // record finds them again when the rep comes back.
      if (placedRecord !== undefined) anchors.leaving(placedRecord, !anchor);
      placedRecord = id;
      seekUntil = performance.now() + SEEK_MS;
    }
    if (!record) {
      docked.dock(undefined);
      return undefined;
    }
    if (navigated) {
      // Just navigated: every view on screen is the page left (leaving, above), so there is nothing
      // to find yet. Lightning shows the new view in a moment, and the seek docks it there then;
      // floating it first would only move it twice. The next frame floats it if nothing came.
      anchor = undefined;
      docked.host.remove();
      schedule();
    } else if (!anchors.stillValid(anchor, record.recordId) || docked.host.previousElementSibling !== anchor) {
      anchor = anchors.find(record.ui, record.recordId);
      docked.dock(anchor);
    }
    return { host: docked.host, anchor };
  }

  /** Docks what the target says now; watches the page while `watch` (a record page), else stops. */
  return (watch: boolean): void => {
    watching = watch;
    place();
  };
}

/** An element added that is, or holds, what an anchor search looks for (selectors.ts MAY_BRING_ANCHOR). */
const mayBringAnchor = (node: Node) =>
  node instanceof Element && (node.matches(MAY_BRING_ANCHOR) || !!node.querySelector(MAY_BRING_ANCHOR));

/** Draws a host after an anchor in the page, or floating bottom-right when there is none. */
export function dockHost(host: HTMLElement, anchor: Element | undefined): void {
  // Spaced like the page around it: Compact when the rep chose Salesforce's Compact density. Read in
  // the record's own view (its fields are there): on a Comfy page nothing matches, and the whole
  // document, with every view Lightning keeps, would be walked at every dock (issue 29).
  host.dataset.density = (anchor?.closest(LIGHTNING_VIEWS) ?? document).querySelector(COMPACT_DENSITY)
    ? 'compact'
    : 'comfy';
  if (anchor) {
    if (anchor.nextElementSibling !== host) anchor.after(host);
    host.dataset.docked = 'inline';
  } else {
    if (host.parentElement !== document.body) document.body.append(host);
    host.dataset.docked = 'floating';
  }
}
