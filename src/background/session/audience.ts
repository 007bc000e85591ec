// Who may see a running session: the Salesforce tabs of the org it was started from, in the same
// cookie store. A rep often has a customer's org, a sandbox, an incognito window or a Firefox container open beside their
// own; none of those learns the key, the join link or the guests, and none can switch or end it.
import type { BackgroundBroadcast, SessionProblem, SessionView, WrapUpNotice } from '../../shared/protocol/index.js';
import { type ApiHostPorts, resolveApiHost } from '../../shared/salesforce/api-host.js';
import type { ActiveSession } from './state.js';

interface SalesforceTab {
  id: number;
  url: string;
  incognito: boolean;
  /** Firefox only: the tab's container (or private window) store. */
  cookieStoreId?: string;
}

export interface AudiencePorts extends ApiHostPorts {
  /** Every open Salesforce tab. */
  salesforceTabs(): Promise<SalesforceTab[]>;
  /** Sends a message to a tab's top-frame content script (a tab without one is skipped). */
  tellTab(tabId: number, message: BackgroundBroadcast | WrapUpNotice): Promise<void>;
  /** The tab's own cookie store (incognito's, a Firefox container's); undefined for the regular one. */
  cookieStoreOf(tab: { id?: number; incognito?: boolean; cookieStoreId?: string }): Promise<string | undefined>;
}

/** True when a page in this cookie store belongs to the session's org (by the org's API host). */
export async function inSessionOrg(
  pageUrl: string,
  storeId: string | undefined,
  session: Pick<ActiveSession, 'record'>,
  ports: ApiHostPorts,
): Promise<boolean> {
  if ((session.record.storeId ?? undefined) !== (storeId ?? undefined)) return false;
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return false;
  }
  return (await resolveApiHost(host, ports, storeId))?.apiHost === session.record.apiHost;
}

/** Tells every Salesforce tab what it may know: the session in its org's tabs, nothing elsewhere. */
export async function tellTabs(
  ports: AudiencePorts,
  session: ActiveSession | undefined,
  view: SessionView | null,
  /** Why the session ended, when the rep did not end it. */
  reason?: SessionProblem,
): Promise<void> {
  const tabs = await ports.salesforceTabs();
  await Promise.all(
    tabs.map(async (tab) => {
      const storeId = await ports.cookieStoreOf(tab);
      const sees = !!session && !!view && (await inSessionOrg(tab.url, storeId, session, ports));
      await ports.tellTab(tab.id, {
        type: 'background:session',
        session: sees ? view : null,
        ...(reason && !view ? { reason } : {}),
      });
    }),
  );
}

/**
 * Tells the tabs of an ended session's org and cookie store that its wrap-up waits (`open`) or is
 * over: the tabs where its panel showed (every Salesforce page of that org, in that store), whoever or
 * whatever ended it; nothing to any other tab.
 */
export async function tellWrapUp(
  ports: AudiencePorts,
  ended: Pick<ActiveSession, 'sessionId' | 'record'>,
  open: boolean,
): Promise<void> {
  const tabs = await ports.salesforceTabs();
  await Promise.all(
    tabs.map(async (tab) => {
      if (!(await inSessionOrg(tab.url, await ports.cookieStoreOf(tab), ended, ports))) return;
      await ports.tellTab(tab.id, { type: 'background:wrap-up', sessionId: ended.sessionId, open });
    }),
  );
}
