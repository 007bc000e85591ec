// The SOQL parser on its own: what it builds, and where it says a query is malformed.
import { describe, expect, it } from 'vitest';
import { decodeString, parseSoql, SoqlSyntaxError, tokenize } from './soql.js';

const syntaxErrorOf = (soql: string): SoqlSyntaxError => {
  try {
    parseSoql(soql);
  } catch (error) {
    if (error instanceof SoqlSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${soql}`);
};

describe('parseSoql', () => {
  it('reads fields, relationship paths, the object, filters, order, limit and offset', () => {
    const query = parseSoql(
      "select Id, Account.Name from Contact where Email = 'a@b.c' and IsDeleted = false order by Name desc nulls first, Id limit 5 offset 10",
    );
    expect(query.select).toEqual([
      { kind: 'field', field: { path: ['Id'], offset: 7 } },
      { kind: 'field', field: { path: ['Account', 'Name'], offset: 11 } },
    ]);
    expect(query.from).toEqual({ name: 'Contact', offset: 29 });
    expect(query.where).toMatchObject({
      kind: 'and',
      parts: [
        { kind: 'compare', operator: '=', value: { kind: 'string', raw: 'a@b.c' } },
        { kind: 'compare', operator: '=', value: { kind: 'boolean', value: false } },
      ],
    });
    expect(query.orderBy.map((o) => [o.field.path.join('.'), o.descending, o.nullsLast])).toEqual([
      ['Name', true, false],
      ['Id', false, false],
    ]);
    expect([query.limit, query.offset]).toEqual([5, 10]);
  });

  it('reads IN, NOT IN, LIKE, NOT, <> and nested parentheses', () => {
    const query = parseSoql(
      "SELECT Id FROM Lead WHERE (Status IN ('Open', 'New') OR NOT Company LIKE 'A%') AND Email NOT IN (null) AND Phone <> null",
    );
    expect(query.where).toMatchObject({
      kind: 'and',
      parts: [
        {
          kind: 'or',
          parts: [
            { kind: 'in', negated: false, values: [{ raw: 'Open' }, { raw: 'New' }] },
            { kind: 'not', part: { kind: 'like', pattern: { raw: 'A%' } } },
          ],
        },
        { kind: 'in', negated: true, values: [{ kind: 'null' }] },
        { kind: 'compare', operator: '!=', value: { kind: 'null' } },
      ],
    });
  });

  it('reads numbers, dates and date-times as literals', () => {
    const query = parseSoql(
      'SELECT Id FROM Event WHERE DurationInMinutes >= 30 AND ActivityDate = 2026-03-02 AND StartDateTime < 2026-03-02T15:00:00Z',
    );
    expect(query.where).toMatchObject({
      parts: [
        { operator: '>=', value: { kind: 'number', value: 30 } },
        { value: { kind: 'date', text: '2026-03-02' } },
        { operator: '<', value: { kind: 'date', text: '2026-03-02T15:00:00Z' } },
      ],
    });
  });

  it('reads COUNT() and COUNT(field) with an alias', () => {
    expect(parseSoql('SELECT COUNT() FROM Lead').select).toEqual([
      { kind: 'count', field: undefined, alias: undefined },
    ]);
    expect(parseSoql('SELECT COUNT(Email) total FROM Lead').select).toEqual([
      { kind: 'count', field: { path: ['Email'], offset: 13 }, alias: 'total' },
    ]);
  });

  it.each([
    ['SELECT Id FORM Lead', 10, "unexpected token: 'FORM'"],
    ['SELECT Id FROM', 14, 'unexpected token: <EOF>'],
    ['SELECT FROM Lead', 7, "unexpected token: 'FROM'"],
    ["SELECT Id FROM Lead WHERE A = 'x' AND B = 'y' OR C = 'z'", 46, "unexpected token: 'OR'"],
    ['SELECT Id FROM Lead WHERE Email = ada', 34, "unexpected token: 'ada'"],
    ['SELECT Id FROM Lead LIMIT ten', 26, "unexpected token: 'ten'"],
    ['SELECT Id FROM Lead WHERE Email ~ 1', 32, "no viable alternative at character '~'"],
    ["SELECT Id FROM Lead WHERE Email = 'open", 39, "mismatched character '<EOF>' expecting '''"],
  ])('refuses %s at offset %i', (soql, offset, message) => {
    const error = syntaxErrorOf(soql);
    expect([error.offset, error.message]).toEqual([offset, message]);
  });
});

describe('string literals', () => {
  it('keeps an escaped quote inside the literal', () => {
    const tokens = tokenize("Name = 'O\\'Brien \\\\ Co' AND");
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'symbol', 'string', 'word', 'end']);
    expect(decodeString({ raw: tokens[2]?.text as string, offset: 7 })).toBe("O'Brien \\ Co");
  });

  it('decodes the escapes SOQL knows', () => {
    expect(decodeString({ raw: 'a\\nb\\tc\\"d\\u00e9', offset: 0 })).toBe('a\nb\tc"dé');
  });

  it('keeps \\% and \\_ escaped in LIKE patterns and refuses them elsewhere', () => {
    expect(decodeString({ raw: '50\\%\\_', offset: 0 }, true)).toBe('50\\%\\_');
    expect(() => decodeString({ raw: '50\\%', offset: 3 })).toThrow(SoqlSyntaxError);
    expect(() => decodeString({ raw: 'bad \\q', offset: 3 })).toThrow("Illegal character sequence '\\q'");
  });
});
