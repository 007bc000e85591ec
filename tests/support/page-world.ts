// What any script in a Salesforce page can do to our UI: page.evaluate runs in the page's own (main)
// world, the world of an installed package's component, an admin's script or an injection. Our
// shadow roots are open, so such a script reaches every element we draw; these helpers are what it
// would try. Each function runs in the page, so it must not use anything from outside its body.
import type { Page } from '@playwright/test';

export type OurHost = 'toolbar' | 'session-panel';

/** Presses one of our buttons (found by its text or aria-label) every way a script can. */
export function forgePresses(page: Page, host: OurHost, label: string): Promise<string[]> {
  return page.evaluate(
    async ({ host, label }) => {
      const root = document.querySelector(`[data-glance-sfx="${host}"]`)?.shadowRoot;
      if (!root) throw new Error(`no ${host}`);
      const button = [...root.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label,
      );
      if (!button) throw new Error(`no button "${label}" in the ${host}`);
      const init = { bubbles: true, composed: true, cancelable: true };
      const tried: string[] = [];
      const send = (event: Event) => {
        tried.push(`${event.constructor.name}:${event.type}${'key' in event ? `:${String(event.key)}` : ''}`);
        button.dispatchEvent(event);
      };
      button.click();
      tried.push('click()');
      send(new MouseEvent('click', init));
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        send(new PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true, button: 0 }));
      // Keys on the focused button: Enter/Space activate a button only when a person presses them.
      button.focus();
      for (const key of ['Enter', ' ', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Escape']) {
        send(new KeyboardEvent('keydown', { ...init, key, code: key === ' ' ? 'Space' : key }));
        send(new KeyboardEvent('keypress', { ...init, key }));
        send(new KeyboardEvent('keyup', { ...init, key }));
      }
      // Whatever an accepted press would have started has time to show.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return tried;
    },
    { host, label },
  );
}

/** Synthetic keys on the element that has focus inside our shadow root (menu navigation). */
export function forgeKeysOnFocused(page: Page, host: OurHost, keys: string[]): Promise<string> {
  return page.evaluate(
    async ({ host, keys }) => {
      const root = document.querySelector(`[data-glance-sfx="${host}"]`)?.shadowRoot;
      const focused = root?.activeElement;
      if (!focused) throw new Error(`nothing focused in the ${host}`);
      for (const key of keys) {
        focused.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        focused.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true, cancelable: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      return root?.activeElement?.textContent ?? '';
    },
    { host, keys },
  );
}

/**
 * What the page can see of one of our hosts: its attributes and its shadow root's markup, with the
 * timer's running clock blanked (it changes every second by itself).
 */
export function snapshot(page: Page, host: OurHost): Promise<string> {
  return page.evaluate((host) => {
    const element = document.querySelector(`[data-glance-sfx="${host}"]`);
    if (!element?.shadowRoot) return `no ${host}`;
    const copy = document.createElement('div');
    for (const child of element.shadowRoot.childNodes) copy.append(child.cloneNode(true));
    for (const timer of copy.querySelectorAll('[role="timer"]')) timer.textContent = '';
    const attributes = [...element.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
    return `${attributes}\n${copy.innerHTML}`;
  }, host);
}

export interface PageWorldReading {
  /** Host element → its attribute names, for every host of ours in the page. */
  hostAttributes: Record<string, string[]>;
  /** Every text, attribute value, form value and style text a page script can read from our DOM. */
  text: string;
  /** Tag names of every element inside our shadow roots. */
  tags: string[];
}

/** Walks all our hosts and shadow roots from the page world and collects what a script can read. */
export function readFromPageWorld(page: Page): Promise<PageWorldReading> {
  return page.evaluate(() => {
    const hostAttributes: Record<string, string[]> = {};
    const parts: string[] = [];
    const tags: string[] = [];
    const visit = (node: Node) => {
      if (node instanceof Element) {
        tags.push(node.localName);
        for (const a of node.attributes) parts.push(a.value);
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
        if (node.shadowRoot) for (const child of node.shadowRoot.childNodes) visit(child);
      } else if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
      }
      for (const child of node.childNodes) visit(child);
    };
    for (const host of document.querySelectorAll('[data-glance-sfx]')) {
      hostAttributes[host.getAttribute('data-glance-sfx') ?? ''] = [...host.attributes].map((a) => a.name).sort();
      for (const a of host.attributes) parts.push(a.value);
      if (host.shadowRoot) for (const child of host.shadowRoot.childNodes) visit(child);
    }
    return { hostAttributes, text: parts.join('\n'), tags };
  });
}
