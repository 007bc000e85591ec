// Every language the extension ships, end to end: Chromium started in that UI language (--lang, the
// fixture's uiLanguage), a full session on a Lead, and every text the rep sees taken from that
// locale's messages.json, with dates and durations written the locale's way. Then the other side:
// Salesforce itself in German and Japanese (the user's Language setting) changes nothing about
// where the toolbar goes, Start, or the button beside Salesforce's activity actions.
import type { Page } from '@playwright/test';
import { chromeGetMessageIn, LOCALE_FOLDERS } from '../support/chrome-i18n.js';
import { GlanceClientStandIn } from '../support/glance-client.js';
import {
  connectGlance,
  expect,
  firstId,
  LIGHTNING,
  logInToSalesforce,
  type Row,
  sessionEvents,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
  variant,
} from './fixtures.js';
import { openPopup } from './pages/extension-pages.js';
import { guestJoins, joinLink } from './pages/glance-join.js';

const english = chromeGetMessageIn('en');

/**
 * How each locale writes the popup's day-and-time and minutes (CLDR, as Intl formats them):
 * independent of the product's code, so an English "Nov 26, 02:05 PM" in a German popup fails.
 * A new locale folder without a row here fails the test until it gets one.
 */
const SPACE = '[\\s\\u00a0\\u202f]';
const FORMATS: Record<string, { day: string; minutes: string; longMinutes: string }> = {
  en: {
    day: `[A-Z][a-z]{2} \\d{1,2}, \\d{2}:\\d{2}${SPACE}(AM|PM)`,
    minutes: `\\d+${SPACE}min`,
    longMinutes: `\\d+${SPACE}minutes`,
  },
  de: {
    day: `\\d{1,2}\\. [A-ZÄÖÜ][a-zäöü]{2,3}\\.?, \\d{2}:\\d{2}`,
    minutes: `\\d+${SPACE}Min\\.`,
    longMinutes: `\\d+${SPACE}Minuten`,
  },
  fr: {
    day: `\\d{1,2} [a-zéû]{3,5}\\.?,? \\d{2}:\\d{2}`,
    minutes: `\\d+${SPACE}min`,
    longMinutes: `\\d+${SPACE}minutes`,
  },
  ja: { day: `\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}`, minutes: `\\d+${SPACE}?分`, longMinutes: `\\d+${SPACE}?分` },
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message as a whole-text pattern, with some of its substitutions given as patterns. */
function messagePattern(message: (key: string, ...s: string[]) => string, key: string, ...parts: string[]) {
  const markers = parts.map((_, i) => `\u0001${i}\u0001`);
  let source = escapeRegExp(message(key, ...markers));
  parts.forEach((part, i) => {
    source = source.replace(escapeRegExp(markers[i] ?? ''), part);
  });
  return new RegExp(`^${source}$`);
}

for (const locale of LOCALE_FOLDERS) {
  test.describe(`Chromium in ${locale}`, () => {
    const msg = chromeGetMessageIn(locale);

    test(`a full session reads in ${locale}: popup, toolbar, panel, recent sessions`, async ({
      browserIn,
      control,
    }) => {
      const { context, extensionId } = await browserIn(locale);
      // This browser's Glance Client: it opens the session Start's click launches, for the guest to join.
      const glanceClient = new GlanceClientStandIn(context, control.baseUrl);
      await logInToSalesforce(context, control);
      const page = await context.newPage();
      const format = FORMATS[locale];
      if (!format) throw new Error(`add how ${locale} writes dates and minutes to FORMATS`);
      if (locale !== 'en') {
        // The texts asserted below are this locale's own, not English left untranslated.
        for (const key of [
          'connect',
          'startSession',
          'panelKeyLabel',
          'endSession',
          'addGuest',
          'sfLogLogged',
          'recentGuests',
        ]) {
          expect(msg(key), key).not.toBe(english(key));
        }
      }

      // Connect Glance in the popup, in this language.
      const popup = await openPopup(context, extensionId);
      await expect(popup.locator('html')).toHaveAttribute('lang', msg('formatLocale'));
      await expect(popup).toHaveTitle(msg('popupTitle'));
      await expect(popup.getByRole('heading', { name: msg('popupGlanceHeading'), exact: true })).toBeVisible();
      const address = popup.getByLabel(msg('glanceAddressLabel'));
      await expect(address).toHaveAttribute('placeholder', msg('glanceAddressPlaceholder'));
      await address.fill('acme.glance.net');
      await popup.getByLabel(msg('glancePasswordLabel')).fill('correct-horse');
      await popup.getByRole('button', { name: msg('connect'), exact: true }).click();
      await expect(popup.getByTestId('glance-connected')).toContainText(
        msg('popupGlanceConnectedAs', 'acme.glance.net'),
      );
      await popup.close();

      // Start on a Lead from the toolbar.
      const lead = await firstId(control, 'Lead');
      await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
      const bar = toolbar(page);
      await expect(
        bar.getByRole('toolbar', { name: msg('toolbarLabel', msg('sobjectLead')), exact: true }),
      ).toBeVisible();
      await expect(bar.getByRole('status')).toContainText(msg('statusSalesforceReady', 'Riley Rep'));
      // Screen readers speak our text in its own language, not in the page's.
      await expect(bar.getByRole('toolbar')).toHaveAttribute('lang', msg('formatLocale'));
      await bar.getByRole('button', { name: msg('startSession'), exact: true }).click();

      // The key, what to tell the customer, the timer, Salesforce's state.
      const panel = sessionPanel(page);
      const key = panel.getByLabel(msg('panelKeyLabel'));
      await expect(key).toHaveText(/^\d{4}$/);
      const sessionId = (await panel.getAttribute('data-session-id')) ?? '';
      const keyText = (await key.textContent()) ?? '';
      await expect(panel.getByRole('region', { name: msg('panelLabel'), exact: true })).toHaveAttribute(
        'lang',
        msg('formatLocale'),
      );
      await expect(panel.getByText(msg('panelTellCustomer', 'acme.glance.net', keyText))).toBeVisible();
      await expect(panel.getByRole('timer', { name: msg('panelElapsed'), exact: true })).toHaveText(/^\d{2}:\d{2}$/);
      // Documented Glance reports no guests: the panel asks the rep to add them.
      await expect(panel.getByText(msg('panelNoGuestsAddThem'))).toBeVisible();
      await expect(panel.getByText(msg('sfLogLogged'))).toBeVisible({ timeout: 10_000 });
      await expect(panel.getByText(msg('panelRecord', msg('sobjectLead')))).toBeVisible();

      // Start's click launched the Glance Client with the key; a guest joins on Glance's join page, the
      // rep adds them with the panel's Add guest, in this language, and ends the session.
      await expect
        .poll(async () => (await glanceClient.received()).map((launch) => launch.url))
        .toEqual([`glance://startssn?key=${keyText}&username=acme.glance.net`]);
      await guestJoins(await context.newPage(), joinLink(keyText), { name: 'Gast Guest' });
      await page.bringToFront();
      await panel.getByLabel(msg('guestName'), { exact: true }).fill('Gast Guest');
      await panel.getByLabel(msg('guestEmail'), { exact: true }).fill('guest@example.com');
      await panel.getByRole('button', { name: msg('addGuest'), exact: true }).click();
      // Exact: the panel's live region also says the name ("… joined the session").
      await expect(
        panel.getByRole('list', { name: msg('panelGuests'), exact: true }).getByText('Gast Guest', { exact: true }),
      ).toBeVisible();
      await panel.getByRole('button', { name: msg('endSession'), exact: true }).click();
      await expect(sessionPanel(page)).toHaveCount(0);
      await expect(bar.getByRole('button', { name: msg('startSession'), exact: true })).toBeVisible();

      // The meeting dialog offers its durations in this locale's words.
      await bar.getByRole('button', { name: msg('scheduleMeeting'), exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(msg('meetingDialogTitle'));
      const durations = await dialog.getByLabel(msg('meetingDuration')).locator('option').allTextContents();
      expect(durations.length).toBeGreaterThan(1);
      for (const text of durations) expect(text).toMatch(new RegExp(`^${format.longMinutes}$`));
      await dialog.getByRole('button', { name: msg('meetingDismiss'), exact: true }).click();
      await expect(dialog).toHaveCount(0);

      // The Event holds the session, its end and its guest.
      await expect
        .poll(async () => {
          const [event] = await sessionEvents(control, sessionId);
          return String(event?.Description ?? '').includes('Gast Guest') && !!event?.EndDateTime;
        })
        .toBe(true);
      const [event] = (await sessionEvents(control, sessionId)) as [Row];

      // Recent sessions (the popup's Sessions tab, named in this language): the session once, its
      // day and time (the link to its Event) and its length written this locale's way.
      const recentPopup = await openPopup(context, extensionId);
      await recentPopup.getByRole('tab', { name: msg('popupTabSessions'), exact: true }).click();
      await expect(recentPopup.getByRole('heading', { name: msg('recentHeading'), exact: true })).toBeVisible();
      const recent = recentPopup.getByTestId('recent-sessions').getByRole('listitem');
      await expect(recent).toHaveCount(1);
      const link = recent.getByRole('link');
      await expect(link).toHaveText(new RegExp(`^${format.day}$`));
      await expect(link).toHaveAttribute('href', `${LIGHTNING}/lightning/r/Event/${event.Id}/view`);
      const facts = [
        escapeRegExp(msg('sobjectLead')),
        `(${format.minutes}|${escapeRegExp(msg('durationUnderMinute'))})`,
        messagePattern(msg, 'recentGuests', '1').source.slice(1, -1),
      ];
      await expect(recent).toHaveText(new RegExp(`^${format.day} · ${facts.join(' · ')}$`));
    });
  });
}

/** Where our toolbar and activity button sit, by structure only (what is identical across languages). */
async function placementOf(page: Page) {
  await expect(toolbar(page)).toHaveAttribute('data-docked', /inline|floating/);
  await expect(page.locator('[data-glance-sfx="activity-action"]')).toHaveCount(1);
  return page.evaluate(() => {
    const where = (el: Element | null) => ({
      after: el?.previousElementSibling?.localName ?? null,
      parent: el?.parentElement?.localName ?? null,
      docked: (el as HTMLElement | null)?.dataset.docked ?? null,
      visible: el?.checkVisibility() ?? false,
    });
    return {
      toolbar: where(document.querySelector('[data-glance-sfx="toolbar"]')),
      activity: where(document.querySelector('[data-glance-sfx="activity-action"]')),
    };
  });
}

test('Salesforce in German and Japanese: the toolbar, Start and the activity button work as in English', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  const lead = await firstId(control, 'Lead');
  const kase = await firstId(control, 'Case');
  const seen: Record<string, unknown> = {};
  // The buttons Salesforce itself shows in each language (tests/sandbox/salesforce/lightning-variants.ts).
  const salesforceOwn = { en: 'New Event', de: 'Neues Ereignis', ja: '新規行動' } as const;
  for (const language of ['en', 'de', 'ja'] as const) {
    await variant(context, language);
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('button', { name: salesforceOwn[language], exact: true })).toBeVisible();
    const onLead = await placementOf(page);
    // Salesforce's page is in its user's language; our toolbar says it speaks English.
    await expect(toolbar(page).getByRole('toolbar')).toHaveAttribute('lang', 'en');
    await page.goto(`${LIGHTNING}/lightning/r/Case/${kase}/view`);
    const onCase = await placementOf(page);
    await variant(context, `console,${language}`);
    await page.goto(
      `${LIGHTNING}/lightning/r/Case/${kase}/view?ws=${encodeURIComponent(`/lightning/r/Case/${kase}/view`)}`,
    );
    const inConsole = await placementOf(page);
    seen[language] = { onLead, onCase, inConsole };

    // Start works and the panel takes the toolbar's place; End brings the toolbar back.
    await variant(context, language);
    await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
    const { panel } = await startFromToolbar(page);
    await panel.getByRole('button', { name: 'End session' }).click();
    await expect(sessionPanel(page)).toHaveCount(0);

    // The activity button opens the meeting dialog.
    await page.locator('[data-glance-sfx="activity-action"]').getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Schedule Glance meeting');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  }
  expect(seen.de).toEqual(seen.en);
  expect(seen.ja).toEqual(seen.en);
  // And English itself is the inline placement, not the floating fallback.
  expect(seen.en).toMatchObject({
    onLead: {
      toolbar: { docked: 'inline', visible: true },
      activity: { after: 'runtime_sales_activities-activity-panel-composer', visible: true },
    },
  });
});
