// What the popup's Overview names besides the accounts (issue 28): the running session, else the
// next meeting this browser scheduled, on any record; nothing when neither.
import { describe, expect, it } from 'vitest';
import { popupNow } from '../../src/background/meeting/popup-now.js';
import { startSession } from '../../src/background/session/service.js';
import { harness, LIGHTNING } from '../support/background-harness.js';
import { schedule } from '../support/meetings.js';

describe('the popup’s running session or next meeting', () => {
  it('is nothing, then the next meeting, then the running session while it runs', async () => {
    const h = harness();
    await h.connect();
    expect(await popupNow(h.ports)).toEqual({ session: null, meeting: null });

    const meeting = await schedule(h, 'Lead', h.seeded('Lead').Id, { subject: 'Demo for Acme' });
    expect(await popupNow(h.ports)).toEqual({
      session: null,
      meeting: { subject: 'Demo for Acme', startsAt: meeting.startsAt, sobject: 'Lead' },
    });

    const started = await startSession(
      `${LIGHTNING}/lightning/r/Contact/${h.seeded('Contact').Id}/view`,
      'screenshare',
      h.ports,
    );
    if (!started.ok || !started.session) throw new Error('the session did not start');
    expect((await popupNow(h.ports)).session).toEqual({
      sobject: 'Contact',
      startedAt: started.session.startedAt,
      key: started.session.key,
    });
  });
});
