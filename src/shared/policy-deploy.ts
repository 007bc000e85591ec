// The company policy in the form each browser's policy mechanism reads, for an administrator to
// copy and deploy. Only the keys the administrator set are written: unset keys keep the product's
// defaults. Sources for each form:
// - Chrome, Linux: a JSON file in /etc/opt/chrome/policies/managed/ (Chromium:
//   /etc/chromium/policies/managed/) holding {"3rdparty": {"extensions": {"<id>": {…}}}}
//   (chromium.org/administrators/configuring-policy-for-extensions; the same form our policy tests
//   deploy, tests/e2e/policy/company-policy.spec.ts).
// - Chrome, Windows: the registry key HKLM\Software\Policies\Google\Chrome\3rdparty\extensions\<id>\policy,
//   one value per key: strings REG_SZ, booleans and integers REG_DWORD, a list as a subkey of that
//   name with values "1", "2", … (same page; the numbered REG_SZ list form is Chrome's for list
//   policies, e.g. ExtensionInstallAllowlist on admx.help / learn.microsoft.com).
// - Chrome, macOS: the preference domain com.google.Chrome.extensions.<id> with the keys at its top
//   level, deployed with a configuration profile (same page; support.google.com/chrome/a/answer/7517624).
// - Edge: Chrome's 3rdparty form at Edge's paths: HKLM\Software\Policies\Microsoft\Edge\3rdparty\
//   extensions\<id>\policy, com.microsoft.Edge.extensions.<id>, /etc/opt/edge/policies/managed/.
// - Firefox: policies.json {"policies": {"3rdparty": {"Extensions": {"<gecko id>": {…}}}}}
//   (extensionworkshop.com/documentation/enterprise/enterprise-development; mozilla/policy-templates
//   "3rdparty"), next to the Firefox binary in distribution/ or in /etc/firefox/policies/ on Linux.
import { hasControlCharacter } from './control-characters.js';

export type DeployTarget =
  | 'chromeWindows'
  | 'chromeMac'
  | 'chromeLinux'
  | 'edgeWindows'
  | 'edgeMac'
  | 'edgeLinux'
  | 'firefox';

interface Deployment {
  target: DeployTarget;
  /** Where it goes: a registry key, a preference domain or a file path. */
  where: string;
  text: string;
}

interface ExtensionIds {
  /** Chrome's and Edge's id (runtime.id). */
  chromium: string;
  /** Firefox's gecko id. */
  gecko: string;
}

type Policy = Record<string, unknown>;

export const linuxJson = (id: string, policy: Policy) =>
  JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2);

export const firefoxJson = (geckoId: string, policy: Policy) =>
  JSON.stringify({ policies: { '3rdparty': { Extensions: { [geckoId]: policy } } } }, null, 2);

/** A line break in a .reg string would end it and start lines of the attacker's choosing (new keys). */
export class ControlCharacterInPolicy extends Error {}
const regString = (value: string) => {
  if (hasControlCharacter(value)) throw new ControlCharacterInPolicy(value);
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
};
const dword = (value: number) => `dword:${(value >>> 0).toString(16).padStart(8, '0')}`;

function regValue(value: unknown): string | undefined {
  if (typeof value === 'boolean') return dword(value ? 1 : 0);
  if (typeof value === 'number' && Number.isInteger(value)) return dword(value);
  if (typeof value === 'string') return regString(value);
  return undefined;
}

function regKey(key: string, values: Policy, lines: string[]): void {
  const subkeys: [string, Policy][] = [];
  lines.push('', `[${key}]`);
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      subkeys.push([name, Object.fromEntries(value.map((item, index) => [String(index + 1), item]))]);
    } else if (typeof value === 'object' && value !== null) {
      subkeys.push([name, value as Policy]);
    } else {
      const data = regValue(value);
      if (data !== undefined) lines.push(`${regString(name)}=${data}`);
    }
  }
  for (const [name, inner] of subkeys) regKey(`${key}\\${name}`, inner, lines);
}

/** A .reg file: removes the extension's old policy key first, so keys no longer set go away too. */
export function windowsReg(vendorPath: string, id: string, policy: Policy): string {
  const key = `HKEY_LOCAL_MACHINE\\${vendorPath}\\3rdparty\\extensions\\${id}\\policy`;
  const lines = ['Windows Registry Editor Version 5.00', '', `[-${key}]`];
  regKey(key, policy, lines);
  return `${lines.join('\r\n')}\r\n`;
}

const xml = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function plistValue(value: unknown, indent: string): string[] {
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number' && Number.isInteger(value)) return [`${indent}<integer>${value}</integer>`];
  if (typeof value === 'number') return [`${indent}<real>${value}</real>`];
  if (typeof value === 'string') return [`${indent}<string>${xml(value)}</string>`];
  if (Array.isArray(value)) {
    return [`${indent}<array>`, ...value.flatMap((item) => plistValue(item, `${indent}  `)), `${indent}</array>`];
  }
  if (typeof value === 'object' && value !== null) return plistDict(value as Policy, indent);
  return [];
}

function plistDict(values: Policy, indent: string): string[] {
  return [
    `${indent}<dict>`,
    ...Object.entries(values).flatMap(([key, value]) => [
      `${indent}  <key>${xml(key)}</key>`,
      ...plistValue(value, `${indent}  `),
    ]),
    `${indent}</dict>`,
  ];
}

/** The preference domain's keys as a property list (the payload of a configuration profile). */
export function macPlist(policy: Policy): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plistDict(policy, ''),
    '</plist>',
    '',
  ].join('\n');
}

const POLICY_FILE_NAME = 'glance-for-salesforce.json';

/** Every form, in the order the Company Settings tab shows them. */
export function deployments(policy: Policy, ids: ExtensionIds): Deployment[] {
  return [
    {
      target: 'chromeWindows',
      where: `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chromium}\\policy`,
      text: windowsReg('SOFTWARE\\Policies\\Google\\Chrome', ids.chromium, policy),
    },
    { target: 'chromeMac', where: `com.google.Chrome.extensions.${ids.chromium}`, text: macPlist(policy) },
    {
      target: 'chromeLinux',
      where: `/etc/opt/chrome/policies/managed/${POLICY_FILE_NAME}`,
      text: linuxJson(ids.chromium, policy),
    },
    {
      target: 'edgeWindows',
      where: `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.chromium}\\policy`,
      text: windowsReg('SOFTWARE\\Policies\\Microsoft\\Edge', ids.chromium, policy),
    },
    { target: 'edgeMac', where: `com.microsoft.Edge.extensions.${ids.chromium}`, text: macPlist(policy) },
    {
      target: 'edgeLinux',
      where: `/etc/opt/edge/policies/managed/${POLICY_FILE_NAME}`,
      text: linuxJson(ids.chromium, policy),
    },
    { target: 'firefox', where: 'distribution/policies.json', text: firefoxJson(ids.gecko, policy) },
  ];
}
