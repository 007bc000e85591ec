// HTTP face of the Glance emulator: the ASMX-style services on www.glance.net, the agent start page
// and agent viewer, the trial page, and the guest join page on every <address>.glance.net. Paths,
// fields and faults come from src/background/glance/documented.ts and assumptions.ts, the same lists
// the extension's client follows. By default only what Glance documents answers (GlanceService.assumedOps).
import {
  ASMX_UNKNOWN_METHOD,
  AUTH_FIELD,
  FAULT_HTTP_STATUS,
  FORM_CONTENT_TYPE,
  GLANCE_FAULT,
  JOIN_KEY_QUERY,
  SESSION_FIELD,
  SESSION_OP,
  SESSION_SERVICE_PATH,
  TRIAL_SIGNUP_PATH,
  VALIDATE_USER_FIELD,
  VALIDATE_USER_PATH,
} from '../../../src/background/glance/assumptions.js';
import { AGENT_START_PATH, AGENT_VIEW_PATH, isGlanceAddress } from '../../../src/background/glance/documented.js';
import { type Handler, html, type SandboxRequest, type SandboxResponse, xml } from '../http.js';
import { agentStartPage, agentViewPage } from './agent-pages.js';
import {
  joinedPage,
  joinFormPage,
  NAME_REQUIRED_MESSAGE,
  NO_SESSION_MESSAGE,
  unknownAddressPage,
} from './join-page.js';
import { PRESENCE_HOST, presenceRoutes } from './presence.js';
import { RECORDS_HOST, recordsRoutes } from './records.js';
import { GlanceFault, type GlanceService, type GlanceSession, isSessionType } from './service.js';
import { singleSignOnRoutes } from './sso-pages.js';
import { trialSignupPage, trialThanksPage } from './trial-page.js';
import { conferenceInfoXml, faultXml, sessionInfoXml, validateUserXml } from './xml.js';

const WEB_HOST = 'www.glance.net';

export function glanceHandler(glance: GlanceService): Handler {
  return (req) => {
    const glanceHost = req.host === WEB_HOST || isGlanceAddress(req.host);
    if (glanceHost && req.url.pathname === '/favicon.ico') return { status: 204 };
    if (req.host === WEB_HOST) return webHost(glance, req);
    if (req.host === PRESENCE_HOST) return presenceRoutes(glance, req);
    if (req.host === RECORDS_HOST) return recordsRoutes(glance, req);
    if (isGlanceAddress(req.host)) return joinHost(glance, req);
    return undefined;
  };
}

function webHost(glance: GlanceService, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  const service =
    path === VALIDATE_USER_PATH || path === SESSION_SERVICE_PATH || path.startsWith(`${SESSION_SERVICE_PATH}/`);
  const redirect = glance.misbehaviour.redirect;
  if (service && redirect && redirect.count > 0) {
    // The control switch: a 307 keeps the method and body, so a client that follows it posts the
    // credential (or password) to the other host.
    redirect.count--;
    return { status: 307, headers: { location: `https://${redirect.to}${path}` } };
  }
  if (path === VALIDATE_USER_PATH) return asmx(req, (form) => validateUser(glance, form));
  const signOn = singleSignOnRoutes(glance, req);
  if (signOn) return signOn;
  if (
    path === SESSION_SERVICE_PATH &&
    req.method === 'GET' &&
    [...req.url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')
  ) {
    return {
      status: 200,
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: sessionServiceWsdl(glance.assumedOps),
    };
  }
  if (path.startsWith(`${SESSION_SERVICE_PATH}/`)) {
    const op = path.slice(SESSION_SERVICE_PATH.length + 1);
    // A real account has none of the assumed ops (A6): ASMX's own answer to an unknown web method.
    if (!glance.assumedOps || !(Object.values(SESSION_OP) as string[]).includes(op)) {
      return {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `${ASMX_UNKNOWN_METHOD(op)}\r\n   at System.Web.Services.Protocols.HttpServerType..ctor(Type type)\r\n`,
      };
    }
    return asmx(req, (form) => sessionOp(glance, op, form));
  }
  if (path === AGENT_START_PATH && req.method === 'GET') return html(200, agentStartPage(req.url.searchParams));
  if (path.toLowerCase() === AGENT_VIEW_PATH.toLowerCase() && req.method === 'GET') {
    const { status, body } = agentViewPage(glance, req.url.searchParams);
    return html(status, body);
  }
  if (path === TRIAL_SIGNUP_PATH) {
    return html(
      200,
      req.method === 'POST' ? trialThanksPage(new URLSearchParams(req.body)) : trialSignupPage(req.url.searchParams),
    );
  }
  return undefined;
}

/**
 * The ASMX form-POST binding: POST only, a form body, XML out, and every failure a 500 fault (A4).
 */
function asmx(req: SandboxRequest, op: (form: URLSearchParams) => string): SandboxResponse {
  if (req.method !== 'POST') {
    return {
      status: 405,
      headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'POST' },
      body: 'Method not allowed.',
    };
  }
  const contentType = String(req.headers['content-type'] ?? '');
  try {
    if (!contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE)) {
      throw new GlanceFault(GLANCE_FAULT.invalidRequest, `Request format is invalid: ${contentType || 'none'}.`);
    }
    return xml(200, op(new URLSearchParams(req.body)));
  } catch (error) {
    if (error instanceof GlanceFault) return xml(FAULT_HTTP_STATUS, faultXml(error.code, error.message));
    throw error;
  }
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null) throw new GlanceFault(GLANCE_FAULT.invalidRequest, `Missing parameter: ${name}.`);
  return value;
}

function validateUser(glance: GlanceService, form: URLSearchParams): string {
  const { account, credentials } = glance.validateUser(
    required(form, VALIDATE_USER_FIELD.username),
    required(form, VALIDATE_USER_FIELD.password),
  );
  return validateUserXml(account, credentials);
}

/**
 * The service's WSDL, as ASMX writes one at `?WSDL`: the operations Glance's shipped agent script
 * calls (LookupPartnerSession2, AgentInSession: seen, not documented), and the assumed ones (A6)
 * only while a test turns them on, as a real account has none of them.
 */
function sessionServiceWsdl(assumedOps: boolean): string {
  const ops = ['LookupPartnerSession2', 'AgentInSession', ...(assumedOps ? Object.values(SESSION_OP) : [])];
  const operations = ops
    .map(
      (op) =>
        `<wsdl:operation name="${op}"><wsdl:input message="tns:${op}HttpPostIn" /><wsdl:output message="tns:${op}HttpPostOut" /></wsdl:operation>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="http://www.glance.net/" targetNamespace="http://www.glance.net/">
<wsdl:portType name="SessionServiceHttpPost">${operations}</wsdl:portType>
</wsdl:definitions>`;
}

function sessionOp(glance: GlanceService, op: string, form: URLSearchParams): string {
  const account = glance.authenticate(
    required(form, AUTH_FIELD.groupId),
    required(form, AUTH_FIELD.adminName),
    required(form, AUTH_FIELD.adminCredentials),
  );
  const sessionType = () => {
    const value = required(form, SESSION_FIELD.sessionType);
    if (!isSessionType(value)) throw new GlanceFault(GLANCE_FAULT.invalidRequest, `Unknown session type ${value}.`);
    return value;
  };
  const key = () => required(form, SESSION_FIELD.key);
  const sessionInfo = (session: GlanceSession) => sessionInfoXml(session, glance.misbehaviour.joinUrl);
  switch (op) {
    case SESSION_OP.status:
      return sessionInfo(glance.sessionByKey(account, key()));
    case SESSION_OP.setType:
      return sessionInfo(glance.setSessionType(account, key(), sessionType()));
    case SESSION_OP.end:
      return sessionInfo(glance.endSession(account, key()));
    default: // SESSION_OP.conference, the only op left
      return conferenceInfoXml(account);
  }
}

function joinHost(glance: GlanceService, req: SandboxRequest): SandboxResponse | undefined {
  if (req.url.pathname !== '/') return undefined;
  const account = glance.account(req.host);
  if (!account) return html(404, unknownAddressPage(req.host));
  if (req.method !== 'POST') {
    return html(200, joinFormPage(account, { key: req.url.searchParams.get(JOIN_KEY_QUERY) ?? '' }));
  }
  const form = new URLSearchParams(req.body);
  const values = {
    key: (form.get('key') ?? '').trim(),
    name: (form.get('name') ?? '').trim(),
    email: (form.get('email') ?? '').trim(),
    phone: (form.get('phone') ?? '').trim(),
  };
  if (!values.name) return html(200, joinFormPage(account, values, NAME_REQUIRED_MESSAGE));
  const session = glance.join(account.address, values.key, values);
  if (!session) return html(200, joinFormPage(account, values, NO_SESSION_MESSAGE));
  return html(200, joinedPage(account, session, values.name));
}
