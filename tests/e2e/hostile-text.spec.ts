// Hostile text everywhere text comes from (issue 10, point 6): the payloads of
// tests/support/hostile-text.ts as guest names and e-mails sent to Glance's join page, as the
// Salesforce user's name and record names, as the Glance account's display name and as Salesforce's
// own error messages (validation rules). Each shows as text in the toolbar, the panel, the popup and
// the options page, never runs (no flag, no console marker, no dialog), never adds an element (the
// same tags as with harmless text), and never adds a line to the Event we write.
import type { Page } from '@playwright/test';
import { asShown, fitTo, HARMLESS_NAME, HOSTILE_FLAG, HOSTILE_MARKER, HOSTILE_TEXT } from '../support/hostile-text.js';
import { type OurHost, readFromPageWorld } from '../support/page-world.js';
import {
  CLASSIC,
  connectGlance,
  expect,
  LIGHTNING,
  logInToSalesforce,
  sessionEvents,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';
import { OPTIONS_PAGE, optionsUrl, POPUP_PAGE, popupUrl } from './pages/extension-pages.js';

const ADDRESS = 'acme.glance.net';
/** Our own Description labels (event-fields.ts); a forged copy of any of them is an injected line. */
const OUR_LABELS = ['Glance session:', 'Mode:', 'Session key:', 'Join link:', 'Glance address:', 'Started:', 'Ended:'];
const OUR_LABELS_TOO = ['Status:', 'Guests:'];
/** Every line break a reader of the Description (a report, an export, the record page) may honour. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/;

/** Collects every sign that a payload ran in a page: dialogs and the payloads' console marker. */
function watch(page: Page) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes(HOSTILE_MARKER)) seen.push(`console: ${message.text()}`);
  });
  return async () => {
    const flag = await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], HOSTILE_FLAG);
    expect({ flag, seen }).toEqual({ flag: undefined, seen: [] });
  };
}

/** Text and tags of one of our hosts, as a page script reads them. */
async function ours(page: Page, host: OurHost) {
  const reading = await readFromPageWorld(page);
  // Beside the toolbar, a record page may show our second Schedule button: a fixed label only, and
  // whether the page is Classic (from its own URL, for Classic's button look).
  const { 'activity-action': activity, ...hosts } = reading.hostAttributes;
  expect(Object.keys(hosts)).toEqual([host]);
  if (activity) expect(activity).toEqual(['data-glance-sfx', 'data-ui']);
  return reading;
}

/**
 * Text and tag names of an extension page's app. Recent sessions' chart (an <svg>, and a <details>
 * with its numbers, both marked data-glance-chart) draws numbers and fixed labels only: its tags are
 * left out, so a payload's <svg> or <details> anywhere else still stands out.
 */
function extensionPage(page: Page) {
  return page.evaluate(() => {
    const app = document.getElementById('app');
    return {
      text: app?.textContent ?? '',
      tags: [...(app?.querySelectorAll('*') ?? [])]
        .filter((e) => !e.closest('[data-glance-chart]'))
        .map((e) => e.localName)
        .sort(),
    };
  });
}

/**
 * Recent sessions has Salesforce's answer (or its problem) in the page: the page's tags no longer
 * change. In the DOM, not necessarily on screen: on the options page it sits in the User Settings tab,
 * which stays mounted but hidden while the Company Settings tab shows.
 */
async function historySettled(page: Page) {
  await expect(page.getByTestId('salesforce-history').or(page.getByTestId('history-problem'))).toBeAttached();
}

const label = (index: number) => `guest-${String(index).padStart(2, '0')}`;

test('guest names and e-mails from the join page are text in the panel and one line each in the Event', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  const nothingRan = watch(page);
  // Glance reports the guests who join on its page: its assumed status operation, turned on.
  await control.glanceAssumedOps(true);
  await connectGlance(context, extensionId);
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const { panel, sessionId } = await startFromToolbar(page);
  const key = (await panel.getByRole('group', { name: 'Session key' }).textContent()) ?? '';
  const before = await ours(page, 'session-panel');

  // A crafted POST to the join form (what the join page's own input rules cannot stop), and one
  // guest who types into the real join page.
  const guests = HOSTILE_TEXT.map((payload, i) => ({
    name: `${label(i)} ${payload.text}`,
    email: i % 2 ? `${label(i)}@customer.example` : `${payload.text}@evil.example`,
  }));
  for (const guest of guests) await control.joinGlance({ address: ADDRESS, key, ...guest });
  const typed = {
    name: `${label(guests.length)} "><img src=x onerror=alert(1)> typed`,
    email: 'typed@customer.example',
  };
  const joinPage = await context.newPage();
  await joinPage.goto(`https://${ADDRESS}/?key=${key}`);
  await joinPage.getByLabel('Name').fill(typed.name);
  await joinPage.getByLabel('Email').fill(typed.email);
  await joinPage.getByRole('button', { name: 'Join session' }).click();
  await expect(joinPage.getByRole('heading', { name: /You have joined/ })).toBeVisible();
  await joinPage.close();
  guests.push(typed);

  await page.bringToFront();
  const list = panel.getByRole('list', { name: 'Guests' }).locator('li');
  await expect(list).toHaveCount(guests.length, { timeout: 15_000 });
  const shown = await panel.evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => [
      li.querySelector('strong')?.textContent,
      li.querySelector('.email')?.textContent,
    ]),
  );
  // Glance keeps what was typed, trimmed at both ends (tests/sandbox/glance/service.ts).
  expect(shown).toEqual(guests.map((g) => [g.name.trim(), g.email.trim()]));
  const after = await ours(page, 'session-panel');
  const added = guests.flatMap(() => ['li', 'strong', 'span']);
  expect(after.tags.sort()).toEqual([...before.tags, ...added].sort());
  await nothingRan();

  await panel.getByRole('button', { name: 'End session' }).click();
  await expect(toolbar(page).getByRole('status')).toHaveText('Glance session ended.');
  await expect
    .poll(async () => String((await sessionEvents(control, sessionId))[0]?.Description ?? ''))
    .toMatch(/Ended:/);
  const description = String((await sessionEvents(control, sessionId))[0]?.Description);
  const lines = description.split(LINE_BREAK);
  for (let i = 0; i < guests.length; i++)
    expect(
      lines.filter((line) => line.includes(`${label(i)} `)),
      label(i),
    ).toHaveLength(1);
  for (const ourLabel of [...OUR_LABELS, ...OUR_LABELS_TOO])
    expect(lines.filter((line) => line.startsWith(ourLabel)).length, ourLabel).toBeLessThanOrEqual(1);
  // Every other line is one guest's, and there is one per guest.
  const guestLines = lines.filter((line) => ![...OUR_LABELS, ...OUR_LABELS_TOO].some((l) => line.startsWith(l)));
  expect(
    guestLines.every((line) => line.startsWith('- guest-')),
    guestLines.join('\n'),
  ).toBe(true);
  expect(guestLines).toHaveLength(guests.length);
  await nothingRan();
});

test('user and record names and the Glance display name are text in the toolbar, popup and options page', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  test.setTimeout(120_000);
  const nothingRan = watch(page);
  const [user] = await control.records<{ Id: string }>('User');
  const [lead] = await control.records<{ Id: string }>('Lead');
  // Glance keeps no documented limit on display names: every payload at once.
  const displayName = HOSTILE_TEXT.map((p) => p.text).join(' | ');
  await control.setGlanceDisplayName(ADDRESS, displayName);
  await connectGlance(context, extensionId);
  const popup = await context.newPage();
  const options = await context.newPage();
  const popupRan = watch(popup);
  const optionsRan = watch(options);

  let baseline: { toolbar: string[]; popup: string[]; options: string[] } | undefined;
  for (const name of [HARMLESS_NAME, ...HOSTILE_TEXT.map((p) => p.text)]) {
    // User.LastName and Lead.LastName hold 80 characters.
    const shortName = fitTo(name, 80);
    await control.rename(user?.Id ?? '', shortName);
    await control.rename(lead?.Id ?? '', shortName);
    // A new login, so the status is asked again instead of read from the 10-minute cache.
    await logInToSalesforce(context, control);
    await page.goto(`${CLASSIC}/${lead?.Id.slice(0, 15)}`);
    await expect(toolbar(page).getByRole('status')).toContainText('Sessions are logged to Salesforce as');
    const bar = await ours(page, 'toolbar');
    expect(bar.text).toContain(`Sessions are logged to Salesforce as ${asShown(shortName)}.`);

    await page.bringToFront();
    await popup.goto(popupUrl(extensionId));
    await options.goto(optionsUrl(extensionId));
    const pages = [];
    for (const extension of [popup, options]) {
      await expect(extension.getByTestId('salesforce-user')).toContainText('Signed in as');
      await expect(extension.getByTestId('glance-connected')).toBeVisible();
      // The popup's Overview draws no history (its Sessions view does); the options page draws it.
      if (extension === options) await historySettled(extension);
      const read = await extensionPage(extension);
      expect(read.text).toContain(`Signed in as ${asShown(shortName)} (`);
      expect(read.text).toContain(`Connected to ${ADDRESS} · ${displayName}`);
      pages.push(read.tags);
    }
    const tags = { toolbar: bar.tags, popup: pages[0] ?? [], options: pages[1] ?? [] };
    baseline ??= tags;
    expect(tags, name).toEqual(baseline);
  }
  await nothingRan();
  await popupRan();
  await optionsRan();
});

test("Salesforce's own error messages are text in the panel, popup and options page", async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  const nothingRan = watch(page);
  // Setup's Error Message holds 255 characters; every rule that fires is reported, and the extension
  // keeps the first 20 errors of an answer (classify.ts): two payloads to a rule.
  const messages: string[] = [];
  for (let i = 0; i < HOSTILE_TEXT.length; i += 2)
    messages.push(
      HOSTILE_TEXT.slice(i, i + 2)
        .map((p) => fitTo(p.text, 127))
        .join(' '),
    );
  expect(messages.length).toBeLessThanOrEqual(20);
  for (const message of messages) await control.addValidationRule({ sobject: 'Event', message });
  await connectGlance(context, extensionId);
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const { panel } = await startFromToolbar(page);
  const pending = await ours(page, 'session-panel');
  await expect(panel.getByText(/Salesforce refused to log this session/)).toBeVisible({ timeout: 10_000 });
  const refused = await ours(page, 'session-panel');
  for (const message of messages) expect(refused.text).toContain(asShown(message));
  expect(refused.tags).toEqual(pending.tags);
  await panel.getByRole('button', { name: 'End session' }).click();
  await nothingRan();

  const pages: [string, string][] = [
    [POPUP_PAGE, popupUrl(extensionId)],
    [OPTIONS_PAGE, optionsUrl(extensionId)],
  ];
  for (const [path, url] of pages) {
    const extension = await context.newPage();
    const ran = watch(extension);
    await extension.goto(url);
    await expect(extension.getByTestId('salesforce-queue')).toContainText('Salesforce refused it:');
    if (path.includes('options')) await historySettled(extension);
    const read = await extensionPage(extension);
    for (const message of messages) expect(read.text, path).toContain(asShown(message));
    // Tags our pages never draw, but the payloads would.
    const unexpected = ['img', 'svg', 'script', 'iframe', 'object', 'details', 'math', 'style', 'b', 'i'];
    expect(
      read.tags.filter((tag) => unexpected.includes(tag)),
      path,
    ).toEqual([]);
    await ran();
    await extension.close();
  }
});

test("the options page's org check shows the user's name and Salesforce's messages as text", async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  const [user] = await control.records<{ Id: string }>('User');
  const [lead] = await control.records<{ Id: string }>('Lead');
  const name = fitTo(`${HOSTILE_TEXT[4]?.text} ${HOSTILE_TEXT[1]?.text}`, 80);
  await control.rename(user?.Id ?? '', name);
  const messages = HOSTILE_TEXT.slice(0, 20).map((p) => fitTo(p.text, 255));
  for (const message of messages) await control.addValidationRule({ sobject: 'Event', message });
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const options = await context.newPage();
  const nothingRan = watch(options);
  // The org check is on the Glance Company Settings tab.
  await options.goto(optionsUrl(extensionId, '#company'));
  const card = options.getByRole('region', { name: 'Check this org' });
  await card.getByRole('button', { name: 'Check this org' }).click();
  await card.getByRole('button', { name: 'Run the check' }).click();
  await expect(card.getByRole('status')).toContainText('acme.my.salesforce.com:', { timeout: 20_000 });
  await expect(card.locator('li[data-ok="false"]').first()).toBeVisible();
  await historySettled(options);
  const read = await extensionPage(options);
  expect(read.text).toContain(name);
  for (const message of messages) expect(read.text).toContain(message);
  const unexpected = ['img', 'svg', 'script', 'iframe', 'object', 'details', 'math', 'style', 'b', 'i'];
  expect(read.tags.filter((tag) => unexpected.includes(tag))).toEqual([]);
  await nothingRan();
});
