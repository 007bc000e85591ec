// Runs jsforce, a Salesforce client nobody here wrote, against the sandbox at the real host names.
// jsforce 3 calls node-fetch, which uses https.globalAgent; we swap in an agent that connects
// *.salesforce.com and *.force.com to the sandbox's loopback port (keeping the real name for SNI and
// the Host header) and accepts its self-signed certificate. Everything else goes out unchanged.
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import jsforce, { type Connection } from 'jsforce';
import type { SalesforceOrg } from '../salesforce/org.js';
import { type Sandbox, startSandbox } from '../server.js';

// The CommonJS module object, whose globalAgent node:https reads on every request.
const https = createRequire(import.meta.url)('node:https') as typeof import('node:https');

export const INSTANCE_URL = 'https://acme.my.salesforce.com';
export const LIGHTNING_URL = 'https://acme.lightning.force.com';
export const API_VERSION = '66.0';

const SANDBOX_HOST = /(^|\.)(salesforce\.com|force\.com)$/i;

class SandboxAgent extends https.Agent {
  constructor(private readonly sandboxPort: number) {
    super({ keepAlive: false });
  }

  override createConnection(
    options: import('node:https').RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.servername ?? options.hostname ?? options.host ?? '';
    if (!SANDBOX_HOST.test(host)) return super.createConnection(options, callback);
    return tls.connect({ host: '127.0.0.1', port: this.sandboxPort, servername: host, rejectUnauthorized: false });
  }
}

export interface JsforceSandbox {
  sandbox: Sandbox;
  /** The org behind the sandbox right now (a control-API reset replaces it). */
  org(): SalesforceOrg;
  /** Logs the seeded user in and returns a fresh session id. */
  newSession(): string;
  /** A jsforce connection to the API host with a fresh session (or the given one). */
  connect(options?: { sid?: string; instanceUrl?: string }): Connection;
  close(): Promise<void>;
}

export async function startJsforceSandbox(): Promise<JsforceSandbox> {
  const sandbox = await startSandbox({ quiet: true });
  const previousAgent = https.globalAgent;
  https.globalAgent = new SandboxAgent(sandbox.port);
  const org = () => sandbox.state().salesforce;
  const newSession = () => org().createSession(org().defaultUserId).sid;
  return {
    sandbox,
    org,
    newSession,
    connect: (options = {}) =>
      new jsforce.Connection({
        instanceUrl: options.instanceUrl ?? INSTANCE_URL,
        accessToken: options.sid ?? newSession(),
        version: API_VERSION,
      }),
    async close() {
      https.globalAgent = previousAgent;
      await sandbox.close();
    },
  };
}

/** The rejection of a promise, for asserting on jsforce's error fields. */
export async function rejectionOf(
  promise: PromiseLike<unknown>,
): Promise<Error & { errorCode?: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errorCode?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * The per-record error codes of an sObject collections answer. Salesforce names the code
 * `statusCode` there (jsforce's SaveError type says errorCode, which only its own fallback uses).
 */
export function statusCodesOf(result: { errors: unknown[] }): string[] {
  return result.errors.map((error) => (error as { statusCode: string }).statusCode);
}
