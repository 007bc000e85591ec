// The content script: watches the URL (Lightning navigates with history.pushState), shows the
// Glance toolbar on Lead, Contact, Opportunity, Campaign and Case records, and nothing elsewhere.
// It never calls a network itself; the background does.
import { useMessages } from '../shared/i18n.js';
import { parseSalesforceUrl, type SalesforcePage, sameRecordPage } from '../shared/salesforce-url.js';
import { ask, message } from './messaging.js';
import { AnchorFinder } from './placement.js';
import { Toolbar, type ToolbarAction } from './toolbar.js';

type RecordPage = Extract<SalesforcePage, { kind: 'record' }>;

useMessages(message);
const anchors = new AnchorFinder();
const toolbar = new Toolbar(onAction);
let current: RecordPage | undefined;
let anchor: Element | undefined;
let placementScheduled = false;
const observer = new MutationObserver(schedulePlacement);

function evaluate(): void {
  const page = parseSalesforceUrl(location.href);
  if (page?.kind !== 'record') {
    current = undefined;
    anchor = undefined;
    observer.disconnect();
    toolbar.remove();
    return;
  }
  const changed = !sameRecordPage(page, current);
  current = page;
  toolbar.showRecord(page.sobject, page.recordId);
  place();
  // Salesforce renders the page after the URL changes and re-renders parts of it later: keep
  // looking for the right place while on a record.
  observer.observe(document.body, { childList: true, subtree: true, attributeFilter: ['class', 'style', 'hidden'] });
  if (changed) void refreshSalesforceStatus();
}

function place(): void {
  if (!current) return;
  if (anchors.stillValid(anchor, current.recordId) && toolbar.host.previousElementSibling === anchor) return;
  anchor = anchors.find(current.ui, current.recordId);
  toolbar.dock(anchor);
}

function schedulePlacement(): void {
  if (placementScheduled) return;
  placementScheduled = true;
  requestAnimationFrame(() => {
    placementScheduled = false;
    place();
  });
}

async function refreshSalesforceStatus(): Promise<void> {
  const asked = current;
  const status = await ask('content:salesforce-status', {});
  if (asked === current) toolbar.showSalesforceStatus(status);
}

async function onAction(action: ToolbarAction): Promise<void> {
  if (action === 'open-settings') {
    await ask('content:open-settings', {});
    return;
  }
  if (action === 'schedule') {
    toolbar.notice('comingSoon');
    return;
  }
  const result = await ask('content:start-session', { pageUrl: location.href, mode: 'screenshare' });
  if (result && !result.ok && result.reason === 'glance-not-connected') {
    toolbar.notice('glanceNotConnected', 'warning', true);
  } else if (result && !result.ok) {
    toolbar.notice('comingSoon');
  }
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
}
// The Navigation API reports pushState from the page's own world within about a millisecond.
(globalThis as { navigation?: NavigationLike }).navigation?.addEventListener('currententrychange', evaluate);
addEventListener('popstate', evaluate);
addEventListener('hashchange', evaluate);
evaluate();
