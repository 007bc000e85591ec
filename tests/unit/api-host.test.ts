// The API host of a page: the host table's, or, when that host holds no session, the My Domain host
// whose `sid` belongs to the page's org (as Salesforce Inspector Reloaded finds it).
import { describe, expect, it } from 'vitest';
import { resolveApiHost } from '../../src/shared/salesforce/api-host.js';

const ORG = '00D5g00000ACMEA';
const OTHER = '00D8d00000GLOBX';

function ports(cookies: Record<string, string>) {
  return {
    fetch: (() => Promise.reject(new Error('no network'))) as unknown as typeof fetch,
    readSid: async (host: string) => cookies[host],
    listSids: async () => Object.entries(cookies).map(([host, value]) => ({ host, value })),
  };
}

describe('resolveApiHost', () => {
  it("is the table's host when that host holds a session (no cookie search)", async () => {
    let listed = false;
    const p = {
      ...ports({ 'acme.my.salesforce.com': `${ORG}!a` }),
      listSids: async () => {
        listed = true;
        return [];
      },
    };
    expect((await resolveApiHost('acme.lightning.force.com', p))?.apiHost).toBe('acme.my.salesforce.com');
    expect(listed).toBe(false);
  });

  it("finds the My Domain host whose sid belongs to the page's org when the table's host has none", async () => {
    const p = ports({
      'acme.lightning.force.com': `${ORG}!lightning`,
      'globex.my.salesforce.com': `${OTHER}!x`,
      'acme-corp.my.salesforce.com': `${ORG}!api`,
      'acme-corp.lightning.force.com': `${ORG}!other-lightning`,
    });
    expect((await resolveApiHost('acme.lightning.force.com', p))?.apiHost).toBe('acme-corp.my.salesforce.com');
  });

  it('finds a cloudforce.com My Domain\'s API host from its Lightning page (Help "My Domain URL Formats")', async () => {
    const p = ports({
      'teamspirit.lightning.force.com': `${ORG}!lightning`,
      'teamspirit.cloudforce.com': `${ORG}!api`,
    });
    expect(await resolveApiHost('teamspirit.lightning.force.com', p)).toEqual({
      apiHost: 'teamspirit.cloudforce.com',
      sid: `${ORG}!api`,
    });
  });

  it("keeps the table's host when nothing matches (the rep is then asked to log in there)", async () => {
    expect(
      (await resolveApiHost('acme.lightning.force.com', ports({ 'globex.my.salesforce.com': `${OTHER}!x` })))?.apiHost,
    ).toBe('acme.my.salesforce.com');
    expect(
      (await resolveApiHost('acme.lightning.force.com', ports({ 'acme.lightning.force.com': 'not-a-sid' })))?.apiHost,
    ).toBe('acme.my.salesforce.com');
    expect(await resolveApiHost('example.com', ports({}))).toBeUndefined();
  });

  it('answers the session it found, so the caller reads the cookie once', async () => {
    let reads = 0;
    const p = ports({ 'acme.my.salesforce.com': `${ORG}!a` });
    const counted = {
      ...p,
      readSid: async (host: string) => {
        reads += 1;
        return p.readSid(host);
      },
    };
    expect(await resolveApiHost('acme.lightning.force.com', counted)).toEqual({
      apiHost: 'acme.my.salesforce.com',
      sid: `${ORG}!a`,
    });
    expect(reads).toBe(1);
  });
});
