// A My Domain that was changed: Salesforce redirects the org's previous host names to the new ones
// "until you deploy another My Domain change or until you disable or remove your previous My
// Domain", and "all redirections from previous My Domain host names use redirect code 301 or
// redirect code 307" (Salesforce Help, "Understand Redirections for Previous My Domain Host Names").
// Every path redirects, the REST API's included, to the same path and query on the new host. Which
// of the two codes goes with which request is not documented: here 301 for GET and HEAD, and 307
// (method and body kept) for the rest, so a client that follows blindly would resend its write.
import type { Handler } from '../http.js';
import type { SalesforceOrg } from './org.js';

export function previousMyDomainHandler(orgs: readonly SalesforceOrg[]): Handler {
  return (req) => {
    const to = orgs.map((org) => org.previousHosts.get(req.host)).find((host) => host !== undefined);
    if (!to) return undefined;
    const status = req.method === 'GET' || req.method === 'HEAD' ? 301 : 307;
    return { status, headers: { location: `https://${to}${req.url.pathname}${req.url.search}` } };
  };
}
