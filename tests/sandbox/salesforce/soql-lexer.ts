// SOQL's words: the tokenizer, string-literal escapes, and the syntax error both report.

/** A syntax error at a place in the query; the API answers it as MALFORMED_QUERY. */
export class SoqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export type TokenKind = 'word' | 'string' | 'number' | 'date' | 'relative-date' | 'symbol' | 'end';
export interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const DATE_LITERAL = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w.])/y;
/**
 * A relative date literal with its number, one token as Salesforce writes it (SOQL and SOSL
 * Reference, "Date Formats and Date Literals in WHERE"). Only LAST_N_DAYS:n, the one the extension
 * sends; the other literals are not emulated (they fail as a word where a value belongs).
 */
const RELATIVE_DATE = /LAST_N_DAYS:\d+(?![\w.:])/iy;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w.])/y;
const SYMBOL = /!=|<>|<=|>=|[=<>(),]/y;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = at;
    return pattern.exec(text)?.[0];
  };
  while (at < text.length) {
    if (/\s/.test(text[at] as string)) {
      at += 1;
      continue;
    }
    if (text[at] === "'") {
      let end = at + 1;
      while (end < text.length && text[end] !== "'") end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new SoqlSyntaxError("mismatched character '<EOF>' expecting '''", text.length);
      tokens.push({ kind: 'string', text: text.slice(at + 1, end), offset: at });
      at = end + 1;
      continue;
    }
    const match: [TokenKind, string | undefined][] = [
      ['date', sticky(DATE_LITERAL)],
      ['relative-date', sticky(RELATIVE_DATE)],
      ['number', sticky(NUMBER)],
      ['word', sticky(WORD)],
      ['symbol', sticky(SYMBOL)],
    ];
    const found = match.find(([, value]) => value !== undefined);
    if (!found) throw new SoqlSyntaxError(`no viable alternative at character '${text[at]}'`, at);
    const [kind, value] = found as [TokenKind, string];
    tokens.push({ kind, text: value, offset: at });
    at += value.length;
  }
  tokens.push({ kind: 'end', text: '<EOF>', offset: text.length });
  return tokens;
}

/** The string a literal stands for. In LIKE patterns `\%` and `\_` stay escaped for the matcher. */
export function decodeString(literal: { raw: string; offset: number }, inLikePattern = false): string {
  const escapes: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '"': '"',
    "'": "'",
    '\\': '\\',
  };
  return literal.raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (sequence, code: string) => {
    if (code.length === 5) return String.fromCharCode(Number.parseInt(code.slice(1), 16));
    const plain = escapes[code];
    if (plain !== undefined) return inLikePattern && code === '\\' ? '\\\\' : plain;
    if (inLikePattern && (code === '%' || code === '_')) return sequence;
    throw new SoqlSyntaxError(
      `Invalid string literal '${literal.raw}'. Illegal character sequence '${sequence}' in string literal.`,
      literal.offset,
    );
  });
}
