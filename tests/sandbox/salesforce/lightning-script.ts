// The Lightning shell's only script: client-side navigation the way Lightning does it, so the
// extension meets the same hard case as in a real org. The URL changes first (pushState), the view
// arrives after a fetch, and the previous view stays in the DOM without `active` and hidden. A view
// visited before is reused from the DOM, as Lightning reuses cached pages. No timers: each step
// follows the previous one, so tests and the bench see deterministic timing (fetch latency only).
//
// The DOM is the cache: every view host carries data-sandbox-path / -title / -object, and console
// workspaces have a matching tab (li[data-sandbox-path]) in the tab bar.

export const VIEW_ENDPOINT = '/__sandbox/view';

export const NAVIGATION_SCRIPT = `
(() => {
  const shell = document.body.dataset.sandboxShell;
  const stage = document.querySelector('[data-sandbox-stage]');
  const tabBar = document.querySelector('[data-sandbox-tabs]');
  let latest = 0;

  const byPath = (parent, path) => parent ? [...parent.children].find((el) => el.dataset.sandboxPath === path) : undefined;
  const setActive = (el, on) => {
    el.classList.toggle('active', on);
    for (const inner of el.querySelectorAll('[data-sandbox-activates]')) inner.classList.toggle('active', on);
  };

  function show(host) {
    for (const other of stage.children) {
      if (other === host) continue;
      setActive(other, false);
      other.hidden = true;
      other.style.display = 'none';
    }
    setActive(host, true);
    host.hidden = false;
    host.style.display = '';
    if (tabBar) {
      for (const tab of tabBar.children) {
        const on = tab.dataset.sandboxPath === host.dataset.sandboxPath;
        tab.classList.toggle('active', on);
        tab.classList.toggle('slds-is-active', on);
        tab.querySelector('a')?.setAttribute('aria-selected', String(on));
      }
    }
    for (const item of document.querySelectorAll('.navItem[data-sandbox-object]')) {
      item.classList.toggle('slds-is-active', item.dataset.sandboxObject === host.dataset.sandboxObject);
    }
    document.title = host.dataset.sandboxTitle;
  }

  // Console workspaces keep their ?ws=… so a reload comes back to the console.
  const shownUrl = (url) => shell === 'console' && !url.search ? url.pathname + '?ws=' + encodeURIComponent(url.pathname) : url.pathname + url.search;

  async function navigate(target, how) {
    const url = new URL(target, location.href);
    if (url.origin !== location.origin) return location.assign(url.href);
    const ticket = ++latest;
    if (how === 'push') history.pushState(null, '', shownUrl(url));
    let host = byPath(stage, url.pathname);
    if (!host) {
      const response = await fetch('${VIEW_ENDPOINT}?shell=' + shell + '&path=' + encodeURIComponent(url.pathname + url.search), { credentials: 'same-origin' });
      if (response.status === 401) return location.reload();
      const view = await response.json();
      host = byPath(stage, view.path);
      if (!host) {
        stage.insertAdjacentHTML('beforeend', view.html);
        host = stage.lastElementChild;
        if (tabBar && view.tabHtml) tabBar.insertAdjacentHTML('beforeend', view.tabHtml);
      }
      // Lightning rewrites an address without the object name to the full one.
      if (ticket === latest && view.path !== url.pathname) history.replaceState(null, '', shownUrl(new URL(view.path, location.href)));
    }
    if (ticket === latest) show(host);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="/lightning/"]') : null;
    if (!link || link.target) return;
    event.preventDefault();
    navigate(link.getAttribute('href'), 'push');
  });
  addEventListener('popstate', () => navigate(location.href, 'pop'));
  /** For tests and the bench: the same as clicking a link; resolves when the view is shown. */
  window.__sandboxNavigate = (path) => navigate(path, 'push');
})();
`;
