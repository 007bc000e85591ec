// What a Markdown document links to and which anchors its headings make, read with marked's own lexer
// (so a link inside a code block is not a link). Used by the docs link test (tests/unit/docs-links)
// and by the reps' guide page (scripts/docs/reps-guide-page.ts), so both agree with GitHub on anchors.
import { marked, type Token, type Tokens } from 'marked';

export interface MarkdownLink {
  kind: 'link' | 'image';
  href: string;
}

/** A link that leaves the document's own files: a scheme (`https:`, `mailto:`, `chrome:`) or `//host`. */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/** The text a reader sees in inline tokens, without the Markdown around it. */
export function plainText(tokens: readonly Token[] | undefined): string {
  let text = '';
  for (const token of tokens ?? []) {
    if ('tokens' in token && token.tokens && token.type !== 'codespan') text += plainText(token.tokens);
    else if (token.type === 'codespan' || token.type === 'text' || token.type === 'escape')
      text += (token as Tokens.Text).text;
    else if (token.type === 'html') text += '';
    else if ('text' in token && typeof token.text === 'string') text += token.text;
  }
  return text;
}

/**
 * The anchor GitHub gives a heading: lower case, everything but letters, digits, spaces, hyphens and
 * underscores dropped, spaces made hyphens; a repeated heading gets -1, -2, … (GitHub's
 * html-pipeline TableOfContentsFilter, which github.com renders READMEs with).
 */
export function makeSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if ('tokens' in token && token.tokens) walk(token.tokens, visit);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) walk(item.tokens, visit);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, visit);
    }
  }
}

/** Every link and image in a document, Markdown or raw `<a href>` / `<img src>`. */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  walk(marked.lexer(markdown), (token) => {
    if (token.type === 'link') links.push({ kind: 'link', href: (token as Tokens.Link).href });
    else if (token.type === 'image') links.push({ kind: 'image', href: (token as Tokens.Image).href });
    else if (token.type === 'html') {
      for (const [, tag, href] of (token as Tokens.HTML).raw.matchAll(/<(a|img)\b[^>]*?\b(?:href|src)="([^"]*)"/gi))
        links.push({ kind: tag?.toLowerCase() === 'img' ? 'image' : 'link', href: href ?? '' });
    }
  });
  return links;
}

/** The anchors of a document's headings, as GitHub makes them. */
export function headingAnchors(markdown: string): Set<string> {
  const slug = makeSlugger();
  const anchors = new Set<string>();
  walk(marked.lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slug(plainText((token as Tokens.Heading).tokens)));
  });
  return anchors;
}
