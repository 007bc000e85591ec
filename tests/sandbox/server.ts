// The sandbox: one HTTPS server on loopback answering for every Salesforce and Glance host (routed
// by the Host header, so Chromium reaches it at the real names through --host-resolver-rules), and a
// plain-HTTP control server on a second loopback port for tests.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { controlHandler } from './control.js';
import { glanceHandler } from './glance/api.js';
import { type Handler, json, parseCookies, type SandboxRequest, type SandboxResponse } from './http.js';
import { salesforceApiHandler } from './salesforce/api.js';
import { salesforcePagesHandler } from './salesforce/pages.js';
import { previousMyDomainHandler } from './salesforce/previous-my-domain.js';
import { type RequestLogEntry, SandboxState, serviceOfHost } from './state.js';
import { makeCertificate } from './tls.js';

export interface Sandbox {
  /** Loopback port of the HTTPS server that stands in for Salesforce and Glance. */
  port: number;
  /** Base URL of the control API, e.g. http://127.0.0.1:41234 */
  controlUrl: string;
  /** Chromium flag value mapping the real host names to the sandbox. */
  hostResolverRules: string;
  state: () => SandboxState;
  close(): Promise<void>;
}

// The first org (acme); the second, for tests across orgs, is globex on the same pattern.
export const SALESFORCE_LOGIN_URL = 'https://acme.my.salesforce.com/';
export const LIGHTNING_ORIGIN = 'https://acme.lightning.force.com';
export const CLASSIC_ORIGIN = 'https://acme.my.salesforce.com';
export const GLOBEX_LIGHTNING_ORIGIN = 'https://globex.lightning.force.com';
export const GLOBEX_CLASSIC_ORIGIN = 'https://globex.my.salesforce.com';

export function hostResolverRules(port: number): string {
  // Every Salesforce host family the extension knows (src/shared/salesforce-hosts.ts), Salesforce
  // behind a Defender for Cloud Apps proxy (…mcas.ms), and Glance.
  return [
    '*.salesforce.com',
    '*.salesforce-setup.com',
    '*.cloudforce.com',
    '*.force.com',
    '*.salesforce.mil',
    '*.crmforce.mil',
    '*.sfcrmapps.cn',
    '*.sfcrmproducts.cn',
    '*.mcas.ms',
    '*.glance.net',
    'glance.net',
  ]
    .map((pattern) => `MAP ${pattern} 127.0.0.1:${port}`)
    .join(', ');
}

async function readRequest(req: IncomingMessage, scheme: string): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hostHeader = req.headers.host ?? 'localhost';
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', `${scheme}://${hostHeader}`),
    host: hostHeader.replace(/:\d+$/, '').toLowerCase(),
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
    cookies: parseCookies(req.headers.cookie),
  };
}

function send(res: ServerResponse, answer: SandboxResponse): void {
  res.writeHead(answer.status, answer.headers ?? {});
  res.end(answer.body ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSandbox(
  options: { port?: number; controlPort?: number; quiet?: boolean } = {},
): Promise<Sandbox> {
  let state = new SandboxState();
  const current = () => state;
  const handlers: Handler[] = [
    (req) => previousMyDomainHandler(current().orgList())(req),
    (req) => salesforceApiHandler(current().orgList())(req),
    (req) => salesforcePagesHandler(current().orgList())(req),
    (req) => glanceHandler(current().glance)(req),
  ];
  // Requests held open by a hang rule; a reset or close() drops their connections.
  const held = new Set<ServerResponse>();
  const dropHeld = () => {
    for (const res of held) res.socket?.destroy();
    held.clear();
  };
  const answerOf = async (request: SandboxRequest): Promise<SandboxResponse> => {
    for (const handler of handlers) {
      const answer = await handler(request);
      if (answer) return answer;
    }
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not found</h1>' };
  };

  const tls = await makeCertificate();
  const https = createHttpsServer(tls, async (req, res) => {
    try {
      const request = await readRequest(req, 'https');
      const service = serviceOfHost(request.host);
      const latency = state.latencyMs[service];
      if (latency > 0) await sleep(latency);
      const logIt = (status: number, extra: Pick<RequestLogEntry, 'dropped' | 'appliedStatus'> = {}) =>
        state.record({
          service,
          method: request.method,
          host: request.host,
          path: request.url.pathname,
          query: request.url.search,
          status,
          body: request.body,
          authorized: !!request.headers.authorization,
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [
              name,
              Array.isArray(value) ? value.join(', ') : String(value ?? ''),
            ]),
          ),
          ...extra,
        });

      const fault = state.takeFault(service, request.method, request.url.pathname, request.host, request.body);
      if (fault) {
        if (fault.status === 0 && fault.afterApply) {
          // The request is processed in full (the org changes), then the answer is lost.
          const applied = await answerOf(request);
          logIt(0, { dropped: fault.midAnswer ? 'cut-mid-answer' : 'cut-after-apply', appliedStatus: applied.status });
          if (fault.midAnswer) {
            // The answer had begun (status line and headers sent) when the connection broke: the
            // browser cannot resend it as a stale keep-alive connection, the client sees a network error.
            res.writeHead(applied.status, { 'content-type': 'application/json', 'content-length': '100000' });
            res.write('[');
            setTimeout(() => req.socket.destroy(), 20);
            return;
          }
          req.socket.destroy();
          return;
        }
        if (fault.status === 0) {
          logIt(0, { dropped: 'cut' });
          req.socket.destroy();
          return;
        }
        logIt(fault.status);
        send(res, {
          status: fault.status,
          headers: { 'content-type': fault.contentType ?? 'text/html' },
          body: fault.body ?? `<html><body>Service unavailable (sandbox fault)</body></html>`,
        });
        return;
      }
      if (state.takeHang(service, request.method, request.url.pathname, request.host, request.body)) {
        // No answer, nothing applied; the connection stays open until a reset or close().
        logIt(0, { dropped: 'hang' });
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }

      const answer = await answerOf(request);
      logIt(answer.status);
      send(res, answer);
    } catch (error) {
      if (!options.quiet) console.error('sandbox error', error);
      send(res, json(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }]));
    }
  });

  const control = controlHandler(current);
  const http = createHttpServer(async (req, res) => {
    try {
      const request = await readRequest(req, 'http');
      if (request.url.pathname === '/reset' && request.method === 'POST') {
        state = new SandboxState();
        dropHeld();
        send(res, json(200, { ok: true }));
        return;
      }
      send(res, (await control(request)) ?? json(404, {}));
    } catch (error) {
      send(res, json(400, { error: String(error) }));
    }
  });

  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(https, options.port ?? 0);
  const controlPort = await listen(http, options.controlPort ?? 0);

  return {
    port,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    hostResolverRules: hostResolverRules(port),
    state: current,
    async close() {
      dropHeld();
      https.closeAllConnections();
      http.closeAllConnections();
      await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => http.close(r))]);
    },
  };
}
