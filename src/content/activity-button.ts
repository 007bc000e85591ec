// The extra "Schedule Glance meeting" button beside Salesforce's own activity actions (Lightning's
// Activity composer, Classic's Open Activities list), as the Glance package placed it. Only an extra:
// when Salesforce's markup changes and no selector matches, the toolbar still offers scheduling.
import { t } from '../shared/i18n.js';
import { activityActionsStillValid, findActivityActions } from './activity-actions.js';
import { element, onTrusted } from './dom.js';
import type { RecordPage } from './draw-decision.js';
import type { Docking } from './placement.js';

const CSS = `:host{all:initial;display:inline-block;margin:4px 0 4px 4px;vertical-align:middle}
button{font:13px/1.5 -apple-system,"Segoe UI","Salesforce Sans",Helvetica,Arial,sans-serif;display:inline-flex;align-items:center;height:32px;padding:0 16px;border-radius:4px;border:1px solid #c9c9c9;background:#fff;color:#0176d3;cursor:pointer;white-space:nowrap}
button:hover{background:#f3f3f3}
button:focus-visible{outline:0;box-shadow:0 0 3px #0176d3;border-color:#014486}`;

export class ActivityScheduleButton {
  readonly host = element('div');
  readonly button = element('button', { type: 'button', textContent: t('scheduleMeeting') });
  private anchor: Element | undefined;

  constructor(onClick: () => void) {
    this.host.dataset.glanceSfx = 'activity-action';
    const root = this.host.attachShadow({ mode: 'open' });
    root.append(element('style', { textContent: CSS }), this.button);
    onTrusted(this.button, 'click', onClick);
  }

  /** Beside the record's activity actions when the page shows them; nowhere otherwise (undefined off a record). */
  place(record: RecordPage | undefined): Docking | undefined {
    if (!record) {
      this.host.remove();
      return undefined;
    }
    if (!activityActionsStillValid(this.anchor, record.recordId) || this.host.previousElementSibling !== this.anchor) {
      this.anchor = findActivityActions(record.ui === 'classic' ? 'classic' : 'lightning', record.recordId);
      if (!this.anchor) this.host.remove();
      else if (this.anchor.nextElementSibling !== this.host) this.anchor.after(this.host);
    }
    return { host: this.host, anchor: this.anchor };
  }
}
