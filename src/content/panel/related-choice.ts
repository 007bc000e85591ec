// "Which Opportunity (or Case) is this session about?": shown in the panel when the start's look-up
// found more than one open record for the Contact (issue 27, item 6). One toggle button per record,
// and "None of these"; the pressed one is the choice. What is sent is the id from the worker's own
// list (never anything read back from the page), which the worker checks again. Names come from
// Salesforce records anyone in the org may have typed: text only.
import { t } from '../../shared/i18n.js';
import type { RelatedChoiceView, SessionView } from '../../shared/protocol/index.js';
import { element, onTrusted } from '../common/dom.js';

export class RelatedChoice {
  private readonly heading = element('h3', { id: 'related-heading' });
  readonly root = element('div', { className: 'related', hidden: true }, { role: 'group' });
  private readonly options = element('div', { className: 'choices' });
  private readonly more = element('p', { className: 'muted', textContent: t('panelRelatedMore') });
  /** Record id ('' for none of them) → its button: kept across redraws so focus stays where the rep left it. */
  private buttons = new Map<string, HTMLButtonElement>();
  private drawn = '';
  private busy = false;

  /** `choose`: asks the worker to keep this choice; the panel redraws with its answer. */
  constructor(private readonly choose: (recordId: string) => Promise<void>) {
    this.root.setAttribute('aria-labelledby', 'related-heading');
    this.root.append(
      this.heading,
      element('p', { className: 'muted', textContent: t('panelRelatedHint') }),
      this.options,
      this.more,
    );
  }

  show(view: SessionView): void {
    const related = view.related;
    this.root.hidden = !related;
    if (!related) return;
    const drawn = JSON.stringify([related.sobject, related.candidates]);
    if (drawn !== this.drawn) {
      this.drawn = drawn;
      this.draw(related);
    }
    this.more.hidden = !related.more;
    for (const [id, button] of this.buttons) button.setAttribute('aria-pressed', String(id === related.chosen));
  }

  private draw(related: RelatedChoiceView): void {
    this.heading.textContent = t(related.sobject === 'Case' ? 'panelRelatedCase' : 'panelRelatedOpportunity');
    const button = (id: string, name: string, detail: string) => {
      const option = element('button', { type: 'button', className: 'choice' }, { 'aria-pressed': 'false' });
      option.append(element('strong', { textContent: name }));
      if (detail) option.append(' ', element('span', { className: 'detail', textContent: detail }));
      onTrusted(option, 'click', () => void this.press(id, option));
      return option;
    };
    this.buttons = new Map([
      ...related.candidates.map((c) => [c.id, button(c.id, c.name || c.id, c.detail)] as const),
      ['', button('', t('panelRelatedNone'), '')] as const,
    ]);
    this.options.replaceChildren(...this.buttons.values());
  }

  private async press(recordId: string, option: HTMLButtonElement): Promise<void> {
    if (this.busy || option.getAttribute('aria-pressed') === 'true') return;
    this.busy = true;
    try {
      await this.choose(recordId);
    } finally {
      this.busy = false;
    }
  }
}
