// What the popup's and the options page's views share: the settings and the Glance account (one
// answer from the worker, then the fresh policy), and the Salesforce status of the rep's tab.
import { useEffect, useState } from 'preact/hooks';
import type { GlanceAccountView, PageOverview, SalesforceStatus, SettingsView } from '../../shared/protocol/index.js';
import { firstOverview, request, salesforceTab } from '../background-channel.js';

export interface Overview {
  /** undefined until the worker answered. */
  account: GlanceAccountView | null | undefined;
  view: SettingsView | undefined;
  /** False on a brand-new profile until managed storage answered: policy-bound parts show as being checked. */
  policyKnown: boolean;
  /** undefined while asked; null when no Salesforce tab is open. */
  status: SalesforceStatus | null | undefined;
  setAccount(account: GlanceAccountView | null): void;
  setView(view: SettingsView): void;
}

export function useOverview(initial: PageOverview | undefined): Overview {
  // The popup waits a moment for the first answer and draws with it: the account in the first frame.
  const [account, setAccount] = useState<GlanceAccountView | null | undefined>(initial?.account);
  const [view, setView] = useState<SettingsView | undefined>(initial?.settings);
  const [policyKnown, setPolicyKnown] = useState(initial?.policyKnown ?? true);
  const [status, setStatus] = useState<SalesforceStatus | null | undefined>(undefined);

  useEffect(() => {
    // Settings and account in one answer, on the last known company policy (none on a brand-new
    // profile): drawn at once, even in the seconds after a browser start when managed storage has
    // not answered yet. Then the policy managed storage answers is applied when it comes.
    const show = (overview: PageOverview) => {
      setView(overview.settings);
      setAccount(overview.account);
      setPolicyKnown(overview.policyKnown);
    };
    firstOverview().then((overview) => {
      show(overview);
      if (!overview.policyFresh) request('page:overview', { fresh: true }).then(show);
    });
    salesforceTab()
      .then((tab) => request('page:salesforce-status', tab ?? { pageUrl: null }))
      .then(setStatus, () => setStatus(null));
  }, []);

  return { account, view, policyKnown, status, setAccount, setView };
}
