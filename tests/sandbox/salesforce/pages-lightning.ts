// Lightning Experience on https://<org>.lightning.force.com: the app shell (standard navigation or a
// console app) around one view, and the endpoint the shell's script fetches views from when it
// navigates client-side. Outline: shared/reference/lightning-dom.md.
import { escapeHtml, html, json, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import { CHURN_SCRIPT } from './lightning-churn.js';
import { appLauncher, fullShadow, navItem, utilityBar } from './lightning-native-shadow.js';
import { NAVIGATION_SCRIPT, RECORD_DATA_ENDPOINT, VIEW_ENDPOINT } from './lightning-script.js';
import { DEFAULT_VARIANT, type LightningVariant, label, parseVariant, VARIANT_COOKIE } from './lightning-variants.js';
import { type LightningView, resolveLightningView } from './lightning-views.js';
import type { SalesforceOrg } from './org.js';
import { LIGHTNING_CSS } from './page-assets.js';
import { LOGOUT_PATH, loginRedirect, SESSION_COOKIE } from './pages-login.js';
import { LIGHTNING_HOME_PATH, NAV_OBJECTS, PLURAL } from './record-display.js';

export type Shell = 'standard' | 'console';

/**
 * A console app, when the user's app is one (the variant cookie: Salesforce remembers the last app,
 * the URL does not say it) or when the URL is a console subtab's (`?ws=` appears only there).
 */
const shellOf = (url: URL, variant: LightningVariant): Shell =>
  variant.console || url.searchParams.has('ws') ? 'console' : 'standard';

const variantOf = (req: SandboxRequest) => parseVariant(req.cookies[VARIANT_COOKIE]);

export function lightningRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  if (path === '/' || path === '/lightning' || path === '/one/one.app') return redirect(LIGHTNING_HOME_PATH);
  // This host's own session: the Lightning sid the frontdoor hop set, never the My Domain one.
  const signedIn = !!org.validLightningSession(req.cookies[SESSION_COOKIE]);
  const variant = variantOf(req);
  // The record data the page's components wait for (lightning-script.ts): its content is not read.
  if (path === RECORD_DATA_ENDPOINT) return signedIn ? json(200, {}) : json(401, { error: 'INVALID_SESSION_ID' });
  if (path === VIEW_ENDPOINT) {
    if (!signedIn) return json(401, { error: 'INVALID_SESSION_ID' });
    const shell: Shell = req.url.searchParams.get('shell') === 'console' ? 'console' : 'standard';
    const view = resolveLightningView(org, new URL(req.url.searchParams.get('path') ?? '/', req.url).pathname, variant);
    // Fetched views arrive inactive and hidden; the script shows them once it knows they are still wanted.
    // Console: the view as a new workspace (its primary tab, first subtab inside) or as one more subtab.
    return json(200, {
      status: view.status,
      path: view.path,
      title: view.title,
      html: shell === 'console' ? undefined : standardHost(view, false),
      workspaceHtml: shell === 'console' ? workspace(view, subtab(view, true), false) : undefined,
      subtabHtml: shell === 'console' ? subtab(view, false) : undefined,
      tabHtml: shell === 'console' ? consoleTab(view, false) : undefined,
    });
  }
  if (!path.startsWith('/lightning/')) return undefined;
  if (!signedIn) return loginRedirect(org, req);
  const view = resolveLightningView(org, path, variant);
  if (view.path !== path) return redirect(`${view.path}${req.url.search}`);
  const shell = shellOf(req.url, variant);
  // A subtab's URL names its parent workspace (the primary tab's path) in ?ws=.
  const wsPath = shell === 'console' ? workspacePath(req.url) : undefined;
  const parent = wsPath && wsPath !== view.path ? resolveLightningView(org, wsPath, variant) : undefined;
  return html(view.status, lightningShell(org, view, shell, variant, parent));
}

function workspacePath(url: URL): string | undefined {
  const ws = url.searchParams.get('ws');
  if (!ws) return undefined;
  try {
    return new URL(ws, url).pathname;
  } catch {
    return undefined;
  }
}

const viewData = (view: LightningView) =>
  `data-sandbox-path="${escapeHtml(view.path)}" data-sandbox-title="${escapeHtml(view.title)}" data-sandbox-object="${view.object}"`;
const hiddenUnless = (shown: boolean) => (shown ? '' : ' hidden style="display: none"');

/** Standard navigation: the page host itself holds the view. */
function standardHost(view: LightningView, active: boolean): string {
  return `<div class="windowViewMode-normal oneContent${active ? ' active' : ''} lafPageHost" ${viewData(view)}${hiddenUnless(active)}>${view.content}</div>`;
}

/**
 * A console subtab (Salesforce UI page objects navex/*; salesforce.md "Console apps"):
 * section.tabContent.oneConsoleTab > div.oneWorkspaceTabWrapper > div.windowViewMode-maximized.lafPageHost,
 * with no oneContent. `active` marks the workspace's focused subtab.
 */
function subtab(view: LightningView, active: boolean): string {
  const state = active ? ' active' : '';
  return `<section class="tabContent${state} oneConsoleTab" role="tabpanel" data-sandbox-subtab ${viewData(view)}${hiddenUnless(active)}>
      <div class="oneWorkspaceTabWrapper"><div class="windowViewMode-maximized${state} lafPageHost" data-sandbox-activates>${view.content}</div></div>
    </section>`;
}

/**
 * A console workspace (primary tab): section.tabContent.oneConsoleTab > div.oneWorkspace.navexWorkspace >
 * div.wsTabset.oneConsoleTabset, whose subtabs are the primary record's page and what was opened from it.
 * A background workspace is hidden and keeps its active subtab (and that subtab's `active` classes).
 */
function workspace(primary: LightningView, subtabs: string, active: boolean, tabs?: string): string {
  const state = active ? ' active' : '';
  return `<section class="tabContent${state} oneConsoleTab" role="tabpanel" data-sandbox-workspace data-sandbox-path="${escapeHtml(primary.path)}"${hiddenUnless(active)}>
    <div class="oneWorkspace navexWorkspace${state}"><div class="wsTabset oneConsoleTabset">
      <div class="tabsetHeader slds-sub-tabs"><ul class="tabBarItems" role="tablist" data-sandbox-subtabs>${tabs ?? consoleTab(primary, true)}</ul></div>
      <div class="tabsetBody" data-sandbox-subtab-stage>${subtabs}</div>
    </div></div>
  </section>`;
}

function consoleTab(view: LightningView, active: boolean): string {
  const state = active ? ' slds-is-active active' : '';
  return `<li class="oneConsoleTabItem tabItem${state}" role="presentation" data-sandbox-path="${escapeHtml(view.path)}">
    <a class="tabHeader" role="tab" aria-selected="${active}" href="${escapeHtml(view.path)}" title="${escapeHtml(view.tabLabel)}"><span class="title">${escapeHtml(view.tabLabel)}</span></a></li>`;
}

function navBar(current: string, v: LightningVariant): string {
  const items = [{ object: 'home', href: LIGHTNING_HOME_PATH, label: label(v, 'Home') }].concat(
    NAV_OBJECTS.map((type) => ({
      object: type,
      href: `/lightning/o/${type}/home`,
      label: label(v, PLURAL[type] ?? type),
    })),
  );
  const lis = items.map((item) =>
    fullShadow(v)
      ? navItem(item.object === current, item.object, item.href, item.label)
      : `<li class="navItem slds-context-bar__item${item.object === current ? ' slds-is-active' : ''}" data-sandbox-object="${item.object}">
      <a href="${item.href}" class="slds-context-bar__label-action" title="${item.label}"><span class="slds-truncate">${item.label}</span></a></li>`,
  );
  return `<one-app-nav-bar><nav class="slds-context-bar__secondary" role="navigation" aria-label="Global"><ul>${lis.join('')}</ul></nav></one-app-nav-bar>`;
}

const globalHeader = (
  org: SalesforceOrg,
  v: LightningVariant,
) => `<header id="oneHeader" class="oneHeader slds-global-header_container">
  <div class="brandLogo" aria-label="Salesforce">SF</div>
  <div class="globalSearch" role="search">${label(v, 'Search...')}</div>
  <div class="userMenu"><a href="${org.classicOrigin}/home/home.jsp">Switch to Salesforce Classic</a>
    <span class="userName">Riley Rep</span><a href="${LOGOUT_PATH}">${label(v, 'Log Out')}</a></div>
</header>`;

function standardManager(view: LightningView, v: LightningVariant): string {
  return `<div class="navexStandardManager">
    <div class="oneAppNavContainer"><one-appnav>${appLauncher(v)}<span class="appName">${label(v, 'Sales')}</span>${navBar(view.object, v)}</one-appnav></div>
    <div class="oneCenterStage mainContentMark"><div role="main" class="contentArea">
      <div class="slds-brand-band slds-brand-band_cover slds-brand-band_medium"><div class="slds-template__container">
        <div class="oneCenterStage lafSinglePaneWindowManager" data-sandbox-stage>${standardHost(view, true)}</div>
      </div></div>
    </div></div>
  </div>`;
}

/** The console: one workspace, holding the view as its primary tab, or (a subtab URL) the parent's
 *  primary tab in the background and the view as the focused subtab. */
function consoleManager(view: LightningView, parent: LightningView | undefined, v: LightningVariant): string {
  const primary = parent ?? view;
  const subtabs = parent ? subtab(parent, false) + subtab(view, true) : subtab(view, true);
  const subtabTabs = parent ? consoleTab(parent, false) + consoleTab(view, true) : undefined;
  return `<div class="workspaceManager navexWorkspaceManager"><div class="oneConsoleTabset">
    <div class="tabsetHeader"><span class="appName">${label(v, 'Service Console')}</span>${navBar(view.object, v)}
      <ul class="tabBarItems" role="tablist" data-sandbox-tabs>${consoleTab(primary, true)}</ul></div>
    <div class="tabsetBody mainContentMark active">
      <div class="split-right" role="main" data-sandbox-stage>${workspace(primary, subtabs, true, subtabTabs)}</div>
    </div>
  </div></div>`;
}

/** Native shadow for the shell's script (lightning-script.ts): which components get shadow roots. */
const shadowAttribute = (v: LightningVariant) =>
  v.shadow === 'full' ? ' data-sandbox-shadow="full"' : v.shadow === 'components' ? ' data-sandbox-shadow' : '';

export function lightningShell(
  org: SalesforceOrg,
  view: LightningView,
  shell: Shell,
  variant: LightningVariant = DEFAULT_VARIANT,
  parent?: LightningView,
): string {
  return `<!doctype html>
<html lang="${variant.lang}"><head><meta charset="utf-8"><title>${escapeHtml(view.title)}</title><style>${LIGHTNING_CSS}</style></head>
<body class="desktop" data-sandbox-shell="${shell}"${shadowAttribute(variant)}${variant.churn ? ` data-sandbox-churn="${variant.churn}"` : ''}>
<div class="desktop container forceStyle oneOne navexDesktopLayoutContainer lafAppLayoutHost forceAccess">
  <div class="viewport"><section class="layoutContent stage">
    ${globalHeader(org, variant)}
    ${shell === 'console' ? consoleManager(view, parent, variant) : standardManager(view, variant)}
  </section></div>${utilityBar(variant)}
</div>
<script>${NAVIGATION_SCRIPT}</script>${variant.churn ? `\n<script>${CHURN_SCRIPT}</script>` : ''}
</body></html>`;
}
