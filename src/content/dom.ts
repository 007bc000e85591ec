// One way to make elements in our shadow roots. Text reaches the DOM only as textContent or
// attribute values: Salesforce records and Glance guest names are untrusted, so innerHTML is not
// even accepted here.
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
