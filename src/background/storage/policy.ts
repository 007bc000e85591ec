// The company policy without waiting for the browser. After a browser start, the first
// chrome.storage.managed read takes seconds (Chromium's policy loader settles first; 1.8–4.8 s
// measured here, with or without a policy file); later reads take about a millisecond. So uses that
// the rep waits for act on the last known policy at once, while the managed read runs; when it
// answers with a different policy, the cache is updated and onPolicyChanged enforces it (a running
// session the new policy forbids is ended, as the guest poll would). A stale cache can therefore
// allow something for no longer than the managed read takes. Writes that cannot be taken back (the
// queue's Salesforce writes, saved settings, a connected account) wait for the managed read itself.
import { lastPolicyItem } from './items.js';
import type { StoragePorts } from './ports.js';

export interface PolicyPorts extends StoragePorts {
  /**
   * Locks storage.local to the extension's own pages and worker; false when this browser cannot. A
   * content script could rewrite an unlocked last known policy, so then none is kept.
   */
  lockStorageToExtension(): Promise<boolean>;
  /** Managed storage answered a policy other than the last known one (wired to enforcement in main.ts). */
  onPolicyChanged?(): Promise<void>;
}

interface KnownPolicy {
  /** Managed storage's raw keys, as last known. */
  managed: Record<string, unknown>;
  /** True when managed storage has answered since this worker started (the cache is its answer). */
  fresh: boolean;
}

interface PolicyState {
  /** Managed storage answered in this worker's life; from then on onChanged keeps the cache current. */
  answered: boolean;
  inFlight?: Promise<Record<string, unknown>>;
}

// Per managed-storage reader: one per worker's life in the browser (the worker builds its ports once);
// a test that replaces the reader models a browser started again.
const states = new WeakMap<object, PolicyState>();
const stateOf = (ports: PolicyPorts): PolicyState => {
  const state = states.get(ports.readManaged) ?? { answered: false };
  states.set(ports.readManaged, state);
  return state;
};

/** The same policy whatever order managed storage lists its keys in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Reads managed storage (one read at a time per worker), keeps the answer as the last known policy
 * (written only when it changed: an unchanged policy costs no write) and reports a change.
 */
export function freshPolicy(ports: PolicyPorts): Promise<Record<string, unknown>> {
  const state = stateOf(ports);
  state.inFlight ??= (async () => {
    try {
      const managed = await ports.readManaged();
      const known = await lastPolicyItem.read(ports);
      const changed = known === undefined || canonical(known) !== canonical(managed);
      // Kept only where no content script can rewrite it; where it can (Firefox), none is kept (and
      // one an older version kept is removed): the policy is read from managed storage at each use.
      if (await ports.lockStorageToExtension()) {
        if (changed) await lastPolicyItem.write(ports, managed);
      } else if (known !== undefined) await lastPolicyItem.remove(ports);
      state.answered = true;
      if (changed && known !== undefined) await ports.onPolicyChanged?.();
      return managed;
    } finally {
      state.inFlight = undefined;
    }
  })();
  return state.inFlight;
}

/**
 * The policy to act on now: the last known one at once (and the managed read started, if it has not
 * answered in this worker yet), or, when none was ever stored, the managed read's answer.
 */
export async function knownPolicy(ports: PolicyPorts): Promise<KnownPolicy> {
  const state = stateOf(ports);
  if (state.answered) {
    // Current: managed storage answered in this worker, and onChanged refreshes it on every change.
    const cached = await lastPolicyItem.read(ports);
    if (cached) return { managed: cached, fresh: true };
  }
  // Only where no content script could have written it (storage locked).
  const cached =
    state.answered || !(await ports.lockStorageToExtension()) ? undefined : await lastPolicyItem.read(ports);
  if (cached) {
    freshPolicy(ports).catch(() => undefined); // storage refused: the next use asks again
    return { managed: cached, fresh: false };
  }
  return { managed: await freshPolicy(ports), fresh: true };
}

/**
 * The policy to draw a page with: knownPolicy, except that on a brand-new profile (none ever kept)
 * the first managed read is waited for at most `waitMs` (it takes seconds after a browser start);
 * then undefined, and the page shows what depends on the policy as being checked and asks again.
 */
export async function policyToDraw(ports: PolicyPorts, waitMs: number): Promise<KnownPolicy | undefined> {
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  try {
    return await Promise.race([knownPolicy(ports), late]);
  } finally {
    clearTimeout(timer);
  }
}
