// The variant `fullshadow`: Lightning rendered fully in native shadow DOM (LWC's native shadow, the
// "mixed shadow mode" Salesforce has in beta), where every Lightning web component on the page is a
// real open shadow root: hundreds of them, nested as deep as Salesforce's component tree. Aura parts
// (the app shell's divs: views, stage, workspaces) cannot have shadow roots and stay light DOM.
//
// The markup here is what that variant adds around the record page's parts, with the component
// names and ancestry Salesforce's own UI page objects and public UI tests of real orgs use:
// - related lists: `flexipage-component2[data-component-id=force_relatedListContainer]/slot/
//   lst-related-list-container/div/div/lst-related-list-single-container/laf-progressive-container/
//   slot/lst-related-list-single-app-builder-mapper/article/lst-related-list-view-manager/
//   lst-common-list-internal/…/lst-primary-display-manager/div/lst-primary-display/
//   lst-primary-display-grid/lst-customized-datatable/…/table/tbody/tr/th/lightning-primitive-cell-factory/
//   span/div/lightning-primitive-custom-cell/force-lookup/div/records-hoverable-link` (XPaths of
//   Selenium page objects written against real orgs);
// - the details panel: `flexipage-component2/slot/records-lwc-detail-panel/records-base-record-form/
//   …/records-lwc-record-layout/forcegenerated-detailpanel_<object>___012000000000000aaa___full___view___recordlayout2
//   [@class='forcegenerated-record-layout2']/records-record-layout-block/…/records-record-layout-section`;
// - the app navigation bar: `one-appnav/div/one-app-nav-bar/nav/div/one-app-nav-bar-item-root[n]`
//   (Salesforce's page object salesforce/desktopLayoutContainer finds `one-appnav` in
//   `.navexDesktopLayoutContainer`);
// - the utility bar: `one-utility-bar` with its `one-utility-bar-item`s (Playwright page objects of
//   real orgs' utility bars).
import { escapeHtml } from '../http.js';
import type { LightningVariant } from './lightning-variants.js';

/** True when the variant renders every Lightning web component in native shadow. */
export const fullShadow = (v: LightningVariant) => v.shadow === 'full';

/** An icon as Lightning draws it: lightning-icon › lightning-primitive-icon, two components. */
const icon = (name: string) =>
  `<lightning-icon class="slds-icon_container" icon-name="${name}"><lightning-primitive-icon><span class="slds-icon" aria-hidden="true"></span></lightning-primitive-icon></lightning-icon>`;

/** The App Launcher's waffle at the start of the app navigation (`one-appnav/…/one-app-launcher-header/button`). */
export const appLauncher = (v: LightningVariant) =>
  fullShadow(v)
    ? `<one-app-launcher-header class="slds-icon-waffle_container"><button type="button" class="slds-button" title="App Launcher">${icon('utility:apps')}</button></one-app-launcher-header>`
    : '';

/** One app navigation item (one-app-nav-bar-item-root) with its dropdown of recent records. */
export function navItem(active: boolean, object: string, href: string, label: string): string {
  return `<one-app-nav-bar-item-root class="navItem slds-context-bar__item${active ? ' slds-is-active' : ''}" data-sandbox-object="${object}">
      <a href="${href}" class="slds-context-bar__label-action" title="${label}"><span class="slds-truncate">${label}</span></a>
      <one-app-nav-bar-item-dropdown><lightning-button-icon class="slds-button_icon">${icon('utility:chevrondown')}</lightning-button-icon></one-app-nav-bar-item-dropdown>
    </one-app-nav-bar-item-root>`;
}

const UTILITY_ITEMS = ['History', 'Notes', 'Recent Items', 'Omni-Channel', 'Macros', 'Softphone'];

/** The app's utility bar, docked at the foot of the window, one component per utility. */
export function utilityBar(v: LightningVariant): string {
  if (!fullShadow(v)) return '';
  const items = UTILITY_ITEMS.map(
    (name) =>
      `<one-utility-bar-item class="slds-utility-bar__item"><lightning-button class="slds-utility-bar__action">${icon('utility:apps')}<span class="slds-utility-bar__text">${name}</span></lightning-button></one-utility-bar-item>`,
  );
  return `<div class="utilityBarContainer oneUtilityBarContainer"><one-utility-bar><ul class="slds-utility-bar" aria-label="Utility Bar">${items.join('')}</ul></one-utility-bar></div>`;
}

/**
 * A field's value the way the record layout renders it: its own output components, and the pencil
 * that edits it in place (Salesforce's page object records/recordLayoutItem: `button.inline-edit-trigger`
 * in the layout item's shadow root).
 */
export const fieldOutput = (v: LightningVariant, valueHtml: string) =>
  fullShadow(v)
    ? `<records-record-layout-base-output><lightning-formatted-text>${valueHtml}</lightning-formatted-text></records-record-layout-base-output>
      <button type="button" class="inline-edit-trigger slds-button slds-button_icon" title="Edit"><lightning-primitive-icon><span class="slds-icon" aria-hidden="true"></span></lightning-primitive-icon></button>`
    : valueHtml;

/** The details section inside the LWC details panel and its generated record layout. */
export function detailPanel(v: LightningVariant, type: string, section: string): string {
  if (!fullShadow(v)) return section;
  const lower = type.toLowerCase();
  return `<flexipage-component2 data-component-id="force_detailPanel"><records-lwc-detail-panel><records-base-record-form>
    <records-lwc-record-layout><forcegenerated-detailpanel_${lower}___012000000000000aaa___full___view___recordlayout2 class="forcegenerated-record-layout2">
    <records-record-layout-block>${section}</records-record-layout-block>
    </forcegenerated-detailpanel_${lower}___012000000000000aaa___full___view___recordlayout2></records-lwc-record-layout>
  </records-base-record-form></records-lwc-detail-panel></flexipage-component2>`;
}

/** A related list row: a record link cell and two text cells, each a datatable cell component. */
function row(href: string, name: string, cells: string[]): string {
  const text = cells.map(
    (cell) =>
      `<td><lightning-primitive-cell-factory><lightning-formatted-text>${escapeHtml(cell)}</lightning-formatted-text></lightning-primitive-cell-factory></td>`,
  );
  return `<tr><th scope="row"><lightning-primitive-cell-factory><lightning-primitive-custom-cell><force-lookup><records-hoverable-link>
    <a href="${escapeHtml(href)}">${escapeHtml(name)}</a></records-hoverable-link></force-lookup></lightning-primitive-custom-cell></lightning-primitive-cell-factory></th>${text.join('')}</tr>`;
}

export interface RelatedRow {
  href: string;
  name: string;
  cells: string[];
}

/** One related list as Lightning's LWC related-list stack renders it, header actions included. */
export function lwcRelatedList(title: string, rows: RelatedRow[], empty: string): string {
  const body = rows.length
    ? `<lst-primary-display-manager><lst-primary-display><lst-primary-display-grid><lst-customized-datatable>
        <table class="slds-table"><thead><tr>${['Name', 'Type', 'Detail'].map((h) => `<th><lightning-primitive-header-factory>${h}</lightning-primitive-header-factory></th>`).join('')}</tr></thead>
        <tbody>${rows.map((r) => row(r.href, r.name, r.cells)).join('')}</tbody></table>
      </lst-customized-datatable></lst-primary-display-grid></lst-primary-display></lst-primary-display-manager>`
    : `<p class="emptyContent">${empty}</p>`;
  return `<lst-related-list-single-container><laf-progressive-container><lst-related-list-single-app-builder-mapper>
    <article class="slds-card slds-card_boundary" aria-label="${title}"><lst-related-list-view-manager><lst-common-list-internal>
      <lst-list-view-manager-header><div class="slds-card__header">${icon('standard:related_list')}
        <h2 class="slds-card__header-title"><span title="${title}">${title}</span> <span class="count">(${rows.length})</span></h2>
        <runtime_platform_actions-actions-ribbon><ul class="slds-button-group-list"><li><runtime_platform_actions-action-renderer><runtime_platform_actions-executor-page-reference><lightning-button><button type="button" class="slds-button slds-button_neutral">New</button></lightning-button></runtime_platform_actions-executor-page-reference></runtime_platform_actions-action-renderer></li></ul></runtime_platform_actions-actions-ribbon>
      </div></lst-list-view-manager-header>
      <div class="slds-card__body">${body}</div>
    </lst-common-list-internal></lst-related-list-view-manager></article>
  </lst-related-list-single-app-builder-mapper></laf-progressive-container></lst-related-list-single-container>`;
}

/** The related lists, in the related list container component that holds them all. */
export const relatedListContainer = (lists: string) =>
  `<flexipage-component2 data-component-id="force_relatedListContainer"><lst-related-list-container><div class="container">${lists}</div></lst-related-list-container></flexipage-component2>`;
