// The records service (CRR) on cloud.glance.net: D-shapes from help.glance.cx/webservices/crr/, the
// R-assumptions in src/background/sync/crr.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientLaunchUrl, SESSION_TYPE } from '../../../src/background/glance/documented.js';
import { CRR_AUTH_PATH, CRR_SESSIONS_PATH, type CrrPage } from '../../../src/background/sync/crr.js';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { glanceHandler } from './api.js';
import { addElsewhere } from './records.js';
import { SEED_RECORDS_ACCESS } from './records-state.js';
import { GlanceService } from './service.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');

describe('Glance session records (CRR)', () => {
  let glance: GlanceService;
  let call: (path: string, body: unknown, headers?: Record<string, string>) => Promise<SandboxResponse>;
  beforeEach(() => {
    glance = new GlanceService();
    glance.wallClock = () => T0;
    const handler = glanceHandler(glance);
    call = async (path, body, headers = {}) => {
      const req: SandboxRequest = {
        method: 'POST',
        url: new URL(`https://cloud.glance.net${path}`),
        host: 'cloud.glance.net',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        cookies: {},
      };
      const answer = await handler(req);
      if (!answer) throw new Error(`no answer for ${path}`);
      return answer;
    };
  });
  const parsed = (answer: SandboxResponse) => JSON.parse(String(answer.body));
  const token = async () => {
    const answer = await call(CRR_AUTH_PATH, {
      username: SEED_RECORDS_ACCESS.username,
      password: SEED_RECORDS_ACCESS.password,
    });
    expect(answer.status).toBe(200);
    return parsed(answer).access_token as string;
  };
  const page = async (endpoint: 'completed' | 'ended', over: Partial<Record<string, unknown>> = {}, bearer?: string) =>
    call(
      CRR_SESSIONS_PATH[endpoint],
      {
        partnerId: SEED_RECORDS_ACCESS.partnerId,
        apiKey: SEED_RECORDS_ACCESS.apiKey,
        startDate: '2026-03-01T00:00:00Z',
        endDate: '2026-03-02T00:00:00Z',
        pageId: 0,
        channelBatchSize: 1000,
        ...over,
      },
      { authorization: `Bearer ${bearer ?? (await token())}` },
    );
  const minutes = (n: number) => n * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it('signs in with the reporting credentials; a wrong password is 401 invalid_credentials (R1)', async () => {
    expect((await token()).length).toBeGreaterThan(20);
    const wrong = await call(CRR_AUTH_PATH, { username: SEED_RECORDS_ACCESS.username, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(parsed(wrong).error).toBe('invalid_credentials');
    // A Glance user's own password is not a reporting credential.
    const rep = await call(CRR_AUTH_PATH, { username: 'acme.glance.net', password: 'correct-horse' });
    expect(rep.status).toBe(401);
    expect(
      (await call(CRR_AUTH_PATH, 'username=x', { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(400);
  });

  it('refuses a missing or expired token (R2) and another key (R3)', async () => {
    expect((await page('completed', {}, 'not-a-token')).status).toBe(401);
    const bearer = await token();
    glance.advance(minutes(61));
    const expired = await page('completed', {}, bearer);
    expect(expired.status).toBe(401);
    expect(parsed(expired).error).toBe('invalid_token');
    const forbidden = await page('completed', { apiKey: 'reset-key' });
    expect(forbidden.status).toBe(403);
    expect((await page('completed', { startDate: 'yesterday' })).status).toBe(400);
  });

  it('lists what the Glance Client really ran, with the user and each guest as legs (D3, R6)', async () => {
    const session = glance.launchClient(clientLaunchUrl('4321', { username: 'acme.glance.net' }));
    if (typeof session === 'string') throw new Error(session);
    glance.advance(minutes(1));
    glance.join('acme.glance.net', '4321', { name: 'Guy Example', email: 'guy@example.com', phone: '555' });
    glance.advance(minutes(10));
    glance.endInClient('acme.glance.net');
    const answer = await page('completed');
    expect(answer.status).toBe(200);
    const body = parsed(answer) as CrrPage;
    expect(body.nextPageId).toBeNull();
    expect(body.sessions).toHaveLength(1);
    const [record] = body.sessions;
    expect(record).toMatchObject({
      id: session.sessionId,
      key: '4321',
      status: 'completed',
      started_at: iso(T0).replace('.000', ''),
      ended_at: iso(T0 + minutes(11)).replace('.000', ''),
    });
    expect(record?.channels[0]?.type).toBe('screenshare');
    expect(record?.channels[0]?.legs).toEqual([
      expect.objectContaining({
        participant_type: 'agent',
        extra: { name: 'Riley Rep', email: 'riley.rep@acme.example' },
      }),
      expect.objectContaining({
        participant_type: 'visitor',
        started_at: iso(T0 + minutes(1)).replace('.000', ''),
        ended_at: iso(T0 + minutes(11)).replace('.000', ''),
        extra: { name: 'Guy Example', email: 'guy@example.com', phone: '555' },
      }),
    ]);
  });

  it('completed lists clean closes only; ended also lists time-outs; live sessions are in neither', async () => {
    addElsewhere(glance, { address: 'acme.glance.net', startedAt: iso(T0), endedAt: iso(T0 + minutes(5)) });
    addElsewhere(glance, {
      address: 'acme.glance.net',
      startedAt: iso(T0),
      endedAt: iso(T0 + minutes(6)),
      status: 'T',
    });
    glance.launchClient(clientLaunchUrl('1111', { username: 'acme.glance.net' })); // still live
    glance.advance(minutes(7)); // the live one is waiting, not expired yet (10 min)
    expect((parsed(await page('completed')) as CrrPage).sessions.map((s) => s.status)).toEqual(['completed']);
    expect((parsed(await page('ended')) as CrrPage).sessions.map((s) => s.status)).toEqual(['completed', 'ended']);
  });

  it('filters by end in [startDate, endDate) and pages with nextPageId until null (R4, R5)', async () => {
    glance.records.pageSize = 2;
    for (let i = 0; i < 5; i++) {
      addElsewhere(glance, {
        address: 'acme.glance.net',
        key: String(1000 + i),
        sessionType: SESSION_TYPE.screenShare,
        startedAt: iso(T0 + minutes(i * 10)),
        endedAt: iso(T0 + minutes(i * 10 + 5)),
      });
    }
    const keys: string[] = [];
    let pageId: number | null = 0;
    const window = { startDate: iso(T0 + minutes(5)), endDate: iso(T0 + minutes(45)) };
    const bearer = await token();
    while (pageId !== null) {
      const body = parsed(await page('completed', { ...window, pageId }, bearer)) as CrrPage;
      keys.push(...body.sessions.map((s) => s.key));
      pageId = body.nextPageId;
    }
    // Ends at 5, 15, 25, 35 are in; 45 is the window's own end, out.
    expect(keys).toEqual(['1000', '1001', '1002', '1003']);
  });

  it('lists a session started elsewhere under its own host', async () => {
    const added = addElsewhere(glance, {
      address: 'ja.acme.glance.net',
      key: '777',
      startedAt: iso(T0),
      endedAt: iso(T0 + minutes(30)),
      guests: [{ name: 'Pat', email: 'pat@example.com' }],
    });
    if (typeof added === 'string') throw new Error(added);
    const [record] = (parsed(await page('completed')) as CrrPage).sessions;
    expect(record?.channels[0]?.legs[0]?.extra?.email).toBe('jamie.agent@acme.example');
    expect(record?.channels[0]?.legs[1]?.extra?.email).toBe('pat@example.com');
  });
});
