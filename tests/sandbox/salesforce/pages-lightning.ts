// Lightning Experience on https://<org>.lightning.force.com: the app shell (standard navigation or a
// console app) around one view, and the endpoint the shell's script fetches views from when it
// navigates client-side. Outline: shared/reference/lightning-dom.md.
import { escapeHtml, html, json, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import { NAVIGATION_SCRIPT, VIEW_ENDPOINT } from './lightning-script.js';
import { type LightningView, resolveLightningView } from './lightning-views.js';
import type { SalesforceOrg } from './org.js';
import { LIGHTNING_CSS } from './page-assets.js';
import { LOGOUT_PATH, loginRedirect, SESSION_COOKIE } from './pages-login.js';
import { LIGHTNING_HOME_PATH, NAV_OBJECTS, PLURAL } from './record-display.js';

export type Shell = 'standard' | 'console';

/** Console apps keep the open workspace in `?ws=…`; that is how the sandbox tells the two apart. */
const shellOf = (url: URL): Shell => (url.searchParams.has('ws') ? 'console' : 'standard');

export function lightningRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  if (path === '/' || path === '/lightning' || path === '/one/one.app') return redirect(LIGHTNING_HOME_PATH);
  // This host's own session: the Lightning sid the frontdoor hop set, never the My Domain one.
  const signedIn = !!org.validLightningSession(req.cookies[SESSION_COOKIE]);
  if (path === VIEW_ENDPOINT) {
    if (!signedIn) return json(401, { error: 'INVALID_SESSION_ID' });
    const shell: Shell = req.url.searchParams.get('shell') === 'console' ? 'console' : 'standard';
    const view = resolveLightningView(org, new URL(req.url.searchParams.get('path') ?? '/', req.url).pathname);
    // Fetched views arrive inactive and hidden; the script shows them once it knows they are still wanted.
    return json(200, {
      status: view.status,
      path: view.path,
      title: view.title,
      html: viewHost(view, shell, false),
      tabHtml: shell === 'console' ? consoleTab(view, false) : undefined,
    });
  }
  if (!path.startsWith('/lightning/')) return undefined;
  if (!signedIn) return loginRedirect(org, req);
  const view = resolveLightningView(org, path);
  if (view.path !== path) return redirect(`${view.path}${req.url.search}`);
  return html(view.status, lightningShell(org, view, shellOf(req.url)));
}

/** The element that holds one view; standard: the page host itself, console: a workspace. */
function viewHost(view: LightningView, shell: Shell, active: boolean): string {
  const data = `data-sandbox-path="${escapeHtml(view.path)}" data-sandbox-title="${escapeHtml(view.title)}" data-sandbox-object="${view.object}"`;
  const state = active ? ' active' : '';
  const hidden = active ? '' : ' hidden style="display: none"';
  if (shell === 'standard') {
    return `<div class="windowViewMode-normal oneContent${state} lafPageHost" ${data}${hidden}>${view.content}</div>`;
  }
  return `<div class="oneWorkspace${state}" ${data}${hidden}>
    <section class="tabContent${state} oneConsoleTab" data-sandbox-activates>
      <div class="windowViewMode-maximized${state} lafPageHost" data-sandbox-activates>${view.content}</div>
    </section></div>`;
}

function consoleTab(view: LightningView, active: boolean): string {
  const state = active ? ' slds-is-active active' : '';
  return `<li class="oneConsoleTabItem tabItem${state}" role="presentation" data-sandbox-path="${escapeHtml(view.path)}">
    <a class="tabHeader" role="tab" aria-selected="${active}" href="${escapeHtml(view.path)}" title="${escapeHtml(view.tabLabel)}"><span class="title">${escapeHtml(view.tabLabel)}</span></a></li>`;
}

function navBar(current: string): string {
  const items = [{ object: 'home', href: LIGHTNING_HOME_PATH, label: 'Home' }].concat(
    NAV_OBJECTS.map((type) => ({ object: type, href: `/lightning/o/${type}/home`, label: PLURAL[type] ?? type })),
  );
  const lis = items.map(
    (
      item,
    ) => `<li class="navItem slds-context-bar__item${item.object === current ? ' slds-is-active' : ''}" data-sandbox-object="${item.object}">
      <a href="${item.href}" class="slds-context-bar__label-action" title="${item.label}"><span class="slds-truncate">${item.label}</span></a></li>`,
  );
  return `<one-app-nav-bar><nav class="slds-context-bar__secondary" role="navigation" aria-label="Global"><ul>${lis.join('')}</ul></nav></one-app-nav-bar>`;
}

const globalHeader = (org: SalesforceOrg) => `<header id="oneHeader" class="oneHeader slds-global-header_container">
  <div class="brandLogo" aria-label="Salesforce">SF</div>
  <div class="globalSearch" role="search">Search...</div>
  <div class="userMenu"><a href="${org.classicOrigin}/home/home.jsp">Switch to Salesforce Classic</a>
    <span class="userName">Riley Rep</span><a href="${LOGOUT_PATH}">Log Out</a></div>
</header>`;

function standardManager(view: LightningView): string {
  return `<div class="navexStandardManager">
    <div class="oneAppNavContainer"><one-appnav><span class="appName">Sales</span>${navBar(view.object)}</one-appnav></div>
    <div class="oneCenterStage mainContentMark"><div role="main" class="contentArea">
      <div class="slds-brand-band slds-brand-band_cover slds-brand-band_medium"><div class="slds-template__container">
        <div class="oneCenterStage lafSinglePaneWindowManager" data-sandbox-stage>${viewHost(view, 'standard', true)}</div>
      </div></div>
    </div></div>
  </div>`;
}

function consoleManager(view: LightningView): string {
  return `<div class="workspaceManager navexWorkspaceManager"><div class="oneConsoleTabset">
    <div class="tabsetHeader"><span class="appName">Service Console</span>${navBar(view.object)}
      <ul class="tabBarItems" role="tablist" data-sandbox-tabs>${consoleTab(view, true)}</ul></div>
    <div class="tabsetBody mainContentMark active">
      <div class="split-right" role="main" data-sandbox-stage>${viewHost(view, 'console', true)}</div>
    </div>
  </div></div>`;
}

export function lightningShell(org: SalesforceOrg, view: LightningView, shell: Shell): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.title)}</title><style>${LIGHTNING_CSS}</style></head>
<body class="desktop" data-sandbox-shell="${shell}">
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess">
  <div class="viewport"><section class="layoutContent stage">
    ${globalHeader(org)}
    ${shell === 'console' ? consoleManager(view) : standardManager(view)}
  </section></div>
</div>
<script>${NAVIGATION_SCRIPT}</script>
</body></html>`;
}
