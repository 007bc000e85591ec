// Hostile text for every place text comes from (issue 10, point 6): record names, the Salesforce
// user's name, guest names and e-mails typed on Glance's join page, Salesforce's and Glance's own
// messages. Each payload that would run if it ever became markup or code sets a page-world flag
// (window.__hostileRan = its number) and logs HOSTILE_MARKER, so a test sees at once if one ran.
// Payloads that aim at what we write (the Event's Description) forge lines with our own labels.

/** The page-world global a payload sets when it runs. */
export const HOSTILE_FLAG = '__hostileRan';
/** What a payload logs to the console when it runs. */
export const HOSTILE_MARKER = 'HOSTILE-RAN';

export interface HostilePayload {
  /** What it tries, for test titles and messages. */
  label: string;
  text: string;
}

const ran = (n: number) => `window.${HOSTILE_FLAG}=${n},console.log('${HOSTILE_MARKER}',${n})`;

export const HOSTILE_TEXT: readonly HostilePayload[] = [
  { label: 'plain tag', text: '<b>bold</b> <i>name</i>' },
  { label: 'img onerror', text: `<img src=x onerror="${ran(1)}">` },
  { label: 'svg onload', text: `<svg onload="${ran(2)}"></svg>` },
  { label: 'script element', text: `<script>${ran(3)}</script>` },
  { label: 'double-quote attribute breakout', text: `"><img src=x onerror=${ran(4)}>` },
  { label: 'single-quote attribute breakout', text: `'><svg/onload=${ran(5)}>` },
  { label: 'JS string breakout', text: `'-(${ran(6)})-'` },
  { label: 'javascript: URL', text: `javascript:${ran(7)}` },
  { label: 'mixed-case javascript: URL with comment', text: `JaVaScRiPt:${ran(8)}//` },
  { label: 'AngularJS/Vue template', text: `{{constructor.constructor("${ran(9)}")()}}` },
  { label: 'template literal', text: `\${${ran(10)}}` },
  { label: 'chrome.i18n placeholder syntax', text: '$1 $NAME$ $$ $0 $EMAIL$' },
  { label: 'iframe srcdoc', text: `<iframe srcdoc="<script>parent.${HOSTILE_FLAG}=11</script>"></iframe>` },
  { label: 'style breakout', text: `</style><img src=x onerror=${ran(12)}>` },
  { label: 'CSS injection', text: '<style>*{display:none!important}</style>' },
  { label: 'anchor with javascript: href', text: `<a href="javascript:${ran(13)}">open</a>` },
  { label: 'details ontoggle', text: `<details open ontoggle="${ran(14)}">` },
  { label: 'autofocus onfocus', text: `<input autofocus onfocus="${ran(15)}">` },
  { label: 'mutation XSS', text: `<math><mtext><table><mglyph><style><img src=x onerror=${ran(16)}>` },
  { label: 'comment breakout', text: `--><img src=x onerror=${ran(17)}><!--` },
  { label: 'entity-encoded tag (must stay literal)', text: '&lt;img src=x onerror=alert(18)&gt; &amp; &#60;b&#62;' },
  { label: 'object data', text: `<object data="javascript:${ran(19)}"></object>` },
  { label: 'URL-encoded script', text: '%3Cscript%3Ealert(20)%3C%2Fscript%3E' },
  { label: 'RTL override', text: 'Mallory \u202Egnp.exe\u202C Admin' },
  { label: 'bidi isolates', text: 'Eve \u2066isolated\u2069 \u2067rtl\u2069 \u2068first\u2069 end' },
  { label: 'zero-width characters', text: 'Zero\u200Bwidth\u200C\u200Djoin\uFEFFer' },
  { label: 'CR/LF line injection', text: 'Bob\r\nSession key: 0000' },
  { label: 'LF label forgery', text: 'Bob\nJoin link: https://evil.example/join' },
  { label: 'Unicode line and paragraph separators', text: 'Bob\u2028Session key: 0000\u2029Guests: 99' },
  { label: 'lone CR', text: 'Bob\rGlance session: 1' },
  { label: 'emoji and astral characters', text: '👩🏽‍💻 𝕳𝖔𝖘𝖙𝖎𝖑𝖊 🏳️‍🌈 Ωmega' },
  { label: 'NUL and other control characters', text: 'Nul\u0000byte \u0007bell \u001b[31mred\u001b[0m' },
  { label: 'spreadsheet formula', text: '=HYPERLINK("https://evil.example","Click")' },
  { label: 'prototype keys', text: '__proto__ constructor prototype' },
  { label: 'very long text', text: `${'Long'.repeat(1500)} end` },
];

/**
 * The text as our UI shows it where it passes through chrome.i18n (a substitution of t()): a NUL
 * becomes U+FFFD (src/shared/i18n.ts), since Chrome would end the text there.
 */
export function asShown(text: string): string {
  return text.replaceAll('\0', '\uFFFD');
}

/** A name without anything special, to compare element counts against. */
export const HARMLESS_NAME = 'Casey Customer';

/** A payload cut to a field's length (Salesforce refuses longer values with STRING_TOO_LONG). */
export function fitTo(text: string, length: number): string {
  let fitted = '';
  // Whole code points only, so an astral character is never cut in half.
  for (const char of text) {
    if (fitted.length + char.length > length) break;
    fitted += char;
  }
  return fitted;
}

/** The payload's text with each one's number, so that names stay unique within a session. */
export function numbered(payload: HostilePayload, index: number): string {
  return `${index} ${payload.text}`;
}
