// The HTTPS server's connection-level faults, over real sockets: a cut after the request was
// applied, and requests that never get an answer (released by a reset or close()).
import { request as httpsRequest } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxControl } from '../support/control.js';
import { type Sandbox, startSandbox } from './server.js';

const API = '/services/data/v66.0';

/** One HTTPS request to the sandbox at a real host name; resolves the answer or rejects on a dropped connection. */
function call(
  sandbox: Sandbox,
  host: string,
  method: string,
  path: string,
  options: { sid?: string; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        servername: host,
        method,
        path,
        rejectUnauthorized: false,
        agent: false,
        headers: {
          host,
          ...(options.sid ? { authorization: `Bearer ${options.sid}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        // An answer cut short after it began (midAnswer) is no answer.
        res.on('close', () => {
          if (!res.complete) reject(new Error('connection closed mid-answer'));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup() {
  sandbox = await startSandbox({ quiet: true });
  const control = new SandboxControl(sandbox.controlUrl);
  const { sid } = await control.salesforceLogin();
  return { sandbox, control, sid };
}

const newLead = { LastName: 'Tarbell', Company: 'McClure', Email: 'ida@mcclure.example' };

describe('connection faults', () => {
  it('drops the connection without applying the request (status 0)', async () => {
    const { sandbox, control, sid } = await setup();
    await control.fail({ service: 'salesforce', pathIncludes: '/sobjects/Lead', method: 'POST', status: 0 });
    await expect(
      call(sandbox, 'acme.my.salesforce.com', 'POST', `${API}/sobjects/Lead`, { sid, body: newLead }),
    ).rejects.toThrow();
    expect((await control.records('Lead')).some((l) => l.LastName === 'Tarbell')).toBe(false);
    expect((await control.apiCalls()).at(-1)).toMatchObject({ status: 0, dropped: 'cut' });
  });

  it('applies the request, then drops the connection (afterApply)', async () => {
    const { sandbox, control, sid } = await setup();
    await control.fail({ pathIncludes: '/sobjects/Lead', method: 'POST', status: 0, afterApply: true });
    await expect(
      call(sandbox, 'acme.my.salesforce.com', 'POST', `${API}/sobjects/Lead`, { sid, body: newLead }),
    ).rejects.toThrow();
    expect((await control.records('Lead')).filter((l) => l.LastName === 'Tarbell')).toHaveLength(1);
    expect((await control.apiCalls()).at(-1)).toMatchObject({
      status: 0,
      dropped: 'cut-after-apply',
      appliedStatus: 201,
    });
    // The rule was used up: the same request now answers (and the duplicate rule sees the first one).
    const again = await call(sandbox, 'acme.my.salesforce.com', 'POST', `${API}/sobjects/Lead`, {
      sid,
      body: newLead,
    });
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body)[0].errorCode).toBe('DUPLICATES_DETECTED');
  });

  it('applies the request, begins the answer, then drops the connection (midAnswer): no answer to read', async () => {
    const { sandbox, control, sid } = await setup();
    await control.fail({
      pathIncludes: '/sobjects/Lead',
      method: 'POST',
      status: 0,
      afterApply: true,
      midAnswer: true,
    });
    await expect(
      call(sandbox, 'acme.my.salesforce.com', 'POST', `${API}/sobjects/Lead`, { sid, body: newLead }),
    ).rejects.toThrow();
    expect((await control.records('Lead')).filter((l) => l.LastName === 'Tarbell')).toHaveLength(1);
    expect((await control.apiCalls()).at(-1)).toMatchObject({
      status: 0,
      dropped: 'cut-mid-answer',
      appliedStatus: 201,
    });
  });

  it('never answers a hung request, applies nothing, and lets reset release it', async () => {
    const { sandbox, control, sid } = await setup();
    await control.hang({ service: 'salesforce', pathIncludes: '/sobjects/Lead', count: 1 });
    let settled = false;
    const hung = call(sandbox, 'acme.my.salesforce.com', 'POST', `${API}/sobjects/Lead`, { sid, body: newLead });
    hung.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    expect((await control.records('Lead')).some((l) => l.LastName === 'Tarbell')).toBe(false);
    expect((await control.apiCalls()).at(-1)).toMatchObject({ status: 0, dropped: 'hang' });
    // Other requests still answer meanwhile.
    expect((await call(sandbox, 'acme.my.salesforce.com', 'GET', `${API}/`, { sid })).status).toBe(200);

    await control.reset();
    await expect(hung).rejects.toThrow();
  });

  it('closes without waiting for hung requests', async () => {
    const { sandbox, control } = await setup();
    await control.hang({ pathIncludes: '/', org: 'globex' });
    const hung = call(sandbox, 'globex.my.salesforce.com', 'GET', `${API}/`).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBeInstanceOf(Error);
  });
});

describe('request log', () => {
  it('keeps each request with its headers, so tests can see where a secret was sent', async () => {
    const { sandbox, control, sid } = await setup();
    await call(sandbox, 'acme.my.salesforce.com', 'GET', `${API}/limits`, { sid });
    expect((await control.apiCalls()).at(-1)).toMatchObject({
      host: 'acme.my.salesforce.com',
      authorized: true,
      headers: { host: 'acme.my.salesforce.com', authorization: `Bearer ${sid}` },
    });
  });
});
