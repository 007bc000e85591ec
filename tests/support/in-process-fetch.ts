// A fetch that answers from the sandbox's emulators in-process (no socket, no browser), so the
// background's logic is tested against the same Salesforce and Glance behaviour as the browser tests.
// It honours the same fault rules as the HTTPS server, with real fetch's failure semantics: a
// dropped connection rejects with TypeError('Failed to fetch') (after applying the request for a
// cut-after-apply rule), and a hung request settles only when its AbortSignal aborts, rejecting
// with the signal's reason. Redirects follow the Fetch Standard's three modes: 'error' rejects with
// a TypeError, 'manual' gives an opaque-redirect response (status 0, no headers: no Location, as an
// extension service worker gets it), 'follow' (the default) goes on, at most 20 times, dropping
// Authorization on a hop to another origin, and the answer's `url` and `redirected` tell where it ended.
import { glanceHandler } from '../sandbox/glance/api.js';
import { parseCookies, type SandboxRequest } from '../sandbox/http.js';
import { salesforceApiHandler } from '../sandbox/salesforce/api.js';
import { previousMyDomainHandler } from '../sandbox/salesforce/previous-my-domain.js';
import { SandboxState, serviceOfHost } from '../sandbox/state.js';

export function inProcessSandbox() {
  const state = new SandboxState();
  const calls: { method: string; host: string; path: string; body: string; authorized: boolean }[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    let url = new URL(String(input));
    let headers = new Headers(init.headers);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = typeof init.body === 'string' ? init.body : '';
    for (let hops = 0; ; hops++) {
      const response = await once(url, { ...init, method, headers, body });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return stamped(response, url, hops > 0);
      const mode = init.redirect ?? 'follow';
      if (mode === 'error' || hops >= 20) throw new TypeError('Failed to fetch');
      if (mode === 'manual') return opaqueRedirect(url);
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        headers = new Headers(headers);
        headers.delete('authorization');
      }
      // 301/302 turn a POST into a GET without a body; 303 does so for every method but HEAD.
      if (((response.status === 301 || response.status === 302) && method === 'POST') || response.status === 303) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = '';
      }
      url = next;
    }
  }) as typeof globalThis.fetch;

  const once = async (url: URL, init: RequestInit & { method: string; headers: Headers; body: string }) => {
    const signal = init.signal ?? undefined;
    // Real fetch rejects at once, sending nothing, when its signal has already aborted.
    if (signal?.aborted) throw signal.reason;
    const { headers, body } = init;
    const request: SandboxRequest = {
      method: init.method,
      url,
      host: url.hostname,
      headers: Object.fromEntries(headers.entries()),
      body,
      cookies: parseCookies(headers.get('cookie') ?? undefined),
    };
    calls.push({
      method: request.method,
      host: url.hostname,
      path: url.pathname + url.search,
      body,
      authorized: headers.has('authorization'),
    });
    const service = serviceOfHost(url.hostname);
    const answerOf = async () =>
      (await previousMyDomainHandler(state.orgList())(request)) ??
      (await salesforceApiHandler(state.orgList())(request)) ??
      (await glanceHandler(state.glance)(request));
    const fault = state.takeFault(service, request.method, url.pathname, url.hostname, body);
    if (fault) {
      if (fault.status === 0 && fault.afterApply) await answerOf();
      if (fault.status === 0) throw new TypeError('Failed to fetch');
      return new Response(fault.body ?? 'fault', { status: fault.status });
    }
    if (state.takeHang(service, request.method, url.pathname, url.hostname, body)) {
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const answer = await answerOf();
    if (!answer) return new Response('not found', { status: 404 });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
    }
    const status = answer.status;
    return new Response(status === 204 || status === 304 ? null : String(answer.body ?? ''), {
      status,
      headers: responseHeaders,
    });
  };
  return { state, fetch, calls };
}

/** The answer as fetch hands it over: where it came from, and whether a redirect led there. */
function stamped(response: Response, url: URL, redirected: boolean): Response {
  Object.defineProperty(response, 'url', { value: url.href });
  Object.defineProperty(response, 'redirected', { value: redirected });
  return response;
}

/** An opaque-redirect filtered response (Fetch Standard): status 0, no headers, no body. */
function opaqueRedirect(url: URL): Response {
  const response = new Response(null, { status: 200 });
  for (const [name, value] of Object.entries({ type: 'opaqueredirect', status: 0, ok: false, statusText: '' }))
    Object.defineProperty(response, name, { value });
  Object.defineProperty(response, 'headers', { value: new Headers() });
  return stamped(response, url, false);
}
