// The toolbar after a Lightning navigation, in real Chromium with the production build, in the sandbox.
import type { CDPSession, Page } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';

const LIGHTNING = 'https://acme.lightning.force.com';
type Row = { Id: string };

/**
 * pushState to a record → the toolbar host shows that record and is visible. With `baseline` (a page
 * where the extension does not run), each round also times the same navigation there until the new
 * view is visible: the page's own share, in the same rounds. `afterShown`: in the extension's page,
 * the toolbar's delay after the record's view itself became visible, in the same navigation (what
 * "one frame" asks of us: the page's own navigation is longer than a frame on its own). `firstVisit`:
 * whether the page fetched the record's view in that round (its first visit) or showed it from its
 * cache (a revisit), as Lightning does. `added` (with `baseline` only): per navigation, the main
 * thread's task time in the extension's page less the plain page's, each from just before the
 * navigation until it settled (two frames and 100 ms after its end): what our content script adds.
 */
export async function toolbarAfterNavigation(
  page: Page,
  control: SandboxControl,
  rounds: number,
  baseline?: Page,
  /** A page in native shadow: the toolbar is looked for inside open shadow roots too, and the view
   *  counts as shown once its highlights panel is drawn (there, when the record's data arrives). */
  throughShadow = false,
  /**
   * A second page where the extension does not run (another plain context): each round also times
   * it like `baseline`, and `noise` is its task time less the baseline's, the A/A of `added`.
   */
  twin?: Page,
): Promise<{
  withExtension: number[];
  pageOnly: number[];
  afterShown: number[];
  firstVisit: boolean[];
  added: number[];
  noise: number[];
}> {
  const ids = [
    ...(await control.records<Row>('Lead')).map((r) => `/lightning/r/Lead/${r.Id}/view`),
    ...(await control.records<Row>('Contact')).map((r) => `/lightning/r/Contact/${r.Id}/view`),
    ...(await control.records<Row>('Case')).map((r) => `/lightning/r/Case/${r.Id}/view`),
  ];
  const plainPages = baseline ? [baseline, ...(twin ? [twin] : [])] : [];
  for (const p of [page, ...plainPages]) {
    await p.goto(`${LIGHTNING}/lightning/o/Lead/list`);
    await p.waitForFunction(
      () => typeof (window as unknown as { __sandboxNavigate?: unknown }).__sandboxNavigate === 'function',
    );
  }
  /** ms until the view is visible, and (waitFor toolbar) until the toolbar is too. */
  const navigate = (on: Page, path: string, recordId: string, waitFor: 'toolbar' | 'view') =>
    on.evaluate(
      ({ path, recordId, waitFor, throughShadow }) =>
        new Promise<{ view: number; done: number; fetched: boolean }>((resolve) => {
          // A view the page holds already is a revisit; any other it must fetch first.
          const cached = !!document.querySelector(`.oneContent[data-sandbox-path="${path}"]`);
          const start = performance.now();
          let view = 0;
          /** The first element matching `wanted` inside the open shadow roots under `root`. */
          const inShadow = (root: Element | ShadowRoot, wanted: string): Element | null => {
            for (const el of root.querySelectorAll('*')) {
              const found = el.shadowRoot && (el.shadowRoot.querySelector(wanted) ?? inShadow(el.shadowRoot, wanted));
              if (found) return found;
            }
            return null;
          };
          /**
           * Native shadow: the record's header is drawn inside shadow roots when its data arrives, so
           * the view counts as shown once its header is there. No observer of the document sees a
           * change inside a shadow root: the generated layout's root, where the header and then the
           * toolbar go, is watched as well. (These walks are the bench's cost, on the page's thread.)
           */
          const header = (shown: Element) => {
            const layout = watched ? null : inShadow(shown, '.forcegenerated-record-layout2')?.shadowRoot;
            if (layout) {
              watched = true;
              observer.observe(layout, { childList: true });
            }
            return shown.querySelector('records-highlights2') ?? inShadow(shown, 'records-highlights2');
          };
          const ready = () => {
            const shown = document.querySelector(`.oneContent.active[data-sandbox-path="${path}"]`);
            // The page may show the new view (a revisit) before our code can run: timed where seen.
            if (!view && shown?.checkVisibility() && (!throughShadow || header(shown)))
              view = performance.now() - start;
            if (waitFor === 'view') return view > 0;
            const selector = `[data-glance-sfx="toolbar"][data-record-id="${recordId}"]`;
            const toolbar =
              document.querySelector(selector) ?? (throughShadow && view && shown ? inShadow(shown, selector) : null);
            return !!toolbar?.checkVisibility();
          };
          let watched = false;
          let finished = false;
          // Changes inside shadow roots reach no observer on the document: checked every frame too.
          const everyFrame = () => {
            if (finished) return;
            if (ready()) finish();
            else requestAnimationFrame(everyFrame);
          };
          const finish = () => {
            if (finished) return;
            finished = true;
            observer.disconnect();
            const done = performance.now() - start;
            resolve({ view: view || done, done, fetched: !cached });
          };
          const observer = new MutationObserver(() => {
            if (ready()) finish();
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          void (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(path);
          if (ready()) finish();
          else if (throughShadow) requestAnimationFrame(everyFrame);
        }),
      { path, recordId, waitFor, throughShadow },
    );
  /** Chromium's own counter of the renderer's main-thread task time (thread CPU time), ms. */
  const taskMs = async (cdp: CDPSession) => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  const sessions = new Map<Page, CDPSession>();
  for (const p of plainPages.length ? [page, ...plainPages] : []) {
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    sessions.set(p, cdp);
  }
  /** The navigation, and (a paired round) its task time until the page settled after it. */
  const timed = async (on: Page, path: string, recordId: string, waitFor: 'toolbar' | 'view') => {
    const cdp = sessions.get(on);
    const before = cdp ? await taskMs(cdp) : 0;
    const result = await navigate(on, path, recordId, waitFor);
    if (!cdp) return { ...result, task: 0 };
    // What runs after the toolbar shows (the status request's answer, the next frame's check) counts too.
    await on.evaluate(
      () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))),
    );
    return { ...result, task: (await taskMs(cdp)) - before };
  };
  const added: number[] = [];
  const noise: number[] = [];
  const withExtension: number[] = [];
  const pageOnly: number[] = [];
  const afterShown: number[] = [];
  const firstVisit: boolean[] = [];
  for (let i = 0; i < rounds + 5; i++) {
    const path = ids[i % ids.length] as string;
    const recordId = path.split('/')[4] as string;
    const ours = await timed(page, path, recordId, 'toolbar');
    const plain = baseline ? await timed(baseline, path, recordId, 'view') : undefined;
    const plainTwin = baseline && twin ? await timed(twin, path, recordId, 'view') : undefined;
    if (i < 5) continue; // the first few warm up caches and the view templates
    withExtension.push(ours.done);
    afterShown.push(ours.done - ours.view);
    firstVisit.push(ours.fetched);
    if (plain !== undefined) {
      pageOnly.push(plain.done);
      added.push(ours.task - plain.task);
      if (plainTwin) noise.push(plainTwin.task - plain.task);
    }
  }
  for (const cdp of sessions.values()) await cdp.detach();
  return { withExtension, pageOnly, afterShown, firstVisit, added, noise };
}
