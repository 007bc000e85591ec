// chrome.i18n.getMessage over an _locales file (English by default), for tests of text built with t().
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import english from '../../extension/_locales/en/messages.json' with { type: 'json' };

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

const LOCALES = resolve(import.meta.dirname, '../../extension/_locales');

/** Every locale folder the extension ships (en, de, and whichever others exist). */
export const LOCALE_FOLDERS = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * As Chrome documents it: $NAME$ becomes its placeholder's content, then $1…$9 the substitutions
 * and $$ a dollar sign; a substitution is inserted as it is, never expanded again.
 */
function getMessageFrom(messages: Messages, key: string, substitutions: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    return entry.placeholders?.[name.toLowerCase()]?.content ?? '';
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

export function chromeGetMessage(key: string, substitutions: string[] = []): string {
  return getMessageFrom(english as Messages, key, substitutions);
}

/** chrome.i18n.getMessage as Chromium answers it when its UI language is `locale` (a folder name). */
export function chromeGetMessageIn(locale: string): (key: string, ...substitutions: string[]) => string {
  const messages = JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
  return (key, ...substitutions) => {
    const text = getMessageFrom(messages, key, substitutions);
    if (!text) throw new Error(`${locale} has no message ${key}`);
    return text;
  };
}
