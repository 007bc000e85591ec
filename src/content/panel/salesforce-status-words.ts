// The toolbar's words for the rarer ways Salesforce can stand for an org: the tab is behind a
// security proxy, the org's My Domain moved, or the rep must log in again (each with its link).
// They come with the panel's lazily injected script (toolbar.ts asks for it only in these states),
// so every record page does not carry them, nor the host table the moved address needs (issue 29).
import { t } from '../../shared/i18n.js';
import type { SalesforceStatus } from '../../shared/protocol/index.js';
import { lightningHostFor } from '../../shared/salesforce-hosts.js';
import { element } from '../common/dom.js';
import type { Toolbar } from '../toolbar/toolbar-types.js';

/** The states the toolbar words itself: the ones every org meets. */
type CommonSalesforceState = 'ready' | 'api-blocked' | 'daily-limit' | 'unavailable';

export type RareSalesforceStatus = Exclude<SalesforceStatus, { state: CommonSalesforceState }>;

/** Says `sf` on the toolbar's status line (`line`), with the link that leads on where there is one. */
export function showRareStatus(sf: RareSalesforceStatus, notice: Toolbar['notice'], line: HTMLElement): void {
  if (sf.state === 'proxied') {
    notice('statusProxied', 'error', false, sf.apiHost);
    return;
  }
  const moved = sf.state === 'my-domain-moved';
  // A tab opened before the rename: Salesforce now answers at the new host only.
  if (moved) notice('statusMyDomainMoved', 'error', false, sf.movedTo);
  else notice(sf.state === 'session-expired' ? 'statusLoggedOut' : 'statusSessionNotForApi', 'warning');
  const link = element('a', {
    href: moved ? `https://${lightningHostFor(sf.movedTo)}/` : sf.loginUrl,
    target: '_blank',
    rel: 'noopener',
    textContent: t(moved ? 'openSalesforceAtNewAddress' : 'loginToSalesforce'),
  });
  line.append(' ', link);
}
