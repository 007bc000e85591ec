// The options page's Team tab (issue 27, item 3): the Glance sessions of the last 30 days that the
// signed-in user may see in Salesforce, by rep, read in one query per view: a chart, a table with each
// rep's user page, and a link to each Event. Salesforce's sharing decides whose sessions appear: a
// manager sees a rep's once the rep's role is below theirs.
import AxeBuilder from '@axe-core/playwright';
import type { Worker } from '@playwright/test';
import type { SandboxControl } from '../support/control.js';
import { expect, LIGHTNING, openLead, type Page, test } from './fixtures.js';
import { optionsUrl } from './pages/extension-pages.js';

const API = 'https://acme.my.salesforce.com/services/data/v66.0';

/**
 * Session Events as the extension leaves them once ended (Subject, real start and end, Location with
 * the guests), created through the org's REST API with the given user's session, so each is owned by
 * that user. From the worker, which reaches the sandbox's host names. Answers their ids by subject.
 */
async function seedEvents(
  worker: Worker,
  sid: string,
  events: { subject: string; hoursAgo: number; minutes: number; location: string }[],
): Promise<Record<string, string>> {
  return worker.evaluate(
    async ({ api, sid, events, now }) => {
      const ids: Record<string, string> = {};
      const at = (ms: number) => new Date(ms).toISOString();
      for (const e of events) {
        const start = now - e.hoursAgo * 3_600_000; // an hour in ms
        const response = await fetch(`${api}/sobjects/Event`, {
          method: 'POST',
          headers: { authorization: `Bearer ${sid}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            Subject: e.subject,
            StartDateTime: at(start),
            EndDateTime: at(start + e.minutes * 60_000),
            Type: 'Meeting',
            Location: e.location,
          }),
        });
        if (response.status !== 201) throw new Error(`Event not created: ${await response.text()}`);
        ids[e.subject] = ((await response.json()) as { id: string }).id;
      }
      return ids;
    },
    { api: API, sid, events, now: Date.now() },
  );
}

/** The team view's queries Salesforce received (each costs one call of the org's daily allowance). */
async function teamQueries(control: SandboxControl): Promise<number> {
  const calls = await control.apiCalls();
  return calls.filter(
    (c) => c.path.endsWith('/query') && new URLSearchParams(c.query).get('q')?.includes('CreatedDate = LAST_N_DAYS:30'),
  ).length;
}

/** Opens the options page and moves to the Team tab with the keyboard (WAI-ARIA tabs: End). */
async function openTeamTab(page: Page, extensionId: string): Promise<Page> {
  const options = await page.context().newPage();
  await options.goto(optionsUrl(extensionId));
  await options.getByRole('tab', { selected: true }).focus();
  await options.keyboard.press('End');
  await expect(options.getByRole('tab', { name: 'Team' })).toHaveAttribute('aria-selected', 'true');
  return options;
}

test("a manager sees their own and their report's sessions: chart, table, links to each Event and user, one query per view", async ({
  salesforcePage: page,
  extensionId,
  control,
  serviceWorker,
}) => {
  await openLead(page, control);
  const riley = await control.salesforceLogin();
  const blake = await control.salesforceLogin('acme', { otherUser: true });
  const users = await control.records<{ Id: string; Name: string }>('User');
  const rileyId = users.find((u) => u.Name === 'Riley Rep')?.Id as string;
  const blakeId = users.find((u) => u.Name === 'Blake Other')?.Id as string;
  const rileys = await seedEvents(serviceWorker, riley.sid, [
    { subject: 'Glance session (riley-1)', hoursAgo: 30, minutes: 20, location: 'Glance · Screen share · 1 guest' },
  ]);
  const blakes = await seedEvents(serviceWorker, blake.sid, [
    { subject: 'Glance session (blake-1)', hoursAgo: 5, minutes: 25, location: 'Glance · Cobrowse · 2 guests · Demo' },
    { subject: 'Glance session (blake-2)', hoursAgo: 50, minutes: 15, location: 'Glance · Screen share · 1 guest' },
    { subject: 'Lunch with a customer', hoursAgo: 6, minutes: 60, location: 'Glance · Screen share · 4 guests' },
  ]);

  // Blake's role is not below Riley's yet: Salesforce shows Riley only Riley's own session.
  const before = await teamQueries(control);
  const options = await openTeamTab(page, extensionId);
  const view = options.getByTestId('team-view');
  await expect(view.getByTestId('team-summary')).toHaveText(
    'Reps: 1 · sessions: 1 · minutes: 20 · guests: 1 · last 30 days in Salesforce',
  );
  expect((await teamQueries(control)) - before).toBe(1);

  // Blake joins Riley's team in the role hierarchy; Refresh asks once more.
  await control.setRoleAbove(blakeId, rileyId);
  await view.getByRole('button', { name: 'Refresh' }).press('Enter');
  await expect(view.getByTestId('team-summary')).toHaveText(
    'Reps: 2 · sessions: 3 · minutes: 60 · guests: 4 · last 30 days in Salesforce',
  );
  expect((await teamQueries(control)) - before).toBe(2);

  // The chart: one bar per rep, one image whose name says every bar.
  await expect(view.locator('svg.team-chart rect.bar')).toHaveCount(2);
  await expect(view.getByRole('img')).toHaveAccessibleName(
    'Glance sessions per rep, last 30 days: Blake Other 2; Riley Rep 1',
  );
  // The table: most sessions first; each rep's name opens their user page.
  const rows = view.getByTestId('team-table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toHaveText(/^Blake Other\s*2\s*40\s*3$/);
  await expect(rows.nth(2)).toHaveText(/^Riley Rep\s*1\s*20\s*1$/);
  const blakeLink = view.getByRole('link', { name: 'Blake Other (user page in Salesforce)' });
  await expect(blakeLink).toHaveAttribute('href', `${LIGHTNING}/lightning/r/User/${blakeId}/view`);

  // Each rep's Events, newest first, behind a disclosure the keyboard opens.
  await view.getByText('Blake Other · sessions: 2').focus();
  await options.keyboard.press('Enter');
  const links = view.getByRole('list', { name: 'Session Events of Blake Other in Salesforce' }).getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${blakes['Glance session (blake-1)']}/view`,
  );
  await expect(links.nth(1)).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${blakes['Glance session (blake-2)']}/view`,
  );
  await expect(links.nth(0)).toHaveAccessibleName(/^Open Blake Other's Event of /);
  await view.getByText('Riley Rep · sessions: 1').click();
  await expect(view.getByRole('link', { name: /^Open Riley Rep's Event of / })).toHaveAttribute(
    'href',
    `${LIGHTNING}/lightning/r/Event/${rileys['Glance session (riley-1)']}/view`,
  );

  // The links work: the Event opens in Salesforce, and so does the rep's user page.
  const [eventPage] = await Promise.all([options.context().waitForEvent('page'), links.nth(0).click()]);
  await expect(eventPage).toHaveTitle(/^Glance session \(blake-1\) \|/);
  const [userPage] = await Promise.all([options.context().waitForEvent('page'), blakeLink.click()]);
  await expect(userPage).toHaveTitle(/^Blake Other \|/);

  const axe = await new AxeBuilder({ page: options }).include('[data-testid="team-view"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('says why when there is nothing to show, or Salesforce cannot answer', async ({
  salesforcePage: page,
  extensionId,
  control,
}) => {
  // No Salesforce tab open: no org to ask.
  const options = await openTeamTab(page, extensionId);
  const view = options.getByTestId('team-view');
  await expect(view.getByTestId('team-problem')).toHaveText(/^Open Salesforce in a tab/);

  await openLead(page, control);
  const refresh = () => view.getByRole('button', { name: 'Refresh' }).click();
  await refresh();
  await expect(view.getByTestId('team-none')).toHaveText(/^Salesforce shows you no Glance sessions/);

  const cases: [string, () => Promise<unknown>, RegExp, () => Promise<unknown>][] = [
    [
      'Salesforce down',
      () => control.fail({ service: 'salesforce', pathIncludes: '/query', status: 503, count: 1 }),
      /^Salesforce did not answer/,
      async () => {},
    ],
    [
      'garbage instead of JSON',
      () =>
        control.fail({
          service: 'salesforce',
          pathIncludes: '/query',
          status: 200,
          body: '<html>maintenance</html>',
          contentType: 'text/html',
        }),
      /^Salesforce did not answer/,
      async () => {},
    ],
    [
      'API refused',
      () => control.setApiAccessControl(true),
      /ask your Salesforce administrator/,
      () => control.setApiAccessControl(false),
    ],
    ['logged out', () => control.expireSalesforceSessions(), /^Log in to Salesforce/, async () => {}],
  ];
  for (const [name, fault, text, undo] of cases) {
    await fault();
    await refresh();
    await expect(view.getByTestId('team-problem'), name).toHaveText(text);
    await expect(view.getByTestId('team-table'), name).toHaveCount(0);
    await undo();
  }
});
