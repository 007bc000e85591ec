// What the popup shows at first sight besides the two accounts: the running session, else the next
// meeting this browser scheduled (any record: the popup is not about one page).
import type { PageNow } from '../../shared/protocol/index.js';
import { readActiveSession } from '../session/state.js';
import type { StoragePorts } from '../storage/ports.js';
import { readMeetings } from './store.js';

export async function popupNow(ports: StoragePorts & { now(): number }): Promise<PageNow> {
  const [session, meetings] = await Promise.all([readActiveSession(ports), readMeetings(ports)]);
  const now = ports.now();
  const next = meetings
    .filter((m) => !m.cancelled && !m.held && now < Date.parse(m.endsAt))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  return {
    session: session ? { sobject: session.record.sobject, startedAt: session.startedAt, key: session.key } : null,
    meeting: next ? { subject: next.subject, startsAt: next.startsAt, sobject: next.record.sobject } : null,
  };
}
