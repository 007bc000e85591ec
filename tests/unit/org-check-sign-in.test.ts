// How `npm run org-check` signs in to a real org (issue 26, item 9): only in ways new orgs allow.
// A username and password is refused before anything is sent; SOAP login() is gone.
import { describe, expect, it, vi } from 'vitest';
import { orgSession, type SignInDeps } from '../../scripts/org-check/login.js';
import { PASSWORD_REFUSAL, SignInRefused, signInFrom } from '../../scripts/org-check/sign-in.js';
import { salesforceChecks } from '../../src/org-check/salesforce-checks.js';
import { inProcessSandbox } from '../support/in-process-fetch.js';

const TOKEN = '00DAc0000000001!token';
const APP = '3MVG9OrgCheckDeviceFlowConsumerKey';

function deps(overrides: Partial<SignInDeps> = {}): SignInDeps & { lines: string[] } {
  const lines: string[] = [];
  return {
    fetch: vi.fn(async () => new Response('unexpected', { status: 599 })) as unknown as typeof fetch,
    runSf: vi.fn(async () => {
      throw new Error('unexpected sf call');
    }),
    sleep: async () => {},
    say: (line: string) => lines.push(line),
    lines,
    ...overrides,
  };
}

describe('org-check sign-in: what the command line and environment ask for', () => {
  it('takes an access token with its instance URL from the environment', () => {
    expect(signInFrom([], { SF_INSTANCE_URL: 'https://acme.my.salesforce.com', SF_ACCESS_TOKEN: TOKEN })).toEqual({
      method: 'access-token',
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: TOKEN,
    });
  });

  it('names the half of the token pair that is missing', () => {
    expect(() => signInFrom([], { SF_ACCESS_TOKEN: TOKEN })).toThrow(/SF_INSTANCE_URL/);
    expect(() => signInFrom([], { SF_INSTANCE_URL: 'https://acme.my.salesforce.com' })).toThrow(/SF_ACCESS_TOKEN/);
  });

  it('takes a Salesforce CLI org from --target-org, -o or SF_TARGET_ORG', () => {
    const cli = { method: 'sf-cli', targetOrg: 'acme' };
    expect(signInFrom(['--target-org', 'acme'], {})).toEqual(cli);
    expect(signInFrom(['--target-org=acme'], {})).toEqual(cli);
    expect(signInFrom(['-o', 'acme'], {})).toEqual(cli);
    expect(signInFrom([], { SF_TARGET_ORG: 'acme' })).toEqual(cli);
    expect(() => signInFrom(['--target-org'], {})).toThrow(/--target-org needs/);
    expect(() => signInFrom(['--target-org', '--glance'], {})).toThrow(/--target-org needs/);
  });

  it('prefers what the command line says to what the environment holds', () => {
    expect(
      signInFrom(['-o', 'uat'], { SF_INSTANCE_URL: 'https://acme.my.salesforce.com', SF_ACCESS_TOKEN: TOKEN }),
    ).toEqual({ method: 'sf-cli', targetOrg: 'uat' });
    expect(
      signInFrom([], { SF_TARGET_ORG: 'uat', SF_INSTANCE_URL: 'https://a.my.salesforce.com', SF_ACCESS_TOKEN: TOKEN }),
    ).toMatchObject({ method: 'access-token' });
  });

  it('takes the device flow of an External Client App from SF_CLIENT_ID, on the login host or SF_LOGIN_URL', () => {
    expect(signInFrom([], { SF_CLIENT_ID: APP })).toEqual({
      method: 'device-flow',
      clientId: APP,
      loginUrl: 'https://login.salesforce.com',
    });
    expect(signInFrom(['--device'], { SF_CLIENT_ID: APP, SF_LOGIN_URL: 'https://acme.my.salesforce.com/' })).toEqual({
      method: 'device-flow',
      clientId: APP,
      loginUrl: 'https://acme.my.salesforce.com',
    });
    expect(() => signInFrom(['--device'], {})).toThrow(/--device needs SF_CLIENT_ID/);
  });

  it('asks for nothing when nothing is set', () => {
    expect(signInFrom([], {})).toBeUndefined();
    expect(signInFrom(['--dry-run'], { GLANCE_ADDRESS: 'acme.glance.net' })).toBeUndefined();
  });

  it('refuses a username and password, whatever else is set, naming what to do instead', () => {
    for (const env of [
      { SF_USERNAME: 'rep@acme.com', SF_PASSWORD: 'pw' },
      {
        SF_USERNAME: 'rep@acme.com',
        SF_PASSWORD: 'pw',
        SF_SECURITY_TOKEN: 'T',
        SF_CLIENT_ID: 'c',
        SF_CLIENT_SECRET: 's',
      },
      { SF_PASSWORD: 'pw', SF_INSTANCE_URL: 'https://acme.my.salesforce.com', SF_ACCESS_TOKEN: TOKEN },
      { SF_USERNAME: 'rep@acme.com' },
    ]) {
      expect(() => signInFrom([], env)).toThrow(SignInRefused);
    }
    expect(PASSWORD_REFUSAL).toMatch(/username-password flow.*Summer '23/s);
    expect(PASSWORD_REFUSAL).toMatch(/SOAP login\(\).*65\.0/s);
    expect(PASSWORD_REFUSAL).toContain('sf org login web');
    expect(PASSWORD_REFUSAL).toContain('--target-org');
    expect(PASSWORD_REFUSAL).toContain('SF_ACCESS_TOKEN');
    expect(PASSWORD_REFUSAL).toContain('SF_INSTANCE_URL');
  });
});

describe('org-check sign-in: getting the session', () => {
  it('refuses a username and password and sends nothing, over OAuth or SOAP (the old ways)', async () => {
    const sandbox = inProcessSandbox();
    const d = deps({ fetch: sandbox.fetch });
    for (const env of [
      { SF_CLIENT_ID: 'cid', SF_CLIENT_SECRET: 's', SF_USERNAME: 'rep@acme.com', SF_PASSWORD: 'pw' },
      // No connected app: once SOAP login() at API 64.0; an unreachable login URL keeps it off the net.
      { SF_USERNAME: 'rep@acme.com', SF_PASSWORD: 'pw', SF_LOGIN_URL: 'https://127.0.0.1:9' },
    ]) {
      await expect(orgSession([], env, d)).rejects.toThrow(PASSWORD_REFUSAL);
    }
    expect(sandbox.calls).toEqual([]);
  });

  it('uses an access token as it is, on the org’s API host, and needs no network to sign in', async () => {
    const d = deps();
    const session = await orgSession(
      [],
      { SF_INSTANCE_URL: 'https://acme.lightning.force.com/', SF_ACCESS_TOKEN: TOKEN },
      d,
    );
    expect(session).toEqual({ apiHost: 'acme.my.salesforce.com', accessToken: TOKEN, method: 'access token' });
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('sends a token only to a Salesforce host', async () => {
    await expect(
      orgSession([], { SF_INSTANCE_URL: 'https://acme.example.com', SF_ACCESS_TOKEN: TOKEN }, deps()),
    ).rejects.toThrow(/not a Salesforce org's address/);
    await expect(
      orgSession([], { SF_INSTANCE_URL: 'http://acme.my.salesforce.com', SF_ACCESS_TOKEN: TOKEN }, deps()),
    ).rejects.toThrow(/not a Salesforce org's address/);
  });

  it('reads the token of a Salesforce CLI org from `sf org display --json`', async () => {
    // The shape `sf org display --json` prints (status 0, result with accessToken and instanceUrl).
    const runSf = vi.fn(async () => ({
      stdout: JSON.stringify({
        status: 0,
        result: {
          id: '00DAc0000000001AAA',
          accessToken: TOKEN,
          instanceUrl: 'https://acme.my.salesforce.com',
          username: 'rep@acme.com',
          connectedStatus: 'Connected',
          alias: 'acme',
        },
        warnings: [],
      }),
    }));
    const session = await orgSession(['--target-org', 'acme'], {}, deps({ runSf }));
    expect(runSf).toHaveBeenCalledWith(['org', 'display', '--target-org', 'acme', '--json']);
    expect(session).toEqual({
      apiHost: 'acme.my.salesforce.com',
      accessToken: TOKEN,
      method: 'Salesforce CLI org acme (rep@acme.com)',
    });
  });

  it('passes on what the Salesforce CLI says when it has no such org', async () => {
    // sf exits 1 and still prints its JSON error on stdout.
    const runSf = async () => ({
      stdout: JSON.stringify({
        name: 'NamedOrgNotFoundError',
        message: 'No authorization information found for nope.',
        exitCode: 1,
        status: 1,
      }),
    });
    await expect(orgSession(['-o', 'nope'], {}, deps({ runSf }))).rejects.toThrow(
      /sf org display --target-org nope.*No authorization information found for nope\..*sf org login web/s,
    );
  });

  it('says how to get the Salesforce CLI when it is not installed', async () => {
    const runSf = async () => {
      throw Object.assign(new Error('spawn sf ENOENT'), { code: 'ENOENT' });
    };
    await expect(orgSession([], { SF_TARGET_ORG: 'acme' }, deps({ runSf }))).rejects.toThrow(
      /Salesforce CLI \(sf\) is not installed.*SF_INSTANCE_URL/s,
    );
  });

  it('signs in through the device flow: shows where to approve, waits, and the checks pass with the token', async () => {
    const sandbox = inProcessSandbox();
    const org = sandbox.state.salesforce;
    org.setup.deviceFlowApps.add(APP);
    const sleeps: number[] = [];
    const d = deps({
      fetch: sandbox.fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
        // The user approves while the tool waits for its second poll.
        if (sleeps.length === 2) {
          const code = /enter the code (\w+)/.exec(d.lines.join('\n'))?.[1];
          org.devices.approve(code ?? 'none shown', org.defaultUserId);
        }
      },
    });
    const session = await orgSession([], { SF_CLIENT_ID: APP, SF_LOGIN_URL: 'https://acme.my.salesforce.com' }, d);
    expect(d.lines).toEqual([
      expect.stringMatching(
        /^Salesforce: open https:\/\/acme\.my\.salesforce\.com\/setup\/connect and enter the code \w{8} /,
      ),
    ]);
    expect(sleeps).toEqual([5000, 5000]);
    expect(session).toMatchObject({ apiHost: 'acme.my.salesforce.com', method: expect.stringMatching(/^device flow/) });
    expect(org.validSession(session?.accessToken)?.userId).toBe(org.defaultUserId);
    const results = await salesforceChecks({
      apiHost: session?.apiHost ?? '',
      fetch: sandbox.fetch,
      readSid: async () => session?.accessToken ?? '',
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('says what the External Client App needs when the org does not know it', async () => {
    const sandbox = inProcessSandbox();
    await expect(orgSession([], { SF_CLIENT_ID: APP }, deps({ fetch: sandbox.fetch }))).rejects.toThrow(
      /Device flow start refused: invalid_client_id \(client identifier invalid\)\. .*External Client App.*device flow enabled/,
    );
  });

  it('stops when the user denies the app', async () => {
    const sandbox = inProcessSandbox();
    const org = sandbox.state.salesforce;
    org.setup.deviceFlowApps.add(APP);
    const d = deps({
      fetch: sandbox.fetch,
      sleep: async () => org.devices.deny(/enter the code (\w+)/.exec(d.lines.join('\n'))?.[1] ?? 'none shown'),
    });
    await expect(orgSession([], { SF_CLIENT_ID: APP }, d)).rejects.toThrow(/approval refused: access_denied/);
  });

  it('has nothing to sign in with when nothing is set', async () => {
    expect(await orgSession([], {}, deps())).toBeUndefined();
  });
});
