// A press counts only when the rep could see what they pressed, and got there themselves (issue 25).
// `isTrusted` proves a person pressed something; a page script can still steer that real press onto
// our buttons: restyle one into an invisible full-page button, cover it with a look-alike, move it
// under the pointer, or move focus onto it while the rep types. So a click counts only when:
// - pointer: Chromium's IntersectionObserver v2 (`trackVisibility`, w3c.github.io/IntersectionObserver/v2)
//   last saw the button visible, unobstructed and without opacity, filter or transform effects; the
//   pointer moved over it (a button that appeared under a resting pointer gets no pointermove); it has
//   not come under the pointer within a human reaction time (MOVED_MS: moved to where the pointer
//   already was, or kept following it); it is not bigger than any button we draw; and its
//   shadow root is styled by our own sheets alone (our roots are open, and a script could add its own);
// - keyboard (a click the browser made from Enter or Space, `detail` 0): focus reached the button by the
//   rep's own input: their Tab, once the browser's own focus move happened (a focus() inside the key's
//   dispatch, or after a prevented Tab, is a script's), or their keys and clicks in our own UI, which
//   our code follows with focus (menus, dialogs, the panel after Start).
// Every bundle (toolbar, panel, meeting dialog) has its own copy of this module; they share one state
// on the content-script world's global object, which page scripts cannot see.

/** A human reaction time: a button that moved or appeared under the pointer more recently was not seen there. */
const MOVED_MS = 200;
/** Our own code moves focus in answer to the rep's input in our UI, sometimes after a round trip. */
const OUR_FOCUS_MS = 2000;
/** The browser moves focus on Tab right after the key's dispatch. */
const TAB_FOCUS_MS = 500;
/** Bigger than any button, link or menu item we draw. */
const MAX_WIDTH = 640;
const MAX_HEIGHT = 160;

interface Seen {
  /** IntersectionObserver v2's last word (undefined until it spoke). */
  visible?: boolean;
  /** Whether it was on screen at all then (a hidden menu item is not: its next report may lag). */
  intersecting?: boolean;
  /** Where the button was last seen, in page coordinates (window scrolling is no move). */
  at?: string;
  movedAt: number;
  /** A trusted pointermove over it since it last moved. */
  pointedAt: number;
  focusByRep: boolean;
}

interface LastInput {
  at: number;
  /** Inside one of our shadow hosts. */
  ours: boolean;
  tab?: KeyboardEvent;
}

interface GuardState {
  seen: WeakMap<Element, Seen>;
  /** Every button watched (a few dozen at most), to ask IntersectionObserver v2 again. */
  controls: Set<Element>;
  /** Where the pointer was before its latest move (a pointermove's own movementX is 0 for some input). */
  pointer: { x: number; y: number; before: { x: number; y: number } };
  hosts: WeakSet<Node>;
  sheets: WeakMap<CSSStyleSheet, number>;
  input?: LastInput;
  observer?: IntersectionObserver;
  /** Says that the page interfered with a press (the toolbar sets it). */
  refused?: () => void;
}

const GLOBAL = '__glance_press_guard';

function createState(): GuardState {
  const state: GuardState = {
    seen: new WeakMap(),
    controls: new Set(),
    hosts: new WeakSet(),
    sheets: new WeakMap(),
    pointer: { x: -1, y: -1, before: { x: -1, y: -1 } },
  };
  addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted) return;
      const { x, y } = state.pointer;
      state.pointer = { x: event.clientX, y: event.clientY, before: { x, y } };
    },
    { capture: true, passive: true },
  );
  const onInput = (event: Event) => {
    if (!event.isTrusted) return;
    const key = event.type === 'keydown' ? (event as KeyboardEvent) : undefined;
    state.input = {
      at: event.timeStamp,
      ours: event.composedPath().some((node) => state.hosts.has(node as Node)),
      tab: key?.key === 'Tab' ? key : undefined,
    };
  };
  addEventListener('keydown', onInput, true);
  addEventListener('pointerdown', onInput, true);
  if (typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype) {
    state.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const seen = state.seen.get(entry.target);
          if (!seen) continue;
          seen.visible = (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
          seen.intersecting = entry.isIntersecting;
          note(seen, entry.boundingClientRect, entry.time);
        }
      },
      { trackVisibility: true, delay: 100, threshold: [1] } as IntersectionObserverInit,
    );
  }
  return state;
}

const shared = globalThis as unknown as Record<string, GuardState | undefined>;
const state: GuardState = shared[GLOBAL] ?? createState();
shared[GLOBAL] = state;

/**
 * Records where the button is. A new place counts as a move under the pointer when the pointer was
 * already inside it (`pointer`: where it was just before this event): the button came to the
 * pointer, not the pointer to the button. Its first place never counts: a button that appears under
 * a resting pointer is caught by the pointermove it never got. A move while the pointer was elsewhere
 * (Salesforce's layout settling) is no steering: the rep then aims at the button where it is.
 */
function note(seen: Seen, rect: DOMRectReadOnly, now: number, pointer?: { x: number; y: number }): void {
  // Where it is, not how wide: a label that changes (Switch to …) is no move.
  const at = `${rect.left + scrollX},${rect.top + scrollY}`;
  const under =
    !!pointer && pointer.x >= rect.left && pointer.x <= rect.right && pointer.y >= rect.top && pointer.y <= rect.bottom;
  if (seen.at !== undefined && seen.at !== at && under) seen.movedAt = now;
  seen.at = at;
}

/** One of our shadow hosts: input inside it is the rep operating our UI. */
export function ownHost(host: Element): void {
  state.hosts.add(host);
}

/** A sheet of ours, with its rule count as made (a script adding rules to it changes that). */
export function ownSheet(sheet: CSSStyleSheet): void {
  state.sheets.set(sheet, sheet.cssRules.length);
}

export function onPressRefused(say: () => void): void {
  state.refused = say;
}

/** Starts watching a button (or link) whose click does something. */
export function guard(control: HTMLElement): void {
  if (state.seen.has(control)) return;
  const seen: Seen = { movedAt: -Infinity, pointedAt: -Infinity, focusByRep: false };
  state.seen.set(control, seen);
  state.controls.add(control);
  state.observer?.observe(control);
  control.addEventListener('pointermove', (event) => {
    if (!event.isTrusted) return;
    note(seen, control.getBoundingClientRect(), event.timeStamp, state.pointer.before);
    seen.pointedAt = event.timeStamp;
  });
  control.addEventListener('focus', (event) => {
    const input = state.input;
    const age = input ? event.timeStamp - input.at : Infinity;
    const tab = input?.tab;
    seen.focusByRep =
      (!!input?.ours && age < OUR_FOCUS_MS) ||
      (!!tab && tab.eventPhase === Event.NONE && !tab.defaultPrevented && age < TAB_FOCUS_MS);
  });
}

/**
 * Our own UI changed (a dialog closed, a status line or a problem appeared): what it covered is
 * uncovered, what it pushed has moved, and IntersectionObserver v2 would say so only at its next
 * report (up to 100 ms on). Observed anew, each button is reported at the next frame, with where it
 * now is: our own layout is no move under the pointer.
 */
export function lookAgain(): void {
  for (const control of state.controls) {
    if (!control.isConnected) continue;
    state.observer?.unobserve(control);
    state.observer?.observe(control);
  }
}

/** Our roots carry our sheets only, unchanged. */
function styledByUs(control: Element): boolean {
  const root = control.getRootNode();
  if (!(root instanceof ShadowRoot)) return true;
  if (root.querySelector('style:not([data-glance-own]),link')) return false;
  return root.adoptedStyleSheets.every((sheet) => state.sheets.get(sheet) === sheet.cssRules.length);
}

/** Whether a trusted click on `control` counts; when not, the toolbar says the page interfered. */
export function pressCounts(control: HTMLElement, event: MouseEvent): boolean {
  const ok = judge(control, event);
  if (!ok) state.refused?.();
  return ok;
}

function judge(control: HTMLElement, event: MouseEvent): boolean {
  const seen = state.seen.get(control);
  if (!seen || !styledByUs(control)) return false;
  if (event.detail === 0) return seen.focusByRep;
  // IntersectionObserver v2 reports at most every 100 ms: a button just shown (a menu item the rep
  // opened) has no report yet, and then, as without it (Firefox), opacity and transforms are checked
  // here. A button it saw on screen but covered, faded or transformed is refused.
  if (state.observer && !seen.visible && seen.intersecting !== false) return false;
  if (!seen.visible && !plainlyVisible(control)) return false;
  const rect = control.getBoundingClientRect();
  note(seen, rect, event.timeStamp, { x: event.clientX, y: event.clientY });
  return (
    event.timeStamp - seen.movedAt >= MOVED_MS &&
    seen.pointedAt > -Infinity &&
    seen.pointedAt >= seen.movedAt &&
    rect.width <= MAX_WIDTH &&
    rect.height <= MAX_HEIGHT
  );
}

function plainlyVisible(control: Element): boolean {
  for (let node: Element | null = control; node; ) {
    const style = getComputedStyle(node);
    if (Number(style.opacity) < 1 || style.transform !== 'none' || style.visibility !== 'visible') return false;
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return true;
}
