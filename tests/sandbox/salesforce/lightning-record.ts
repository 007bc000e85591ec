// A Lightning record page's content, following the outline in shared/reference/lightning-dom.md
// (the element names come from Salesforce's own UI test page objects). Custom elements stay
// undefined, like Lightning's synthetic-shadow components look to a content script.
import { escapeHtml } from '../http.js';
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

function actionsRibbon(type: string): string {
  const buttons = (STANDARD_BUTTONS[type] ?? ['Edit', 'Delete']).map(
    (name) => `<li data-target-selection-name="sfdc:StandardButton.${type}.${name}" class="visible">
      <runtime_platform_actions-action-renderer apiname="${name}"><lightning-button>
        <button name="${name}" type="button" class="slds-button slds-button_neutral">${BUTTON_LABEL[name] ?? name}</button>
      </lightning-button></runtime_platform_actions-action-renderer></li>`,
  );
  return `<div class="actionsContainer"><runtime_platform_actions-actions-ribbon>
    <ul class="slds-button-group-list">${buttons.join('')}
      <li class="slds-button_last overflow"><lightning-button-menu>
        <button type="button" class="slds-button slds-button_icon-border-filled" aria-haspopup="true" title="Show more actions">&#9662;<span class="slds-assistive-text" hidden>Show more actions</span></button>
      </lightning-button-menu></li>
    </ul></runtime_platform_actions-actions-ribbon></div>`;
}

function highlights(org: SalesforceOrg, record: SObjectRecord): string {
  const type = record.type;
  const lower = type.toLowerCase();
  const details = (HIGHLIGHT_FIELDS[type] ?? []).map(
    (field) => `<records-highlights-details-item role="listitem" class="slds-page-header__detail-block">
      <p class="slds-text-title slds-truncate" title="${escapeHtml(fieldLabel(field))}">${escapeHtml(fieldLabel(field))}</p>
      <p class="fieldComponent slds-text-body--regular"><slot><lightning-formatted-text>${fieldHtml(org, record, field)}</lightning-formatted-text></slot></p>
    </records-highlights-details-item>`,
  );
  return `<flexipage-component2 data-component-id="force_highlightsPanel"><records-lwc-highlights-panel><records-lwc-record-layout>
    <forcegenerated-highlightspanel_${lower}___012000000000000aaa___compact___view___recordlayout2><records-highlights2>
    <div class="highlights slds-clearfix slds-page-header slds-page-header_record-home">
      <div class="primaryFieldRow">
        <records-highlights-icon slot="icon"><span class="icon icon-${lower}" aria-hidden="true">${type.charAt(0)}</span></records-highlights-icon>
        <h1><div class="entityNameTitle slds-line-height_reset">${type}</div>
          <slot name="primaryField" class="slds-page-header__title slds-m-right_small slds-align-middle"><lightning-formatted-text slot="primaryField">${escapeHtml(recordName(record))}</lightning-formatted-text></slot>
        </h1>
        ${actionsRibbon(type)}
      </div>
      <div class="secondaryFields" role="list"><slot name="secondaryFields">${details.join('')}</slot></div>
    </div>
    </records-highlights2></forcegenerated-highlightspanel_${lower}___012000000000000aaa___compact___view___recordlayout2>
  </records-lwc-record-layout></records-lwc-highlights-panel></flexipage-component2>`;
}

function detailsSection(org: SalesforceOrg, record: SObjectRecord): string {
  const items = detailFields(record).map(
    ([field]) => `<records-record-layout-item field-label="${escapeHtml(fieldLabel(field))}" class="slds-form-element">
      <span class="slds-form-element__label">${escapeHtml(fieldLabel(field))}</span>
      <span class="slds-form-element__control">${fieldHtml(org, record, field)}</span>
    </records-record-layout-item>`,
  );
  return `<records-record-layout-section><div class="slds-section slds-is-open">
    <h3 class="slds-section__title"><span title="${record.type} Information">${record.type} Information</span></h3>
    <div class="slds-section__content layoutGrid">${items.join('')}</div>
  </div></records-record-layout-section>`;
}

function relatedList(org: SalesforceOrg, record: SObjectRecord, title: string, types: readonly string[]): string {
  const rows = relatedRecords(org, record.Id, types).map(
    (
      r,
    ) => `<tr><td><a href="${escapeHtml(lightningRecordPath(r))}" data-recordid="${r.Id}">${escapeHtml(recordName(r))}</a></td>
      <td>${escapeHtml(r.type)}</td><td>${escapeHtml(String(r.fields.StartDateTime ?? r.fields.ActivityDate ?? r.fields.Email ?? r.fields.StageName ?? r.fields.Status ?? ''))}</td></tr>`,
  );
  const body = rows.length
    ? `<table class="slds-table"><tbody>${rows.join('')}</tbody></table>`
    : '<p class="emptyContent">No items to display</p>';
  return `<lst-related-list-single-container><article class="slds-card slds-card_boundary" aria-label="${title}">
    <div class="slds-card__header"><h2 class="slds-card__header-title"><span title="${title}">${title}</span> <span class="count">(${rows.length})</span></h2></div>
    <div class="slds-card__body">${body}</div>
  </article></lst-related-list-single-container>`;
}

function activityPanel(): string {
  const buttons = ['New Task', 'Log a Call', 'New Event', 'Email'].map(
    (label) => `<button type="button" class="slds-button slds-button_neutral" title="${label}">${label}</button>`,
  );
  return `<flexipage-tabset2><lightning-tabset><div class="slds-tabs_default">
    <ul class="slds-tabs_default__nav" role="tablist">
      <li class="slds-tabs_default__item slds-is-active" role="presentation"><a id="activityTab__item" role="tab" aria-selected="true" data-tab-value="activityTab">Activity</a></li>
      <li class="slds-tabs_default__item" role="presentation"><a id="collaborateTab__item" role="tab" aria-selected="false" data-tab-value="collaborateTab">Chatter</a></li>
    </ul>
    <section class="slds-card" role="tabpanel" aria-labelledby="activityTab__item">
      <runtime_sales_activities-activity-panel-composer><div class="composer">${buttons.join('')}</div></runtime_sales_activities-activity-panel-composer>
    </section>
  </div></lightning-tabset></flexipage-tabset2>`;
}

/** The inner content of a record page's view host. */
export function lightningRecordView(org: SalesforceOrg, record: SObjectRecord): string {
  const lower = record.type.toLowerCase();
  const related = visibleRelatedLists(org, record)
    .map((list) => relatedList(org, record, list.title, list.types))
    .join('');
  return `<div class="oneRecordHomeFlexipage2Wrapper"><one-record-home-flexipage2>
    <forcegenerated-flexipage_${lower}_rec_l_${lower}__view_js><record_flexipage-desktop-record-page-decorator>
    <records-record-layout-event-broker><flexipage-record-home-template-desktop2>
      <div class="region-header">${highlights(org, record)}</div>
      <div class="main-grid">
        <div class="region-main">${detailsSection(org, record)}${related}</div>
        <div class="region-sidebar-right">${activityPanel()}</div>
      </div>
    </flexipage-record-home-template-desktop2></records-record-layout-event-broker>
    </record_flexipage-desktop-record-page-decorator></forcegenerated-flexipage_${lower}_rec_l_${lower}__view_js>
  </one-record-home-flexipage2></div>`;
}
