// The locale this content script formats dates, durations and numbers in (src/shared/locale-format.ts).
import { t } from '../../shared/i18n.js';
import { formattingLocale } from '../../shared/locale-format.js';

export function uiLocale(): string {
  return formattingLocale(chrome.i18n.getUILanguage(), t('formatLocale'));
}
