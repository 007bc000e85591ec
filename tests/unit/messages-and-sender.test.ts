import { describe, expect, it } from 'vitest';
import { classifySender } from '../../src/background/sender.js';
import { parseContentMessage, parseExtensionPageMessage } from '../../src/shared/protocol/index.js';

const ID = 'pdckdbofbehkaiioikpheonnaifbdbjf';

describe('message validation', () => {
  it('accepts well-formed content requests and drops anything else', () => {
    expect(parseContentMessage({ type: 'content:salesforce-status', extra: 1 })).toEqual({
      type: 'content:salesforce-status',
    });
    expect(parseContentMessage({ type: 'content:start-session', pageUrl: 'https://x', mode: 'screenshare' })).toEqual({
      type: 'content:start-session',
      pageUrl: 'https://x',
      mode: 'screenshare',
    });
    // Glance's documented launch starts a screen share: the other modes are chosen in Glance's window.
    for (const mode of ['cobrowse', 'view', 'rm -rf']) {
      expect(parseContentMessage({ type: 'content:start-session', pageUrl: 'https://x', mode }), mode).toBeUndefined();
    }
    expect(parseContentMessage({ type: 'content:add-guest', sessionId: 's1', name: 'Gina', email: '', x: 1 })).toEqual({
      type: 'content:add-guest',
      sessionId: 's1',
      name: 'Gina',
      email: '',
    });
    // A name is required, and neither field may be longer than Lead.LastName and Lead.Email hold.
    for (const guest of [
      { name: ' ', email: '' },
      { name: 'x'.repeat(81), email: '' },
      { name: 'Gina', email: 'x'.repeat(81) },
      { name: 'Gina' },
    ]) {
      expect(parseContentMessage({ type: 'content:add-guest', sessionId: 's1', ...guest }), JSON.stringify(guest)).toBe(
        undefined,
      );
    }
    expect(parseContentMessage({ type: 'page:salesforce-status', pageUrl: null })).toBeUndefined();
    expect(parseContentMessage({ type: 'toString' })).toBeUndefined();
    expect(parseContentMessage(null)).toBeUndefined();
    expect(parseContentMessage('content:salesforce-status')).toBeUndefined();
  });
  it('takes the toolbar collapse question and answer: a boolean or nothing', () => {
    expect(parseContentMessage({ type: 'content:toolbar-collapsed' })).toEqual({ type: 'content:toolbar-collapsed' });
    expect(parseContentMessage({ type: 'content:toolbar-collapsed', collapsed: true })).toEqual({
      type: 'content:toolbar-collapsed',
      collapsed: true,
    });
    expect(parseContentMessage({ type: 'content:toolbar-collapsed', collapsed: 'yes' })).toBeUndefined();
    expect(parseContentMessage({ type: 'content:toolbar-collapsed', collapsed: null })).toBeUndefined();
  });
  it('keeps popup and content protocols apart', () => {
    expect(parseExtensionPageMessage({ type: 'page:salesforce-status', pageUrl: null })).toEqual({
      type: 'page:salesforce-status',
      pageUrl: null,
    });
    expect(parseExtensionPageMessage({ type: 'content:open-settings' })).toBeUndefined();
  });
});

describe('classifySender', () => {
  const tab = { id: 3, url: 'https://acme.lightning.force.com/lightning/page/home' };
  it('trusts our content script in a Salesforce top frame', () => {
    expect(classifySender({ id: ID, url: tab.url, tab, frameId: 0 }, ID)).toBe('content');
    expect(classifySender({ id: ID, url: 'https://acme.my.salesforce.com/001', tab, frameId: 0 }, ID)).toBe('content');
  });
  it('trusts our own extension pages', () => {
    expect(classifySender({ id: ID, url: `chrome-extension://${ID}/src/pages/popup/index.html` }, ID)).toBe(
      'extension-page',
    );
  });
  it('refuses other extensions, other sites, subframes and plain http', () => {
    expect(classifySender({ id: 'other', url: tab.url, tab, frameId: 0 }, ID)).toBeUndefined();
    expect(classifySender({ id: ID, url: 'https://evil.example/', tab, frameId: 0 }, ID)).toBeUndefined();
    expect(classifySender({ id: ID, url: tab.url, tab, frameId: 4 }, ID)).toBeUndefined();
    expect(classifySender({ id: ID, url: 'http://acme.lightning.force.com/', tab, frameId: 0 }, ID)).toBeUndefined();
    expect(classifySender({ id: ID, url: 'chrome-extension://other/x.html' }, ID)).toBeUndefined();
    expect(classifySender({ id: ID }, ID)).toBeUndefined();
  });

  // Firefox: the extension id is the gecko id (browser_specific_settings.gecko.id) while its pages'
  // URLs are moz-extension://<per-profile uuid>/…, so the page's host is never the id.
  const GECKO_ID = 'glance-for-salesforce@glance.net';
  const MOZ_ORIGIN = 'moz-extension://0b6f5d3e-4c1a-4f7e-9a55-3d1c2b8e7f10';
  it('trusts our own Firefox pages by their moz-extension origin, not by the id', () => {
    expect(
      classifySender({ id: GECKO_ID, url: `${MOZ_ORIGIN}/src/pages/popup/index.html` }, GECKO_ID, MOZ_ORIGIN),
    ).toBe('extension-page');
    expect(
      classifySender(
        { id: GECKO_ID, url: `${MOZ_ORIGIN}/src/pages/options/index.html?x#y` },
        GECKO_ID,
        `${MOZ_ORIGIN}/`,
      ),
    ).toBe('extension-page');
  });
  it('refuses another Firefox extension page, a look-alike origin and a Chrome page under the Firefox origin', () => {
    const other = 'moz-extension://9d3c1a2b-0000-4000-8000-000000000000';
    expect(classifySender({ id: GECKO_ID, url: `${other}/popup.html` }, GECKO_ID, MOZ_ORIGIN)).toBeUndefined();
    expect(
      classifySender({ id: GECKO_ID, url: `moz-extension://${GECKO_ID}/popup.html` }, GECKO_ID, MOZ_ORIGIN),
    ).toBeUndefined();
    expect(
      classifySender({ id: GECKO_ID, url: `${MOZ_ORIGIN}.evil/popup.html` }, GECKO_ID, MOZ_ORIGIN),
    ).toBeUndefined();
    expect(
      classifySender(
        { id: GECKO_ID, url: `chrome-extension://0b6f5d3e-4c1a-4f7e-9a55-3d1c2b8e7f10/x.html` },
        GECKO_ID,
        MOZ_ORIGIN,
      ),
    ).toBeUndefined();
    // Our Chrome id's own page is ours only where our origin is chrome-extension://<id>.
    expect(classifySender({ id: ID, url: `chrome-extension://${ID}/x.html` }, ID, MOZ_ORIGIN)).toBeUndefined();
  });
});
