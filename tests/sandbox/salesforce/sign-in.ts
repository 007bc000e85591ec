// How tools sign in to the emulated orgs: the OAuth token endpoint and SOAP login(), on the login
// hosts (login.salesforce.com for production, test.salesforce.com for sandboxes) and on each My Domain.
// The orgs are new orgs, and refuse what new orgs refuse:
// - the OAuth 2.0 username-password flow, blocked by default in orgs created since Summer '23
//   (Summer '23 release notes, "Username-Password Flow Blocked by Default") and never offered by
//   External Client Apps. Salesforce answers 400 invalid_grant "authentication failure" and names the
//   reason ("Username-Password Flow Disabled") only in the user's Login History (jsforce/jsforce#1506;
//   ForceCLI/force#780);
// - SOAP login(): "not available in API version 65.0 and later" and "disabled by default for orgs
//   created in Winter '26 and later" (SOAP API Developer Guide, login()). The fault texts are
//   Salesforce's, as tools report them (forcedotcom/wsc#363; OpenFn/adaptors#1715).
// The device flow of an External Client App works when the org enabled it for that app (oauth-device.ts).
import { json, type SandboxRequest, type SandboxResponse, xml } from '../http.js';
import type { SalesforceOrg } from './org.js';

const TOKEN_PATH = '/services/oauth2/token';
const SOAP_PATH = /^\/services\/Soap\/[uc]\/(\d+\.\d+)$/;
const LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);
/** The first API version without SOAP login(). */
const SOAP_LOGIN_GONE_FROM = 65;
/** The polling interval Salesforce answers with a device code, in seconds. */
export const DEVICE_POLL_INTERVAL = 5;

/** The token endpoint and SOAP login() of the orgs, or undefined when the request is for neither. */
export function signInRoutes(orgs: readonly SalesforceOrg[], req: SandboxRequest): SandboxResponse | undefined {
  const candidates = LOGIN_HOSTS.has(req.host) ? orgs : orgs.filter((o) => o.classicHost === req.host);
  if (candidates.length === 0) return undefined;
  const path = req.url.pathname;
  if (path === TOKEN_PATH && req.method === 'POST') return token(candidates, req);
  const soap = SOAP_PATH.exec(path);
  if (soap && req.method === 'POST' && /<(?:\w+:)?login[\s>]/.test(req.body)) return soapLogin(soap[1] as string);
  return undefined;
}

const oauthError = (error: string, description: string) =>
  json(
    400,
    { error, error_description: description },
    { 'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private' },
  );

function token(orgs: readonly SalesforceOrg[], req: SandboxRequest): SandboxResponse {
  // A body that is not form-encoded has no grant type Salesforce can read: it answers as for an
  // unknown one (stackoverflow.com/questions/10890467).
  const form = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
    ? new URLSearchParams(req.body)
    : new URLSearchParams();
  const clientId = form.get('client_id') ?? '';
  if (form.get('response_type') === 'device_code') {
    const org = orgs.find((o) => o.setup.deviceFlowApps.has(clientId));
    // Salesforce Help, "OAuth 2.0 Authorization Errors": invalid_client_id, "client identifier invalid".
    if (!org) return oauthError('invalid_client_id', 'client identifier invalid');
    const { deviceCode, userCode } = org.devices.start(clientId);
    return json(200, {
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: `https://${req.host}/setup/connect`,
      interval: DEVICE_POLL_INTERVAL,
    });
  }
  switch (form.get('grant_type')) {
    case 'password':
      return oauthError('invalid_grant', 'authentication failure');
    case 'device':
      return devicePoll(orgs, clientId, form.get('code') ?? '');
    default:
      return oauthError('unsupported_grant_type', 'grant type not supported');
  }
}

/** A poll of the device flow: grant_type=device with the device code as `code` (as the sf CLI sends it). */
function devicePoll(orgs: readonly SalesforceOrg[], clientId: string, code: string): SandboxResponse {
  for (const org of orgs) {
    const poll = org.devices.poll(clientId, code);
    if (poll.state === 'unknown') continue;
    // RFC 8628 §3.5's error codes, which the sf CLI's device login waits on (authorization_pending).
    if (poll.state === 'pending') return oauthError('authorization_pending', 'authorization pending');
    if (poll.state === 'denied') return oauthError('access_denied', 'end-user denied authorization');
    const session = org.createSession(poll.userId);
    return json(200, {
      access_token: session.sid,
      signature: 'sandbox',
      scope: 'api refresh_token',
      instance_url: org.classicOrigin,
      id: `https://login.salesforce.com/id/${org.orgId18}/${poll.userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    });
  }
  return oauthError('invalid_grant', 'invalid device code');
}

function soapLogin(version: string): SandboxResponse {
  const message =
    Number(version) >= SOAP_LOGIN_GONE_FROM
      ? `The SOAP Login operation is not available in the API version specified (${version}). Refer to the documentation for supported versions.`
      : 'SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().';
  return xml(
    500,
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
      'xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>' +
      `<soapenv:Fault><faultcode>INVALID_OPERATION</faultcode><faultstring>INVALID_OPERATION: ${message}</faultstring>` +
      '<detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_OPERATION</sf:exceptionCode>' +
      `<sf:exceptionMessage>${message}</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`,
  );
}
