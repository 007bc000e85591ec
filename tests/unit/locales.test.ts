// Every locale folder in extension/_locales against English (the source) and Chrome's rules for
// messages.json (developer.chrome.com/docs/extensions/reference/api/i18n and "Locale-specific
// message reference"); and no user-visible text hard-coded in the content script, the extension
// pages or the browser UI the background sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardcodedText } from '../support/hardcoded-text.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'extension/_locales');

type Entry = { message?: unknown; description?: unknown; placeholders?: Record<string, { content?: unknown }> };
type Messages = Record<string, Entry>;

const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const folders = readdirSync(LOCALES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const english = read('en');

/** Chrome: message and placeholder names are [A-Za-z0-9_@]; names starting @@ are Chrome's own. */
const NAME = /^[A-Za-z0-9_@]+$/;

/** What a message takes from its caller: $1…$9 used directly or through a named placeholder. */
function placeholderShape(entry: Entry): { named: string[]; numbered: string[] } {
  const message = String(entry.message ?? '');
  const named = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
  const direct = [...message.replace(/\$\$/g, '').matchAll(/\$([1-9])/g)].map((m) => `$${m[1]}`);
  const viaNamed = named.map((name) => String(entry.placeholders?.[name]?.content ?? ''));
  const numbered = [...direct, ...viaNamed.flatMap((c) => [...c.matchAll(/\$([1-9])/g)].map((m) => `$${m[1]}`))];
  return { named: [...new Set(named)].sort(), numbered: [...new Set(numbered)].sort() };
}

/** Problems Chrome would refuse or silently mishandle in one messages.json. */
function chromeProblems(messages: Messages): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(messages)) {
    // Chrome treats names case-insensitively: two keys differing in case collide.
    if (seen.has(key.toLowerCase())) problems.push(`${key}: duplicate of another key but for case`);
    seen.add(key.toLowerCase());
    if (!NAME.test(key) || key.startsWith('@@')) problems.push(`${key}: name is not [A-Za-z0-9_@] or is reserved`);
    if (typeof entry.message !== 'string') {
      problems.push(`${key}: "message" is not a string`);
      continue;
    }
    if (entry.message.trim() === '') problems.push(`${key}: empty message`);
    const placeholders = entry.placeholders ?? {};
    for (const [name, placeholder] of Object.entries(placeholders)) {
      if (!NAME.test(name)) problems.push(`${key}: placeholder "${name}" is not [A-Za-z0-9_@]`);
      if (typeof placeholder?.content !== 'string') problems.push(`${key}: placeholder "${name}" has no content`);
    }
    const declared = new Set(Object.keys(placeholders).map((n) => n.toLowerCase()));
    for (const name of placeholderShape(entry).named) {
      if (!declared.has(name)) problems.push(`${key}: $${name}$ is used but not declared in "placeholders"`);
    }
  }
  return problems;
}

describe('locale files', () => {
  it('finds English and at least one translation', () => {
    expect(folders).toContain('en');
    expect(folders.length).toBeGreaterThan(1);
  });

  it('every name the manifest takes from _locales exists in English', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const used = [...manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1] ?? '');
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((key) => !(key in english))).toEqual([]);
  });

  describe.each(folders)('%s', (locale) => {
    const messages = read(locale);

    it('is a messages.json Chrome accepts: names, messages, declared placeholders', () => {
      expect(chromeProblems(messages)).toEqual([]);
    });

    it('has exactly the keys of English, none missing, none extra', () => {
      const keys = Object.keys(messages);
      expect({
        missing: Object.keys(english).filter((key) => !keys.includes(key)),
        extra: keys.filter((key) => !(key in english)),
      }).toEqual({ missing: [], extra: [] });
    });

    it('takes the same placeholders as English in every message', () => {
      const differing = Object.keys(english)
        .filter((key) => key in messages)
        .flatMap((key) => {
          const want = placeholderShape(english[key] as Entry);
          const got = placeholderShape(messages[key] as Entry);
          return JSON.stringify(want) === JSON.stringify(got) ? [] : [{ key, english: want, [locale]: got }];
        });
      expect(differing).toEqual([]);
    });
  });
});

describe('the checks themselves', () => {
  it('see a missing placeholder, an undeclared one, an empty message and a bad name', () => {
    const bad: Messages = {
      fine: { message: 'Hi $NAME$', placeholders: { name: { content: '$1' } } },
      undeclared: { message: 'Hi $WHO$' },
      empty: { message: '  ' },
      'bad-name': { message: 'x' },
    };
    expect(chromeProblems(bad)).toEqual([
      'undeclared: $who$ is used but not declared in "placeholders"',
      'empty: empty message',
      'bad-name: name is not [A-Za-z0-9_@] or is reserved',
    ]);
    expect(placeholderShape(bad.fine as Entry)).toEqual({ named: ['name'], numbered: ['$1'] });
    expect(placeholderShape({ message: 'Costs $$5 for $1' })).toEqual({ named: [], numbered: ['$1'] });
  });
});

const SCANNED = [
  { dir: 'src/content', context: 'pages' },
  { dir: 'src/pages', context: 'pages' },
  { dir: 'src/background', context: 'background' },
] as const;

/**
 * Text that looks like language but is not for translation, each with its reason. An entry that
 * no longer matches anything fails the test, so the list cannot go stale.
 */
const ALLOWED: { file: string; text: string; reason: string }[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('no hard-coded UI text', () => {
  const found = SCANNED.flatMap(({ dir, context }) =>
    sourceFiles(join(ROOT, dir)).flatMap((file) =>
      findHardcodedText(relative(ROOT, file), readFileSync(file, 'utf8'), context),
    ),
  );
  const allowed = (h: { file: string; text: string }) => ALLOWED.some((a) => a.file === h.file && a.text === h.text);

  it('the content script, the extension pages and the browser UI take every text from _locales', () => {
    expect(
      found.filter((h) => !allowed(h)).map((h) => `${h.file}:${h.line} ${h.how} ${JSON.stringify(h.text)}`),
    ).toEqual([]);
  });

  it('every allow-list entry is still needed', () => {
    expect(ALLOWED.filter((a) => !found.some((h) => h.file === a.file && h.text === a.text))).toEqual([]);
  });

  it('the scanner sees each way text reaches the screen', () => {
    const source = `
      const a = <p title="Close it" aria-label={'Close'}>Hello {'world'} {t('ok')} · 12</p>;
      const b = element('button', { textContent: \`Start \${x}\` }, { 'aria-label': 'Start' });
      node.textContent = ok ? 'Yes' : t('no');
      node.setAttribute('aria-label', 'Copy');
      node.setAttribute('data-x', 'not shown');
      const c = <input placeholder="yourname" id="some-id" class="slds-button" />;`;
    expect(findHardcodedText('x.tsx', source, 'pages').map((h) => `${h.how} ${h.text}`)).toEqual([
      'title= Close it',
      'aria-label= Close',
      'JSX text Hello',
      'JSX text world',
      'textContent: Start',
      'aria-label: Start',
      '.textContent = Yes',
      "setAttribute('aria-label') Copy",
      'placeholder= yourname',
    ]);
    const background = `
      chrome.notifications.create('id', { type: 'basic', iconUrl: 'icon.png', title: 'Guest joined', message: t('x') });
      chrome.action.setBadgeText({ text: '12:04' });
      chrome.action.setTitle({ title: 'Glance running' });
      const post = { title: 'Glance meeting' };`;
    expect(findHardcodedText('x.ts', background, 'background').map((h) => h.text)).toEqual([
      'Guest joined',
      'Glance running',
    ]);
  });
});
