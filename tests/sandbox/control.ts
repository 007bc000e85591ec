// The control API for tests and the demo: plain HTTP on loopback, on its own port, a host the
// extension has no permission for and never calls.
import type { GlanceService } from './glance/service.js';
import { type Handler, json, type SandboxResponse } from './http.js';
import type { SandboxState, Service } from './state.js';

const SERVICES: Service[] = ['salesforce', 'glance', 'other'];

export function controlHandler(state: () => SandboxState): Handler {
  return (req) => {
    const path = req.url.pathname;
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    if (req.method === 'GET' && path === '/log') {
      const service = req.url.searchParams.get('service');
      const since = Number(req.url.searchParams.get('since') ?? 0);
      return json(
        200,
        state().log.filter((e) => (!service || e.service === service) && e.seq > since),
      );
    }
    if (req.method === 'POST' && path === '/reset') {
      state().reset();
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === '/fail') {
      const service = body.service as Service | undefined;
      if (service && !SERVICES.includes(service)) return json(400, { error: 'unknown service' });
      state().faults.push({
        service,
        pathIncludes: String(body.pathIncludes ?? ''),
        method: body.method ? String(body.method) : undefined,
        remaining: Number(body.count ?? 1),
        status: Number(body.status ?? 503),
        body: body.body === undefined ? undefined : String(body.body),
        contentType: body.contentType ? String(body.contentType) : undefined,
      });
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === '/latency') {
      const service = body.service as Service;
      if (!SERVICES.includes(service)) return json(400, { error: 'unknown service' });
      state().latencyMs[service] = Number(body.ms ?? 0);
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === '/salesforce/expire-sessions') {
      state().salesforce.expireSessions();
      return json(200, { ok: true });
    }
    if (req.method === 'POST' && path === '/salesforce/login') {
      // Lets a test get a session without typing into the login page.
      const session = state().salesforce.createSession(state().salesforce.defaultUserId);
      return json(200, { sid: session.sid });
    }
    if (req.method === 'GET' && path.startsWith('/salesforce/records/')) {
      const type = decodeURIComponent(path.slice('/salesforce/records/'.length));
      return json(
        200,
        state()
          .salesforce.ofType(type)
          .map((r) => ({ Id: r.Id, ...r.fields })),
      );
    }
    if (req.method === 'GET' && path === '/glance') {
      return json(200, state().glance.snapshot());
    }
    if (req.method === 'POST' && path.startsWith('/glance/')) {
      return glanceControl(state().glance, path.slice('/glance/'.length), body);
    }
    return json(404, { error: `no control route ${req.method} ${path}` });
  };
}

/** What tests do on Glance's side without a browser: move time, end a session, join or leave as a guest. */
function glanceControl(glance: GlanceService, action: string, body: Record<string, unknown>): SandboxResponse {
  const text = (name: string) => String(body[name] ?? '');
  switch (action) {
    case 'advance':
      glance.advance(Number(body.ms ?? 0));
      return json(200, { ok: true, now: new Date(glance.now()).toISOString() });
    case 'end': {
      const session = glance.endFromGlance(text('sessionId'));
      return session ? json(200, { ok: true, status: session.status }) : json(404, { error: 'no such session' });
    }
    case 'join': {
      const session = glance.join(text('address'), text('key'), {
        name: text('name'),
        email: text('email'),
        phone: text('phone'),
      });
      return session
        ? json(200, { ok: true, sessionId: session.sessionId })
        : json(404, { error: 'no session with that key' });
    }
    case 'leave': {
      const guest = glance.leave(text('sessionId'), text('guest'));
      return guest ? json(200, { ok: true }) : json(404, { error: 'no such guest in that session' });
    }
    case 'revoke':
      return glance.revokeCredentials(text('address'))
        ? json(200, { ok: true })
        : json(404, { error: 'no such account' });
    default:
      return json(404, { error: `no control route POST /glance/${action}` });
  }
}
