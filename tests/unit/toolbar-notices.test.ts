// Errors give one way forward (issue 28): what the toolbar says after a refused start or an ended
// session names exactly the action offered beside it. Where the Open Glance settings button shows,
// the words name that button as the rep reads it, in every language we ship; where it does not show,
// the words send the rep to no settings at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endedNotice, type Notice, startRefusal } from '../../src/content/panel/session-problems.js';
import type { MeetingProblem, SessionProblem } from '../../src/shared/protocol/index.js';

const LOCALES_DIR = resolve(import.meta.dirname, '../../extension/_locales');
const LOCALES = readdirSync(LOCALES_DIR).sort();
const messagesOf = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));

/** Every problem a start or an end can answer (a Record, so a new problem fails to compile here). */
const SESSION_PROBLEMS: Record<SessionProblem, true> = {
  'glance-not-connected': true,
  'glance-reconnect': true,
  'glance-unavailable': true,
  'key-in-use': true,
  'switch-in-glance': true,
  'invalid-visitor-key': true,
  'viewer-blocked': true,
  'session-running': true,
  'session-gone': true,
  'not-a-record': true,
  'glance-address-not-allowed': true,
  'key-not-allowed': true,
  'choice-not-offered': true,
};
const MEETING_START_PROBLEMS: MeetingProblem[] = ['meeting-gone', 'meeting-not-due', 'meeting-other-address'];

const notices: [string, Notice][] = [
  ['start refused, no answer', startRefusal(undefined)],
  ['ended by someone', endedNotice(undefined)],
  ...Object.keys(SESSION_PROBLEMS).flatMap((problem): [string, Notice][] => [
    [`start refused: ${problem}`, startRefusal(problem as SessionProblem)],
    [`ended: ${problem}`, endedNotice(problem as SessionProblem)],
  ]),
  ...MEETING_START_PROBLEMS.map((problem): [string, Notice] => [
    `meeting start refused: ${problem}`,
    startRefusal(problem),
  ]),
];

/** How each language calls the settings, in words a message would use to send the rep there. */
const SETTINGS_WORD: Record<string, RegExp> = {
  en: /settings/i,
  de: /Einstellungen/,
  fr: /paramètres/,
  ja: /設定/,
};

describe('the toolbar names the one way forward it offers', () => {
  it('knows a word for the settings in every language we ship', () => {
    expect(Object.keys(SETTINGS_WORD).sort()).toEqual(LOCALES);
  });

  for (const locale of LOCALES) {
    const messages = messagesOf(locale);
    const english = messagesOf('en');
    const text = (key: string) => messages[key]?.message ?? english[key]?.message ?? '';
    const button = text('openSettings');

    it(`in ${locale}: with the settings button beside it, the words name that button; without it, no settings`, () => {
      for (const [what, [key, , offersSettings]] of notices) {
        const words = text(key);
        expect(words, `${what} (${key})`).not.toBe('');
        if (offersSettings) expect(words, `${what} (${key})`).toContain(button);
        else expect(words, `${what} (${key})`).not.toMatch(SETTINGS_WORD[locale] as RegExp);
      }
    });
  }

  it('never sends the rep to the browser’s toolbar button while a button of ours is beside the words', () => {
    for (const [what, [key, , offersSettings]] of notices)
      if (offersSettings) expect(messagesOf('en')[key]?.message, what).not.toMatch(/toolbar button/i);
  });
});
