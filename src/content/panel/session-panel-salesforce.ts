// The panel's line on how the session's logging to Salesforce stands (session-panel.ts draws it
// when what it says changed): the state, the org's login link when the API session expired, the
// fields left out, Chatter's refusal and a low daily API budget. Salesforce's error texts are text only.
import { type MessageKey, t } from '../../shared/i18n.js';
import type { SalesforceLogState, SessionView } from '../../shared/protocol/index.js';
import { apiHostFor } from '../../shared/salesforce-url.js';
import { element } from '../common/dom.js';

const SALESFORCE_TEXT: Record<SalesforceLogState, MessageKey> = {
  pending: 'sfLogPending',
  logged: 'sfLogLogged',
  unavailable: 'sfLogUnavailable',
  'daily-limit': 'sfLogDailyLimit',
  'session-expired': 'sfLogLoginNeeded',
  'api-blocked': 'sfLogApiBlocked',
  'session-not-for-api': 'sfLogSessionNotForApi',
  'needs-attention': 'sfLogFailed',
  unconfirmed: 'sfLogUnconfirmed',
  'other-user': 'sfLogOtherUser',
  discarded: 'sfLogDiscarded',
};

/** Draws the line afresh: `line` is the panel's element for it. */
export function drawSalesforceLog(line: HTMLElement, view: SessionView): void {
  const leftOut = view.salesforceLeftOut.fields.join(', ');
  line.dataset.state = view.salesforce;
  line.textContent = t(SALESFORCE_TEXT[view.salesforce] ?? 'sfLogPending', view.salesforceError);
  // The API session lives on the My Domain host, also when the rep works on the Lightning host.
  const apiHost = apiHostFor(location.hostname);
  if ((view.salesforce === 'session-expired' || view.salesforce === 'session-not-for-api') && apiHost) {
    const login = element('a', { href: `https://${apiHost}/`, target: '_blank', rel: 'noopener' });
    login.textContent = t('loginToSalesforce');
    line.append(' ', login);
  }
  if (view.salesforce === 'logged' && leftOut)
    line.append(' ', t('sfLogLeftOut', leftOut, view.salesforceLeftOut.reason));
  // Chatter off: the org has no FeedItem object, so the post's create answers "The requested resource does not exist".
  if (view.chatterError)
    line.append(
      ' ',
      /resource does not exist|Chatter is not enabled/i.test(view.chatterError)
        ? t('sfChatterOff')
        : t('sfChatterRefused', view.chatterError),
    );
  if (view.chatterMoved) line.append(' ', t('sfChatterOwnFeed', view.chatterMoved));
  if (view.salesforceBudgetLow) line.append(' ', t('panelBudgetLow'));
}
