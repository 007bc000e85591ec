// Finds user-visible text written into code instead of going through t() (extension/_locales).
// Parsed with rolldown's parser (vite 8's own, already installed), so comments, ids and class names
// in code are never mistaken for UI text, and every way this code base puts text on screen is seen:
// JSX text, JSX attributes people read or hear, element(...) property bags, assignments to
// textContent & co., setAttribute('aria-label', …), and the fields of notifications, badges and
// the toolbar button's title.
import { parseAst } from 'rolldown/parseAst';

export interface HardcodedText {
  file: string;
  line: number;
  text: string;
  how: string;
}

/** Attributes and properties a person reads or a screen reader speaks. */
const SHOWN = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'ariaLabel',
  'ariaDescription',
  'ariaPlaceholder',
  'ariaRoleDescription',
  'ariaValueText',
]);
/** What the browser shows from the background: notifications, the badge, the toolbar button's title. */
const BROWSER_UI = /(notifications\.(create|update)|action\.(setTitle|setBadgeText)|contextMenus\.(create|update))$/;
const BROWSER_UI_FIELDS = new Set(['title', 'message', 'contextMessage', 'text', 'items']);

/** Natural language: any letter of any script. Symbols, digits and punctuation alone are not. */
const LANGUAGE = /\p{L}/u;

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function walk(node: Node, visit: (node: Node, parent: Node | undefined) => void, parent?: Node) {
  visit(node, parent);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit, node);
    } else if (isNode(value)) walk(value, visit, node);
  }
}

/** The literal text of a string or template literal (template holes left out), else undefined. */
function literalText(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join(' ');
  }
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression);
  // a ? 'Yes' : 'No' — both branches are shown.
  if (node.type === 'ConditionalExpression') {
    return [literalText(node.consequent), literalText(node.alternate)].filter((s) => s !== undefined).join(' ');
  }
  if (node.type === 'LogicalExpression') return literalText(node.right);
  return undefined;
}

function keyName(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Identifier' || node.type === 'JSXIdentifier') return node.name as string;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'JSXNamespacedName') return `${keyName(node.namespace)}:${keyName(node.name)}`;
  return undefined;
}

function calleeText(node: unknown): string {
  if (!isNode(node)) return '';
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression' || node.type === 'StaticMemberExpression') {
    return `${calleeText(node.object)}.${keyName(node.property) ?? ''}`;
  }
  return '';
}

/**
 * `pages` (content script and extension pages): every way of putting text on screen is checked.
 * `background`: only what the browser itself shows (notifications, badge, the button's title); the
 * rest of its strings are Salesforce data (Event fields, Chatter posts) or logs, not UI.
 */
export function findHardcodedText(file: string, source: string, context: 'pages' | 'background'): HardcodedText[] {
  const program = parseAst(
    source,
    { lang: file.endsWith('x') ? 'tsx' : 'ts', sourceType: 'module' },
    file,
  ) as unknown as Node;
  const found: (HardcodedText & { offset: number })[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const report = (node: Node, text: string | undefined, how: string) => {
    if (text !== undefined && LANGUAGE.test(text))
      found.push({ file, line: lineOf(node.start), text: text.trim(), how, offset: node.start });
  };
  walk(program, (node) => {
    if (context === 'background' && node.type !== 'CallExpression') return;
    switch (node.type) {
      case 'JSXText':
        report(node, node.value as string, 'JSX text');
        break;
      case 'JSXElement':
      case 'JSXFragment':
        // {'Some text'} as a child is JSX text too.
        for (const child of node.children as Node[]) {
          if (child.type === 'JSXExpressionContainer') report(child, literalText(child), 'JSX text');
        }
        break;
      case 'JSXAttribute': {
        const name = keyName(node.name);
        if (name && SHOWN.has(name)) report(node, literalText(node.value), `${name}=`);
        break;
      }
      case 'Property': {
        const name = keyName(node.key);
        if (name && SHOWN.has(name) && !node.computed) report(node, literalText(node.value), `${name}:`);
        break;
      }
      case 'AssignmentExpression': {
        const left = node.left as Node;
        const name = left.type.endsWith('MemberExpression') ? keyName(left.property) : undefined;
        if (name && SHOWN.has(name)) report(node, literalText(node.right), `.${name} =`);
        break;
      }
      case 'CallExpression': {
        const callee = calleeText(node.callee);
        const args = node.arguments as Node[];
        if (context === 'pages' && callee.endsWith('.setAttribute') && SHOWN.has(literalText(args[0]) ?? '')) {
          report(node, literalText(args[1]), `setAttribute('${literalText(args[0])}')`);
        }
        if (BROWSER_UI.test(callee)) {
          for (const arg of args) {
            walk(arg, (inner) => {
              if (inner.type === 'Property' && BROWSER_UI_FIELDS.has(keyName(inner.key) ?? '')) {
                report(inner, literalText(inner.value), `${callee} ${keyName(inner.key)}`);
              }
            });
          }
        }
        break;
      }
    }
  });
  return found.sort((a, b) => a.offset - b.offset).map(({ offset: _, ...h }) => h);
}
