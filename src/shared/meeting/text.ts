// Text from records, invitees and the rep, made safe for line-based formats (.ics, the plain-text
// invitation, mail). A line break is the one thing that could forge a field in any of them, so every
// single-line value goes through singleLine() and multi-line text only ever keeps "\n".

/**
 * A lone surrogate (half an astral character, e.g. cut by a length limit) becomes U+FFFD:
 * encodeURIComponent throws on one, and UTF-8 cannot carry it.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * One line: control characters, NEL and the Unicode line/paragraph separators become a space (so
 * "Bob\r\nKey: 0000" cannot start a line of its own), and bidirectional controls are dropped so
 * they cannot disguise text. The same rule the Event's own text uses (src/background/outbox).
 */
export function singleLine(text: string): string {
  return wellFormed(text)
    .replace(/\p{Bidi_Control}/gu, '')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/** Lines of free text (notes): every kind of line break splits, each line made single-line. */
export function textLines(text: string): string[] {
  return wellFormed(text)
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map((line) => singleLine(line));
}

/** Free text with "\n" as its only line break, without leading or trailing empty lines. */
export function multiLine(text: string): string {
  return textLines(text).join('\n').trim();
}
