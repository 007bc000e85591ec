// chrome.i18n.getMessage over the English _locales file, for unit tests of text built with t().
import english from '../../extension/_locales/en/messages.json' with { type: 'json' };

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * As Chrome documents it: $NAME$ becomes its placeholder's content, then $1…$9 the substitutions
 * and $$ a dollar sign; a substitution is inserted as it is, never expanded again.
 */
export function chromeGetMessage(key: string, substitutions: string[] = []): string {
  const entry = (english as Record<string, Entry>)[key];
  if (!entry) return '';
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    return entry.placeholders?.[name.toLowerCase()]?.content ?? '';
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}
