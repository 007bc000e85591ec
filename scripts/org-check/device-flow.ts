// The OAuth 2.0 device flow, as Salesforce runs it for command-line apps (Salesforce Help, "OAuth 2.0
// Device Flow for IoT Integration"): POST response_type=device_code to the token endpoint, show the
// user code and verification URL, then poll the same endpoint with grant_type=device and the device
// code as `code` (the Salesforce CLI's device login sends the same: @salesforce/core
// deviceOauthService.ts) until the user has approved. Works with an External Client App, which new
// orgs have in place of connected apps; no password and no callback URL on this machine.
import type { SignInDeps } from './login.js';

/** How long a person gets to approve before the check gives up (Salesforce's codes live about as long). */
const MAX_WAIT_MS = 10 * 60_000;
/** RFC 8628 §3.5: after slow_down, the interval grows by five seconds. */
const SLOW_DOWN_MS = 5_000;

type TokenAnswer = Record<string, unknown> & { error?: string; error_description?: string };

async function post(deps: SignInDeps, loginUrl: string, form: Record<string, string>): Promise<TokenAnswer> {
  const response = await deps.fetch(`${loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const answer = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (!response.ok && !answer.error) answer.error = `HTTP ${response.status}`;
  return answer;
}

const refusal = (step: string, answer: TokenAnswer, hint: string) =>
  new Error(
    `Device flow ${step} refused: ${answer.error}${answer.error_description ? ` (${answer.error_description})` : ''}. ${hint}`,
  );

export async function deviceFlowToken(
  clientId: string,
  loginUrl: string,
  deps: SignInDeps,
): Promise<{ accessToken: string; instanceUrl: string }> {
  const start = await post(deps, loginUrl, { response_type: 'device_code', client_id: clientId });
  if (start.error || typeof start.device_code !== 'string') {
    throw refusal(
      'start',
      start,
      "SF_CLIENT_ID must be the consumer key of an External Client App in this org with OAuth on, the api scope and the device flow enabled; for a sandbox or your org's own login, set SF_LOGIN_URL=https://yourorg.my.salesforce.com.",
    );
  }
  deps.say(
    `Salesforce: open ${String(start.verification_uri)} and enter the code ${String(start.user_code)} to let org-check in.`,
  );
  let interval = Math.max(1, Number(start.interval) || 5) * 1000;
  for (let waited = 0; waited < MAX_WAIT_MS; waited += interval) {
    await deps.sleep(interval);
    const poll = await post(deps, loginUrl, { grant_type: 'device', client_id: clientId, code: start.device_code });
    if (poll.error === 'authorization_pending') continue;
    if (poll.error === 'slow_down') {
      interval += SLOW_DOWN_MS;
      continue;
    }
    if (poll.error || typeof poll.access_token !== 'string' || typeof poll.instance_url !== 'string') {
      throw refusal('approval', poll, 'Start again and approve the code in the browser.');
    }
    return { accessToken: poll.access_token, instanceUrl: poll.instance_url };
  }
  throw new Error('Device flow: nobody approved the code within ten minutes. Start again.');
}
