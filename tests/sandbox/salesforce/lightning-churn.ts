// Churn mode (variant `churn`, or `churn:<mutations per second>`): the record page keeps changing the
// way a busy Lightning page does while the rep reads it, with nothing on it that concerns Glance.
// Lightning re-renders constantly: components flip classes (hover and focus states, `slds-is-*`),
// spinners come and go (lightning-spinner inside a card, and the global ones Lightning appends to
// the body), related lists grow as their rows load, and components update attributes (aria-busy,
// titles, data attributes). Chromium's own counters on a real Lightning record page showed about
// 2,400 DOM mutations a second (issue 13), so that is the default rate.
//
// Each operation is exactly one DOM mutation record, chosen by a seeded generator, so two pages (with
// and without the extension) churn identically. `window.__sandboxChurn` lets tests and the bench
// drive it: `step(n)` makes n mutations at once, `count` says how many were made, `stop()` and
// `start(rate)` switch the timer.

export const DEFAULT_CHURN_RATE = 2400;

export const CHURN_SCRIPT = `
(() => {
  let rate = Number(document.body.dataset.sandboxChurn) || 0;
  let seed = 13;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (list) => list[random(list.length)];
  const api = { count: 0, step, stop, start };
  window.__sandboxChurn = api;

  // Through open shadow roots too (native shadow mode), as Lightning's components churn inside theirs.
  function all(root, selector, into = []) {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) into.push(el);
      if (el.shadowRoot) all(el.shadowRoot, selector, into);
    }
    return into;
  }
  let view;
  let parts;
  function targets() {
    const now = document.querySelector('.oneContent.active, .windowViewMode-maximized.active');
    if (now !== view || !parts) {
      view = now;
      parts = view && {
        flips: all(view, '.slds-form-element, .slds-button, .slds-card, .slds-page-header__detail-block, tr, a'),
        bodies: all(view, '.slds-card__body'),
        cards: all(view, '.slds-card, records-record-layout-section'),
        lists: [],
      };
    }
    return parts;
  }

  const FLIPS = ['slds-is-hovered', 'slds-has-focus', 'slds-is-selected', 'slds-is-loading'];
  const spinners = [];
  function spinner() {
    const el = document.createElement('lightning-spinner');
    el.className = 'slds-spinner_container';
    el.innerHTML = '<div role="status" class="slds-spinner slds-spinner_small"><span class="slds-assistive-text">Loading</span></div>';
    return el;
  }

  function mutate(p) {
    const kind = random(100);
    if (kind < 55) {
      // A class flip: hover, focus, selection, loading states.
      pick(p.flips).classList.toggle(pick(FLIPS));
    } else if (kind < 70) {
      // An attribute update: aria-busy while a component reloads, a refreshed title or data attribute.
      const card = pick(p.cards);
      const which = random(3);
      if (which === 0) card.setAttribute('aria-busy', String(card.getAttribute('aria-busy') !== 'true'));
      else if (which === 1) card.setAttribute('data-refreshed', String(api.count));
      else pick(p.flips).setAttribute('title', 'Updated ' + api.count);
    } else if (kind < 85) {
      // A spinner shows, or the oldest one goes: inside a card, or Lightning's global one on the body.
      if (spinners.length > 6 || (spinners.length && random(2))) spinners.shift().remove();
      else {
        const el = spinner();
        (random(4) === 0 ? document.body : pick(p.bodies) ?? document.body).append(el);
        spinners.push(el);
      }
    } else {
      // A related list grows as its rows load; past 40 rows its oldest loaded row is recycled.
      let list = p.lists[0];
      if (!list || !list.isConnected) {
        const body = pick(p.bodies);
        if (!body) return pick(p.flips).classList.toggle(pick(FLIPS));
        list = document.createElement('tbody');
        list.className = 'sandbox-churn-rows';
        const table = document.createElement('table');
        table.className = 'slds-table';
        table.append(list);
        body.append(table);
        p.lists[0] = list;
        return;
      }
      if (list.children.length >= 40) list.firstElementChild.remove();
      else {
        const row = document.createElement('tr');
        row.innerHTML = '<td><a href="javascript:void(0)">Row ' + api.count + '</a></td><td>Loaded</td>';
        list.append(row);
      }
    }
  }

  function step(n) {
    const p = targets();
    if (!p || !p.flips.length || !p.cards.length) return;
    for (let i = 0; i < n; i++) {
      mutate(p);
      api.count++;
    }
  }

  // Every 10 ms, as many mutations as the rate calls for since the start (catching up after a slow tick).
  let timer;
  let started;
  let done;
  function start(perSecond) {
    stop();
    rate = perSecond;
    started = performance.now();
    done = 0;
    timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) * rate) / 1000) - done;
      const n = Math.min(due, rate / 10);
      done += due;
      step(n);
    }, 10);
  }
  function stop() {
    clearInterval(timer);
    timer = undefined;
  }
  if (rate > 0) start(rate);
})();
`;
