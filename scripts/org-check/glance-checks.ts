// Tries each assumption in src/background/glance/assumptions.ts against a Glance account, with the
// extension's own Glance client, and says which held.
import { joinUrl, SESSION_STATUS, SESSION_TYPE, trialSignupUrl } from '../../src/background/glance/assumptions.js';
import { connectGlance, GlanceClient, GlanceError } from '../../src/background/glance/client.js';
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function glanceChecks(fetcher: typeof fetch, address: string, password: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const check = async (name: string, run: () => Promise<string>) => {
    try {
      results.push({ name, ok: true, detail: await run() });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const first = await connectGlance(fetcher, address, password).catch((e: unknown) => e);
  await check('A1–A3 ValidateUser form POST answers a 32-hex credential', async () => {
    if (first instanceof Error) throw first;
    return `credential of ${(first as { credentials: string }).credentials.length} characters for ${address}`;
  });
  if (first instanceof Error) return results;
  const account = first as Awaited<ReturnType<typeof connectGlance>>;
  await check('A4 a wrong password is a fault with code InvalidPassword', async () => {
    const error = await connectGlance(fetcher, address, `${password}-wrong`).catch((e: unknown) => e);
    if (!(error instanceof GlanceError) || error.failure !== 'wrong-password') throw new Error(`got ${String(error)}`);
    return error.code;
  });
  await check('A5 a second ValidateUser leaves the first credential valid', async () => {
    await connectGlance(fetcher, address, password);
    await new GlanceClient(account, fetcher).conference();
    return 'first credential still answers';
  });
  const client = new GlanceClient(account, fetcher);
  let sessionId = '';
  await check('A6–A9, A15 StartSession (random key) answers a waiting session with a join link', async () => {
    const session = await client.start(SESSION_TYPE.screenShare, 'random');
    sessionId = session.sessionId;
    if (!/^\d{4}$/.test(session.key)) throw new Error(`key ${session.key}`);
    if (session.status !== SESSION_STATUS.waiting) throw new Error(`status ${session.status}`);
    if (session.joinUrl !== joinUrl(address, session.key)) throw new Error(`join link ${session.joinUrl}`);
    return `session ${session.sessionId}, key ${session.key}, expires ${session.expiresAt}`;
  });
  await check('A11 SetSessionType switches G → C and back in place', async () => {
    const cobrowse = await client.setType(sessionId, SESSION_TYPE.cobrowse);
    const back = await client.setType(sessionId, SESSION_TYPE.screenShare);
    if (cobrowse.sessionId !== sessionId || back.sessionType !== SESSION_TYPE.screenShare)
      throw new Error('not in place');
    return 'same session id and key';
  });
  await check('A7 GetSessionStatus lists the session and its guests', async () => {
    const status = await client.status(sessionId);
    return `status ${status.status}, ${status.guests.length} guests`;
  });
  await check('A12, A13 EndSession ends it (twice is harmless) with a duration', async () => {
    const ended = await client.end(sessionId);
    await client.end(sessionId);
    if (ended.status !== SESSION_STATUS.ended) throw new Error(`status ${ended.status}`);
    return `ended at ${ended.endedAt}, ${ended.durationSeconds} s`;
  });
  await check('A14 GetConferenceInfo answers numbers and an access code', async () => {
    const info = await client.conference();
    return `${info.phoneNumbers.length} numbers, access code ${info.accessCode ? 'present' : 'empty'}`;
  });
  await check('A17 the trial sign-up page answers', async () => {
    const response = await fetcher(trialSignupUrl('Org Check', 'org.check@example.com'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return `HTTP ${response.status}`;
  });
  return results;
}
