// The reps' guide as an extension page (REPS_GUIDE_PAGE, src/shared/help-links.ts), rendered at build
// time from docs/reps-guide.md, so a store install carries the guide of the version it runs.
//
// What the page leaves out, and why:
// - scripts: none at all, so the extension pages' CSP (script-src 'self') has nothing to allow;
// - images: the screenshots would add several hundred KB to every rep's package for a page read
//   rarely; the guide's text says everything its images show;
// - links to the other docs: a store install has no repository to open, and the repository's docs
//   describe whatever version is newest there. They are kept as plain text; web links and the
//   guide's own #anchors stay links.
// Raw HTML in the guide is escaped except <kbd>, so nothing in the Markdown can add markup the page
// did not mean to have.
import { Marked, type Tokens } from 'marked';
import { makeSlugger, plainText } from './markdown-links.js';

export const REPS_GUIDE_SOURCE = 'docs/reps-guide.md';
export const REPS_GUIDE_STYLESHEET = 'help.css';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The guide's body as HTML: anchors as GitHub makes them, images and links to other docs left out. */
export function renderGuideBody(markdown: string): string {
  const slug = makeSlugger();
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        return `<h${depth} id="${escapeHtml(slug(plainText(tokens)))}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        // The guide's own headings and the web stay links; anything else (another doc, a file of the
        // repository, a browser-internal address a page cannot open) is read as text.
        const followable = href.startsWith('#') || /^(https|mailto):/i.test(href);
        return followable ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      },
      image() {
        return '';
      },
      paragraph({ tokens }: Tokens.Paragraph) {
        // A paragraph that only held images would be left empty.
        if (tokens.every((t) => t.type === 'image' || (t.type === 'text' && t.raw.trim() === ''))) return '';
        return `<p>${this.parser.parseInline(tokens)}</p>\n`;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return /^<\/?kbd>$/i.test(text.trim()) ? text.trim().toLowerCase() : escapeHtml(text);
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

/** Links to the guide's sections (its ## headings), so a rep finds theirs without scrolling. */
export function guideContents(markdown: string): string {
  const slug = makeSlugger();
  const items: string[] = [];
  for (const token of new Marked().lexer(markdown)) {
    if (token.type !== 'heading') continue;
    const heading = token as Tokens.Heading;
    // Every heading goes through the slugger, in order, so repeated headings get the page's own ids.
    const id = slug(plainText(heading.tokens));
    if (heading.depth === 2)
      items.push(`<li><a href="#${escapeHtml(id)}">${escapeHtml(plainText(heading.tokens))}</a></li>`);
  }
  return `<nav aria-label="Contents">\n<ul>\n${items.join('\n')}\n</ul>\n</nav>\n`;
}

/** The whole page: the guide's title, its contents, the stylesheet as a file of its own, no script. */
export function renderGuidePage(markdown: string, version: string): string {
  const body = renderGuideBody(markdown);
  const endOfTitle = body.indexOf('</h1>\n') + '</h1>\n'.length;
  const withContents = body.slice(0, endOfTitle) + guideContents(markdown) + body.slice(endOfTitle);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(guideTitle(markdown))}</title>
<link rel="stylesheet" href="${REPS_GUIDE_STYLESHEET}">
</head>
<body>
<main>
${withContents}</main>
<footer>Glance for Salesforce ${escapeHtml(version)}</footer>
</body>
</html>
`;
}

/** The guide's `# title`, as text: the page's title. */
export function guideTitle(markdown: string): string {
  const heading = new Marked().lexer(markdown).find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
  if (!heading) throw new Error(`${REPS_GUIDE_SOURCE} has no # title`);
  return plainText(heading.tokens);
}

/** Salesforce Lightning Design System's look in plain CSS: its font stack, text and brand colours. */
export const GUIDE_STYLESHEET = `:root {
  color-scheme: light;
  font-family: "Salesforce Sans", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: #181818;
  background: #f3f3f3;
}
/* Chromium gives extension pages a 75 % body font (its text_defaults sheet): the guide reads at full size. */
body { margin: 0; padding: 1.5rem 1rem 3rem; font-size: 1rem; }
main, footer { max-width: 46rem; margin: 0 auto; }
main {
  background: #fff;
  border: 1px solid #e5e5e5;
  border-radius: 0.25rem;
  box-shadow: 0 2px 2px rgba(0, 0, 0, 0.1);
  padding: 1.5rem 2rem 2rem;
}
h1 { font-size: 1.5rem; font-weight: 700; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; font-weight: 700; margin: 2rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid #e5e5e5; }
h3 { font-size: 1rem; font-weight: 700; margin: 1.5rem 0 0.5rem; }
p, ul, ol { margin: 0 0 0.75rem; }
ul, ol { padding-left: 1.5rem; }
li { margin-bottom: 0.375rem; }
a { color: #0b5cab; }
a:hover { color: #014486; }
a:focus-visible { outline: 2px solid #0b5cab; outline-offset: 2px; border-radius: 2px; }
code, kbd {
  font-family: Consolas, Menlo, Monaco, "Courier New", monospace;
  font-size: 0.875em;
  background: #f3f3f3;
  border: 1px solid #e5e5e5;
  border-radius: 0.25rem;
  padding: 0 0.25em;
}
kbd { border-bottom-width: 2px; }
nav { background: #f3f3f3; border-radius: 0.25rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
nav ul { list-style: none; padding: 0; margin: 0; columns: 2 14rem; }
nav li { margin: 0 0 0.25rem; }
footer { color: #444; font-size: 0.75rem; padding-top: 1rem; }
@media (max-width: 32rem) { main { padding: 1rem; } }
`;
