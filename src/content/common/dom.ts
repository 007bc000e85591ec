// One way to make elements in our shadow roots. Text reaches the DOM only as textContent or
// attribute values: Salesforce records and Glance guest names are untrusted, so innerHTML is not
// even accepted here.
import { t } from '../../shared/i18n.js';
import { guard, ownHost, ownSheet, pressCounts } from './press-guard.js';

type SafeProps<K extends keyof HTMLElementTagNameMap> = Omit<
  Partial<HTMLElementTagNameMap[K]>,
  'innerHTML' | 'outerHTML' | 'insertAdjacentHTML'
>;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: SafeProps<K> = {} as SafeProps<K>,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * Listens for events a person caused, and only those. Our elements live in Salesforce's page, where
 * any script (an installed package, an admin's code, an injection) can call `click()` or dispatch a
 * synthetic event; the browser marks those `isTrusted: false`. A real click, tap or key press — also
 * Enter or Space on a focused button, which the browser turns into a trusted click — is trusted.
 */
export function onTrusted<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
): void {
  // A click must also be one the rep could see and aim at (press-guard.ts).
  if (type === 'click') guard(target);
  target.addEventListener(type, (event) => {
    if (event.isTrusted && (type !== 'click' || pressCounts(target, event as MouseEvent))) handler(event);
  });
}

/**
 * Gives a host of ours in Salesforce's page (data-glance-sfx names it) its open shadow root: the
 * `css`, then `content`, whose text is in the translation's language whatever Salesforce's page
 * says (screen readers speak it so).
 */
export function shadowHost(host: HTMLElement, name: string, css: string, content: HTMLElement): void {
  host.dataset.glanceSfx = name;
  content.lang = t('formatLocale');
  const root = host.attachShadow({ mode: 'open' });
  ownHost(host);
  adoptStyle(root, css);
  root.append(content);
}

/**
 * Styles one of our shadow roots with a sheet of its own, parsed once. A <style> element is parsed
 * again whenever its host re-enters the page after Blink's sheet cache let it go: the toolbar and
 * the activity button re-enter at every Lightning navigation, 0.4–0.5 ms each (Chromium 156, CPU
 * profile over 40 navigations, 2026-11-27). A browser that refuses a sheet made in a content
 * script still gets the <style> element.
 */
export function adoptStyle(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    ownSheet(sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    root.append(element('style', { textContent: css }, { 'data-glance-own': '' }));
  }
}
