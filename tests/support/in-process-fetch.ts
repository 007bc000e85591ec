// A fetch that answers from the sandbox's emulators in-process (no socket, no browser), so the
// background's logic is tested against the same Salesforce and Glance behaviour as the browser tests.
// It honours the same fault rules as the HTTPS server, with real fetch's failure semantics: a
// dropped connection rejects with TypeError('Failed to fetch') (after applying the request for a
// cut-after-apply rule), and a hung request settles only when its AbortSignal aborts, rejecting
// with the signal's reason.
import { glanceHandler } from '../sandbox/glance/api.js';
import { parseCookies, type SandboxRequest } from '../sandbox/http.js';
import { salesforceApiHandler } from '../sandbox/salesforce/api.js';
import { SandboxState, serviceOfHost } from '../sandbox/state.js';

export function inProcessSandbox() {
  const state = new SandboxState();
  const calls: { method: string; host: string; path: string; body: string }[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const signal = init.signal ?? undefined;
    // Real fetch rejects at once, sending nothing, when its signal has already aborted.
    if (signal?.aborted) throw signal.reason;
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? init.body : '';
    const request: SandboxRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      host: url.hostname,
      headers: Object.fromEntries(headers.entries()),
      body,
      cookies: parseCookies(headers.get('cookie') ?? undefined),
    };
    calls.push({ method: request.method, host: url.hostname, path: url.pathname + url.search, body });
    const service = serviceOfHost(url.hostname);
    const answerOf = async () =>
      (await salesforceApiHandler(state.orgList())(request)) ?? (await glanceHandler(state.glance)(request));
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
  }) as typeof globalThis.fetch;
  return { state, fetch, calls };
}
