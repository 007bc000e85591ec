// Builds fake requests for calling the Glance handler directly, without a socket.
import { FORM_CONTENT_TYPE } from '../../../src/background/glance/assumptions.js';
import type { SandboxRequest } from '../http.js';

export function request(method: string, url: string, form?: Record<string, string>): SandboxRequest {
  const parsed = new URL(url);
  return {
    method,
    url: parsed,
    host: parsed.hostname,
    headers: form ? { 'content-type': FORM_CONTENT_TYPE } : {},
    body: form ? new URLSearchParams(form).toString() : '',
    cookies: {},
  };
}

/** The text of the first `<name>` element (the emulator writes no nested same-name elements). */
export function tag(body: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>|<${name} />`).exec(body);
  return match ? (match[1] ?? '') : undefined;
}
