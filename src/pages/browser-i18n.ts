// Wires the shared i18n helper to the browser's _locales for extension pages.
import { t, useMessages } from '../shared/i18n.js';
import { formattingLocale } from '../shared/locale-format.js';

useMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));

/** The locale the pages format dates, durations and numbers in (src/shared/locale-format.ts). */
export function uiLocale(): string {
  return formattingLocale(chrome.i18n.getUILanguage(), t('formatLocale'));
}

// The page's language is the translation's, so screen readers speak it in the right voice.
document.documentElement.lang = t('formatLocale');
