// An org with Chatter off (issue 9, item 5): the toolbar still knows who the rep is (userinfo), the
// session is logged in one call, and the panel says once, in its own words, that no post was made.
import { connectGlance, expect, LIGHTNING, sessionPanel, test, toolbar, useSettings } from './fixtures.js';

type Row = Record<string, unknown> & { Id: string };

test('Chatter off: the toolbar says ready, the Event is logged in one call, the panel says Chatter is off', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await connectGlance(context, extensionId);
  await useSettings(serviceWorker, { chatterOnStart: true });
  await control.setChatter(false);
  const lead = (await control.records<Row>('Lead'))[0];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-salesforce', 'ready');
  const asked = (await control.log('salesforce')).map((e) => e.path);
  expect(asked).toContain('/services/oauth2/userinfo');

  const before = (await control.apiCalls()).length;
  await toolbar(page).getByRole('button', { name: 'Start Glance session' }).click();
  const panel = sessionPanel(page);
  await expect(panel.getByLabel('Session key')).toHaveText(/^\d{4}$/);
  const sessionId = (await panel.getAttribute('data-session-id')) ?? '';
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByText('No Chatter post: Chatter is turned off in this Salesforce org.')).toHaveCount(1);

  const calls = (await control.apiCalls()).slice(before).map((e) => `${e.method} ${e.path}`);
  expect(calls).toEqual(['POST /services/data/v66.0/composite']);
  const events = (await control.records<Row>('Event')).filter((e) => String(e.Subject).includes(sessionId));
  expect(events).toHaveLength(1);
  expect(events[0]?.WhoId).toBe(lead?.Id);
  expect(await control.records('FeedItem')).toEqual([]);
});
