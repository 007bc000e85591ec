// What the toolbar says when the session it replaced ended (src/content/panel/session-problems.ts): the
// background's reason decides the words, the tone and whether the Glance settings are offered.
import { describe, expect, it } from 'vitest';
import { endedNotice } from '../../src/content/panel/session-problems.js';

describe('the notice after a session ended', () => {
  it('says so plainly when someone ended it', () => {
    expect(endedNotice(undefined)).toEqual(['sessionEnded', 'info', false]);
  });

  it('says Glance no longer knows it when Glance ended it first', () => {
    expect(endedNotice('session-gone')).toEqual(['problemSessionGone', 'info', false]);
  });

  it('is an error when the company policy ended it, and offers the settings only where they fix it', () => {
    expect(endedNotice('glance-address-not-allowed')).toEqual(['problemGlanceAddressNotAllowed', 'error', true]);
    expect(endedNotice('key-not-allowed')).toEqual(['problemKeyNotAllowed', 'error', false]);
  });
});
