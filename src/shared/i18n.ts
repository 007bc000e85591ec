// Every UI string comes from _locales. Keys are checked at compile time against the English file.
import type english from '../../extension/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

export type GetMessage = (key: string, substitutions?: string[]) => string;

let getMessage: GetMessage = (key) => key;

/** Wires the browser's i18n (done once per context by its entry file). */
export function useMessages(source: GetMessage): void {
  getMessage = source;
}

/**
 * Chrome's i18n substitutes through C strings: a NUL in a value (a guest's name, Salesforce's own
 * message) ends that value there, and everything after it is lost. Shown as
 * U+FFFD instead, as an HTML parser shows a NUL, so the rest of the text stays on screen.
 */
const shownWhole = (value: string) => value.replaceAll('\0', '\uFFFD');

export function t(key: MessageKey, ...substitutions: string[]): string {
  return getMessage(key, substitutions.map(shownWhole)) || key;
}
