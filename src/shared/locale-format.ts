// Dates, times, durations and numbers in the rep's language, with Intl. Pure: the caller passes the
// locale (formattingLocale(chrome.i18n.getUILanguage(), t('formatLocale')) in its context).

/**
 * The locale to format in. The browser's UI language when the texts around it are in that
 * language (so de-AT, en-GB and fr-CA keep their own conventions); otherwise the language of the
 * translation Chrome chose, so a date never reads "Nov 26" inside German words. This also holds
 * when the two disagree in Chromium itself: headless Chromium started with --lang=de picks the
 * German messages but still reports getUILanguage() "en-US".
 */
export function formattingLocale(uiLanguage: string, translation: string): string {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  const ui = uiLanguage.replace(/_/g, '-');
  const chosen = supported(ui) && primary(ui) === primary(translation) ? ui : translation;
  return supported(chosen) ? chosen : 'en';
}

function supported(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false; // not a well-formed tag: Intl throws a RangeError
  }
}

/**
 * "Nov 26, 02:05 PM" / "26. Nov., 14:05" / "11月26日 14:05": a day and time as the locale writes
 * them (month abbreviated, no year), in the rep's time zone unless one is named.
 */
export function formatDayAndTime(locale: string, iso: string, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/**
 * Whole minutes as the locale writes them: "5 min", "5 Min.", "5 min", "5 分".
 * Intl.NumberFormat's unit style rather than Intl.DurationFormat: a duration of one unit reads the
 * same in both, NumberFormat is in every browser we build for (Firefox too) and in the Node that
 * runs the unit tests (Intl.DurationFormat is not, before Node 23), and it picks the plural form.
 */
export function formatMinutes(locale: string, minutes: number, width: 'short' | 'long' = 'short'): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: width }).format(minutes);
}

/** A share as the locale writes it, in whole percent: 93%, 93 %, 93 %, 93%. */
export function formatPercent(locale: string, share: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A count or amount with the locale's grouping: 15,000 · 15.000 · 15 000 · 15,000. */
export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
