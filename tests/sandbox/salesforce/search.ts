// GET /search?q=FIND {term} [IN ALL|NAME|EMAIL|PHONE FIELDS] RETURNING Type(fields [WHERE …] [LIMIT n]), …
// A small SOSL: every word of the term must match a word of the searched fields (a trailing * is a
// prefix match), the way Salesforce's index matches whole tokens rather than substrings.

import { ApiError, methodNotAllowed } from './errors.js';
import type { SObjectRecord } from './org.js';
import type { ApiAnswer, ApiCall, ApiContext, JsonObject } from './records.js';
import { sobjectDef } from './schema.js';
import { type SelectItem, SoqlParser, type SoqlQuery, SoqlSyntaxError } from './soql.js';
import { runQuery, soqlError } from './soql-eval.js';

type Scope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE';

interface Returning {
  query: SoqlQuery;
}

export function searchResource(ctx: ApiContext, call: ApiCall): ApiAnswer {
  if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
  const sosl = call.search.get('q');
  if (!sosl)
    throw ApiError.one(
      400,
      'MALFORMED_SEARCH',
      'No search term found. The search term must be at least 2 characters long.',
    );
  const { term, scope, returning } = parseSosl(sosl);
  const words = searchWords(term);
  if (words.length === 0 || words.every((w) => w.replace(/\*$/, '').length < 2)) {
    throw ApiError.one(
      400,
      'MALFORMED_SEARCH',
      'No search term found. The search term must be at least 2 characters long.',
    );
  }
  const searchRecords: JsonObject[] = [];
  for (const { query } of returning) {
    const def = sobjectDef(query.from.name);
    const candidates = def ? ctx.org.ofType(def.name).filter((r) => matchesTerm(r, scope, words)) : [];
    searchRecords.push(...runQuery(ctx.org, query, candidates, ctx.userId).rows);
  }
  return { status: 200, body: { searchRecords } };
}

function parseSosl(sosl: string): { term: string; scope: Scope; returning: Returning[] } {
  const find = /^\s*FIND\s*\{((?:\\.|[^\\}])*)\}/i.exec(sosl);
  if (!find)
    throw ApiError.one(400, 'MALFORMED_SEARCH', `line 1:0 no viable alternative at character '${sosl[0] ?? ''}'`);
  const term = (find[1] as string).replace(/\\(.)/g, '$1');
  const restOffset = find[0].length;
  // The rest is SOQL-shaped; reuse the SOQL tokenizer on it, keeping offsets relative to the whole.
  const parser = new SoqlParser(`${' '.repeat(restOffset)}${sosl.slice(restOffset)}`);
  try {
    let scope: Scope = 'ALL';
    if (parser.acceptKeyword('IN')) {
      const word = parser.expectWord().text.toUpperCase();
      if (!['ALL', 'NAME', 'EMAIL', 'PHONE'].includes(word)) parser.fail(parser.peek());
      scope = word as Scope;
      parser.expectKeyword('FIELDS');
    }
    const returning: Returning[] = [];
    parser.expectKeyword('RETURNING');
    do returning.push({ query: parseReturning(parser, sosl) });
    while (parser.acceptSymbol(','));
    parser.expectEnd();
    return { term, scope, returning };
  } catch (error) {
    if (error instanceof SoqlSyntaxError) throw soqlError('MALFORMED_SEARCH', sosl, error.offset, error.message);
    throw error;
  }
}

/** Type or Type(f1, f2 [WHERE cond] [LIMIT n]): read as SELECT f1, f2 FROM Type WHERE … LIMIT n. */
function parseReturning(parser: SoqlParser, text: string): SoqlQuery {
  const typeToken = parser.expectWord();
  const query: SoqlQuery = {
    text,
    select: [{ kind: 'field', field: { path: ['Id'], offset: typeToken.offset } }],
    from: { name: typeToken.text, offset: typeToken.offset },
    orderBy: [],
  };
  if (parser.acceptSymbol('(')) {
    query.select = parser.parseSelectList() as SelectItem[];
    if (parser.acceptKeyword('WHERE')) query.where = parser.parseCondition();
    if (parser.acceptKeyword('LIMIT')) query.limit = parser.expectInteger();
    parser.expectSymbol(')');
  }
  return query;
}

/** Search words: quoted phrases are not supported; AND/OR are dropped (every word must match). */
function searchWords(term: string): string[] {
  return term
    .split(/\s+/)
    .filter((w) => w && !/^(AND|OR)$/.test(w))
    .map((w) => w.replace(/^"|"$/g, '').toLowerCase());
}

const SCOPE_FIELDS: Record<Scope, (record: SObjectRecord) => unknown[]> = {
  EMAIL: (r) => [r.fields.Email],
  PHONE: (r) => [r.fields.Phone],
  NAME: (r) => [r.fields.Name, r.fields.FirstName, r.fields.LastName, r.fields.Subject],
  ALL: (r) => Object.values(r.fields).filter((v) => typeof v === 'string'),
};

function matchesTerm(record: SObjectRecord, scope: Scope, words: string[]): boolean {
  const texts = SCOPE_FIELDS[scope](record).filter((v): v is string => typeof v === 'string');
  // A value is a token, and so are its words and their parts: "ada@engines.example", "ada" and
  // "O'Hara" all find what they name.
  const tokens = texts.flatMap((text) => {
    const lower = text.toLowerCase();
    return [lower, ...lower.split(/\s+/), ...lower.split(/[^\p{L}\p{N}]+/u)];
  });
  return words.every((word) =>
    word.endsWith('*') ? tokens.some((t) => t.startsWith(word.slice(0, -1))) : tokens.includes(word),
  );
}
