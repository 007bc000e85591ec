// The options page as the Glance "Company Settings tab" (issue 12 item 6, issue 28 item 3), with no
// company policy in place (the policy project, tests/e2e/policy/company-policy.spec.ts, shows a
// managed one): WAI-ARIA tabs driven by the keyboard, the defaults the product uses, the rules in
// sections with ordinary controls, the presets, the preview of what reps see, the check of a pasted
// policy, the deployable forms behind Deploy and their copy buttons, and the Glance Company Trial
// that opens Glance's sign-up page (the sandbox's www.glance.net). The admin's own keyboard and
// mouse drive every control (Playwright's fill/selectOption/check set values from script).
import AxeBuilder from '@axe-core/playwright';
import { choose, expect, firstId, focusByKeyboard, LIGHTNING, type Page, test } from './fixtures.js';
import { optionsUrl } from './pages/extension-pages.js';

const GECKO_ID = 'glance-for-salesforce@glance.net';

async function openOptions(page: Page, extensionId: string, hash = '') {
  await page.goto(optionsUrl(extensionId, hash));
}

const json = async (page: Page, testId: string) =>
  JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null') as Record<string, unknown>;

/** The rules the Chrome-on-Linux form deploys for this extension. */
const chromeRules = async (page: Page, extensionId: string) =>
  ((await json(page, 'deploy-chromeLinux'))['3rdparty'] as { extensions: Record<string, unknown> }).extensions[
    extensionId
  ];

const rulesForm = (page: Page) => page.getByRole('region', { name: 'Rules for your reps' });
const preview = (page: Page) => page.getByRole('region', { name: 'What reps see' });

/** Opens the deploy step with the mouse; the forms are not on the page before. */
async function openDeploy(page: Page) {
  await expect(page.getByTestId('deploy-chromeLinux')).toHaveCount(0);
  const deploy = page.getByRole('button', { name: 'Deploy these rules' });
  await expect(deploy).toHaveAttribute('aria-expanded', 'false');
  await deploy.click();
  await expect(deploy).toHaveAttribute('aria-expanded', 'true');
}

test('tabs follow the WAI-ARIA pattern: one tab stop, arrows, Home and End, and #company', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId);
  const tabs = page.getByRole('tablist', { name: 'Glance settings' });
  const user = tabs.getByRole('tab', { name: 'Glance User Settings' });
  const company = tabs.getByRole('tab', { name: 'Glance Company Settings' });
  await expect(user).toHaveAttribute('aria-selected', 'true');
  await expect(company).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('tabpanel', { name: 'Glance User Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Company policy' })).toBeHidden();

  await user.focus();
  await page.keyboard.press('ArrowRight');
  await expect(company).toBeFocused();
  await expect(company).toHaveAttribute('aria-selected', 'true');
  await expect(user).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('tabpanel', { name: 'Glance Company Settings' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Glance User Settings' })).toBeHidden();
  expect(new URL(page.url()).hash).toBe('#company');
  const team = tabs.getByRole('tab', { name: 'Team' });
  await page.keyboard.press('ArrowRight');
  await expect(team).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#team');
  await page.keyboard.press('ArrowRight'); // wraps
  await expect(user).toBeFocused();
  await page.keyboard.press('End');
  await expect(team).toBeFocused();
  await page.keyboard.press('Home');
  await expect(user).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // wraps backwards
  await expect(team).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(company).toHaveAttribute('aria-selected', 'true');
  // Tab leaves the tab list for the panel's first control.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /Glance Company Trial/ })).toBeFocused();

  // A link to the Company Settings tab opens it.
  await openOptions(page, extensionId, '#company');
  await expect(page.getByRole('tab', { name: 'Glance Company Settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Company policy' })).toBeVisible();
});

test('no policy: every rule not set with the default in words, and each browser form is empty but deployable', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId, '#company');
  await expect(page.getByText('No company policy is set: every choice is available.')).toBeVisible();
  const rows = page.getByTestId('policy-summary').getByRole('listitem');
  // The eight rules, the three ways to name a single sign-on provider, Presence's visitor-id fields
  // and the wrap-up's outcomes.
  await expect(rows).toHaveCount(13);
  await expect(page.getByTestId('policy-summary').locator('li[data-state="unset"]')).toHaveCount(13);
  await expect(page.locator('li[data-policy-key="glanceIdpToken"]')).toHaveText(
    "Glance single sign-on: unique account identifier: not used: reps connect with their Glance password Not set: the extension's default",
  );
  await expect(page.locator('li[data-policy-key="glanceAddressPattern"]')).toHaveText(
    "Allowed Glance addresses: no restriction Not set: the extension's default",
  );
  await expect(page.locator('li[data-policy-key="maxLeadCreation"]')).toContainText(
    'Highest lead creation reps may choose: Guests who give an email and a name',
  );
  // The rules read as settings, in sections, each saying what reps will see.
  const form = rulesForm(page);
  await expect(form.getByRole('heading', { level: 3 })).toHaveText([
    'Sessions',
    'Glance sign-in',
    'Salesforce logging',
    'Guests and Leads',
    'Wrap-up',
  ]);
  await expect(form.getByRole('switch', { name: 'Chatter posts allowed' })).toBeChecked();
  await expect(form.getByRole('switch', { name: 'Chatter posts allowed' })).toHaveAccessibleDescription(
    /When off, reps can't turn on Chatter posts: their settings show them greyed out as set by your company, and nothing is posted\./,
  );
  await expect(form.getByText('Set this rule')).toHaveCount(0);
  // With no rule, reps have every choice: nothing is marked in the preview.
  await expect(preview(page).locator('[data-allowed="false"]')).toHaveCount(0);
  await expect(preview(page).getByText('Set by your company', { exact: true })).toHaveCount(0);

  await openDeploy(page);
  expect(await json(page, 'deploy-chromeLinux')).toEqual({ '3rdparty': { extensions: { [extensionId]: {} } } });
  expect(await json(page, 'deploy-edgeLinux')).toEqual({ '3rdparty': { extensions: { [extensionId]: {} } } });
  expect(await json(page, 'deploy-firefox')).toEqual({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: {} } } } });
  await expect(page.getByTestId('deploy-chromeWindows')).toContainText(
    `[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${extensionId}\\policy]`,
  );
  await expect(page.getByTestId('deploy-edgeMac')).toContainText('<dict>');
  await expect(page.getByText(`Where: com.microsoft.Edge.extensions.${extensionId}`)).toBeVisible();
});

test('the admin sets rules with the keyboard and mouse, the preview follows, and the deploy forms and copy hold them', async ({
  salesforcePage,
  context,
  control,
  extensionId,
}) => {
  // Chromium grants no permission to a chrome-extension:// origin ("opaque"): the clipboard is read
  // back from a Salesforce tab, whose origin may be granted clipboard-read.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LIGHTNING });
  const page = await context.newPage();
  await openOptions(page, extensionId, '#company');
  const form = rulesForm(page);
  const chatter = form.getByRole('switch', { name: 'Chatter posts allowed' });
  await focusByKeyboard(page, chatter);
  await page.keyboard.press('Space');
  await expect(chatter).not.toBeChecked();
  await choose(page, form.getByLabel('Highest lead creation reps may choose'), 'email');
  await form.getByLabel('Allowed Glance addresses').click();
  await page.keyboard.type('*.acme.glance.net');
  const usage = form.getByRole('group', { name: 'Salesforce usage reps may choose' });
  await usage.getByLabel('Mostly for sales').click();
  await expect(usage.getByLabel('Mostly for sales')).not.toBeChecked();
  await expect(usage.getByLabel('Mostly for support')).toBeChecked();
  await choose(page, form.getByLabel('Default Salesforce usage'), 'sales');
  await expect(form.getByTestId('policy-editor-notes')).toHaveText(
    'Default Salesforce usage: the extension will use Mostly for support, because of your other rules.',
  );

  // What a rep sees with these rules: the popup's own choices, with the ones they can't pick marked.
  const seen = preview(page);
  // (As in the popup: a disabled lead level says why; the usage reps may not choose is not offered;
  // the Chatter choices are greyed out under "Set by your company".)
  await expect(seen.locator('[data-allowed="false"]')).toHaveText([
    'Who provide an email and a name (not allowed by your company)',
    'Post to Chatter when scheduling a Glance meeting',
    'Post to Chatter when starting a Glance session',
  ]);
  await expect(seen.getByRole('group', { name: 'How do you use Salesforce?' }).getByRole('listitem')).toHaveText([
    'Mostly for support (sessions relate to cases)',
  ]);
  await expect(seen.getByRole('group', { name: 'Chatter' })).toContainText('Set by your company');
  await expect(seen.getByRole('group', { name: 'How do you use Salesforce?' })).toContainText('Set by your company');
  await expect(seen.getByRole('group', { name: 'Session key behavior' })).not.toContainText('Set by your company');
  await expect(seen).toContainText('Allowed Glance addresses: *.acme.glance.net');

  await openDeploy(page);
  const policy = {
    allowChatter: false,
    maxLeadCreation: 'email',
    glanceAddressPattern: '*.acme.glance.net',
    allowedUsage: ['support'],
    defaultUsage: 'sales',
  };
  expect(await chromeRules(page, extensionId)).toEqual(policy);
  await expect(page.getByTestId('deploy-edgeWindows')).toContainText('"allowChatter"=dword:00000000');
  await expect(page.getByTestId('deploy-edgeWindows')).toContainText('\\policy\\allowedUsage]\r\n"1"="support"');
  await expect(page.getByTestId('deploy-chromeMac')).toContainText('<key>allowChatter</key>\n  <false/>');

  // Keyboard only: Tab to the Firefox copy button and press Enter.
  await focusByKeyboard(page, page.getByRole('button', { name: 'Copy for Firefox' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('deploy-status')).toHaveText('Copied the policy for Firefox.');
  const lead = await firstId(control, 'Lead');
  await salesforcePage.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await salesforcePage.bringToFront();
  const copied = JSON.parse(await salesforcePage.evaluate(() => navigator.clipboard.readText()));
  expect(copied).toEqual({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } });

  // "Not set" again removes the rule from every form; both usages again is no rule at all.
  await page.bringToFront();
  await choose(page, form.getByLabel('Default Salesforce usage'), '');
  await expect(form.getByTestId('policy-editor-notes')).toHaveText('');
  await usage.getByLabel('Mostly for sales').click();
  await chatter.click();
  await expect(chatter).toBeChecked();
  expect(await chromeRules(page, extensionId)).toEqual({
    maxLeadCreation: 'email',
    glanceAddressPattern: '*.acme.glance.net',
  });
});

test('a preset fills the form, the admin adjusts it, and Deploy writes exactly that policy', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId, '#company');
  const form = rulesForm(page);
  // Something only this company knows, typed before the preset: the preset keeps it.
  await form.getByLabel('Allowed Glance addresses').click();
  await page.keyboard.type('*.acme.glance.net');

  const presets = form.getByRole('group', { name: 'Start from a common setup' });
  const support = presets.getByRole('button', { name: 'Support team' });
  await expect(support).toHaveAccessibleDescription(/cases/i);
  await focusByKeyboard(page, support);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('preset-status')).toHaveText(
    'Support team applied. Adjust any rule below, then deploy.',
  );
  await expect(form.getByRole('switch', { name: 'Fixed 4-digit session keys allowed' })).not.toBeChecked();
  await expect(form.getByRole('switch', { name: 'Sessions without a key allowed' })).toBeChecked();
  await expect(form.getByRole('switch', { name: 'Chatter posts allowed' })).toBeChecked();
  await expect(form.getByLabel('Highest lead creation reps may choose')).toHaveValue('never');
  await expect(form.getByLabel('Default Salesforce usage')).toHaveValue('support');
  const usage = form.getByRole('group', { name: 'Salesforce usage reps may choose' });
  await expect(usage.getByLabel('Mostly for sales')).not.toBeChecked();
  await expect(usage.getByLabel('Mostly for support')).toBeChecked();
  await expect(form.getByLabel('Allowed Glance addresses')).toHaveValue('*.acme.glance.net');
  await expect(
    preview(page).getByRole('group', { name: 'Session key behavior' }).locator('[data-allowed="false"]'),
  ).toHaveText(['Always use this 4-digit key (not allowed by your company)']);

  // The admin adjusts the preset: no Chatter posts after all (the mouse, on the switch).
  await form.getByRole('switch', { name: 'Chatter posts allowed' }).click();
  await openDeploy(page);
  const policy = {
    glanceAddressPattern: '*.acme.glance.net',
    allowedUsage: ['support'],
    defaultUsage: 'support',
    maxLeadCreation: 'never',
    allowFixedKey: false,
    allowChatter: false,
  };
  expect(await chromeRules(page, extensionId)).toEqual(policy);
  expect(await json(page, 'deploy-firefox')).toEqual({
    policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } },
  });
  await expect(page.getByTestId('deploy-chromeWindows')).toContainText('"allowFixedKey"=dword:00000000');

  // Another preset replaces the rules presets decide; the deploy forms follow at once.
  await presets.getByRole('button', { name: 'Locked down' }).click();
  expect(await chromeRules(page, extensionId)).toEqual({
    glanceAddressPattern: '*.acme.glance.net',
    maxLeadCreation: 'never',
    allowFixedKey: false,
    allowNoKey: false,
    allowChatter: false,
    leadAssignmentRules: false,
  });
  await expect(
    preview(page).getByRole('group', { name: 'Session key behavior' }).locator('[data-allowed="false"]'),
  ).toHaveText(['Always use this 4-digit key (not allowed by your company)', 'No key (not allowed by your company)']);
});

test('a pasted policy is checked against the schema with clear messages, and a valid one loads into the form', async ({
  page,
  extensionId,
}) => {
  await openOptions(page, extensionId, '#company');
  const check = page.getByRole('region', { name: 'Check a policy' });
  const box = check.getByLabel('Policy JSON');
  await box.fill('{"allowChatter": no}');
  await check.getByRole('button', { name: 'Check policy' }).click();
  await expect(check.getByRole('status')).toContainText('This is not valid JSON:');
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await box.fill(
    JSON.stringify({
      '3rdparty': { extensions: { [extensionId]: { maxLeadCreation: 'all', allowChatter: 'no', colour: 'blue' } } },
    }),
  );
  await check.getByRole('button', { name: 'Check policy' }).click();
  await expect(check.getByRole('status').getByRole('listitem')).toHaveText([
    'maxLeadCreation: "all" is not allowed. Use one of: never, email, emailAndName.',
    'allowChatter must be true or false.',
    'colour is not a rule of Glance for Salesforce: browsers ignore it.',
  ]);
  await expect(check.getByRole('button', { name: 'Use it in the form' })).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await box.fill(JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { allowNoKey: false } } } } }));
  await check.getByRole('button', { name: 'Check policy' }).click();
  await expect(check.getByRole('status')).toHaveText('This policy fits the schema: browsers apply every rule in it.');
  await check.getByRole('button', { name: 'Use it in the form' }).click();
  const noKey = rulesForm(page).getByRole('switch', { name: 'Sessions without a key allowed' });
  await expect(noKey).not.toBeChecked();
  await openDeploy(page);
  expect(await json(page, 'deploy-firefox')).toEqual({
    policies: { '3rdparty': { Extensions: { [GECKO_ID]: { allowNoKey: false } } } },
  });
  await page.getByRole('button', { name: 'Start from the deployed policy' }).click();
  await expect(noKey).toBeChecked();
  expect(await chromeRules(page, extensionId)).toEqual({});
});

test("the Glance Company Trial opens Glance's trial sign-up in a new tab", async ({ page, context, extensionId }) => {
  await openOptions(page, extensionId, '#company');
  const trial = page.getByRole('region', { name: 'No Glance account for your company yet?' });
  const link = trial.getByRole('link', { name: 'Glance Company Trial (opens in a new tab)' });
  await expect(link).toHaveAttribute('href', 'https://www.glance.net/signup/trial');
  await link.focus();
  const [signup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await expect(signup.getByRole('heading', { name: 'Start your free 30-day Glance trial' })).toBeVisible();
  expect(signup.url()).toBe('https://www.glance.net/signup/trial');
});

test('with a Salesforce tab open, the trial is prefilled with the Salesforce user (the administrator)', async ({
  salesforcePage,
  control,
  page,
  extensionId,
}) => {
  const lead = await firstId(control, 'Lead');
  await salesforcePage.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const options = await page.context().newPage();
  await openOptions(options, extensionId, '#company');
  await expect(options.getByRole('link', { name: 'Glance Company Trial (opens in a new tab)' })).toHaveAttribute(
    'href',
    'https://www.glance.net/signup/trial?name=Riley+Rep&email=riley.rep%40acme.example',
  );
});
