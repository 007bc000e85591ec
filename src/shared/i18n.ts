// Every UI string comes from _locales. Keys are checked at compile time against the English file.
import type english from '../../extension/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

export type GetMessage = (key: string, substitutions?: string[]) => string;

let getMessage: GetMessage = (key) => key;

/** Wires the browser's i18n (done once per context by its entry file). */
export function useMessages(source: GetMessage): void {
  getMessage = source;
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  return getMessage(key, substitutions) || key;
}
