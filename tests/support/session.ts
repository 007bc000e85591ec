// The running session as the worker shows it (what a tab of its org and cookie store is told), read
// through the session's own view and stored state.
import { type SessionPorts, view } from '../../src/background/session/core.js';
import { readActiveSession } from '../../src/background/session/state.js';

export async function currentSession(ports: SessionPorts) {
  return view(ports, await readActiveSession(ports));
}
