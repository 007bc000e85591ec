// What a script in a Salesforce page can read of our UI (issue 10, point 3). Our shadow roots stay
// open: Playwright and assistive tooling cannot reach into closed ones, and a page script already
// runs with the rep's own Salesforce rights, which read the session's Event (join link, key while the
// session runs, guests) anyway. So the page may read what the panel shows, and nothing more: never
// the Glance credential or password, the Glance account's e-mail or display name, the Salesforce
// session cookies, or a session of another org; our hosts carry only an allow-listed set of
// attributes. page.evaluate runs in the page's main world, as such a script would.
import { readFromPageWorld } from '../support/page-world.js';
import {
  connectGlance,
  expect,
  GLOBEX_LIGHTNING,
  LIGHTNING,
  logInToSalesforce,
  sessionPanel,
  startFromToolbar,
  test,
  toolbar,
} from './fixtures.js';

const ADDRESS = 'acme.glance.net';
const PASSWORD = 'correct-horse';
/** Distinct from the Salesforce user's name (Riley Rep), which the toolbar may show. */
const GLANCE_DISPLAY_NAME = 'Quincy Glance-Display';

/**
 * The attributes each host may carry: what tests and styles need, nothing a page should not know.
 * data-density is read from the page itself (Salesforce's Compact or Comfy); data-collapsed, set only
 * while the rep keeps the toolbar or panel collapsed, says what the page shows anyway.
 */
const ALLOWED_HOST_ATTRIBUTES = {
  // data-ui: 'classic' or 'lightning', read from the page's own URL (Classic gets Classic's button look):
  // nothing the page does not know, like the density and the record id.
  toolbar: [
    'data-density',
    'data-docked',
    'data-glance-sfx',
    'data-record-id',
    'data-salesforce',
    'data-sobject',
    'data-ui',
  ],
  'session-panel': ['data-density', 'data-docked', 'data-glance-sfx', 'data-mode', 'data-session-id'],
  // The second Schedule button beside Salesforce's activity actions (a fixed label, nothing else).
  'activity-action': ['data-glance-sfx', 'data-ui'],
};

test('a page script reads what the panel shows and nothing else of ours', async ({
  salesforcePage: page,
  context,
  extensionId,
  serviceWorker,
  control,
}) => {
  await control.setGlanceDisplayName(ADDRESS, GLANCE_DISPLAY_NAME);
  // Glance reports the guests who join on its page: its assumed status operation, turned on.
  await control.glanceAssumedOps(true);
  await connectGlance(context, extensionId, ADDRESS, PASSWORD);
  const account = await serviceWorker.evaluate(async () => {
    type Account = { credentials: string; email: string; displayName: string };
    // Version 1 of an item is stored bare, later ones as { $v, value } (storage/define-item.ts).
    const { glanceAccount } = (await chrome.storage.local.get('glanceAccount')) as {
      glanceAccount: Account | { $v: number; value: Account };
    };
    return '$v' in glanceAccount ? glanceAccount.value : glanceAccount;
  });
  expect(account.credentials.length).toBeGreaterThan(8);
  expect(account.displayName).toBe(GLANCE_DISPLAY_NAME);
  const cookies = (await context.cookies()).filter((c) => c.name === 'sid').map((c) => c.value);
  expect(cookies).toHaveLength(2);
  const forbidden = [account.credentials, PASSWORD, account.email, GLANCE_DISPLAY_NAME, ...cookies];

  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  await expect(toolbar(page).getByRole('status')).toContainText('Sessions are logged to Salesforce as Riley Rep');
  const beforeSession = await readFromPageWorld(page);
  expect(beforeSession.hostAttributes).toEqual({
    toolbar: ALLOWED_HOST_ATTRIBUTES.toolbar,
    'activity-action': ALLOWED_HOST_ATTRIBUTES['activity-action'],
  });

  const { panel, sessionId } = await startFromToolbar(page);
  const key = (await panel.getByRole('group', { name: 'Session key' }).textContent()) ?? '';
  await control.joinGlance({ address: ADDRESS, key, name: 'Casey Customer', email: 'casey@customer.example' });
  await expect(panel.getByRole('list', { name: 'Guests' })).toContainText('Casey Customer', { timeout: 12_000 });
  await expect(panel).toContainText('Logged to Salesforce.', { timeout: 15_000 });

  const during = await readFromPageWorld(page);
  expect(during.hostAttributes).toEqual({ 'session-panel': ALLOWED_HOST_ATTRIBUTES['session-panel'] });
  // What the design allows: the key, the join link, the guest, the session id.
  for (const shown of [key, `https://${ADDRESS}/?key=${key}`, 'casey@customer.example', sessionId])
    expect(during.text).toContain(shown);
  for (const reading of [beforeSession, during])
    for (const secret of forbidden) expect(reading.text.includes(secret), `page world reads ${secret}`).toBe(false);
});

test('a tab of another org reads nothing of the running session', async ({
  salesforcePage: page,
  context,
  extensionId,
  control,
}) => {
  // Glance reports the guests who join on its page: its assumed status operation, turned on.
  await control.glanceAssumedOps(true);
  await connectGlance(context, extensionId, ADDRESS, PASSWORD);
  const [lead] = await control.records<{ Id: string }>('Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead?.Id}/view`);
  const { panel, sessionId } = await startFromToolbar(page);
  const key = (await panel.getByRole('group', { name: 'Session key' }).textContent()) ?? '';
  await control.joinGlance({ address: ADDRESS, key, name: 'Casey Customer', email: 'casey@customer.example' });
  await expect(panel.getByRole('list', { name: 'Guests' })).toContainText('Casey Customer', { timeout: 12_000 });

  await logInToSalesforce(context, control, 'globex');
  const [globexLead] = await control.records<{ Id: string }>('Lead', 'globex');
  const other = await context.newPage();
  await other.goto(`${GLOBEX_LIGHTNING}/lightning/r/Lead/${globexLead?.Id}/view`);
  await other.waitForLoadState('load');
  // Time for the content script to ask the background and draw whatever it is told to.
  await other.waitForTimeout(1_500);
  await expect(sessionPanel(other)).toHaveCount(0);
  const reading = await readFromPageWorld(other);
  for (const secret of [sessionId, key, `?key=${key}`, 'Casey Customer', 'casey@customer.example'])
    expect(reading.text.includes(secret), `another org's tab reads ${secret}`).toBe(false);
  await other.close();
});
