// The first slice, end to end: the toolbar on the five record types in Lightning and Classic, SPA
// navigation, absence elsewhere, and the Salesforce session state it shows.
import { BASE_CSS } from '../../src/content/common/slds-styles.js';
import { REPS_GUIDE_PAGE } from '../../src/shared/help-links.js';
import type { SandboxControl } from '../support/control.js';
import { CLASSIC, expect, focusByKeyboard, LIGHTNING, navigate, type Page, test, toolbar } from './fixtures.js';
import { optionsUrl } from './pages/extension-pages.js';

const TYPES = ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case'] as const;

async function firstId(control: SandboxControl, type: string, index = 0) {
  const records = await control.records<{ Id: string }>(type);
  const record = records[index];
  if (!record) throw new Error(`no seeded ${type} #${index}`);
  return record.Id;
}

async function expectToolbarFor(page: Page, sobject: string, recordId: string) {
  const bar = toolbar(page);
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-sobject', sobject);
  await expect(bar).toHaveAttribute('data-record-id', recordId);
  await expect(bar.getByRole('button', { name: 'Start Glance session' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Schedule Glance meeting' })).toBeVisible();
  expect(await bar.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
}

for (const type of TYPES) {
  test(`Lightning ${type} record page shows the toolbar in the active view`, async ({
    salesforcePage: page,
    control,
  }) => {
    const id = await firstId(control, type);
    await page.goto(`${LIGHTNING}/lightning/r/${type}/${id}/view`);
    await expectToolbarFor(page, type, id);
    // Drawn beside the record's highlights panel, not floating, and inside the visible page.
    await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
    await expect(page.locator('.oneContent.active [data-glance-sfx="toolbar"]')).toHaveCount(1);
  });

  test(`Classic ${type} record page shows the toolbar`, async ({ salesforcePage: page, control }) => {
    const id = await firstId(control, type);
    await page.goto(`${CLASSIC}/${id.slice(0, 15)}`);
    await expectToolbarFor(page, type, id);
    await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  });
}

test('the toolbar is absent on home, list views and other object types', async ({ salesforcePage: page, control }) => {
  const account = await firstId(control, 'Account');
  for (const path of [
    `${LIGHTNING}/lightning/page/home`,
    `${LIGHTNING}/lightning/o/Lead/list`,
    `${LIGHTNING}/lightning/r/Account/${account}/view`,
    `${CLASSIC}/home/home.jsp`,
    `${CLASSIC}/${account}`,
  ]) {
    await page.goto(path);
    await page.waitForLoadState('load');
    // Give the content script's loader time to import and run before asserting absence.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    await expect(toolbar(page), path).toHaveCount(0);
  }
});

test('follows pushState navigation and is never drawn into a hidden old view', async ({
  salesforcePage: page,
  control,
}) => {
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  const kase = await firstId(control, 'Case');
  await page.goto(`${LIGHTNING}/lightning/o/Lead/list`);
  const loadsBefore = await page.evaluate(() => performance.getEntriesByType('navigation').length);

  // A click on an in-app link: Lightning-style pushState, no page load.
  await page.locator(`.oneContent.active a[href*="${lead1}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/lightning/r/Lead/${lead1}/view`));
  await expectToolbarFor(page, 'Lead', lead1);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');

  for (const [path, type, id] of [
    [`/lightning/r/Lead/${lead2}/view`, 'Lead', lead2],
    [`/lightning/r/Case/${kase}/view`, 'Case', kase],
  ] as const) {
    await page.evaluate(
      (p) => (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate(p),
      path,
    );
    await expectToolbarFor(page, type, id);
    await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
    await expect(page.locator('.oneContent.active [data-glance-sfx="toolbar"]')).toHaveCount(1);
    await expect(page.locator('.oneContent:not(.active) [data-glance-sfx="toolbar"]')).toHaveCount(0);
  }
  // Old views are still there, hidden, as in Lightning.
  expect(await page.locator('.oneContent:not(.active)').count()).toBeGreaterThanOrEqual(2);

  await page.goBack();
  await expectToolbarFor(page, 'Lead', lead2);
  await page.evaluate(() =>
    (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate('/lightning/page/home'),
  );
  await expect(toolbar(page)).toHaveCount(0);
  // It was all one page load.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loadsBefore);
});

test('a record page Lightning shows again has its toolbar docked before the next frame is drawn', async ({
  salesforcePage: page,
  control,
}) => {
  // Lightning shows a page visited before from its cache, in one task: the rep must never see a
  // frame of that page without its toolbar (toolbar_after_navigation_ms ≤ one frame, issue 13).
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  await page.evaluate(
    (p) => (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(p),
    `/lightning/r/Lead/${lead2}/view`,
  );
  await expectToolbarFor(page, 'Lead', lead2);
  for (const [path, id] of [
    [`/lightning/r/Lead/${lead1}/view`, lead1],
    [`/lightning/r/Lead/${lead2}/view`, lead2],
  ] as const) {
    // Read in the same task as the navigation, after its microtasks (mutation observers) only: no
    // animation frame can have run in between.
    const placed = await page.evaluate(async (p) => {
      await (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(p);
      const host = document.querySelector('.oneContent.active [data-glance-sfx="toolbar"]') as HTMLElement | null;
      return host ? { recordId: host.dataset.recordId, docked: host.dataset.docked } : null;
    }, path);
    expect(placed).toEqual({ recordId: id, docked: 'inline' });
  }
});

test('moving between records makes none of our stylesheets again', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  // The toolbar and the activity button leave the page at every navigation and come back beside the
  // next record's header. A <style> element of theirs was parsed again each time (0.4–0.5 ms a host
  // in a navigation, issue 13); their sheets are made once and adopted. DevTools reports every
  // stylesheet the page gets, constructed or from an element.
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expectToolbarFor(page, 'Lead', lead2);
  const cdp = await context.newCDPSession(page);
  const added: string[] = [];
  const addedIds: string[] = [];
  // What each sheet is, so a failure says whose it was (one unexplained extra sheet was seen once in
  // three CI runs under load, 2026-12-07).
  cdp.on('CSS.styleSheetAdded', ({ header }) => {
    addedIds.push(header.styleSheetId);
    added.push(
      `${header.origin}${header.isConstructed ? ' constructed' : ''}${header.isInline ? ' inline' : ''} ${header.sourceURL || '(no URL)'} node ${header.ownerNode ?? '-'} length ${header.length}`,
    );
  });
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  // CSS.enable reports the sheets already there first: our hosts' among them.
  const atStart = added.length;
  expect(atStart).toBeGreaterThan(0);
  for (const id of [lead1, lead2, lead1, lead2]) {
    await navigate(page, `/lightning/r/Lead/${id}/view`);
    await expectToolbarFor(page, 'Lead', id);
    await expect(page.locator('.oneContent.active [data-glance-sfx="activity-action"]')).toBeVisible();
  }
  // Ours are the sheets that carry our base (BASE_CSS starts every sheet we make); any other sheet
  // is someone else's (one of 8,298 characters, not ours, showed up once under CI load, 2026-12-08).
  const ours: string[] = [];
  for (const [index, id] of addedIds.slice(atStart).entries()) {
    const { text } = await cdp.send('CSS.getStyleSheetText', { styleSheetId: id });
    if (text.includes(BASE_CSS)) ours.push(added[atStart + index] ?? id);
  }
  expect(ours).toEqual([]);
});

test("the page's style reads stay style reads with our toolbar in it (no layout forced because of us)", async ({
  salesforcePage: page,
  context,
  control,
}) => {
  // Lightning reads style all the time (checkVisibility, getComputedStyle). In Chromium a stylesheet
  // with an @container rule anywhere in the document (our toolbar's narrow layout had one, in its
  // shadow root) makes every such read lay the page out as well (Chromium 156, 2026-11-27): this
  // test counted 4 layouts forced by its five reads with that rule, and 1.3–3.4 ms of layout were
  // added to the moment a Lightning view shows (issue 13). DevTools marks a layout a script forced
  // with the script's stack.
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${await firstId(control, 'Lead')}/view`);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'inline');
  await expect(page.locator('.oneContent.active [data-glance-sfx="activity-action"]')).toBeVisible();
  const cdp = await context.newCDPSession(page);
  const events: { name: string; args?: { beginData?: { stackTrace?: unknown } } }[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack',
    transferMode: 'ReportEvents',
  });
  await page.evaluate(() => {
    const view = document.querySelector('.oneContent.active');
    const part = document.createElement('div');
    part.textContent = 'Related list';
    view?.append(part);
    for (let i = 0; i < 5; i++) {
      // A part of the page shown or hidden (as Lightning does all the time), then a read of style:
      // style is due, and layout too, but only at the next frame, not at the read.
      part.hidden = !part.hidden;
      part.checkVisibility();
    }
    part.remove();
  });
  await cdp.send('Tracing.end');
  await complete;
  const styleUpdates = events.filter((e) => e.name === 'UpdateLayoutTree' && e.args?.beginData?.stackTrace);
  // Playwright's own trace snapshotter (its `captureSnapshot`, recording the DOM for a trace) lays
  // the page out by design when it happens to run inside the traced window: that is neither the
  // page's reads nor us (seen under CI load, 2026-12-08, and named by this test).
  const byPlaywright = (stack: unknown) => JSON.stringify(stack).includes('"functionName":"captureSnapshot"');
  const forced = events.filter(
    (e) => e.name === 'Layout' && e.args?.beginData?.stackTrace && !byPlaywright(e.args.beginData.stackTrace),
  );
  expect(styleUpdates.length).toBeGreaterThan(0);
  // Whose script forced each one, so a failure says (seen once under CI load, 2026-12-08, never in 12
  // runs at rest: the next one names its caller).
  const callers = forced.map((e) => JSON.stringify(e.args?.beginData?.stackTrace).slice(0, 400));
  expect(forced.length, `layouts forced by the style reads: ${callers.join(' | ')}`).toBe(0);
});

test('a rep who moves on before a page drew its header: the next record never docks in the page left', async ({
  salesforcePage: page,
  control,
}) => {
  // Found by the bench: the rep leaves a record page while its header is still drawing (the toolbar
  // floats there for a moment); the view left, still on screen when the URL changes, had no owner
  // yet, so the next record's toolbar docked into it and stayed there, hidden, once it was hidden.
  const leads = (await control.records<{ Id: string }>('Lead')).map((r) => r.Id).slice(0, 4);
  const cases = (await control.records<{ Id: string }>('Case')).map((r) => r.Id).slice(0, 2);
  const paths = [
    ...leads.map((id) => `/lightning/r/Lead/${id}/view`),
    ...cases.map((id) => `/lightning/r/Case/${id}/view`),
  ];
  await page.goto(`${LIGHTNING}/lightning/o/Lead/list`);
  await page.waitForFunction(() => typeof (window as { __sandboxNavigate?: unknown }).__sandboxNavigate === 'function');
  // Twice round: the second round revisits Lightning's cached views.
  for (const path of [...paths, ...paths]) {
    const recordId = path.split('/')[4] as string;
    // Move on as soon as this record's toolbar is on screen anywhere, floating included.
    await page.evaluate(
      ({ path, recordId }) =>
        new Promise<void>((resolve) => {
          const shown = () =>
            !!document.querySelector(`[data-glance-sfx="toolbar"][data-record-id="${recordId}"]`)?.checkVisibility();
          const check = () => {
            if (!shown()) return;
            observer.disconnect();
            resolve();
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          void (window as unknown as { __sandboxNavigate(p: string): Promise<void> }).__sandboxNavigate(path);
          check();
        }),
      { path, recordId },
    );
  }
  // Then each record, visited once more at a rep's pace, has its toolbar docked in its own page.
  for (const path of paths) {
    await page.evaluate(
      (p) => (window as unknown as { __sandboxNavigate(p: string): void }).__sandboxNavigate(p),
      path,
    );
    const recordId = path.split('/')[4] as string;
    await expect(
      page.locator(`.oneContent.active [data-glance-sfx="toolbar"][data-record-id="${recordId}"]`),
    ).toBeVisible();
    await expect(page.locator('.oneContent:not(.active) [data-glance-sfx="toolbar"]')).toHaveCount(0);
  }
});

test('shows who sessions are logged as, asking Salesforce once across navigations', async ({
  salesforcePage: page,
  control,
}) => {
  const [lead1, lead2] = [await firstId(control, 'Lead', 0), await firstId(control, 'Lead', 1)];
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead1}/view`);
  const bar = toolbar(page);
  await expect(bar.getByRole('status')).toHaveText('Sessions are logged to Salesforce as Riley Rep.');
  // Every change to the status line (a polite live region: each one is read out) from here on.
  await page.evaluate(() => {
    const status = document.querySelector('[data-glance-sfx="toolbar"]')?.shadowRoot?.querySelector('[role="status"]');
    const changes: string[] = [];
    (window as unknown as { statusChanges: string[] }).statusChanges = changes;
    new MutationObserver(() => changes.push(status?.textContent ?? '')).observe(status as Node, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await navigate(page, `/lightning/r/Lead/${lead2}/view`);
  await expectToolbarFor(page, 'Lead', lead2);
  // The org's status is asked of the background again for the new record (answered within milliseconds).
  await page.waitForTimeout(500);
  await expect(bar.getByRole('status')).toHaveText('Sessions are logged to Salesforce as Riley Rep.');
  // Another record of the same org keeps the status line as it was: no "Checking" flash, nothing announced again.
  expect(await page.evaluate(() => (window as unknown as { statusChanges: string[] }).statusChanges)).toEqual([]);
  const calls = await control.apiCalls();
  expect(calls.map((c) => `${c.method} ${c.host}${c.path}`)).toEqual([
    'GET acme.my.salesforce.com/services/data/v66.0/chatter/users/me',
  ]);
  expect(calls[0]?.authorized).toBe(true);
});

test('without a Salesforce API session the toolbar says to log in', async ({
  salesforcePage: page,
  context,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  // The Lightning host keeps its own cookie; the API host's session is gone.
  await context.clearCookies({ domain: 'acme.my.salesforce.com' });
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const bar = toolbar(page);
  await expect(bar.getByRole('status')).toContainText('Log in to Salesforce so Glance can log your sessions.');
  await expect(bar.getByRole('link', { name: 'Log in to Salesforce' })).toHaveAttribute('href', `${CLASSIC}/`);
  expect(await control.apiCalls()).toHaveLength(0);
});

test('an expired Salesforce session and Salesforce being down each get their own message', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  await control.fail({
    service: 'salesforce',
    pathIncludes: '/chatter/users/me',
    count: 1,
    status: 401,
    body: JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]),
  });
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expect(toolbar(page).getByRole('link', { name: 'Log in to Salesforce' })).toBeVisible();
  // Salesforce refused the session once; the cookie had not changed, so the client did not retry.
  expect(await control.apiCalls()).toHaveLength(1);

  await control.fail({ service: 'salesforce', pathIncludes: '/chatter/users/me', count: 1, status: 503 });
  await page.reload();
  await expect(toolbar(page).getByRole('status')).toHaveText(
    'Salesforce did not answer. Your sessions will still work; they are logged once Salesforce is back.',
  );
});

test('Start without a Glance account says so and opens the settings', async ({
  salesforcePage: page,
  context,
  control,
  extensionId,
}) => {
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const bar = toolbar(page);
  await bar.getByRole('button', { name: 'Start Glance session' }).click();
  // One way forward: the words name the button beside them, not the browser's toolbar button.
  await expect(bar.getByRole('status')).toHaveText('Connect your Glance account first: press “Open Glance settings”.');
  await expect(bar.getByRole('button', { name: 'Open Glance settings' })).toBeVisible();
  const settingsOpened = context.waitForEvent('page');
  await bar.getByRole('button', { name: 'Open Glance settings' }).click();
  const settings = await settingsOpened;
  expect(settings.url()).toBe(optionsUrl(extensionId));
  // Nothing was sent to Glance or logged to Salesforce.
  expect(await control.log('glance')).toHaveLength(0);
  expect((await control.apiCalls()).filter((c) => c.method !== 'GET')).toHaveLength(0);
});

test('the toolbar is keyboard-usable', async ({ salesforcePage: page, control }) => {
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const start = toolbar(page).getByRole('button', { name: 'Start Glance session' });
  await start.focus();
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(toolbar(page).getByRole('button', { name: 'More ways to start a Glance session' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(toolbar(page).getByRole('button', { name: 'Schedule Glance meeting' })).toBeFocused();
  await expect(toolbar(page).getByRole('toolbar', { name: 'Glance for Lead' })).toBeVisible();
});

test('every way to start is named where the rep looks: a labelled More ways menu, by keyboard', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const bar = toolbar(page);
  const more = bar.getByRole('button', { name: 'More ways to start a Glance session' });
  // A word on the button, not a caret alone.
  await expect(more).toHaveText('More ways');
  await expect(more).toBeVisible();
  await focusByKeyboard(page, more);
  await page.keyboard.press('ArrowDown');
  const items = bar.getByRole('menuitem');
  // Each mode by its name: screen share, viewing the customer's screen, cobrowse (joining); and help.
  await expect(items).toHaveText([
    'Show my screen (screen share)Your customer sees your screen.',
    'View the customer’s screenGlance opens: choose View the customer’s screen there.',
    "Join customer's sessionCobrowse: the customer reads you their key or visitor ID.",
    'Need more help?',
  ]);
  const names = [
    'Show my screen (screen share)',
    'View the customer’s screen',
    "Join customer's session",
    'Need more help?',
  ];
  for (const [index, name] of names.entries()) {
    await expect(items.nth(index)).toHaveAccessibleName(name);
    await expect(items.nth(index)).toBeVisible();
    await expect(items.nth(index)).toBeFocused();
    await page.keyboard.press('ArrowDown');
  }
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar.getByRole('menu')).toBeHidden();
  await expect(more).toBeFocused();
});

test('the round Glance button shows a tooltip on hover and on keyboard focus', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  const bar = toolbar(page);
  const toggle = bar.getByRole('button', { name: 'Glance actions' });
  const tip = bar.getByRole('tooltip');
  await toggle.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText('Hide Glance actions');
  await expect(toggle).toHaveAccessibleDescription('Hide Glance actions');
  // SLDS tooltip look (.slds-popover_tooltip): dark blue #032d60, white text, rounded .25rem.
  expect(
    await tip.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color, style.borderTopLeftRadius];
    }),
  ).toEqual(['rgb(3, 45, 96)', 'rgb(255, 255, 255)', '4px']);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();

  await focusByKeyboard(page, toggle);
  await expect(tip).toBeVisible();
  // Collapsed, it says what the next press does.
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(tip).toHaveText('Show Glance actions');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(tip).toHaveText('Hide Glance actions');
  await page.keyboard.press('Tab');
  await expect(tip).toBeHidden();
});

test('Need more help? in the toolbar’s menu opens the reps’ guide in a new tab', async ({
  salesforcePage: page,
  context,
  control,
  extensionId,
  serviceWorker,
}) => {
  const lead = await firstId(control, 'Lead');
  const leadUrl = `${LIGHTNING}/lightning/r/Lead/${lead}/view`;
  await page.goto(leadUrl);
  const bar = toolbar(page);
  await bar.getByRole('button', { name: 'More ways to start a Glance session' }).click();
  const opened = context.waitForEvent('page');
  await bar.getByRole('menuitem', { name: 'Need more help?' }).click();
  const guide = await opened;
  // The tab is for the guide's page as the browser knows it (its own URL even before that page is
  // built into the extension, when Chromium shows its error page there).
  const guideUrl = `chrome-extension://${extensionId}/${REPS_GUIDE_PAGE}`;
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url)))
    .toContain(guideUrl);
  expect(context.pages()).toContain(guide);
  // A new tab: the Salesforce page stays where it was, its menu closed.
  expect(page.url()).toBe(leadUrl);
  await expect(bar.getByRole('menu')).toBeHidden();
});

// Lightning console apps (workspaces, subtabs, ?ws=<parent>): console.spec.ts. Page variants: page-variants.spec.ts.

test('when no Salesforce selector matches, the toolbar floats instead of disappearing', async ({
  salesforcePage: page,
  control,
}) => {
  const lead = await firstId(control, 'Lead');
  // Simulate a Salesforce release that renamed the highlights panel before the page renders.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('records-highlights2, .slds-page-header_record-home')) {
        el.replaceWith(Object.assign(document.createElement('div'), { className: 'renamed-by-salesforce' }));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expectToolbarFor(page, 'Lead', lead);
  await expect(toolbar(page)).toHaveAttribute('data-docked', 'floating');
});

test("the content script's world cannot read the extension's storage (the Glance credential)", async ({
  salesforcePage: page,
  serviceWorker,
  control,
}) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ probe: 'secret-probe' }));
  const lead = await firstId(control, 'Lead');
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  await page.goto(`${LIGHTNING}/lightning/r/Lead/${lead}/view`);
  await expectToolbarFor(page, 'Lead', lead);
  const isolated = contexts.filter((c) => c.auxData?.type === 'isolated' && c.name === 'Glance for Salesforce');
  expect(isolated.length).toBeGreaterThan(0);
  const attempt = await cdp.send('Runtime.evaluate', {
    contextId: isolated.at(-1)?.id,
    expression: `chrome.storage.local.get(null).then((all) => JSON.stringify(all), (error) => 'refused: ' + error.message)`,
    awaitPromise: true,
    returnByValue: true,
  });
  const answer = String(attempt.result.value ?? attempt.exceptionDetails?.exception?.description ?? '');
  // Chromium's own refusal, word for word: any other failure (a context gone, a typo) must not pass.
  expect(answer).toBe('refused: Access to storage is not allowed from this context.');
  // And the same world does answer what it may: the check above ran where our content script runs.
  const own = await cdp.send('Runtime.evaluate', {
    contextId: isolated.at(-1)?.id,
    expression: 'chrome.runtime.id',
    returnByValue: true,
  });
  expect(own.result.value).toMatch(/^[a-p]{32}$/);
});
