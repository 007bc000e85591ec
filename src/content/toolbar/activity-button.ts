// The extra "Schedule Glance meeting" button beside Salesforce's own activity actions (Lightning's
// Activity composer, Classic's Open Activities list), as the Glance package placed it. Only an extra:
// when Salesforce's markup changes and no selector matches, the toolbar still offers scheduling.
import { t } from '../../shared/i18n.js';
import { element, onTrusted, shadowHost } from '../common/dom.js';
import type { RecordPage } from '../common/draw-decision.js';
import type { Docking } from '../common/placement.js';
import { BASE_CSS } from '../common/slds-styles.js';
import { activityActions } from './activity-actions.js';

const CSS = `${BASE_CSS}:host{display:inline-block;margin:4px 0 4px 4px;vertical-align:middle}`;

/**
 * Makes the button (`onClick` gets it: focus returns there) and answers the function that places it
 * beside the record's activity actions when the page shows them, nowhere otherwise (undefined: off
 * a record). `shown`: the view Lightning just marked active, searched from its markup alone (no
 * style read; placement.ts checks it at the next frame). Closures, not a class: their names minify,
 * a class's members do not.
 */
export function activityScheduleButton(
  onClick: (button: HTMLButtonElement) => void,
): (record: RecordPage | undefined, shown?: Element) => Docking | undefined {
  const host = element('div');
  const button = element('button', { type: 'button', textContent: t('scheduleMeeting') });
  let anchor: Element | undefined;
  shadowHost(host, 'activity-action', CSS, button);
  onTrusted(button, 'click', () => onClick(button));
  return (record, shown) => {
    if (!record) {
      host.remove();
      return undefined;
    }
    host.dataset.ui = record.ui;
    if (shown || !activityActions.stillValid(anchor, record.recordId) || host.previousElementSibling !== anchor) {
      anchor = activityActions.find(record.ui, record.recordId, shown);
      if (!anchor) host.remove();
      else if (anchor.nextElementSibling !== host) anchor.after(host);
    }
    return { host, anchor };
  };
}
