import { describe, expect, it } from 'vitest';
import { classifySender } from '../../src/background/sender.js';
import { parseContentMessage, parsePopupMessage } from '../../src/shared/messages.js';

const ID = 'pdckdbofbehkaiioikpheonnaifbdbjf';

describe('message validation', () => {
  it('accepts well-formed content requests and drops anything else', () => {
    expect(parseContentMessage({ type: 'content:salesforce-status', extra: 1 })).toEqual({
      type: 'content:salesforce-status',
    });
    expect(parseContentMessage({ type: 'content:start-session', pageUrl: 'https://x', mode: 'cobrowse' })).toEqual({
      type: 'content:start-session',
      pageUrl: 'https://x',
      mode: 'cobrowse',
    });
    expect(
      parseContentMessage({ type: 'content:start-session', pageUrl: 'https://x', mode: 'rm -rf' }),
    ).toBeUndefined();
    expect(parseContentMessage({ type: 'popup:salesforce-status', pageUrl: null })).toBeUndefined();
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
    expect(parsePopupMessage({ type: 'popup:salesforce-status', pageUrl: null })).toEqual({
      type: 'popup:salesforce-status',
      pageUrl: null,
    });
    expect(parsePopupMessage({ type: 'content:open-settings' })).toBeUndefined();
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
});
