// A narrow XML reader for Glance's small ASMX answers. The service worker has no DOMParser, and a
// general XML library would cost more than the whole client; these answers are flat documents of
// elements, attributes and text. Anything that does not parse as such throws, and the client treats
// it as garbage from Glance. Nesting is capped: the answers are a few levels deep, and find() below
// recurses, so a deeply nested answer must be refused here rather than overflow the stack there.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Glance's answers nest six levels at most (SOAP envelope, body, result, guests, guest, field). */
const MAX_XML_DEPTH = 32;

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Drops a namespace prefix: <soap:Body> and <Body> are read alike. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, tag, attributeText, selfClosing, text, stray] = match;
    const parent = stack[stack.length - 1] as XmlElement;
    if (stray) throw new XmlSyntaxError('unexpected <');
    if (cdata !== undefined) parent.text += cdata;
    else if (text !== undefined) parent.text += decodeEntities(text);
    else if (tag && closing) {
      if (stack.length < 2 || parent.name !== localName(tag)) throw new XmlSyntaxError(`unexpected </${tag}>`);
      stack.pop();
    } else if (tag) {
      const attributes: Record<string, string> = {};
      for (const [, name = '', double, single] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
        attributes[localName(name)] = decodeEntities(double ?? single ?? '');
      }
      const element: XmlElement = { name: localName(tag), attributes, children: [], text: '' };
      parent.children.push(element);
      if (!selfClosing) {
        if (stack.length > MAX_XML_DEPTH) throw new XmlSyntaxError(`nested deeper than ${MAX_XML_DEPTH}`);
        stack.push(element);
      }
    }
  }
  if (stack.length !== 1) throw new XmlSyntaxError('unclosed element');
  const [documentElement, ...rest] = root.children;
  if (!documentElement || rest.length > 0 || root.text.trim()) throw new XmlSyntaxError('not one document element');
  return documentElement;
}

/** The first descendant with this local name (depth first), if any. */
export function find(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.name === name) return child;
    const deeper = find(child, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** The trimmed text of the first descendant with this name; '' when absent or empty. */
export function textOf(element: XmlElement, name: string): string {
  return find(element, name)?.text.trim() ?? '';
}
