// A Lightning record page's content, following the outline in shared/reference/lightning-dom.md
// (the element names come from Salesforce's own UI test page objects). Custom elements stay
// undefined, like Lightning's synthetic-shadow components look to a content script.
import { escapeHtml } from '../http.js';
import {
  detailPanel,
  fieldOutput,
  fullShadow,
  lwcRelatedList,
  relatedListContainer,
} from './lightning-native-shadow.js';
import { DEFAULT_VARIANT, informationTitle, type LightningVariant, label } from './lightning-variants.js';
import type { SalesforceOrg, SObjectRecord } from './org.js';
import {
  detailFields,
  fieldLabel,
  fieldValueHtml,
  HIGHLIGHT_FIELDS,
  lightningRecordPath,
  recordName,
  relatedRecords,
  visibleRelatedLists,
} from './record-display.js';

const STANDARD_BUTTONS: Record<string, string[]> = {
  Lead: ['Edit', 'Convert', 'Delete'],
  Opportunity: ['Edit', 'Delete', 'Clone'],
  Case: ['Edit', 'CloseCase', 'Delete'],
};
const BUTTON_LABEL: Record<string, string> = { CloseCase: 'Close Case' };

const fieldHtml = (org: SalesforceOrg, record: SObjectRecord, field: string) =>
  fieldValueHtml(org, field, record.fields[field] ?? null, lightningRecordPath);

const buttonLabel = (v: LightningVariant, name: string) => label(v, BUTTON_LABEL[name] ?? name);

function actionsRibbon(type: string, v: LightningVariant): string {
  const buttons = (STANDARD_BUTTONS[type] ?? ['Edit', 'Delete']).map(
    (name) => `<li data-target-selection-name="sfdc:StandardButton.${type}.${name}" class="visible">
      <runtime_platform_actions-action-renderer apiname="${name}"><lightning-button>
        <button name="${name}" type="button" class="slds-button slds-button_neutral">${buttonLabel(v, name)}</button>
      </lightning-button></runtime_platform_actions-action-renderer></li>`,
  );
  return `<div class="actionsContainer"><runtime_platform_actions-actions-ribbon>
    <ul class="slds-button-group-list">${buttons.join('')}
      <li class="slds-button_last overflow"><lightning-button-menu>
        <button type="button" class="slds-button slds-button_icon-border-filled" aria-haspopup="true" title="${label(v, 'Show more actions')}">&#9662;<span class="slds-assistive-text" hidden>${label(v, 'Show more actions')}</span></button>
      </lightning-button-menu></li>
    </ul></runtime_platform_actions-actions-ribbon></div>`;
}

/** The older Aura action bar (lightning-dom.md: `ul.oneActionsRibbon.forceActionsContainer`). */
function auraActions(type: string, v: LightningVariant): string {
  const items = (STANDARD_BUTTONS[type] ?? ['Edit', 'Delete']).map(
    (name) =>
      `<li class="slds-button slds-button--neutral"><a class="forceActionLink" role="button" href="javascript:void(0)" title="${buttonLabel(v, name)}" data-target-selection-name="sfdc:StandardButton.${type}.${name}"><div>${buttonLabel(v, name)}</div></a></li>`,
  );
  return `<div class="actionsContainer"><ul class="branding-actions slds-button-group oneActionsRibbon forceActionsContainer">${items.join('')}</ul></div>`;
}

function highlightsHeader(org: SalesforceOrg, record: SObjectRecord, v: LightningVariant, aura: boolean): string {
  const type = record.type;
  const lower = type.toLowerCase();
  const details = (HIGHLIGHT_FIELDS[type] ?? []).map(
    (field) => `<records-highlights-details-item role="listitem" class="slds-page-header__detail-block">
      <p class="slds-text-title slds-truncate" title="${escapeHtml(fieldLabel(field))}">${escapeHtml(fieldLabel(field))}</p>
      <p class="fieldComponent slds-text-body--regular"><slot><lightning-formatted-text>${fieldHtml(org, record, field)}</lightning-formatted-text></slot></p>
    </records-highlights-details-item>`,
  );
  // The Aura panel predates SLDS's record-home modifier.
  const header = aura
    ? 'highlights slds-page-header'
    : 'highlights slds-clearfix slds-page-header slds-page-header_record-home';
  return `<div class="${header}">
      <div class="primaryFieldRow">
        <records-highlights-icon slot="icon"><span class="icon icon-${lower}" aria-hidden="true">${type.charAt(0)}</span></records-highlights-icon>
        <h1><div class="entityNameTitle slds-line-height_reset">${label(v, type)}</div>
          <slot name="primaryField" class="slds-page-header__title slds-m-right_small slds-align-middle"><lightning-formatted-text slot="primaryField">${escapeHtml(recordName(record))}</lightning-formatted-text></slot>
        </h1>
        ${aura ? auraActions(type, v) : actionsRibbon(type, v)}
      </div>
      <div class="secondaryFields" role="list"><slot name="secondaryFields">${details.join('')}</slot></div>
    </div>`;
}

/** The record's highlights panel in the variant's form (lightning-dom.md, Salesforce's page objects). */
function highlights(org: SalesforceOrg, record: SObjectRecord, v: LightningVariant): string {
  const lower = record.type.toLowerCase();
  switch (v.highlights) {
    case 'none':
      return '';
    case 'dynamic':
      // Dynamic Highlights panel (Dynamic Actions pages): record_flexipage-dynamic-highlights2.
      return `<flexipage-component2 data-component-id="record_flexipage_dynamicHighlights2"><record_flexipage-dynamic-highlights2>
    ${highlightsHeader(org, record, v, false)}
    </record_flexipage-dynamic-highlights2></flexipage-component2>`;
    case 'aura':
      // The older Aura component force:highlightsPanel renders div.forceHighlightsPanel.
      return `<flexipage-component2 data-component-id="force_highlightsPanel"><div class="forceHighlightsPanel" data-aura-class="forceHighlightsPanel">
    ${highlightsHeader(org, record, v, true)}
    </div></flexipage-component2>`;
    default: {
      // The generated layout's class and the progressive renderer some orgs wrap components in:
      // Salesforce's page object records/lwcRecordLayout finds `.forcegenerated-record-layout2` in
      // records-lwc-record-layout's shadow root and records-highlights2 in that one's; a public UI
      // test of a real org walks flexipage-component2 › force-progressive-renderer ›
      // records-lwc-highlights-panel › records-lwc-record-layout › .forcegenerated-record-layout2.
      const [open, close] = fullShadow(v)
        ? ['<force-progressive-renderer>', '</force-progressive-renderer>']
        : ['', ''];
      return `<flexipage-component2 data-component-id="force_highlightsPanel">${open}<records-lwc-highlights-panel><records-lwc-record-layout>
    <forcegenerated-highlightspanel_${lower}___012000000000000aaa___compact___view___recordlayout2 class="forcegenerated-record-layout2"><records-highlights2>
    ${highlightsHeader(org, record, v, false)}
    </records-highlights2></forcegenerated-highlightspanel_${lower}___012000000000000aaa___compact___view___recordlayout2>
  </records-lwc-record-layout></records-lwc-highlights-panel>${close}</flexipage-component2>`;
    }
  }
}

function detailsSection(org: SalesforceOrg, record: SObjectRecord, v: LightningVariant): string {
  const items = detailFields(record).map(
    ([
      field,
    ]) => `<records-record-layout-item field-label="${escapeHtml(fieldLabel(field))}" class="slds-form-element slds-form-element_${v.density === 'compact' ? 'horizontal' : 'stacked'}">
      <span class="slds-form-element__label">${escapeHtml(fieldLabel(field))}</span>
      <span class="slds-form-element__control">${fieldOutput(v, fieldHtml(org, record, field))}</span>
    </records-record-layout-item>`,
  );
  return detailPanel(
    v,
    record.type,
    `<records-record-layout-section><div class="slds-section slds-is-open">
    <h3 class="slds-section__title"><span title="${informationTitle(v, record.type)}">${informationTitle(v, record.type)}</span></h3>
    <div class="slds-section__content layoutGrid">${items.join('')}</div>
  </div></records-record-layout-section>`,
  );
}

function relatedList(
  org: SalesforceOrg,
  record: SObjectRecord,
  title: string,
  types: readonly string[],
  v: LightningVariant,
): string {
  const records = relatedRecords(org, record.Id, types);
  const cellsOf = (r: SObjectRecord) => [
    r.type,
    String(
      r.fields.StartDateTime ?? r.fields.ActivityDate ?? r.fields.Email ?? r.fields.StageName ?? r.fields.Status ?? '',
    ),
  ];
  if (fullShadow(v)) {
    const rows = records.map((r) => ({ href: lightningRecordPath(r), name: recordName(r), cells: cellsOf(r) }));
    return lwcRelatedList(title, rows, label(v, 'No items to display'));
  }
  const rows = records.map(
    (
      r,
    ) => `<tr><td><a href="${escapeHtml(lightningRecordPath(r))}" data-recordid="${r.Id}">${escapeHtml(recordName(r))}</a></td>
      ${cellsOf(r)
        .map((cell) => `<td>${escapeHtml(cell)}</td>`)
        .join('')}</tr>`,
  );
  const body = rows.length
    ? `<table class="slds-table"><tbody>${rows.join('')}</tbody></table>`
    : `<p class="emptyContent">${label(v, 'No items to display')}</p>`;
  return `<lst-related-list-single-container><article class="slds-card slds-card_boundary" aria-label="${title}">
    <div class="slds-card__header"><h2 class="slds-card__header-title"><span title="${title}">${title}</span> <span class="count">(${rows.length})</span></h2></div>
    <div class="slds-card__body">${body}</div>
  </article></lst-related-list-single-container>`;
}

/**
 * The Activity tab with its composer (the Aura component runtime_sales_activities:activityPanel in a
 * flexipage-aura-wrapper). Its buttons' path, as public UI-test locators of real orgs write it:
 * `flexipage-component2/slot/flexipage-aura-wrapper/div/div/runtime_sales_activities-activity-panel-composer/
 * lightning-button-group/div/slot/button` (a Selenium script's XPath for the composer's first button;
 * another page object finds the buttons under `runtime_sales_activities-activity-panel-composer`).
 * Absent when the page layout leaves the Activity component out (variant `noactivity`).
 */
function activityPanel(v: LightningVariant): string {
  if (!v.activity) return '';
  const buttons = ['New Task', 'Log a Call', 'New Event', 'Email'].map(
    (english) =>
      `<button type="button" class="slds-button slds-button_neutral" title="${label(v, english)}">${label(v, english)}</button>`,
  );
  return `<flexipage-tabset2><lightning-tabset><div class="slds-tabs_default">
    <ul class="slds-tabs_default__nav" role="tablist">
      <li class="slds-tabs_default__item slds-is-active" role="presentation"><a id="activityTab__item" role="tab" aria-selected="true" data-tab-value="activityTab">${label(v, 'Activity')}</a></li>
      <li class="slds-tabs_default__item" role="presentation"><a id="collaborateTab__item" role="tab" aria-selected="false" data-tab-value="collaborateTab">Chatter</a></li>
    </ul>
    <section class="slds-card" role="tabpanel" aria-labelledby="activityTab__item">
      <flexipage-component2 data-component-id="runtime_sales_activities_activityPanel"><slot><flexipage-aura-wrapper><div><div class="activityPanel">
        <runtime_sales_activities-activity-panel-composer><lightning-button-group><div class="slds-button-group" role="group"><slot>${buttons.join('')}</slot></div></lightning-button-group></runtime_sales_activities-activity-panel-composer>
      </div></div></flexipage-aura-wrapper></slot></flexipage-component2>
    </section>
  </div></lightning-tabset></flexipage-tabset2>`;
}

/** The inner content of a record page's view host. */
export function lightningRecordView(
  org: SalesforceOrg,
  record: SObjectRecord,
  v: LightningVariant = DEFAULT_VARIANT,
): string {
  const lower = record.type.toLowerCase();
  const lists = visibleRelatedLists(org, record)
    .map((list) => relatedList(org, record, list.title, list.types, v))
    .join('');
  const related = fullShadow(v) ? relatedListContainer(lists) : lists;
  // The generated wrappers' names vary per org, object and page; their classes do not. Salesforce's
  // page object one/recordHomeFlexipage2 enters one-record-home-flexipage2's shadow root, then
  // `.adg-rollup-wrapped`'s, then `.forcegenerated-flexipage-module`'s to reach the page decorator;
  // records/recordLayoutEventBroker finds the template as `.forcegenerated-flexipage-template`.
  const rollup = `forcegenerated-adg-rollup_component___force-generated__flexipage_-record-page___-${lower}_-record_-page___-${lower}___-v-i-e-w`;
  return `<div class="oneRecordHomeFlexipage2Wrapper"><one-record-home-flexipage2><${rollup} class="adg-rollup-wrapped">
    <forcegenerated-flexipage_${lower}_rec_l_${lower}__view_js class="forcegenerated-flexipage-module"><record_flexipage-desktop-record-page-decorator>
    <records-record-layout-event-broker><flexipage-record-home-template-desktop2 class="forcegenerated-flexipage-template">
      <div class="region-header">${highlights(org, record, v)}</div>
      <div class="main-grid">
        <div class="region-main">${detailsSection(org, record, v)}${related}</div>
        <div class="region-sidebar-right">${activityPanel(v)}</div>
      </div>
    </flexipage-record-home-template-desktop2></records-record-layout-event-broker>
    </record_flexipage-desktop-record-page-decorator></forcegenerated-flexipage_${lower}_rec_l_${lower}__view_js>
  </${rollup}></one-record-home-flexipage2></div>`;
}
