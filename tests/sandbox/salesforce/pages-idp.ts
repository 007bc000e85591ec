// Salesforce as a SAML identity provider, for a company that signs its reps in to Glance with their
// Salesforce login (Glance: help.glance.net/integrations/saml/session_cookie/, `idptoken` = the
// Salesforce org id; Salesforce Help "Identity Provider Values": the SP-initiated endpoints are
// https://<My Domain>/idp/endpoint/HttpRedirect and …/HttpPost). Salesforce answers an AuthnRequest
// only from a service provider set up in the org as a connected app (its Entity ID and ACS URL), and
// posts the Response only to that connected app's ACS URL, never to one the request names. A
// visitor without a session goes to the login page first, as any protected page does. Its pages
// refuse to be framed (Salesforce's clickjack protection), so a sign-on cannot run inside a frame.

import { escapeHtml, html, type SandboxRequest, type SandboxResponse } from '../http.js';
import { decodeAuthnRequest, encodeResponse, idpSigningKey } from '../saml/assertion.js';
import type { SalesforceOrg } from './org.js';
import { loginRedirect, SESSION_COOKIE } from './pages-login.js';

export const IDP_REDIRECT_PATH = '/idp/endpoint/HttpRedirect';

/** A service provider the org's admin set up as a SAML connected app. */
export interface SamlServiceProvider {
  entityId: string;
  acsUrl: string;
}

const NO_FRAMES = { 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" };

function errorPage(text: string): SandboxResponse {
  return html(
    400,
    `<!doctype html><title>Error | Salesforce</title><h1 role="alert">${escapeHtml(text)}</h1>`,
    NO_FRAMES,
  );
}

export function idpRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  if (req.url.pathname !== IDP_REDIRECT_PATH || req.host !== org.classicHost) return undefined;
  const session = org.validSession(req.cookies[SESSION_COOKIE]);
  if (!session) return loginRedirect(org, req);
  const request = decodeAuthnRequest(req.url.searchParams.get('SAMLRequest') ?? '');
  if (!request) return errorPage('The SAML request is not valid.');
  const provider = org.samlServiceProviders.find((sp) => sp.entityId === request.issuer);
  if (!provider) return errorPage(`No connected app for the service provider ${request.issuer}.`);
  const email = String(org.get(session.userId)?.fields.Email ?? '');
  const response = encodeResponse(
    { issuer: org.classicOrigin, nameId: email, inResponseTo: request.id },
    idpSigningKey(org.orgId),
  );
  const relayState = req.url.searchParams.get('RelayState') ?? '';
  // The HTTP-POST binding: a form the browser submits at once to the connected app's ACS URL.
  return html(
    200,
    `<!doctype html><html><head><title>Salesforce</title></head>
<body onload="document.forms[0].submit()">
<form method="post" action="${escapeHtml(provider.acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${escapeHtml(response)}">
<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">
<noscript><button type="submit">Continue</button></noscript>
</form></body></html>`,
    NO_FRAMES,
  );
}
