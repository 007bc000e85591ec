// A parser for the SOQL subset the extension sends:
//   SELECT f1, Rel.f2 | COUNT() | COUNT(f) | (subquery) FROM Type [WHERE cond]
//   [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n]
// where a subquery is a parent-to-child relationship query, one level deep (SOQL and SOSL Reference,
// "Relationship Queries": SELECT Name, (SELECT LastName FROM Contacts) FROM Account):
//   (SELECT f1, Rel.f2 FROM ChildRelationship [WHERE cond] [ORDER BY …] [LIMIT n])
// where cond is a comparison (=, !=, <>, <, <=, >, >=), [NOT] IN (…), LIKE, NOT cond, (cond), joined by
// AND or OR. Like Salesforce, mixing AND and OR without parentheses is a syntax error. Pure: no org.

import { SoqlSyntaxError, type Token, tokenize } from './soql-lexer.js';

export interface FieldPath {
  /** Segments as written, e.g. ['Account', 'Name']. */
  path: string[];
  /** Where it starts in the query text, for Salesforce's "ERROR at Row:…:Column:…". */
  offset: number;
}

export type Literal =
  | { kind: 'string'; raw: string; offset: number }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; text: string }
  /** LAST_N_DAYS:n: today and the n days before it, a range of whole days. */
  | { kind: 'last-n-days'; days: number; offset: number };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; field: FieldPath; operator: ComparisonOperator; value: Literal }
  | { kind: 'in'; field: FieldPath; negated: boolean; values: Literal[] }
  | { kind: 'like'; field: FieldPath; pattern: Literal & { kind: 'string' } };

export type SelectItem =
  | { kind: 'field'; field: FieldPath }
  | { kind: 'count'; field?: FieldPath; alias?: string }
  | { kind: 'subquery'; query: SoqlQuery };

export interface OrderItem {
  field: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  text: string;
  select: SelectItem[];
  from: { name: string; offset: number };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

export { decodeString, SoqlSyntaxError, tokenize } from './soql-lexer.js';

export class SoqlParser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseQuery(): SoqlQuery {
    const query = this.parseBody(false);
    if (this.acceptKeyword('OFFSET')) query.offset = this.expectInteger();
    this.expectEnd();
    return query;
  }

  /** SELECT … up to LIMIT; a subquery (nested) may not hold subqueries of its own. */
  private parseBody(nested: boolean): SoqlQuery {
    this.expectKeyword('SELECT');
    const select = this.parseSelectList(nested);
    this.expectKeyword('FROM');
    const fromToken = this.expectWord();
    if (fromToken.text.includes('.')) this.fail(fromToken);
    const query: SoqlQuery = {
      text: this.text,
      select,
      from: { name: fromToken.text, offset: fromToken.offset },
      orderBy: [],
    };
    if (this.acceptKeyword('WHERE')) query.where = this.parseCondition();
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do query.orderBy.push(this.parseOrderItem());
      while (this.acceptSymbol(','));
    }
    if (this.acceptKeyword('LIMIT')) query.limit = this.expectInteger();
    return query;
  }

  parseSelectList(nested = false): SelectItem[] {
    const items: SelectItem[] = [];
    do {
      if (!nested && this.acceptSymbol('(')) {
        items.push({ kind: 'subquery', query: this.parseBody(true) });
        this.expectSymbol(')');
        continue;
      }
      const word = this.expectWord();
      if (word.text.toUpperCase() === 'COUNT' && this.acceptSymbol('(')) {
        const field = this.acceptSymbol(')') ? undefined : this.fieldAfterParen();
        const alias =
          field && this.peek().kind === 'word' && !this.isKeyword(this.peek()) ? this.next().text : undefined;
        items.push({ kind: 'count', field, alias });
      } else {
        items.push({ kind: 'field', field: this.fieldPath(word) });
      }
    } while (this.acceptSymbol(','));
    return items;
  }

  /** cond := unary ((AND unary)* | (OR unary)*) — one operator per level, as in SOQL. */
  parseCondition(): Condition {
    const first = this.parseUnary();
    const joiner = this.peekKeyword('AND') ? 'and' : this.peekKeyword('OR') ? 'or' : undefined;
    if (!joiner) return first;
    const parts = [first];
    while (this.acceptKeyword(joiner.toUpperCase())) parts.push(this.parseUnary());
    if (this.peekKeyword('AND') || this.peekKeyword('OR')) this.fail(this.peek());
    return { kind: joiner, parts };
  }

  peekKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  acceptKeyword(keyword: string): boolean {
    if (!this.peekKeyword(keyword)) return false;
    this.at += 1;
    return true;
  }

  expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) this.fail(this.peek());
  }

  expectWord(): Token {
    const token = this.peek();
    if (token.kind !== 'word') this.fail(token);
    return this.next();
  }

  expectInteger(): number {
    const token = this.peek();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail(token);
    return Number(this.next().text);
  }

  acceptSymbol(symbol: string): boolean {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return false;
    this.at += 1;
    return true;
  }

  expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail(this.peek());
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') this.fail(this.peek());
  }

  peek(): Token {
    return this.tokens[this.at] as Token;
  }

  fail(token: Token): never {
    const shown = token.kind === 'end' ? '<EOF>' : `'${token.text}'`;
    throw new SoqlSyntaxError(`unexpected token: ${shown}`, token.offset);
  }

  private next(): Token {
    const token = this.peek();
    this.at += 1;
    return token;
  }

  private isKeyword(token: Token): boolean {
    return /^(FROM|WHERE|AND|OR|NOT|IN|LIKE|ORDER|BY|LIMIT|OFFSET|ASC|DESC|NULLS|FIRST|LAST)$/i.test(token.text);
  }

  private fieldPath(token: Token): FieldPath {
    if (this.isKeyword(token)) this.fail(token);
    return { path: token.text.split('.'), offset: token.offset };
  }

  private fieldAfterParen(): FieldPath {
    const field = this.fieldPath(this.expectWord());
    this.expectSymbol(')');
    return field;
  }

  private parseOrderItem(): OrderItem {
    const field = this.fieldPath(this.expectWord());
    const descending = this.acceptKeyword('DESC');
    if (!descending) this.acceptKeyword('ASC');
    let nullsLast = descending;
    if (this.acceptKeyword('NULLS')) {
      if (this.acceptKeyword('LAST')) nullsLast = true;
      else {
        this.expectKeyword('FIRST');
        nullsLast = false;
      }
    }
    return { field, descending, nullsLast };
  }

  private parseUnary(): Condition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', part: this.parseUnary() };
    if (this.acceptSymbol('(')) {
      const inner = this.parseCondition();
      this.expectSymbol(')');
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): Condition {
    const field = this.fieldPath(this.expectWord());
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('IN')) {
      this.expectSymbol('(');
      const values = [this.parseLiteral()];
      while (this.acceptSymbol(',')) values.push(this.parseLiteral());
      this.expectSymbol(')');
      return { kind: 'in', field, negated, values };
    }
    if (negated) this.fail(this.peek());
    if (this.acceptKeyword('LIKE')) {
      const pattern = this.parseLiteral();
      if (pattern.kind !== 'string') this.fail(this.tokens[this.at - 1] as Token);
      return { kind: 'like', field, pattern };
    }
    const operator = this.peek();
    if (operator.kind !== 'symbol' || !['=', '!=', '<>', '<', '<=', '>', '>='].includes(operator.text)) {
      this.fail(operator);
    }
    this.next();
    const normalized = (operator.text === '<>' ? '!=' : operator.text) as ComparisonOperator;
    return { kind: 'compare', field, operator: normalized, value: this.parseLiteral() };
  }

  private parseLiteral(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', raw: token.text, offset: token.offset };
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'date':
        return { kind: 'date', text: token.text };
      case 'relative-date':
        return { kind: 'last-n-days', days: Number(token.text.split(':')[1]), offset: token.offset };
      case 'word': {
        const word = token.text.toUpperCase();
        if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
        if (word === 'NULL') return { kind: 'null' };
        break;
      }
    }
    return this.fail(token);
  }
}

export function parseSoql(text: string): SoqlQuery {
  return new SoqlParser(text).parseQuery();
}
