// Only the org of the session sees it (issue 10, item 2): broadcasts and answers about a running
// session reach the tabs of the org (and cookie store) it was started from; every other Salesforce
// tab, a customer's org or an incognito window, learns nothing of it.
import { beforeEach, describe, expect, it } from 'vitest';
import { routeMessage } from '../../src/background/router.js';
import type { SessionResult } from '../../src/shared/protocol/index.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';

const GLOBEX = 'https://globex.lightning.force.com';
const sender = (url: string, tabId: number, incognito = false) => ({
  id: 'test',
  url,
  frameId: 0,
  tab: { id: tabId, url, incognito },
});

describe('who sees a running session', () => {
  let h: Harness;
  let acmeLead: string;
  beforeEach(async () => {
    h = harness();
    await h.connect();
    acmeLead = `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
    h.setSidFor('globex.my.salesforce.com', '00D000000000002!globex');
    h.tabs.push(
      { id: 2, url: `${GLOBEX}/lightning/r/Lead/00Q000000000001AAA/view`, incognito: false },
      { id: 3, url: acmeLead, incognito: true },
      { id: 4, url: 'https://acme.my.salesforce.com/00Q000000000001', incognito: false },
    );
  });

  const start = async () => {
    const result = (await routeMessage(
      { type: 'content:start-session', pageUrl: acmeLead, mode: 'screenshare' },
      sender(acmeLead, 1),
      h.ports,
    )) as SessionResult;
    if (!result.ok || !result.session) throw new Error('no session');
    return result.session;
  };

  it('tells the tabs of its org, and only them', async () => {
    const session = await start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const told = (tabId: number) => h.tabMessages.filter((m) => m.tabId === tabId).map((m) => m.session?.sessionId);
    expect(told(1)).toContain(session.sessionId);
    expect(told(4)).toContain(session.sessionId); // Classic tab of the same org
    expect(told(2)).not.toContain(session.sessionId); // another org
    expect(told(3)).not.toContain(session.sessionId); // an incognito window of the same org
    expect(JSON.stringify(h.tabMessages.filter((m) => m.tabId === 2 || m.tabId === 3))).not.toContain(session.key);
  });

  it('answers another org’s tab and an incognito tab as if no session ran, and lets them neither switch nor end it', async () => {
    const session = await start();
    const globexTab = sender(`${GLOBEX}/lightning/r/Lead/00Q000000000001AAA/view`, 2);
    const incognitoTab = sender(acmeLead, 3, true);
    for (const tab of [globexTab, incognitoTab]) {
      expect(await routeMessage({ type: 'content:session', refresh: false }, tab, h.ports)).toBeNull();
      expect(await routeMessage({ type: 'content:session', refresh: true }, tab, h.ports)).toBeNull();
      expect(
        await routeMessage(
          { type: 'content:switch-mode', sessionId: session.sessionId, mode: 'cobrowse' },
          tab,
          h.ports,
        ),
      ).toEqual({ ok: false, problem: 'session-gone' });
      expect(await routeMessage({ type: 'content:end-session', sessionId: session.sessionId }, tab, h.ports)).toEqual({
        ok: false,
        problem: 'session-gone',
      });
    }
    // The session's own tab still sees it, running.
    expect(await routeMessage({ type: 'content:session', refresh: false }, sender(acmeLead, 1), h.ports)).toMatchObject(
      { sessionId: session.sessionId },
    );
  });
});
