// t() hands Chrome's i18n substitutions it can carry whole.
import { afterEach, describe, expect, it } from 'vitest';
import { type GetMessage, t, useMessages } from '../../src/shared/i18n.js';

/** chrome.i18n.getMessage as Chromium implements it: substitutions pass through C strings. */
const chromeLike: GetMessage = (key, substitutions = []) =>
  `${key}: ${substitutions.map((value) => value.split('\0')[0]).join(' | ')}`;

describe('t()', () => {
  afterEach(() => useMessages((key) => key));

  it('shows a NUL in a substitution as U+FFFD, so the text after it is not lost', () => {
    useMessages(chromeLike);
    expect(t('statusSalesforceReady', 'Nul\0byte and the rest')).toBe(
      'statusSalesforceReady: Nul\uFFFDbyte and the rest',
    );
  });

  it('passes every other character as it is', () => {
    const seen: string[][] = [];
    useMessages((_key, substitutions = []) => {
      seen.push(substitutions);
      return 'x';
    });
    const text = '<img src=x> $1 $NAME$ \r\n\u2028\u202E\u200B 👩🏽‍💻';
    t('statusSalesforceReady', text);
    expect(seen).toEqual([[text]]);
  });
});
