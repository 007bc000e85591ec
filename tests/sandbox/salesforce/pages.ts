// The Salesforce web pages of the sandbox (the REST API under /services/ is api.ts's): login and
// logout, Lightning Experience on the Lightning host, Classic on the My Domain host.
import type { Handler } from '../http.js';
import type { SalesforceOrg } from './org.js';
import { classicRoutes } from './pages-classic.js';
import { lightningRoutes } from './pages-lightning.js';
import { loginRoutes } from './pages-login.js';
import { CLASSIC_HOST, LIGHTNING_HOST } from './record-display.js';

export { VIEW_ENDPOINT } from './lightning-script.js';
export { FRONTDOOR_PATH, LOGOUT_PATH, SESSION_COOKIE } from './pages-login.js';
export { CLASSIC_HOST, CLASSIC_ORIGIN, LIGHTNING_HOST, LIGHTNING_ORIGIN } from './record-display.js';

export function salesforcePagesHandler(org: SalesforceOrg): Handler {
  return (req) => {
    if (req.url.pathname.startsWith('/services/')) return undefined;
    if (req.host !== CLASSIC_HOST && req.host !== LIGHTNING_HOST) return undefined;
    // An empty favicon keeps "404" noise out of the browser console that tests may watch.
    if (req.url.pathname === '/favicon.ico') return { status: 204 };
    return loginRoutes(org, req) ?? (req.host === CLASSIC_HOST ? classicRoutes(org, req) : lightningRoutes(org, req));
  };
}
