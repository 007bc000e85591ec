// The wrap-up that waits in the worker after every end it records (issue 27, item 5): offered to the
// tabs of the ended session's org and cookie store whoever or whatever ended it, asked for again by a
// page that loads later, until it is saved, skipped, the next session starts, or a day has passed.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { refreshSession } from '../../src/background/session/poll.js';
import { endSession } from '../../src/background/session/service.js';
import { pendingWrapUp, saveWrapUp, skipWrapUp } from '../../src/background/session/wrap-up.js';
import { harness, LIGHTNING, start } from '../support/background-harness.js';

const PAGE = `${LIGHTNING}/lightning/page/home`;
const GLOBEX = 'https://globex.lightning.force.com/lightning/page/home';
const DAY = 24 * 60 * 60 * 1000;

async function withOtherOrgTab() {
  const h = harness();
  await h.connect();
  h.tabs.push(
    { id: 2, url: GLOBEX, incognito: false },
    { id: 3, url: `${LIGHTNING}/lightning/o/Lead/list`, incognito: false },
  );
  return h;
}

describe('the wrap-up that waits', () => {
  it('after the rep’s End: the org’s tabs are told, another org’s not; a page loading later gets it', async () => {
    const h = await withOtherOrgTab();
    const session = await start(h, 'Contact', h.seeded('Contact').Id);
    await endSession(session.sessionId, h.ports);
    expect(h.wrapUpNotices).toEqual([
      { tabId: 1, sessionId: session.sessionId, open: true },
      { tabId: 3, sessionId: session.sessionId, open: true },
    ]);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toMatchObject({ sessionId: session.sessionId, saved: false });
    expect(await pendingWrapUp(h.ports, GLOBEX, undefined)).toBeNull();
    expect(await pendingWrapUp(h.ports, PAGE, 'incognito')).toBeNull();
  });

  it('after Glance ended it (the guest poll found it over): offered all the same', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    h.tabs.push(
      { id: 2, url: GLOBEX, incognito: false },
      { id: 3, url: `${LIGHTNING}/lightning/o/Lead/list`, incognito: false },
    );
    const session = await start(h, 'Contact', h.seeded('Contact').Id);
    expect(await h.probed()).toMatchObject({ status: true });
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Wanda Guest', email: '' });
    h.tick(5000);
    await refreshSession(h.ports);
    h.sandbox.state.glance.endInClient('acme.glance.net');
    h.tick(5000);
    expect(await refreshSession(h.ports)).toBeNull();
    expect(h.wrapUpNotices.filter((n) => n.open).map((n) => [n.tabId, n.sessionId])).toEqual([
      [1, session.sessionId],
      [3, session.sessionId],
    ]);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toMatchObject({ sessionId: session.sessionId });
  });

  it('until saved or skipped (the other tabs are told it is over), the next session starts, or a day passed', async () => {
    const h = await withOtherOrgTab();
    const contact = h.seeded('Contact').Id;
    const first = await start(h, 'Contact', contact);
    await endSession(first.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(await saveWrapUp(h.ports, { sessionId: first.sessionId, notes: 'n', outcome: '' }, PAGE, undefined)).toEqual(
      { ok: true },
    );
    expect(h.wrapUpNotices.at(-1)).toEqual({ tabId: 3, sessionId: first.sessionId, open: false });
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toBeNull();

    const second = await start(h, 'Contact', contact);
    await endSession(second.sessionId, h.ports);
    expect(await skipWrapUp(h.ports, second.sessionId, GLOBEX, undefined)).toEqual({ ok: false });
    expect(await skipWrapUp(h.ports, second.sessionId, PAGE, undefined)).toEqual({ ok: true });
    expect(h.wrapUpNotices.at(-1)).toEqual({ tabId: 3, sessionId: second.sessionId, open: false });
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toBeNull();

    const third = await start(h, 'Contact', contact);
    await endSession(third.sessionId, h.ports);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toMatchObject({ sessionId: third.sessionId });
    const fourth = await start(h, 'Contact', contact);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toBeNull();
    await endSession(fourth.sessionId, h.ports);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toMatchObject({ sessionId: fourth.sessionId });
    h.tick(DAY + 1);
    expect(await pendingWrapUp(h.ports, PAGE, undefined)).toBeNull();
  });
});
