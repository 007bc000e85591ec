// The extra "Schedule Glance meeting" button beside Salesforce's own activity actions (Lightning's
// Activity composer, Classic's Open Activities list), as the Glance package placed it. Only an extra:
// when Salesforce's markup changes and no selector matches, the toolbar still offers scheduling.
import { t } from '../shared/i18n.js';
import { activityActionsStillValid, findActivityActions } from './activity-actions.js';
import { element, onTrusted } from './dom.js';
import type { RecordPage } from './draw-decision.js';
import type { Docking } from './placement.js';
import { BASE_CSS } from './slds-styles.js';

const CSS = `${BASE_CSS}:host{display:inline-block;margin:4px 0 4px 4px;vertical-align:middle}`;

export class ActivityScheduleButton {
  readonly host = element('div');
  readonly button = element('button', { type: 'button', textContent: t('scheduleMeeting') });
  #anchor: Element | undefined;

  constructor(onClick: () => void) {
    this.host.dataset.glanceSfx = 'activity-action';
    const root = this.host.attachShadow({ mode: 'open' });
    // Our text is in the translation's language, whatever Salesforce's page says: screen readers speak it so.
    this.button.lang = t('formatLocale');
    root.append(element('style', { textContent: CSS }), this.button);
    onTrusted(this.button, 'click', onClick);
  }

  /** Beside the record's activity actions when the page shows them; nowhere otherwise (undefined off a record). */
  place(record: RecordPage | undefined): Docking | undefined {
    if (!record) {
      this.host.remove();
      return undefined;
    }
    if (
      !activityActionsStillValid(this.#anchor, record.recordId) ||
      this.host.previousElementSibling !== this.#anchor
    ) {
      this.#anchor = findActivityActions(record.ui === 'classic' ? 'classic' : 'lightning', record.recordId);
      if (!this.#anchor) this.host.remove();
      else if (this.#anchor.nextElementSibling !== this.host) this.#anchor.after(this.host);
    }
    return { host: this.host, anchor: this.#anchor };
  }
}
