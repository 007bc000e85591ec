// Which assumed Glance operations (assumptions.ts A6) this account's service really has. A session
// never needs them; where a probe found them, they enrich it: guests Glance reports, end detection,
// switching, conference numbers. Probed once per connection and again after one fails.

import type { GlanceCapabilities } from '../storage/glance-account.js';
import { SESSION_OP, type SessionOp } from './assumptions.js';
import type { GlanceClient } from './client.js';

const PROBED: Record<Exclude<keyof GlanceCapabilities, 'probedAt'>, SessionOp> = {
  status: SESSION_OP.status,
  setType: SESSION_OP.setType,
  end: SESSION_OP.end,
  conference: SESSION_OP.conference,
};

/** None of the assumed operations: what a real account has, as far as anyone has published. */
const DOCUMENTED_ONLY = { status: false, setType: false, end: false, conference: false } as const;

/** Reads the service's list of operations once (its WSDL). Throws when Glance could not be reached. */
export async function probeCapabilities(client: GlanceClient, now: number): Promise<GlanceCapabilities> {
  const listed = await client.operations();
  const capabilities: GlanceCapabilities = { ...DOCUMENTED_ONLY, probedAt: now };
  for (const name of Object.keys(PROBED) as (keyof typeof PROBED)[]) capabilities[name] = listed.has(PROBED[name]);
  return capabilities;
}
