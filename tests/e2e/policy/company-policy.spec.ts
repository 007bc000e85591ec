// Company policy through the browser's managed storage, as an administrator deploys it. Chromium on
// Linux reads /etc/chromium/policies/managed/*.json at start-up, for every Chromium on the machine:
// so this file runs in its own project after all others, launches its own browser, and removes
// the policy file when done.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { type Sandbox, startSandbox } from '../../sandbox/server.js';
import { EXTENSION_ID, type LaunchedBrowser, launchWithExtension } from '../../support/chromium.js';
import { SandboxControl } from '../../support/control.js';
import { GlanceClientStandIn } from '../../support/glance-client.js';
import { openOptions, openPopup } from '../pages/extension-pages.js';
import { type Seen, secretLeaks, watchConsole } from '../secrets.js';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/glance-for-salesforce-test.json`;

const POLICY = {
  allowedUsage: ['support'],
  defaultUsage: 'support',
  maxLeadCreation: 'email',
  allowFixedKey: false,
  allowNoKey: true,
  glanceAddressPattern: '*.acme.glance.net',
  allowChatter: false,
};

/** The secrets check the other specs run after each test (../secrets.ts), for this file's own browsers. */
async function expectNoSecretLeaks(launched: LaunchedBrowser, sandbox: Sandbox, console: Seen[]) {
  const log = await new SandboxControl(sandbox.controlUrl).log();
  const leaks = await secretLeaks({
    context: launched.context,
    extensionId: launched.extensionId,
    sandbox,
    log,
    console,
  });
  expect(leaks).toEqual([]);
}

const test = base.extend<{ popup: Page; launched: LaunchedBrowser }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  launched: async ({}, use) => {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: POLICY } } }));
    const sandbox = await startSandbox({ quiet: true });
    try {
      const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
      const console = watchConsole(launched.context);
      await use(launched);
      await expectNoSecretLeaks(launched, sandbox, await console.messages());
      await launched.close();
    } finally {
      rmSync(POLICY_FILE, { force: true });
      await sandbox.close();
    }
  },
  popup: async ({ launched }, use) => {
    const page = await openPopup(launched.context, launched.extensionId);
    await use(page);
  },
});

test('the popup offers only what the company policy allows, and says so', async ({ popup, launched }) => {
  await popup.getByRole('tab', { name: 'Settings' }).click();
  // Usage: only support is offered, locked, and it is the effective choice.
  await expect(popup.getByLabel(/Mostly for support/)).toBeChecked();
  await expect(popup.getByLabel(/Mostly for support/)).toBeDisabled();
  await expect(popup.getByLabel(/Mostly for sales/)).toHaveCount(0);
  await expect(popup.getByText('Set by your company').first()).toBeVisible();
  // Fixed keys are not allowed; no key is.
  await expect(popup.getByLabel(/Always use this 4-digit key/)).toBeDisabled();
  await expect(popup.getByText('Always use this 4-digit key (not allowed by your company)')).toBeVisible();
  await expect(popup.getByLabel('No key')).toBeEnabled();
  // Lead creation stops at "who provide an email".
  const lead = popup.getByLabel('Create leads for session guests');
  await expect(lead.locator('option[value=emailAndName]')).toBeDisabled();
  await lead.selectOption('email');
  // Chatter is off and locked.
  await expect(popup.getByLabel('Post to Chatter when starting a Glance session')).toBeDisabled();
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  // The Glance address must match the company's pattern: refused before Glance is asked.
  await popup.getByRole('tab', { name: 'Overview' }).click();
  await popup.getByLabel('Glance address').fill('acme.glance.net');
  await popup.getByLabel('Glance password').fill('correct-horse');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: /./ })).toHaveText(
    /Your company does not allow this Glance address/,
  );
  await popup.getByLabel('Glance address').fill('ja.acme.glance.net');
  await popup.getByLabel('Glance password').fill('battery-staple');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByTestId('glance-connected')).toHaveText('Connected to ja.acme.glance.net · Jamie Agent');

  // The options page's Glance Company Settings tab shows the effective policy and the JSON to deploy it.
  const options = await openOptions(launched.context, launched.extensionId);
  await options.getByRole('tab', { name: 'Glance Company Settings' }).click();
  await expect(options.getByText('Your administrator set these rules:')).toBeVisible();
  await expect(options.getByTestId('policy-summary')).toContainText('Allowed Glance addresses: *.acme.glance.net');
  // Every rule is the administrator's, each named as set by them.
  await expect(options.getByTestId('policy-summary').locator('li[data-state="set"]')).toHaveCount(7);
  await expect(options.locator('li[data-policy-key="maxLeadCreation"]')).toHaveText(
    'Highest lead creation reps may choose: Guests who give an email Set by your administrator',
  );
  // The rules start from the deployed policy, and so does the Deploy step.
  await expect(options.getByRole('switch', { name: 'Fixed 4-digit session keys allowed' })).not.toBeChecked();
  await expect(options.getByLabel('Allowed Glance addresses')).toHaveValue('*.acme.glance.net');
  await options.getByRole('button', { name: 'Deploy these rules' }).click();
  const deployed = JSON.parse((await options.getByTestId('deploy-chromeLinux').textContent()) ?? '{}');
  expect(deployed['3rdparty'].extensions[EXTENSION_ID]).toEqual(POLICY);
});

test('a saved choice the policy now forbids is not used', async ({ launched }) => {
  const worker = launched.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(() =>
    chrome.storage.sync.set({
      settings: { keyBehavior: 'fixed', fixedKey: '1111', usage: 'sales', chatterOnStart: true },
    }),
  );
  const popup = await openPopup(launched.context, launched.extensionId, '#settings');
  await expect(popup.getByLabel(/random key for each session/)).toBeChecked();
  await expect(popup.getByLabel(/Mostly for support/)).toBeChecked();
  await expect(popup.getByLabel('Post to Chatter when starting a Glance session')).not.toBeChecked();
  // And the rep is told which of their choices the company overrides (issue 10, item 4).
  await expect(popup.getByTestId('policy-overrides')).toHaveText(
    "Your company's policy now overrides some of your saved choices (Session key, Salesforce usage, Chatter posts). The settings below show what applies.",
  );
});

test('a rep who connected before the admin restricted Glance addresses is stopped at Start and told what to do', async () => {
  // Connected without any policy, as on the day the rep installed the extension.
  rmSync(POLICY_FILE, { force: true });
  const sandbox = await startSandbox({ quiet: true });
  const profile = mkdtempSync(join(tmpdir(), 'glance-sfx-policy-'));
  try {
    let launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, userDataDir: profile });
    const popup = await openPopup(launched.context, launched.extensionId);
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByTestId('glance-connected')).toBeVisible();
    await launched.close();

    // The admin deploys the policy; the browser starts again with it.
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: POLICY } } }));
    launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules, userDataDir: profile });
    const control = new SandboxControl(sandbox.controlUrl);
    const { sid, classicHost } = await control.salesforceLogin();
    await launched.context.addCookies([
      { name: 'sid', value: sid, url: `https://${classicHost}/`, secure: true, httpOnly: true, sameSite: 'None' },
    ]);
    const again = await openPopup(launched.context, launched.extensionId);
    await expect(again.getByTestId('glance-address-not-allowed')).toHaveText(
      "Your company does not allow acme.glance.net any more. Disconnect, then connect your company's Glance address.",
    );

    const [lead] = await control.records<{ Id: string }>('Lead');
    const page = await launched.context.newPage();
    await page.goto(`https://${classicHost}/${lead?.Id}`);
    const toolbar = page.locator('[data-glance-sfx="toolbar"]');
    await toolbar.getByRole('button', { name: 'Start Glance session' }).click();
    await expect(toolbar.getByRole('status')).toHaveText(
      "Your company does not allow the Glance address you connected. Press “Open Glance settings” and connect your company's Glance address.",
    );
    await expect(toolbar.getByRole('button', { name: 'Open Glance settings' })).toBeVisible();
    // Glance was never asked.
    expect(await control.glanceSessions()).toEqual([]);
    await expectNoSecretLeaks(launched, sandbox, []);
    await launched.close();
  } finally {
    rmSync(POLICY_FILE, { force: true });
    rmSync(profile, { recursive: true, force: true });
    await sandbox.close();
  }
});

test('with single sign-on, a rep signs in to Glance through Salesforce and starts a session: no password anywhere', async () => {
  // The company signs its reps in to Glance with Salesforce as the identity provider (idptoken: the org id).
  const SSO_POLICY = { glanceIdpToken: '00D5g00000ACMEA' };
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: SSO_POLICY } } }));
  const sandbox = await startSandbox({ quiet: true });
  try {
    const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
    const console = watchConsole(launched.context);
    const glanceClient = new GlanceClientStandIn(launched.context, sandbox.controlUrl);
    const control = new SandboxControl(sandbox.controlUrl);
    // The rep is logged in to Salesforce, the company's identity provider.
    const { sid, lightningSid, classicHost, lightningHost } = await control.salesforceLogin();
    const cookie = { name: 'sid', secure: true, httpOnly: true, sameSite: 'None' as const };
    await launched.context.addCookies([
      { ...cookie, value: sid, url: `https://${classicHost}/` },
      { ...cookie, value: lightningSid, url: `https://${lightningHost}/` },
    ]);

    const popup = await openPopup(launched.context, launched.extensionId);
    await expect(popup.getByText('Your company signs you in to Glance with single sign-on')).toBeVisible();
    await expect(popup.getByLabel('Glance password')).toHaveCount(0);
    const signInWindow = launched.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    // Glance's login-key page, then Salesforce's IdP endpoint (the rep's Salesforce session), back to
    // Glance's ACS, and the window closes once the extension has the login key.
    const window = await signInWindow;
    await window.waitForEvent('close');
    await expect(popup.getByTestId('glance-connected')).toHaveText('Connected to acme.glance.net');
    await expect(popup.getByTestId('glance-sso-until')).toHaveText(/^Signed in with single sign-on until /);
    const log = await control.log();
    expect(log.filter((e) => e.path.toLowerCase() === '/account/getloginkey.aspx').map((e) => e.method)).toEqual([
      'GET',
      'POST',
      'GET',
    ]);
    expect(log.some((e) => e.host === classicHost && e.path === '/idp/endpoint/HttpRedirect')).toBe(true);

    // A session from a Lead: the Glance Client is launched with the login key, and starts it.
    const [lead] = await control.records<{ Id: string }>('Lead');
    const page = await launched.context.newPage();
    await page.goto(`https://${lightningHost}/lightning/r/Lead/${lead?.Id}/view`);
    await page.locator('[data-glance-sfx="toolbar"]').getByRole('button', { name: 'Start Glance session' }).click();
    const key = await page.locator('[data-glance-sfx="session-panel"]').getByLabel('Session key').textContent();
    const [launch] = await glanceClient.received();
    const query = new URL((launch?.url ?? '').replace('glance://', 'https://')).searchParams;
    expect(
      Object.fromEntries([...query].map(([name, value]) => [name, name === 'loginkey' ? 'present' : value])),
    ).toEqual({
      key,
      partnerid: '72431',
      partneruserid: 'riley.rep',
      loginkey: 'present',
    });
    expect(launch?.outcome).toMatchObject({ key });

    // No password was ever typed or sent, and the company's API key is nowhere (secrets.ts checks both).
    expect((await control.log()).some((e) => e.path.endsWith('/ValidateUser'))).toBe(false);
    await expectNoSecretLeaks(launched, sandbox, await console.messages());
    await launched.close();
  } finally {
    rmSync(POLICY_FILE, { force: true });
    await sandbox.close();
  }
});

test('with Glance Presence, a Case says whether its customer is on the website, and one click joins them', async () => {
  // The company's website gives Glance the Salesforce contact id as the visitor id.
  const PRESENCE_POLICY = { presenceVisitorIdFields: 'Case.ContactId, Contact.Id' };
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: PRESENCE_POLICY } } }));
  const sandbox = await startSandbox({ quiet: true });
  try {
    const launched = await launchWithExtension({ hostResolverRules: sandbox.hostResolverRules });
    const console = watchConsole(launched.context);
    const control = new SandboxControl(sandbox.controlUrl);
    const { sid, lightningSid, classicHost, lightningHost } = await control.salesforceLogin();
    const cookie = { name: 'sid', secure: true, httpOnly: true, sameSite: 'None' as const };
    await launched.context.addCookies([
      { ...cookie, value: sid, url: `https://${classicHost}/` },
      { ...cookie, value: lightningSid, url: `https://${lightningHost}/` },
    ]);
    const popup = await openPopup(launched.context, launched.extensionId);
    await popup.getByLabel('Glance address').fill('acme.glance.net');
    await popup.getByLabel('Glance password').fill('correct-horse');
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByTestId('glance-connected')).toBeVisible();

    const [kase] = await control.records<{ Id: string; ContactId: string }>('Case');
    if (!kase) throw new Error('no seeded Case');
    // The customer is on the website (and starts cobrowse with their visitor id when asked).
    await control.glancePresence({ visitor: kase.ContactId });
    await control.startCobrowse(kase.ContactId);
    const page = await launched.context.newPage();
    await page.goto(`https://${lightningHost}/lightning/r/Case/${kase.Id}/view`);
    const bar = page.locator('[data-glance-sfx="toolbar"]');
    // Glance's settings do not allow the extension's origin yet: said, and the key still works.
    await expect(bar.getByRole('status').filter({ hasText: /did not let this extension/ })).toHaveText(
      'Glance did not let this extension see whether the customer is on your website (your admin can allow it in Glance). Join with the key the customer reads you.',
    );

    // The admin allows the extension's origin in Glance.
    await control.glancePresence({ allowOrigin: `chrome-extension://${launched.extensionId}` });
    await page.reload();
    const here = bar.getByRole('status').filter({ hasText: 'The customer is on your website now.' });
    await expect(here).toBeVisible();
    const opening = launched.context.waitForEvent('page');
    await here.getByRole('button', { name: 'Join now' }).click();
    const viewer = await opening;
    await expect(viewer).toHaveURL(new RegExp(`/agentjoin/AgentView\\.aspx\\?SessionKey=${kase.ContactId}&Wait=1`));
    await expect(viewer.getByRole('heading', { name: `You are viewing session ${kase.ContactId}` })).toBeVisible();
    await expect(page.locator('[data-glance-sfx="session-panel"]')).toContainText('Logged on this Case');
    await expectNoSecretLeaks(launched, sandbox, await console.messages());
    await launched.close();
  } finally {
    rmSync(POLICY_FILE, { force: true });
    await sandbox.close();
  }
});
