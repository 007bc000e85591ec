// The small request/response shapes every emulator handler speaks. Handlers are pure functions of
// (request, state) so they can be unit-tested without a socket.
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
  method: string;
  /** Full URL as the browser asked for it (https://<host><path>?<query>). */
  url: URL;
  /** Host header without the port, lower-cased. */
  host: string;
  headers: IncomingHttpHeaders;
  body: string;
  cookies: Record<string, string>;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

/** Returns undefined when the route is not its own, so the next handler may try. */
export type Handler = (req: SandboxRequest) => SandboxResponse | undefined | Promise<SandboxResponse | undefined>;

export function json(status: number, value: unknown, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function html(status: number, body: string, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...headers }, body };
}

export function xml(status: number, body: string, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body };
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): SandboxResponse {
  return { status: 302, headers: { location, ...headers } };
}

/** Escapes text for HTML element content and attribute values (the pages show hostile seed names). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}
