// An org with Chatter off (issue 9, item 5): the toolbar still knows who the rep is (userinfo), the
// session is logged in one call, and the panel says once, in its own words, that no post was made.
import {
  connectGlance,
  expect,
  LIGHTNING,
  type Row,
  sessionEvents,
  startFromToolbar,
  test,
  toolbar,
  useSettings,
} from './fixtures.js';

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
  const { panel, sessionId } = await startFromToolbar(page);
  await expect(panel.getByText('Logged to Salesforce.')).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByText('No Chatter post: Chatter is turned off in this Salesforce org.')).toHaveCount(1);

  const calls = (await control.apiCalls()).slice(before).map((e) => `${e.method} ${e.path}`);
  expect(calls).toEqual(['POST /services/data/v66.0/composite']);
  const events = await sessionEvents(control, sessionId);
  expect(events).toHaveLength(1);
  expect(events[0]?.WhoId).toBe(lead?.Id);
  expect(await control.records('FeedItem')).toEqual([]);
});
