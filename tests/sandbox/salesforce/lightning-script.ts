// The Lightning shell's only script: client-side navigation the way Lightning does it, so the
// extension meets the same hard case as in a real org. The URL changes first (pushState), the view
// arrives after a fetch, and the previous view stays in the DOM without `active` and hidden. A view
// visited before is reused from the DOM, as Lightning reuses cached pages. No timers: each step
// follows the previous one, so tests and the bench see deterministic timing (fetch latency only).
//
// The DOM is the cache: every view host carries data-sandbox-path / -title / -object. Console apps
// nest two levels (pages-lightning.ts): workspaces (primary tabs) in the stage, each with its own
// subtabs; workspaces and subtabs have a matching tab (li[data-sandbox-path]) in their tab bar.

import { NATIVE_SHADOW_COMPONENTS } from './lightning-variants.js';

export const VIEW_ENDPOINT = '/__sandbox/view';
/** Where the record's data comes from for the components that wait for it (fullshadow; pages-lightning.ts). */
export const RECORD_DATA_ENDPOINT = '/__sandbox/record-data';

export const NAVIGATION_SCRIPT = `
(() => {
  const shell = document.body.dataset.sandboxShell;
  const stage = document.querySelector('[data-sandbox-stage]');
  const tabBar = document.querySelector('[data-sandbox-tabs]');
  let latest = 0;

  // Native shadow mode: Lightning web components as real open shadow roots, innermost first, so a
  // component's host moves into its parent's shadow root with its own shadow root attached. "full":
  // every Lightning web component (a custom element, its name has a hyphen) on the whole page, the
  // navigation and utility bars included; Aura's parts (plain elements) stay light DOM.
  const FULL = document.body.dataset.sandboxShadow === 'full';
  const SHADOW = document.body.hasAttribute('data-sandbox-shadow') ? '${NATIVE_SHADOW_COMPONENTS}' : '';
  function toShadow(root) {
    if (!SHADOW) return;
    const hosts = FULL ? [...root.querySelectorAll('*')].filter((el) => el.localName.includes('-')) : [...root.querySelectorAll(SHADOW)];
    for (const host of hosts.reverse()) {
      if (host.shadowRoot) continue;
      host.attachShadow({ mode: 'open' }).append(...host.childNodes);
    }
  }
  toShadow(FULL ? document.body : stage);
  /** Elements matching a selector, through open shadow roots (the nav bar's items in full native shadow). */
  function deepAll(root, selector, into = []) {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) into.push(el);
      if (el.shadowRoot) deepAll(el.shadowRoot, selector, into);
    }
    return into;
  }
  // A Lightning web component draws its record's fields once Lightning Data Service's wire adapter
  // provisions them ("When the wire adapter provisions new data, the component rerenders": LWC
  // Developer Guide, "Use the Wire Service to Get Data"; @lwc/wire-service README), after the page
  // around it. In full native shadow the highlights panel so appears later inside its parent's
  // shadow root, a change no observer of the document is told of (a MutationObserver's subtree is
  // one node tree; a shadow root is another).
  async function drawWhenDataArrives(root) {
    if (!FULL) return;
    const held = deepAll(root, 'records-highlights2').map((panel) => [panel, panel.parentNode, panel.nextSibling]);
    if (!held.length) return;
    for (const [panel] of held) panel.remove();
    await fetch('${RECORD_DATA_ENDPOINT}', { credentials: 'same-origin' });
    for (const [panel, parent, next] of held) parent.insertBefore(panel, next);
  }
  const navItems = FULL ? deepAll(document.body, '.navItem[data-sandbox-object]') : [...document.querySelectorAll('.navItem[data-sandbox-object]')];
  void drawWhenDataArrives(stage);

  const byPath = (parent, path) => parent ? [...parent.children].find((el) => el.dataset.sandboxPath === path) : undefined;
  const setShown = (el, on) => {
    el.classList.toggle('active', on);
    el.hidden = !on;
    el.style.display = on ? '' : 'none';
  };
  const markTabs = (bar, path) => {
    for (const tab of bar ? bar.children : []) {
      const on = tab.dataset.sandboxPath === path;
      tab.classList.toggle('active', on);
      tab.classList.toggle('slds-is-active', on);
      tab.querySelector('a')?.setAttribute('aria-selected', String(on));
    }
  };
  const subtabStage = (ws) => ws.querySelector('[data-sandbox-subtab-stage]');
  const subtabBar = (ws) => ws.querySelector('[data-sandbox-subtabs]');

  /** Standard app: the page host. Console: the workspace, then its subtab (a workspace keeps its own active subtab). */
  function show(host, sub) {
    for (const other of stage.children) if (other !== host) setShown(other, false);
    setShown(host, true);
    markTabs(tabBar, host.dataset.sandboxPath);
    let view = host;
    if (shell === 'console') {
      host.querySelector('.oneWorkspace')?.classList.add('active');
      for (const other of subtabStage(host).children) {
        const on = other === sub;
        setShown(other, on);
        other.querySelector('[data-sandbox-activates]')?.classList.toggle('active', on);
      }
      markTabs(subtabBar(host), sub.dataset.sandboxPath);
      view = sub;
    }
    for (const item of navItems) {
      item.classList.toggle('slds-is-active', item.dataset.sandboxObject === view.dataset.sandboxObject);
    }
    document.title = view.dataset.sandboxTitle;
  }

  async function fetchView(path) {
    const response = await fetch('${VIEW_ENDPOINT}?shell=' + shell + '&path=' + encodeURIComponent(path), { credentials: 'same-origin' });
    if (response.status === 401) { location.reload(); return undefined; }
    return response.json();
  }
  function insert(parent, markup) {
    parent.insertAdjacentHTML('beforeend', markup);
    const added = parent.lastElementChild;
    toShadow(added);
    void drawWhenDataArrives(added);
    return added;
  }

  // Console URLs: a primary tab's has no ?ws=; a subtab's names its parent workspace in ws.
  const consoleUrl = (path, ws) => ws && ws !== path ? path + '?ws=' + encodeURIComponent(ws) : path;

  async function navigate(target, how) {
    const url = new URL(target, location.href);
    if (url.origin !== location.origin) return location.assign(url.href);
    const ticket = ++latest;
    if (shell !== 'console') {
      if (how === 'push') history.pushState(null, '', url.pathname + url.search);
      let host = byPath(stage, url.pathname);
      if (!host) {
        const view = await fetchView(url.pathname + url.search);
        if (!view) return;
        host = byPath(stage, view.path) ?? insert(stage, view.html);
        // Lightning rewrites an address without the object name to the full one.
        if (ticket === latest && view.path !== url.pathname) history.replaceState(null, '', view.path);
      }
      if (ticket === latest) show(host);
      return;
    }
    const wsParam = url.searchParams.get('ws');
    let wsPath = wsParam ? new URL(wsParam, location.href).pathname : url.pathname;
    let subPath = url.pathname;
    if (how === 'push') history.pushState(null, '', consoleUrl(subPath, wsPath));
    let ws = byPath(stage, wsPath);
    if (!ws) {
      const view = await fetchView(wsPath);
      if (!view) return;
      if (subPath === wsPath) subPath = view.path;
      wsPath = view.path;
      ws = byPath(stage, wsPath);
      if (!ws) {
        ws = insert(stage, view.workspaceHtml);
        tabBar?.insertAdjacentHTML('beforeend', view.tabHtml);
      }
    }
    let sub = byPath(subtabStage(ws), subPath);
    if (!sub) {
      const view = await fetchView(subPath);
      if (!view) return;
      subPath = view.path;
      sub = byPath(subtabStage(ws), subPath);
      if (!sub) {
        sub = insert(subtabStage(ws), view.subtabHtml);
        subtabBar(ws).insertAdjacentHTML('beforeend', view.tabHtml);
      }
    }
    if (ticket !== latest) return;
    if (location.pathname + location.search !== consoleUrl(subPath, wsPath)) history.replaceState(null, '', consoleUrl(subPath, wsPath));
    show(ws, sub);
  }

  /** Console: a record link inside a workspace opens as its subtab; a workspace tab goes back to
   *  that workspace's focused subtab; anything else opens (or focuses) a workspace. */
  function consoleTarget(link) {
    const href = link.getAttribute('href');
    if (tabBar?.contains(link)) {
      const ws = byPath(stage, href);
      const sub = ws && [...subtabStage(ws).children].find((el) => el.classList.contains('active'));
      return consoleUrl(sub ? sub.dataset.sandboxPath : href, href);
    }
    // Out of the link's shadow roots first: closest() stops at a shadow root.
    let node = link;
    while (node.getRootNode() instanceof ShadowRoot) node = node.getRootNode().host;
    const ws = node.closest('[data-sandbox-workspace]');
    return ws ? consoleUrl(new URL(href, location.href).pathname, ws.dataset.sandboxPath) : href;
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((el) => el instanceof Element && el.matches('a[href^="/lightning/"]'));
    if (!link || link.target) return;
    event.preventDefault();
    navigate(shell === 'console' ? consoleTarget(link) : link.getAttribute('href'), 'push');
  });
  addEventListener('popstate', () => navigate(location.href, 'pop'));
  /** For tests and the bench: the same as clicking a link; resolves when the view is shown. */
  window.__sandboxNavigate = (path) => navigate(path, 'push');
})();
`;
