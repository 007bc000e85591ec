// The popup's Sessions view reads the rep's Glance Events of the last 30 days from Salesforce in one
// query per open: a chart of sessions and minutes per day with axes, dates and a legend (and, with
// none, words instead of an empty line), the numbers as a table, and one list of sessions joining
// Salesforce's Events and this browser's own, each once, with its real duration and its time as the
// link to its Event; when Salesforce cannot answer, a plain message and this browser's own list.
import AxeBuilder from '@axe-core/playwright';
import type { Worker } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, openLead, type Page, startFromToolbar, test } from './fixtures.js';
import { popupUrl } from './pages/extension-pages.js';

const API = 'https://acme.my.salesforce.com/services/data/v66.0';
const DAY = 86_400_000;

/**
 * Session Events as an earlier session of the rep's would have left them, created through the org's
 * REST API with the rep's own session (as a data loader would), from the worker (which reaches the
 * sandbox's host names). Answers their ids by subject.
 */
async function seedEvents(
  worker: Worker,
  control: SandboxControl,
  events: { subject: string; startMs: number; minutes: number }[],
): Promise<Record<string, string>> {
  const { sid } = await control.salesforceLogin();
  return worker.evaluate(
    async ({ api, sid, events }) => {
      const ids: Record<string, string> = {};
      const at = (ms: number) => new Date(ms).toISOString();
      for (const e of events) {
        const response = await fetch(`${api}/sobjects/Event`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sid}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            Subject: e.subject,
            StartDateTime: at(e.startMs),
            EndDateTime: at(e.startMs + e.minutes * 60_000),
            Type: 'Meeting',
          }),
        });
        ids[e.subject] = ((await response.json()) as { id: string }).id;
      }
      return ids;
    },
    { api: API, sid, events },
  );
}

/** The history queries Salesforce received (each costs one call of the org's daily allowance). */
async function historyQueries(control: SandboxControl): Promise<number> {
  const calls = await control.apiCalls();
  return calls.filter(
    (c) => c.path.endsWith('/query') && new URLSearchParams(c.query).get('q')?.includes('LAST_N_DAYS:30'),
  ).length;
}

async function openPopup(page: Page, extensionId: string): Promise<Page> {
  const popup = await page.context().newPage();
  await popup.goto(popupUrl(extensionId, '#sessions'));
  return popup;
}

/** Days `back` before today as the chart writes them (en-US, CLDR's short month and day), in the browser's zone. */
const daysAgoText = (popup: Page, backs: number[]) =>
  popup.evaluate(
    (backs) =>
      backs.map((back) => {
        const d = new Date();
        return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).toLocaleDateString('en-US', {
          month: 'short',
          day: 'numeric',
        });
      }),
    backs,
  );

test('with no session in Salesforce the chart keeps its axes and dates, says so in words, and draws no line', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await openLead(page, control);
  const popup = await openPopup(page, extensionId);
  const history = popup.getByTestId('salesforce-history');
  await expect(history.getByTestId('history-summary')).toHaveText(
    'Sessions: 0 · minutes: 0 · last 30 days in Salesforce',
  );
  await expect(history.getByTestId('history-empty')).toHaveText(
    'Salesforce has no Glance sessions of yours in the last 30 days.',
  );
  await expect(history.locator('svg.history-chart text.x-day')).toHaveText(await daysAgoText(popup, [30, 15, 0]));
  await expect(history.locator('svg.history-chart .axis')).toHaveCount(2);
  // No minutes line along the floor (it read as an error), no bars, nothing to explain in a legend.
  await expect(history.locator('svg.history-chart polyline')).toHaveCount(0);
  await expect(history.locator('svg.history-chart rect')).toHaveCount(0);
  await expect(history.getByTestId('history-legend')).toHaveCount(0);
  const axe = await new AxeBuilder({ page: popup }).include('[data-testid="salesforce-history"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('shows the last 30 days from Salesforce: chart, numbers per day and a link to each Event, one query per open', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
  serviceWorker,
}) => {
  await connectGlance(context, extensionId);
  await openLead(page, control);
  // Noon three days ago (in the browser's zone, the popup's days): two sessions, 25 and 5 minutes;
  // one 40 days ago, outside the range; and a meeting that is no Glance session.
  const threeDaysAgo = await page.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 3, 12).getTime();
  });
  const ids = await seedEvents(serviceWorker, control, [
    { subject: 'Glance session (seed-a)', startMs: threeDaysAgo, minutes: 25 },
    { subject: 'Glance session (seed-b)', startMs: threeDaysAgo + 2 * 3_600_000, minutes: 5 },
    { subject: 'Glance session (seed-old)', startMs: threeDaysAgo - 37 * DAY, minutes: 50 },
    { subject: 'Quarterly review', startMs: threeDaysAgo, minutes: 60 },
  ]);

  const before = await historyQueries(control);
  const popup = await openPopup(page, extensionId);
  const history = popup.getByTestId('salesforce-history');
  await expect(history.getByTestId('history-summary')).toHaveText(
    'Sessions: 2 · minutes: 30 · last 30 days in Salesforce',
  );
  // The chart is drawn, and hidden from assistive technology: the caption and the table say it.
  await expect(history.locator('svg.history-chart rect.bar')).toHaveCount(1);
  await expect(history.locator('svg.history-chart')).toHaveAttribute('aria-hidden', 'true');
  // Its axes: dates along the bottom (first day, middle, today), sessions at the left (0 to the
  // busiest day's 2), minutes at the right (0 to that day's 30), and a legend naming bars and line.
  await expect(history.locator('svg.history-chart text.x-day')).toHaveText(await daysAgoText(popup, [30, 15, 0]));
  await expect(history.locator('svg.history-chart text.y-sessions')).toHaveText(['0', '2']);
  await expect(history.locator('svg.history-chart text.y-minutes')).toHaveText(['30', '0']);
  await expect(history.getByTestId('history-legend').getByRole('listitem')).toHaveText([
    'Sessions per day',
    'Minutes per day',
  ]);
  await history.locator('details > summary').click();
  const rows = history.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveText(/^\S.*\s*2\s*30$/);
  // One list, newest first: each session's time is its link (the date said once), then its duration.
  const list = popup.getByRole('list', { name: 'Recent sessions' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(2);
  const when = (ms: number) =>
    popup.evaluate(
      (ms) =>
        new Date(ms).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
      ms,
    );
  const links = list.getByRole('link');
  await expect(links).toHaveText([await when(threeDaysAgo + 2 * 3_600_000), await when(threeDaysAgo)]);
  await expect(links.nth(0)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${ids['Glance session (seed-b)']}/view`,
  );
  await expect(links.nth(1)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${ids['Glance session (seed-a)']}/view`,
  );
  await expect(items.nth(0)).toContainText('· 5 min');
  await expect(items.nth(1)).toContainText('· 25 min');
  // The chart, its open table and the links pass axe.
  const axe = await new AxeBuilder({ page: popup }).include('[data-testid="salesforce-history"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect((await historyQueries(control)) - before).toBe(1);

  // A session run now joins the chart at the next open, which asks once more.
  await popup.close();
  const { panel } = await startFromToolbar(page);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect
    .poll(
      async () =>
        (await control.records<{ Subject: string }>('Event')).filter((e) => e.Subject.startsWith('Glance session ('))
          .length,
    )
    .toBe(4);
  const again = await openPopup(page, extensionId);
  await expect(again.getByTestId('history-summary')).toHaveText(/^Sessions: 3 · /);
  await expect(again.locator('svg.history-chart rect.bar')).toHaveCount(2);
  // The session this browser ran and Salesforce's Event of it are one line, not one in each list,
  // with what only this browser knows (the record type, the guests) and its real length: seconds.
  const lines = again.getByRole('list', { name: 'Recent sessions' }).getByRole('listitem');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(0)).toContainText(/· Lead · < 1 min · guests: 0$/);
  await expect(lines.nth(0).getByRole('link')).toHaveAttribute('href', /\/lightning\/r\/Event\/\w{18}\/view$/);
  await expect(again.getByText('0 min')).toHaveCount(0);
  await expect(again.getByRole('heading', { name: 'On this browser' })).toHaveCount(0);
  expect((await historyQueries(control)) - before).toBe(2);
});

test('when Salesforce cannot answer, the popup says why and shows this browser’s list', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  await connectGlance(context, extensionId);
  await openLead(page, control);
  const { panel } = await startFromToolbar(page);
  await panel.getByRole('button', { name: 'End session' }).click();
  await expect.poll(async () => (await control.records('Event')).length).toBe(1);

  const cases: [string, () => Promise<unknown>, RegExp, () => Promise<unknown>][] = [
    [
      'Salesforce down',
      () => control.fail({ service: 'salesforce', pathIncludes: '/query', status: 503, count: 1 }),
      /^Salesforce did not answer/,
      async () => {},
    ],
    [
      'API blocked',
      () => control.setApiAccessControl(true),
      /ask your Salesforce administrator/,
      () => control.setApiAccessControl(false),
    ],
    ['session expired', () => control.expireSalesforceSessions(), /^Log in to Salesforce/, async () => {}],
  ];
  for (const [name, fault, text, undo] of cases) {
    await fault();
    const popup = await openPopup(page, extensionId);
    await expect(popup.getByTestId('history-problem'), name).toHaveText(text);
    await expect(popup.getByTestId('history-problem'), name).toContainText("Below: this browser's latest sessions.");
    await expect(popup.getByTestId('recent-sessions').getByRole('listitem'), name).toHaveCount(1);
    await expect(popup.getByTestId('salesforce-history'), name).toHaveCount(0);
    await popup.close();
    await undo();
  }
});
