// The popup's Recent sessions reads the rep's Glance Events of the last 30 days from Salesforce in one
// query per popup open: a chart of sessions and minutes per day, the numbers as a table, a link to
// each Event; when Salesforce cannot answer, a plain message and this browser's own list.
import AxeBuilder from '@axe-core/playwright';
import type { Worker } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';
import { connectGlance, expect, LIGHTNING, openLead, type Page, startFromToolbar, test } from './fixtures.js';

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
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
  return popup;
}

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
  await history.getByText('Sessions per day').click();
  const rows = history.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toHaveText(/^\S.*\s*2\s*30$/);
  // Each Event, newest first, with its own link name.
  const links = history.getByRole('list', { name: 'Your session Events in Salesforce' }).getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${ids['Glance session (seed-b)']}/view`,
  );
  await expect(links.nth(1)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${ids['Glance session (seed-a)']}/view`,
  );
  await expect(links.nth(0)).toHaveAccessibleName(/^Open the Event of /);
  // The chart, its open table and the links pass axe.
  const axe = await new AxeBuilder({ page: popup }).include('[data-testid="salesforce-history"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // This browser's own list stays below it.
  await expect(popup.getByRole('heading', { name: 'On this browser' })).toBeVisible();
  await expect(popup.getByText('No Glance sessions yet.')).toBeVisible();
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
