// Tries each assumption in src/background/glance/assumptions.ts against a Glance account, with the
// extension's own Glance client, and says which held.
import { SESSION_OP, trialSignupUrl } from '../../src/background/glance/assumptions.js';
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
  // A6: each optional SessionService op, asked with the identity alone. Present: Glance answered it
  // (a fault of its own counts); absent: ASMX's "Web Service method name is not valid".
  for (const op of Object.values(SESSION_OP)) {
    await check(`A6 ${op}: present`, async () => {
      try {
        await client.has(op).then((present) => {
          if (!present) throw new Error('absent: "Web Service method name is not valid"');
        });
        return 'present';
      } catch (error) {
        if (error instanceof GlanceError) throw new Error(`refused: ${error.message}`);
        throw error;
      }
    });
  }
  await check('A17 the trial sign-up page answers', async () => {
    const response = await fetcher(trialSignupUrl('Org Check', 'org.check@example.com'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return `HTTP ${response.status}`;
  });
  return results;
}
