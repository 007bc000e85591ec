import { describe, expect, it } from 'vitest';
import { find, parseXml, textOf, XmlSyntaxError } from '../../src/background/glance/xml.js';

describe('parseXml', () => {
  it('reads elements, attributes, entities, CDATA and empty elements', () => {
    const doc = parseXml(`<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<SessionInfo xmlns="http://www.glance.net/"><key>1234</key><name>O&apos;Hara &#60;b&#62; &amp; Co</name>
<empty /><phones><phone country="US">+1 555</phone><phone country='UK'>+44 20</phone></phones>
<note><![CDATA[<raw & kept>]]></note></SessionInfo></soap:Body></soap:Envelope>`);
    expect(doc.name).toBe('Envelope');
    expect(textOf(doc, 'key')).toBe('1234');
    expect(textOf(doc, 'name')).toBe("O'Hara <b> & Co");
    expect(textOf(doc, 'empty')).toBe('');
    expect(textOf(doc, 'missing')).toBe('');
    expect(find(doc, 'phones')?.children.map((p) => [p.attributes.country, p.text])).toEqual([
      ['US', '+1 555'],
      ['UK', '+44 20'],
    ]);
    expect(textOf(doc, 'note')).toBe('<raw & kept>');
  });

  it.each([
    ['<a><b></a>'],
    ['<a>'],
    ['<html><body>502 Bad Gateway</body></html><p>'],
    ['plain text, not xml'],
    ['<a>1 < 2</a>'],
    [''],
  ])('refuses %j', (xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });
});
