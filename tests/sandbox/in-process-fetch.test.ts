// The in-process fetch (tests/support) honours the sandbox's connection faults with real fetch's
// semantics, so background logic meets them in unit tests as the browser meets them.
import { describe, expect, it } from 'vitest';
import { inProcessSandbox } from '../support/in-process-fetch.js';

const API = 'https://acme.my.salesforce.com/services/data/v66.0';

function setup() {
  const sandbox = inProcessSandbox();
  const org = sandbox.state.salesforce;
  const sid = org.createSession(org.defaultUserId).sid;
  const createLead = (init: RequestInit = {}) =>
    sandbox.fetch(`${API}/sobjects/Lead`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sid}`, 'content-type': 'application/json' },
      body: JSON.stringify({ LastName: 'Tarbell', Company: 'McClure' }),
      ...init,
    });
  const tarbells = () => sandbox.state.salesforce.ofType('Lead').filter((l) => l.fields.LastName === 'Tarbell');
  return { ...sandbox, sid, createLead, tarbells };
}

describe('in-process fetch faults', () => {
  it('rejects with TypeError("Failed to fetch") without applying, for a status-0 rule', async () => {
    const { state, createLead, tarbells } = setup();
    state.faults.push({ service: 'salesforce', pathIncludes: '/sobjects/Lead', remaining: 1, status: 0 });
    await expect(createLead()).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(tarbells()).toHaveLength(0);
  });

  it('applies the request, then rejects with TypeError("Failed to fetch"), for afterApply', async () => {
    const { state, createLead, tarbells } = setup();
    state.faults.push({ pathIncludes: '/sobjects/Lead', remaining: 1, status: 0, afterApply: true });
    await expect(createLead()).rejects.toThrow(new TypeError('Failed to fetch'));
    expect(tarbells()).toHaveLength(1);
    expect(state.salesforce.apiUsage).toBe(1);
  });

  it('never settles a hung request until its signal aborts, then rejects with the reason', async () => {
    const { state, createLead, tarbells } = setup();
    state.hangs.push({ service: 'salesforce', pathIncludes: '/sobjects', remaining: 1 });
    const controller = new AbortController();
    let settled = false;
    const hung = createLead({ signal: controller.signal });
    hung
      .catch(() => undefined)
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    expect(tarbells()).toHaveLength(0);
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    controller.abort(reason);
    await expect(hung).rejects.toBe(reason);
    // Used up: the next call answers.
    expect((await createLead()).status).toBe(201);
  });

  it('rejects at once when the signal has already aborted, sending nothing', async () => {
    const { createLead, calls, tarbells } = setup();
    const signal = AbortSignal.abort();
    await expect(createLead({ signal })).rejects.toBe(signal.reason);
    expect([calls, tarbells()]).toEqual([[], []]);
  });

  it('serves every org by host', async () => {
    const { state, fetch } = setup();
    const globex = state.org('globex');
    const sid = globex.createSession(globex.defaultUserId).sid;
    const answer = await fetch('https://globex.my.salesforce.com/services/data/v66.0/chatter/users/me', {
      headers: { authorization: `Bearer ${sid}` },
    });
    expect(((await answer.json()) as { username: string }).username).toBe('riley.rep@globex.example');
  });
});
