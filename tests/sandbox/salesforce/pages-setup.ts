// Setup on its own host, https://<org>.my.salesforce-setup.com (Salesforce Help "My Domain URL
// Formats": Setup's host, with the login host's partition, e.g. .sandbox.my.salesforce-setup.com).
// It has a session of its own, set by a frontdoor hop from the My Domain login (public automation
// against real orgs shows the hop: ".../lightning/setup/SetupOneHome/home?SetupDomainProbePassed=true"),
// and it shows Setup only: any other Lightning path goes to the org's Lightning host.
import { escapeHtml, html, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import type { SalesforceOrg } from './org.js';
import { SESSION_COOKIE } from './pages-login.js';

const SETUP_PREFIX = '/lightning/setup/';
export const SETUP_HOME_PATH = '/lightning/setup/SetupOneHome/home';

export function setupRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  if (path === '/' || path === '/lightning/setup' || path === '/lightning/setup/') return redirect(SETUP_HOME_PATH);
  if (!path.startsWith('/lightning/') && !path.startsWith('/one/')) return undefined;
  // Records, objects and apps are the Lightning host's: Setup sends the rep there.
  if (!path.startsWith(SETUP_PREFIX)) return redirect(`${org.lightningOrigin}${path}${req.url.search}`);
  // This host's own session: the Setup sid its frontdoor hop set, never the My Domain or Lightning one.
  if (!org.validSetupSession(req.cookies[SESSION_COOKIE])) {
    const back = `${org.setupOrigin}${path}${req.url.search}`;
    return redirect(`${org.classicOrigin}/?ec=302&startURL=${encodeURIComponent(back)}`);
  }
  const page = path.slice(SETUP_PREFIX.length).split('/')[0] ?? '';
  return html(200, setupPage(org, page));
}

function setupPage(org: SalesforceOrg, page: string): string {
  const title = page === 'SetupOneHome' ? 'Home' : page;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce</title></head>
<body class="desktop setupApp">
  <header class="slds-global-header"><span class="appName">Setup</span></header>
  <main class="setupcontent"><h1>${escapeHtml(title)}</h1>
    <p>Setup for ${escapeHtml(org.classicHost)}</p>
    <a href="${escapeHtml(org.lightningOrigin)}/lightning/page/home">Back to the app</a>
  </main>
</body></html>`;
}
