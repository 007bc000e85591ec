// Dates, durations and numbers in each language the extension ships, as Intl (CLDR) writes them.
import { describe, expect, it } from 'vitest';
import {
  formatDayAndTime,
  formatMinutes,
  formatNumber,
  formatPercent,
  formattingLocale,
} from '../../src/shared/locale-format.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const AT = '2026-11-26T14:05:00Z';

describe.each([
  {
    locale: 'en',
    day: 'Nov 26, 02:05 PM',
    five: '5 min',
    thirty: '30 minutes',
    one: '1 minute',
    many: '15,000',
    share: '93%',
  },
  {
    locale: 'de',
    day: '26. Nov., 14:05',
    five: '5 Min.',
    thirty: '30 Minuten',
    one: '1 Minute',
    many: '15.000',
    share: `93${NBSP}%`,
  },
  {
    locale: 'fr',
    day: '26 nov., 14:05',
    five: `5${NBSP}min`,
    thirty: '30 minutes',
    one: '1 minute',
    many: `15${NNBSP}000`,
    share: `93${NBSP}%`,
  },
  { locale: 'ja', day: '11月26日 14:05', five: '5 分', thirty: '30 分', one: '1 分', many: '15,000', share: '93%' },
])('$locale', ({ locale, day, five, thirty, one, many, share }) => {
  it('writes a day and time its way', () => expect(formatDayAndTime(locale, AT, 'UTC')).toBe(day));
  it('writes minutes short and long, with the plural form', () => {
    expect(formatMinutes(locale, 5)).toBe(five);
    expect(formatMinutes(locale, 30, 'long')).toBe(thirty);
    expect(formatMinutes(locale, 1, 'long')).toBe(one);
  });
  it('groups digits and writes percent its way', () => {
    expect(formatNumber(locale, 15000)).toBe(many);
    expect(formatPercent(locale, 0.93)).toBe(share);
  });
});

describe('formatDayAndTime', () => {
  it('writes nothing for a time that is not one', () => expect(formatDayAndTime('de', 'not a date')).toBe(''));
});

describe('formattingLocale', () => {
  it("keeps the browser's regional conventions when the texts are in its language", () => {
    expect(formattingLocale('de-AT', 'de')).toBe('de-AT');
    expect(formattingLocale('en-GB', 'en')).toBe('en-GB');
    expect(formattingLocale('fr_CA', 'fr')).toBe('fr-CA');
  });
  it('follows the texts when the browser speaks another language', () => {
    // Headless Chromium with --lang=de: German messages, getUILanguage() still en-US.
    expect(formattingLocale('en-US', 'de')).toBe('de');
    // A language we have no translation for: English texts, so English dates.
    expect(formattingLocale('pt-BR', 'en')).toBe('en');
  });
  it('never throws on a tag Intl refuses', () => {
    expect(formattingLocale('not a tag!', 'ja')).toBe('ja');
    expect(formattingLocale('en-US', '')).toBe('en');
  });
});
