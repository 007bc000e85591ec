// The Salesforce web pages of the sandbox (the REST API under /services/ is api.ts's): login and
// logout, Lightning Experience on the Lightning host, Classic on the My Domain host, Setup on its own.
import type { Handler } from '../http.js';
import type { SalesforceOrg } from './org.js';
import { classicRoutes } from './pages-classic.js';
import { idpRoutes } from './pages-idp.js';
import { lightningRoutes } from './pages-lightning.js';
import { loginRoutes } from './pages-login.js';
import { setupRoutes } from './pages-setup.js';

export { VIEW_ENDPOINT } from './lightning-script.js';
export { FRONTDOOR_PATH, LOGOUT_PATH, SESSION_COOKIE } from './pages-login.js';
export { CLASSIC_HOST, CLASSIC_ORIGIN, LIGHTNING_HOST, LIGHTNING_ORIGIN } from './record-display.js';

/** Serves the pages of every org given, each on its own hosts. */
export function salesforcePagesHandler(orgs: SalesforceOrg | readonly SalesforceOrg[]): Handler {
  const list = Array.isArray(orgs) ? orgs : [orgs as SalesforceOrg];
  return (req) => {
    if (req.url.pathname.startsWith('/services/')) return undefined;
    const org = list.find(
      (o) => req.host === o.classicHost || req.host === o.lightningHost || req.host === o.setupHost,
    );
    if (!org) return undefined;
    // An empty favicon keeps "404" noise out of the browser console that tests may watch.
    if (req.url.pathname === '/favicon.ico') return { status: 204 };
    return (
      idpRoutes(org, req) ??
      loginRoutes(org, req) ??
      (req.host === org.classicHost
        ? classicRoutes(org, req)
        : req.host === org.setupHost
          ? setupRoutes(org, req)
          : lightningRoutes(org, req))
    );
  };
}
