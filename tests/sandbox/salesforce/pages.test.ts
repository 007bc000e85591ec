import { beforeEach, describe, expect, it } from 'vitest';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { SalesforceOrg } from './org.js';
import { salesforcePagesHandler } from './pages.js';
import { safeStartUrl } from './pages-login.js';
import { SEED_IDS } from './seed.js';

const CLASSIC = 'https://acme.my.salesforce.com';
const LIGHTNING = 'https://acme.lightning.force.com';

describe('Salesforce pages', () => {
  let org: SalesforceOrg;
  let sid: string;
  let lightningSid: string;
  beforeEach(() => {
    org = new SalesforceOrg();
    ({ sid, lightningSid } = org.createSession(org.defaultUserId));
  });

  async function get(url: string, options: { method?: string; body?: string; cookies?: Record<string, string> } = {}) {
    const parsed = new URL(url);
    const req: SandboxRequest = {
      method: options.method ?? 'GET',
      url: parsed,
      host: parsed.hostname,
      headers: options.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body: options.body ?? '',
      // Each host's own session cookie, as the browser holds them after logging in.
      cookies: options.cookies ?? { sid: parsed.hostname === org.lightningHost ? lightningSid : sid },
    };
    const answer = (await salesforcePagesHandler(org)(req)) as SandboxResponse | undefined;
    return { status: answer?.status, headers: answer?.headers ?? {}, body: String(answer?.body ?? ''), answer };
  }
  const firstId = (type: string) => SEED_IDS[type]![0]!;
  const idOf = (type: string, name: string) =>
    org.ofType(type).find((r) => r.fields.Name === name || r.fields.LastName === name)!.Id;

  describe('login', () => {
    it('shows a login form with the username prefilled', async () => {
      const { status, body } = await get(`${CLASSIC}/`, { cookies: {} });
      expect(status).toBe(200);
      expect(body).toMatch(/<input[^>]+id="username"[^>]+value="riley.rep@acme.example"/);
      expect(body).toMatch(/<input[^>]+id="Login"[^>]+value="Log In"/);
    });

    it('sets a host-only sid on My Domain, then one on the Lightning host through frontdoor', async () => {
      const login = await get(`${CLASSIC}/`, {
        method: 'POST',
        body: 'username=riley.rep%40acme.example&pw=anything&startURL=%2Flightning%2Fo%2FLead%2Flist',
        cookies: {},
      });
      expect(login.status).toBe(302);
      const [cookie] = login.headers['set-cookie'] as string[];
      const newSid = /^sid=([^;]+);/.exec(cookie!)![1]!;
      expect(org.validSession(newSid)?.userId).toBe(org.defaultUserId);
      expect(cookie).toBe(`sid=${newSid}; Path=/; Secure; HttpOnly; SameSite=None`);
      const next = new URL(String(login.headers.location));
      expect(`${next.origin}${next.pathname}`).toBe(`${LIGHTNING}/secur/frontdoor.jsp`);
      expect(next.searchParams.get('retURL')).toBe(`${LIGHTNING}/lightning/o/Lead/list`);

      const frontdoor = await get(next.href, { cookies: {} });
      expect(frontdoor.status).toBe(302);
      // The Lightning host gets a session of its own: a different value, for the Lightning pages only.
      const session = org.validSession(newSid)!;
      expect(session.lightningSid).not.toBe(newSid);
      expect(session.lightningSid.startsWith(`${org.orgId}!`)).toBe(true);
      expect(frontdoor.headers['set-cookie']).toEqual([
        `sid=${session.lightningSid}; Path=/; Secure; HttpOnly; SameSite=None`,
      ]);
      expect(frontdoor.headers.location).toBe(`${LIGHTNING}/lightning/o/Lead/list`);
      expect(org.validSession(session.lightningSid)).toBeUndefined();
    });

    it("takes only each host's own sid", async () => {
      const path = `/lightning/r/Lead/${firstId('Lead')}/view`;
      expect((await get(`${LIGHTNING}${path}`, { cookies: { sid: lightningSid } })).status).toBe(200);
      expect((await get(`${LIGHTNING}${path}`, { cookies: { sid } })).status).toBe(302);
      const classic = `${CLASSIC}/${firstId('Lead').slice(0, 15)}`;
      expect((await get(classic, { cookies: { sid } })).status).toBe(200);
      expect((await get(classic, { cookies: { sid: lightningSid } })).status).toBe(302);
    });

    it('ends both sessions when logging out on the Lightning host', async () => {
      await get(`${LIGHTNING}/secur/logout.jsp`);
      expect(org.validSession(sid)).toBeUndefined();
      expect(org.validLightningSession(lightningSid)).toBeUndefined();
    });

    it('refuses an empty password or an unknown user', async () => {
      for (const body of ['username=riley.rep%40acme.example&pw=', 'username=mallory%40evil.example&pw=x']) {
        const answer = await get(`${CLASSIC}/`, { method: 'POST', body, cookies: {} });
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('Please check your username and password.');
        expect(answer.headers['set-cookie']).toBeUndefined();
      }
    });

    it('only goes back to our own hosts after login', () => {
      expect(safeStartUrl('/00Q/o', org)).toBe(`${CLASSIC}/00Q/o`);
      expect(safeStartUrl(`${LIGHTNING}/lightning/page/home`, org)).toBe(`${LIGHTNING}/lightning/page/home`);
      for (const hostile of [
        'https://evil.example/',
        '//evil.example/x',
        '/\\evil.example',
        'javascript:alert(1)',
        'http://acme.my.salesforce.com/',
      ]) {
        expect(safeStartUrl(hostile, org)).toBe(`${LIGHTNING}/lightning/page/home`);
      }
    });

    it('skips the form when already logged in', async () => {
      const { status, headers } = await get(`${CLASSIC}/?startURL=%2F${firstId('Lead')}`);
      expect(status).toBe(302);
      expect(String(headers.location)).toContain('/secur/frontdoor.jsp?sid=');
    });

    it('logs out on both hosts and ends the session', async () => {
      const classic = await get(`${CLASSIC}/secur/logout.jsp`);
      expect(classic.headers['set-cookie']).toEqual(['sid=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None']);
      expect(String(classic.headers.location)).toMatch(
        /^https:\/\/acme\.lightning\.force\.com\/secur\/logout\.jsp\?retURL=/,
      );
      expect(org.validSession(sid)).toBeUndefined();
      expect(org.validLightningSession(lightningSid)).toBeUndefined();
      const lightning = await get(String(classic.headers.location), { cookies: {} });
      expect(lightning.headers['set-cookie']).toEqual(['sid=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None']);
      expect(lightning.headers.location).toBe(`${CLASSIC}/`);
    });
  });

  describe('Lightning', () => {
    it('sends a visitor without a valid sid to the login page with startURL', async () => {
      const path = `/lightning/r/Lead/${firstId('Lead')}/view`;
      for (const cookies of [{}, { sid: 'bogus' }] as Record<string, string>[]) {
        const { status, headers } = await get(`${LIGHTNING}${path}`, { cookies });
        expect(status).toBe(302);
        expect(headers.location).toBe(`${CLASSIC}/?ec=302&startURL=${encodeURIComponent(path)}`);
      }
      const view = await get(`${LIGHTNING}/__sandbox/view?path=${encodeURIComponent(path)}`, { cookies: {} });
      expect(view.status).toBe(401);
    });

    it('renders a record page with the selectors the extension places the toolbar by', async () => {
      const id = idOf('Lead', 'Lovelace');
      const { status, body } = await get(`${LIGHTNING}/lightning/r/Lead/${id}/view`);
      expect(status).toBe(200);
      expect(body).toContain('<title>Ada Lovelace | Lead | Salesforce</title>');
      expect(body).toMatch(
        /<body class="desktop"[^>]*>\s*<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess">\s*<div class="viewport"><section class="layoutContent stage">/,
      );
      expect(body).toContain('<header id="oneHeader" class="oneHeader');
      expect(body).toMatch(
        /<div class="oneCenterStage lafSinglePaneWindowManager"[^>]*><div class="windowViewMode-normal oneContent active lafPageHost"/,
      );
      expect(body).toContain('<div class="highlights slds-clearfix slds-page-header slds-page-header_record-home">');
      expect(body).toMatch(
        /<h1><div class="entityNameTitle[^"]*">Lead<\/div>\s*<slot name="primaryField"[^>]*><lightning-formatted-text slot="primaryField">Ada Lovelace<\/lightning-formatted-text><\/slot>/,
      );
      expect(body).toMatch(
        /<div class="actionsContainer"><runtime_platform_actions-actions-ribbon>\s*<ul class="slds-button-group-list"><li data-target-selection-name="sfdc:StandardButton.Lead.Edit"/,
      );
      expect(body).toMatch(/<button name="Edit" type="button"/);
      expect(body).toContain('<div class="secondaryFields"');
      expect(body).toContain('<span title="Open Activities">Open Activities</span>');
      expect(body).toContain('id="activityTab__item"');
      expect(body).toContain('window.__sandboxNavigate');
      for (const nav of ['Home', 'Leads', 'Contacts', 'Opportunities', 'Campaigns', 'Cases', 'Accounts']) {
        expect(body).toContain(`title="${nav}"`);
      }
    });

    it('links related records and shows Account pages too', async () => {
      const globex = idOf('Account', 'Globex Corporation');
      const { body } = await get(`${LIGHTNING}/lightning/r/Account/${globex}/view`);
      expect(body).toContain('<title>Globex Corporation | Account | Salesforce</title>');
      expect(body).toContain(`href="/lightning/r/Contact/${idOf('Contact', 'Scorpio')}/view"`);
      expect(body).toContain(
        `href="/lightning/r/Opportunity/${idOf('Opportunity', 'Globex - Hammock District')}/view"`,
      );
      expect(body).toContain('sfdc:StandardButton.Account.Edit');
    });

    it('escapes hostile record names everywhere', async () => {
      const mallory = idOf('Lead', '<img src=x onerror="alert(1)">');
      const record = await get(`${LIGHTNING}/lightning/r/Lead/${mallory}/view`);
      const list = await get(`${LIGHTNING}/lightning/o/Lead/list`);
      const classic = await get(`${CLASSIC}/${mallory.slice(0, 15)}`);
      for (const { body } of [record, list, classic]) {
        expect(body).not.toContain('<img src=x');
        expect(body).not.toContain('<script>alert');
        expect(body).toContain('Mallory &#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
      }
      expect(record.body).toContain(
        '<title>Mallory &#60;img src=x onerror=&#34;alert(1)&#34;&#62; | Lead | Salesforce</title>',
      );
      const view = JSON.parse((await get(`${LIGHTNING}/__sandbox/view?path=/lightning/r/Lead/${mallory}/view`)).body);
      expect(view.html).not.toContain('<img src=x');
      const alice = await get(`${LIGHTNING}/lightning/r/Contact/${idOf('Contact', "O'Hara <b>bold</b>")}/view`);
      expect(alice.body).toContain('Alice O&#39;Hara &#60;b&#62;bold&#60;/b&#62;');
    });

    it('serves list views and home with Lightning titles', async () => {
      const list = await get(`${LIGHTNING}/lightning/o/Lead/list`);
      expect(list.body).toContain('<title>Recently Viewed | Leads | Salesforce</title>');
      expect(list.body).toContain(`href="/lightning/r/Lead/${idOf('Lead', 'Lovelace')}/view"`);
      expect((await get(`${LIGHTNING}/lightning/o/Case/home`)).body).toContain(
        '<title>Recently Viewed | Cases | Salesforce</title>',
      );
      expect((await get(`${LIGHTNING}/lightning/page/home`)).body).toContain('<title>Home | Salesforce</title>');
      expect((await get(`${LIGHTNING}/`)).headers.location).toBe('/lightning/page/home');
    });

    it('fills in the object name of /lightning/r/<Id>/view, on load and in the view endpoint', async () => {
      const id = firstId('Case');
      expect((await get(`${LIGHTNING}/lightning/r/${id}/view`)).headers.location).toBe(`/lightning/r/Case/${id}/view`);
      const view = JSON.parse(
        (await get(`${LIGHTNING}/__sandbox/view?path=${encodeURIComponent(`/lightning/r/${id}/view`)}`)).body,
      );
      expect(view.path).toBe(`/lightning/r/Case/${id}/view`);
      expect(view.title).toBe('00001001 | Case | Salesforce');
    });

    it('serves views for client-side navigation inactive and hidden', async () => {
      const path = `/lightning/r/Opportunity/${firstId('Opportunity')}/view`;
      const view = JSON.parse(
        (await get(`${LIGHTNING}/__sandbox/view?shell=standard&path=${encodeURIComponent(path)}`)).body,
      );
      expect(view).toMatchObject({ status: 200, path, title: 'Globex - Hammock District | Opportunity | Salesforce' });
      expect(view.html).toMatch(
        /^<div class="windowViewMode-normal oneContent lafPageHost" data-sandbox-path="[^"]+"[^>]* hidden style="display: none">/,
      );
      expect(view.tabHtml).toBeUndefined();
      const consoleView = JSON.parse(
        (await get(`${LIGHTNING}/__sandbox/view?shell=console&path=${encodeURIComponent(path)}`)).body,
      );
      // Console: the view as a new background workspace (its primary tab inside) or as one more subtab.
      expect(consoleView.html).toBeUndefined();
      expect(consoleView.workspaceHtml).toMatch(
        /^<section class="tabContent oneConsoleTab" role="tabpanel" data-sandbox-workspace data-sandbox-path="[^"]+" hidden style="display: none">\s*<div class="oneWorkspace navexWorkspace"><div class="wsTabset oneConsoleTabset">/,
      );
      expect(consoleView.workspaceHtml).toContain(
        '<div class="oneWorkspaceTabWrapper"><div class="windowViewMode-maximized active lafPageHost"',
      );
      expect(consoleView.subtabHtml).toMatch(
        /^<section class="tabContent oneConsoleTab" role="tabpanel" data-sandbox-subtab [^>]* hidden style="display: none">\s*<div class="oneWorkspaceTabWrapper"><div class="windowViewMode-maximized lafPageHost"/,
      );
      expect(consoleView.tabHtml).toContain('<li class="oneConsoleTabItem tabItem"');
    });

    const CONSOLE_APP = (extra: Record<string, string> = {}) => ({
      sid: lightningSid,
      sandbox_ui: 'console',
      ...extra,
    });

    it('console app: a primary tab has no ?ws= and nests workspace > wsTabset > subtab > page host', async () => {
      const path = `/lightning/r/Case/${firstId('Case')}/view`;
      const { status, body } = await get(`${LIGHTNING}${path}`, { cookies: CONSOLE_APP() });
      expect(status).toBe(200);
      expect(body).toContain('data-sandbox-shell="console"');
      expect(body).not.toContain('navexStandardManager');
      expect(body).not.toContain('oneContent');
      // Salesforce UI page objects navex/*: workspace section > oneWorkspace.navexWorkspace >
      // wsTabset.oneConsoleTabset > subtab section > oneWorkspaceTabWrapper > windowViewMode-maximized.
      expect(body).toMatch(
        new RegExp(
          [
            '<div class="split-right" role="main" data-sandbox-stage><section class="tabContent active oneConsoleTab" role="tabpanel" data-sandbox-workspace data-sandbox-path="' +
              path.replaceAll('/', '\\/') +
              '">',
            '<div class="oneWorkspace navexWorkspace active"><div class="wsTabset oneConsoleTabset">',
            '<div class="tabsetHeader slds-sub-tabs"><ul class="tabBarItems" role="tablist" data-sandbox-subtabs><li class="oneConsoleTabItem tabItem slds-is-active active"',
            '<div class="tabsetBody" data-sandbox-subtab-stage><section class="tabContent active oneConsoleTab" role="tabpanel" data-sandbox-subtab data-sandbox-path="[^"]+"[^>]*>',
            '<div class="oneWorkspaceTabWrapper"><div class="windowViewMode-maximized active lafPageHost" data-sandbox-activates><div class="oneRecordHomeFlexipage2Wrapper">',
          ].join('[\\s\\S]*?'),
        ),
      );
      // One workspace tab in the console's tab bar, named after the record.
      expect(body).toMatch(
        /data-sandbox-tabs><li class="oneConsoleTabItem tabItem slds-is-active active"[^>]*>\s*<a class="tabHeader"[^>]*><span class="title">00001001<\/span>/,
      );
    });

    it('console app: a subtab URL names its parent in ?ws=; the parent is the workspace, the subtab is focused', async () => {
      const parent = `/lightning/r/Case/${firstId('Case')}/view`;
      const child = `/lightning/r/Contact/${firstId('Contact')}/view`;
      // Loaded without the app cookie too: only console subtab URLs carry ws.
      const { body } = await get(`${LIGHTNING}${child}?ws=${encodeURIComponent(parent)}`);
      expect(body).toContain('data-sandbox-shell="console"');
      const workspaces = body.match(/data-sandbox-workspace data-sandbox-path="([^"]+)"/g) ?? [];
      expect(workspaces).toEqual([`data-sandbox-workspace data-sandbox-path="${parent}"`]);
      const subtabs = [
        ...body.matchAll(
          /<section class="tabContent( active)? oneConsoleTab" role="tabpanel" data-sandbox-subtab data-sandbox-path="([^"]+)"[^>]*?( hidden style="display: none")?>/g,
        ),
      ].map((m) => ({ path: m[2], active: !!m[1], hidden: !!m[3] }));
      expect(subtabs).toEqual([
        { path: parent, active: false, hidden: true },
        { path: child, active: true, hidden: false },
      ]);
      expect(body).toMatch(/<title>Hank Scorpio \| Contact \| Salesforce<\/title>/);
      // The console's own tab bar shows the workspace (the parent), the subtab bar both.
      expect(body).toMatch(
        /data-sandbox-tabs><li class="oneConsoleTabItem tabItem slds-is-active active" role="presentation" data-sandbox-path="([^"]+)"/,
      );
      expect(body.match(/data-sandbox-tabs><li[^>]*data-sandbox-path="([^"]+)"/)?.[1]).toBe(parent);
    });

    it('renders the record page variants a test picks with the sandbox_ui cookie', async () => {
      const path = `/lightning/r/Lead/${firstId('Lead')}/view`;
      const page = async (ui: string) =>
        (await get(`${LIGHTNING}${path}`, { cookies: { sid: lightningSid, sandbox_ui: ui } })).body;
      const standard = await page('');
      expect(standard).toContain('<records-highlights2>');
      expect(standard).toContain('<body class="desktop" data-sandbox-shell="standard">');

      const dynamic = await page('dynamic');
      expect(dynamic).toContain('<record_flexipage-dynamic-highlights2>');
      expect(dynamic).not.toContain('<records-highlights2');
      expect(dynamic).toContain('<runtime_platform_actions-actions-ribbon>');

      const aura = await page('aura');
      expect(aura).toContain('<div class="forceHighlightsPanel" data-aura-class="forceHighlightsPanel">');
      expect(aura).toContain('<ul class="branding-actions slds-button-group oneActionsRibbon forceActionsContainer">');
      expect(aura).not.toMatch(
        /<(records-highlights2|record_flexipage-dynamic-highlights2|runtime_platform_actions-actions-ribbon)|slds-page-header_record-home/,
      );

      const none = await page('nohighlights');
      expect(none).not.toMatch(
        /<(records-highlights2|record_flexipage-dynamic-highlights2|runtime_platform_actions-actions-ribbon)|forceHighlightsPanel|slds-page-header_record-home/,
      );
      expect(none).toContain('<div class="region-header"></div>');

      const german = await page('de');
      expect(german).toContain('<html lang="de">');
      expect(german).toContain('>Bearbeiten</button>');
      expect(german).toContain('>Neue Aufgabe</button>');
      expect(german).not.toContain('>Edit</button>');
      expect(german).toContain('>Neues Ereignis</button>');
      expect(german).toContain('data-tab-value="activityTab">Aktivität</a>');
      expect(german).toContain('<span class="slds-truncate">Kundenvorgänge</span>');

      // Japanese Salesforce (the user's Language 日本語): its own labels, no English ones left.
      const japanese = await page('ja');
      expect(japanese).toContain('<html lang="ja">');
      for (const shown of ['>編集</button>', '>取引開始</button>', '>新規ToDo</button>', '>活動の記録</button>']) {
        expect(japanese).toContain(shown);
      }
      expect(japanese).toContain('>新規行動</button>');
      expect(japanese).toContain('data-tab-value="activityTab">活動</a>');
      expect(japanese).toContain('<span title="リード情報">リード情報</span>');
      expect(japanese).toContain('<span class="slds-truncate">取引先責任者</span>');
      expect(japanese).toMatch(/<title>[^<|]+ \| リード \| Salesforce<\/title>/);
      expect(japanese).not.toMatch(/>(Edit|Convert|New Event|New Task|Log a Call|Activity|Leads|Home)</);

      const shadow = await page('shadow');
      expect(shadow).toContain('<body class="desktop" data-sandbox-shell="standard" data-sandbox-shadow>');
      expect(shadow).toContain("host.attachShadow({ mode: 'open' })");
      // Fully in native shadow: every Lightning web component of the page becomes a shadow root, well
      // over a hundred a record page (hundreds once Lightning keeps earlier pages), on the path
      // Salesforce's page objects walk to the highlights panel.
      const full = await page('fullshadow');
      expect(full).toContain('<body class="desktop" data-sandbox-shell="standard" data-sandbox-shadow="full">');
      const markup = full.slice(0, full.indexOf('<script>'));
      const components = markup.match(/<[a-z][a-z0-9_]*-[a-z0-9_-]*[\s>]/g) ?? [];
      expect(components.length).toBeGreaterThanOrEqual(130);
      expect(markup).toMatch(
        /<one-record-home-flexipage2><forcegenerated-adg-rollup_component[^ >]* class="adg-rollup-wrapped">\s*<forcegenerated-flexipage_lead_rec_l_lead__view_js class="forcegenerated-flexipage-module"><record_flexipage-desktop-record-page-decorator>\s*<records-record-layout-event-broker><flexipage-record-home-template-desktop2 class="forcegenerated-flexipage-template">/,
      );
      expect(markup).toMatch(
        /<flexipage-component2 data-component-id="force_highlightsPanel"><force-progressive-renderer><records-lwc-highlights-panel><records-lwc-record-layout>\s*<forcegenerated-highlightspanel_lead___[^ >]* class="forcegenerated-record-layout2"><records-highlights2>/,
      );
      for (const part of [
        '<one-app-nav-bar-item-root',
        '<one-utility-bar-item',
        '<lst-related-list-single-container>',
        '<records-lwc-detail-panel>',
      ])
        expect(markup).toContain(part);
      // The navigation bar and the global header come before the record page in document order.
      expect(markup.indexOf('<one-app-nav-bar-item-root')).toBeLessThan(markup.indexOf('<records-highlights2'));

      // Display density: Comfy stacks labels on top of the fields, Compact puts them to their left.
      expect(standard).toContain('class="slds-form-element slds-form-element_stacked"');
      expect(standard).not.toContain('slds-form-element slds-form-element_horizontal');
      const compact = await page('compact');
      expect(compact).toContain('class="slds-form-element slds-form-element_horizontal"');
      expect(compact).not.toContain('slds-form-element slds-form-element_stacked');
      // Churn mode: off unless asked; Lightning's usual rate, or the one named (capped).
      expect(standard).not.toContain('__sandboxChurn');
      const churn = await page('churn');
      expect(churn).toContain('<body class="desktop" data-sandbox-shell="standard" data-sandbox-churn="2400">');
      expect(churn).toContain('window.__sandboxChurn = api;');
      expect(await page('shadow,churn:600')).toContain('data-sandbox-shadow data-sandbox-churn="600">');
      expect(await page('churn:9999999')).not.toContain('data-sandbox-churn');
      expect(await page('churn:50000')).toContain('data-sandbox-churn="20000"');

      // Client-side navigation gets the same variant: the cookie goes with the view fetch.
      const view = JSON.parse(
        (
          await get(`${LIGHTNING}/__sandbox/view?shell=standard&path=${encodeURIComponent(path)}`, {
            cookies: { sid: lightningSid, sandbox_ui: 'aura,de' },
          })
        ).body,
      );
      expect(view.html).toContain('forceHighlightsPanel');
      expect(view.html).toContain('Bearbeiten');
    });

    it('shows the Activity composer on record pages of the five types, unless the layout leaves it out', async () => {
      for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
        const path = `/lightning/r/${type}/${firstId(type)}/view`;
        const page = async (ui: string) =>
          (await get(`${LIGHTNING}${path}`, { cookies: { sid: lightningSid, sandbox_ui: ui } })).body;
        const standard = await page('');
        // The composer's buttons where public locators of real orgs find them.
        expect(standard, type).toMatch(
          /<flexipage-aura-wrapper><div><div class="activityPanel">\s*<runtime_sales_activities-activity-panel-composer><lightning-button-group><div class="slds-button-group" role="group"><slot><button type="button" class="slds-button slds-button_neutral" title="New Task">New Task<\/button>/,
        );
        expect(standard, type).toContain('title="New Event">New Event</button>');
        const without = await page('noactivity');
        expect(without, type).not.toMatch(/<runtime_sales_activities|activityTab__item|>New Event</);
        // The rest of the page is as usual.
        expect(without, type).toContain('<records-highlights2>');
      }
      expect(await (await get(`${LIGHTNING}/lightning/page/home`)).body).not.toContain('<runtime_sales_activities');
    });

    it('answers 404 inside the app for an unknown record id', async () => {
      const unknown = await get(`${LIGHTNING}/lightning/r/Lead/00QAc0000000zzzAAA/view`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toContain("Looks like there's a problem.");
      expect((await get(`${LIGHTNING}/lightning/o/Nope/list`)).status).toBe(404);
    });
  });

  describe('Classic', () => {
    it('renders a record page following the Classic outline', async () => {
      const id = idOf('Lead', 'Lovelace');
      for (const path of [id, id.slice(0, 15)]) {
        const { status, body } = await get(`${CLASSIC}/${path}`);
        expect(status).toBe(200);
        expect(body).toContain('<title>Lead: Ada Lovelace ~ Salesforce - Enterprise Edition</title>');
        expect(body).toContain('<body class="hasMotif leadTab detailPage sfdcBody brandQuaternaryBgr">');
        expect(body).toMatch(
          /<h1 class="pageType">Lead<span class="titleSeparatingColon">:<\/span><\/h1>\s*<h2 class="pageDescription"> Ada Lovelace<\/h2>/,
        );
        expect(body).toContain('<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">');
        expect(body).toMatch(/<td class="pbButton" id="topButtonRow"><input value=" Edit " class="btn" name="edit"/);
        expect(body).toContain(
          `<div class="bRelatedList" id="${id.slice(0, 15)}_RelatedActivityList"><div class="listRelatedObject taskBlock">`,
        );
        expect(body).toMatch(
          /<td class="pbTitle"><h3[^>]*>Open Activities<\/h3><\/td><td class="pbButton"><input value="New Task" class="btn" name="task" title="New Task"[^>]*> <input value="New Event" class="btn" name="event" title="New Event"/,
        );
      }
    });

    it('shows the Open Activities list with its New Task and New Event buttons on the five types', async () => {
      for (const type of ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case']) {
        const listId = `${firstId(type).slice(0, 15)}_RelatedActivityList`;
        const { body } = await get(`${CLASSIC}/${firstId(type)}`);
        expect(body, type).toContain(
          `<div class="bRelatedList" id="${listId}"><div class="listRelatedObject taskBlock">`,
        );
        expect(body, type).toMatch(
          /<td class="pbButton"><input value="New Task" class="btn" name="task" title="New Task" type="button"> <input value="New Event" class="btn" name="event" title="New Event" type="button"><\/td>/,
        );
        expect(body, type).toContain(`<div class="pbBody" id="${listId}_body">`);
      }
      for (const path of ['/home/home.jsp', '/00Q/o']) {
        expect((await get(`${CLASSIC}${path}`)).body, path).not.toContain('RelatedActivityList');
      }
    });

    it('links related records with Classic URLs and serves home and list pages', async () => {
      const initech = idOf('Account', 'Initech');
      const account = await get(`${CLASSIC}/${initech}`);
      expect(account.body).toContain('accountTab detailPage');
      expect(account.body).toContain(`href="/${idOf('Contact', 'Gibbons').slice(0, 15)}"`);
      const list = await get(`${CLASSIC}/00Q/o`);
      expect(list.body).toContain('<title>Leads: Home ~ Salesforce - Enterprise Edition</title>');
      expect(list.body).toContain(`href="/${idOf('Lead', 'Hopper').slice(0, 15)}"`);
      const home = await get(`${CLASSIC}/home/home.jsp`);
      expect(home.status).toBe(200);
      expect(home.body).toContain('homeTab');
    });

    it('requires the sid on My Domain and answers 404 for unknown ids', async () => {
      const id = firstId('Contact').slice(0, 15);
      const anonymous = await get(`${CLASSIC}/${id}`, { cookies: {} });
      expect(anonymous.headers.location).toBe(`${CLASSIC}/?ec=302&startURL=${encodeURIComponent(`/${id}`)}`);
      const unknown = await get(`${CLASSIC}/003Ac0000000zzz`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toContain('Data Not Available');
    });
  });

  it('leaves the REST API and other hosts to other handlers', async () => {
    expect((await get(`${CLASSIC}/services/data/v66.0/sobjects`)).answer).toBeUndefined();
    expect((await get(`${LIGHTNING}/services/data/v66.0/sobjects`)).answer).toBeUndefined();
    expect((await get('https://www.glance.net/')).answer).toBeUndefined();
    expect((await get(`${CLASSIC}/robots.txt`)).answer).toBeUndefined();
    expect((await get(`${LIGHTNING}/favicon.ico`)).status).toBe(204);
  });
});
