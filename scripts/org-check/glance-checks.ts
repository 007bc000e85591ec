// Tries each assumption in src/background/glance/assumptions.ts against a Glance account, with the
// extension's own Glance client, and says which held.
import {
  AUTH_FIELD,
  FORM_CONTENT_TYPE,
  SESSION_OP,
  type SessionOp,
  sessionServiceUrl,
  trialSignupUrl,
} from '../../src/background/glance/assumptions.js';
import { connectGlance, GlanceClient, GlanceError } from '../../src/background/glance/client.js';
import { agentStartUrl, agentViewUrl, clientLaunchUrl } from '../../src/background/glance/documented.js';
import type { GlanceAccount } from '../../src/background/storage/glance-account.js';
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
  // A6: each optional SessionService op, asked with the identity alone, as the extension's probe
  // asks (capabilities.ts). Present: Glance answered it (a fault of its own counts); absent: ASMX's
  // "Web Service method name is not valid"; refused: Glance refused the credential or did not answer.
  for (const op of Object.values(SESSION_OP)) {
    const outcome = await probeOne(fetcher, account, op);
    results.push({ name: `A6 ${op}`, ok: outcome.state === 'present', detail: `${outcome.state}: ${outcome.words}` });
  }
  await check('A17 the trial sign-up page answers', async () => {
    const response = await fetcher(trialSignupUrl('Org Check', 'org.check@example.com'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return `HTTP ${response.status}`;
  });
  return results;
}

/** One assumed op, asked as the probe asks it, with Glance's own words (the first line of its answer). */
async function probeOne(
  fetcher: typeof fetch,
  account: GlanceAccount,
  op: SessionOp,
): Promise<{ state: 'present' | 'absent' | 'refused'; words: string }> {
  const body = new URLSearchParams({
    [AUTH_FIELD.groupId]: account.groupId,
    [AUTH_FIELD.adminName]: account.address,
    [AUTH_FIELD.adminCredentials]: account.credentials,
  });
  try {
    const response = await fetcher(sessionServiceUrl(op), {
      method: 'POST',
      headers: { 'Content-Type': FORM_CONTENT_TYPE },
      body: body.toString(),
      redirect: 'error',
    });
    const text = (await response.text()).slice(0, 2000);
    const words =
      text
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 160) || `HTTP ${response.status}`;
    const present = await new GlanceClient(account, async () => new Response(text, { status: response.status }))
      .has(op)
      .catch(() => undefined);
    if (present === undefined) return { state: 'refused', words };
    return { state: present ? 'present' : 'absent', words };
  } catch (error) {
    return { state: 'refused', words: error instanceof Error ? error.message : String(error) };
  }
}

/** Every Glance request the extension can make, for --dry-run: method, URL, fields (secrets shown as names). */
export function glanceRequests(): { title: string; lines: string[] }[] {
  const identity = `${AUTH_FIELD.groupId}=<group id>&${AUTH_FIELD.adminName}=<Glance address>&${AUTH_FIELD.adminCredentials}=<credential>`;
  return [
    {
      title: 'Glance: connect (documented ValidateUser), once, from the popup',
      lines: [
        'POST https://www.glance.net/services/ProvisioningService.asmx/ValidateUser',
        'username=<Glance address>&password=<password>',
      ],
    },
    {
      title: 'Glance: the probe of the assumed operations (A6), once per connection, after the first start',
      lines: Object.values(SESSION_OP).flatMap((op) => [`POST ${sessionServiceUrl(op)}`, identity]),
    },
    {
      title: 'Glance: while a session runs, only where the probe found them (A6)',
      lines: [
        `POST ${sessionServiceUrl(SESSION_OP.status)}  ${identity}&key=<key>  (the panel's refresh, at most every 4 s)`,
        `POST ${sessionServiceUrl(SESSION_OP.setType)}  ${identity}&key=<key>&sessionType=G|C  (Switch)`,
        `POST ${sessionServiceUrl(SESSION_OP.end)}  ${identity}&key=<key>  (End)`,
        `POST ${sessionServiceUrl(SESSION_OP.conference)}  ${identity}  (Get free Glance phone conferencing)`,
      ],
    },
    {
      title: "Glance: opened in the rep's browser (documented), no request from the extension",
      lines: [
        `${clientLaunchUrl('<key>', { username: '<Glance address>' })}  (the rep's Start click)`,
        `${agentStartUrl()}  (Glance did not open? Install it)`,
        `${agentViewUrl({ key: '<key or visitor id>', by: 'key', name: '<rep name>', email: '<rep e-mail>' })}  (Join customer's session)`,
      ],
    },
  ];
}
