// The policy in each browser's deployable form (src/shared/policy-deploy.ts cites the documents).
import { describe, expect, it } from 'vitest';
import english from '../../extension/_locales/en/messages.json' with { type: 'json' };
import { CHROMIUM_KEY_ID, GECKO_ID } from '../../src/shared/extension-ids.js';
import {
  ControlCharacterInPolicy,
  deployments,
  firefoxJson,
  linuxJson,
  macPlist,
  windowsReg,
} from '../../src/shared/policy-deploy.js';
import { EXTENSION_ID } from '../support/chromium.js';

const POLICY = {
  allowedUsage: ['sales', 'support'],
  maxLeadCreation: 'email',
  allowFixedKey: false,
  allowNoKey: true,
  glanceAddressPattern: '*.acme.glance.net',
};
const IDS = { chromium: 'abcdefghijklmnopabcdefghijklmnop', gecko: GECKO_ID };

describe('deployable policy forms', () => {
  it('Chrome/Edge on Linux: the 3rdparty JSON file', () => {
    expect(JSON.parse(linuxJson(IDS.chromium, POLICY))).toEqual({
      '3rdparty': { extensions: { [IDS.chromium]: POLICY } },
    });
  });

  it("Firefox: policies.json's 3rdparty Extensions entry under the gecko id", () => {
    expect(JSON.parse(firefoxJson(GECKO_ID, POLICY))).toEqual({
      policies: { '3rdparty': { Extensions: { 'glance-for-salesforce@glance.net': POLICY } } },
    });
  });

  it('Windows: a .reg file that clears the old policy, DWORD booleans, REG_SZ strings, lists as numbered subkeys', () => {
    const reg = windowsReg('SOFTWARE\\Policies\\Google\\Chrome', IDS.chromium, POLICY);
    const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${IDS.chromium}\\policy`;
    expect(reg.split('\r\n')).toEqual([
      'Windows Registry Editor Version 5.00',
      '',
      `[-${key}]`,
      '',
      `[${key}]`,
      '"maxLeadCreation"="email"',
      '"allowFixedKey"=dword:00000000',
      '"allowNoKey"=dword:00000001',
      '"glanceAddressPattern"="*.acme.glance.net"',
      '',
      `[${key}\\allowedUsage]`,
      '"1"="sales"',
      '"2"="support"',
      '',
    ]);
  });

  it('Windows: quotes and backslashes in strings are escaped as regedit reads them', () => {
    expect(windowsReg('X', 'id', { glanceAddressPattern: 'a"b\\c' })).toContain('"glanceAddressPattern"="a\\"b\\\\c"');
  });

  it('macOS: a property list of the keys, XML-escaped', () => {
    expect(macPlist({ allowedUsage: ['sales'], allowChatter: true, glanceAddressPattern: '<&>' })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
        '<plist version="1.0">',
        '<dict>',
        '  <key>allowedUsage</key>',
        '  <array>',
        '    <string>sales</string>',
        '  </array>',
        '  <key>allowChatter</key>',
        '  <true/>',
        '  <key>glanceAddressPattern</key>',
        '  <string>&lt;&amp;&gt;</string>',
        '</dict>',
        '</plist>',
        '',
      ].join('\n'),
    );
  });

  it("every form at its browser's documented place, and each target has its English strings", () => {
    const forms = deployments(POLICY, IDS);
    expect(forms.map((f) => [f.target, f.where])).toEqual([
      [
        'chromeWindows',
        `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${IDS.chromium}\\policy`,
      ],
      ['chromeMac', `com.google.Chrome.extensions.${IDS.chromium}`],
      ['chromeLinux', '/etc/opt/chrome/policies/managed/glance-for-salesforce.json'],
      [
        'edgeWindows',
        `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${IDS.chromium}\\policy`,
      ],
      ['edgeMac', `com.microsoft.Edge.extensions.${IDS.chromium}`],
      ['edgeLinux', '/etc/opt/edge/policies/managed/glance-for-salesforce.json'],
      ['firefox', 'distribution/policies.json'],
    ]);
    expect(forms.find((f) => f.target === 'edgeWindows')?.text).toContain('\\Microsoft\\Edge\\3rdparty\\extensions\\');
    const messages = english as Record<string, { description?: string }>;
    const missing = forms
      .flatMap((f) => [`deployTarget_${f.target}`, `deployForm_${f.target}`])
      .filter((key) => !messages[key]?.description);
    expect(missing).toEqual([]);
  });

  it('the key id constant is the id the test builds run under', () => {
    expect(CHROMIUM_KEY_ID).toBe(EXTENSION_ID);
  });
});

describe('a rule with a control character', () => {
  it('is refused by the .reg writer: a line break would start registry lines of its own', () => {
    const hostile = { glanceAddressPattern: '*.acme.glance.net"\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]\r\n"x"="y' };
    expect(() => windowsReg('SOFTWARE\\Policies\\Google\\Chrome', 'id', hostile)).toThrow(ControlCharacterInPolicy);
  });
});
