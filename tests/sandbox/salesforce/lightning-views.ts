// Which Lightning view a path shows (home, object list, record, not found), with its title and
// content. Shared by full page loads and the client-side navigation endpoint, so both agree.
import { escapeHtml } from '../http.js';
import { lightningRecordView } from './lightning-record.js';
import { DEFAULT_VARIANT, type LightningVariant, label } from './lightning-variants.js';
import type { SalesforceOrg, SObjectRecord } from './org.js';
import {
  fieldLabel,
  fieldValueHtml,
  HIGHLIGHT_FIELDS,
  LIGHTNING_HOME_PATH,
  lightningRecordPath,
  NAV_OBJECTS,
  PLURAL,
  recordName,
} from './record-display.js';

export interface LightningView {
  status: 200 | 404;
  /** The canonical path of the view; differs from the asked path when Lightning would rewrite it. */
  path: string;
  title: string;
  /** The navigation item to highlight: 'home', an SObject name, or '' for none. */
  object: string;
  /** Label of the console workspace tab. */
  tabLabel: string;
  content: string;
}

const NAV_SET = new Set<string>(NAV_OBJECTS);

export function resolveLightningView(
  org: SalesforceOrg,
  path: string,
  variant: LightningVariant = DEFAULT_VARIANT,
): LightningView {
  if (path === LIGHTNING_HOME_PATH) return homeView(org);
  const list = /^\/lightning\/o\/(\w+)\/(?:list|home)$/.exec(path);
  if (list?.[1] && NAV_SET.has(list[1])) return listView(org, list[1], path);
  const record = /^\/lightning\/r\/(?:(\w+)\/)?([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view$/.exec(path);
  const found = record?.[2] ? org.get(record[2]) : undefined;
  if (found?.type === 'Report') return reportView(found, path);
  if (found) {
    // Lightning shows a record whatever object name the URL carries, and fills in a missing one.
    const canonical = record?.[1] ? path : lightningRecordPath(found);
    return recordView(org, found, canonical, variant);
  }
  return notFoundView(path);
}

function recordView(org: SalesforceOrg, record: SObjectRecord, path: string, variant: LightningVariant): LightningView {
  const name = recordName(record);
  return {
    status: 200,
    path,
    title: `${name} | ${label(variant, record.type)} | Salesforce`,
    object: record.type,
    tabLabel: name,
    content: lightningRecordView(org, record, variant),
  };
}

/**
 * A saved report's page, /lightning/r/Report/<id>/view, where Lightning runs the report (Salesforce
 * Help, "Run a Report": the report run page): here only its header, the report's name under "Report"
 * and its folder, which is what a test that opens a report's link reads.
 */
function reportView(report: SObjectRecord, path: string): LightningView {
  const name = recordName(report);
  return {
    status: 200,
    path,
    title: `${name} | Salesforce`,
    object: 'Report',
    tabLabel: name,
    content: `${pageHeader('Report', name)}<p class="slds-text-body_small" data-folder>${escapeHtml(String(report.fields.FolderName ?? ''))}</p>`,
  };
}

function pageHeader(kicker: string, title: string): string {
  return `<div class="slds-page-header"><p class="entityNameTitle">${escapeHtml(kicker)}</p>
    <h1 class="slds-page-header__title">${escapeHtml(title)}</h1></div>`;
}

function recordLink(record: SObjectRecord): string {
  return `<a href="${escapeHtml(lightningRecordPath(record))}" data-recordid="${record.Id}" title="${escapeHtml(recordName(record))}">${escapeHtml(recordName(record))}</a>`;
}

function homeView(org: SalesforceOrg): LightningView {
  const cards = NAV_OBJECTS.map((type) => {
    const items = org
      .ofType(type)
      .slice(0, 4)
      .map((r) => `<li>${recordLink(r)}</li>`);
    return `<article class="slds-card" aria-label="Recent ${PLURAL[type]}"><h2 class="slds-card__header-title">Recent ${PLURAL[type]}</h2>
      <ul>${items.join('')}</ul></article>`;
  });
  return {
    status: 200,
    path: LIGHTNING_HOME_PATH,
    title: 'Home | Salesforce',
    object: 'home',
    tabLabel: 'Home',
    content: `<div class="homeHomePage">${pageHeader('Home', 'Good day, Riley')}<div class="layoutGrid">${cards.join('')}</div></div>`,
  };
}

function listView(org: SalesforceOrg, type: string, path: string): LightningView {
  const plural = PLURAL[type] ?? type;
  const columns = (HIGHLIGHT_FIELDS[type] ?? []).slice(0, 3);
  const head = ['Name', ...columns.map(fieldLabel)].map((label) => `<th scope="col">${escapeHtml(label)}</th>`);
  const rows = org.ofType(type).map((r) => {
    const cells = columns.map(
      (field) => `<td>${fieldValueHtml(org, field, r.fields[field] ?? null, lightningRecordPath)}</td>`,
    );
    return `<tr><th scope="row">${recordLink(r)}</th>${cells.join('')}</tr>`;
  });
  return {
    status: 200,
    path,
    title: `Recently Viewed | ${plural} | Salesforce`,
    object: type,
    tabLabel: plural,
    content: `<lst-object-home><lst-list-view-manager>${pageHeader(plural, 'Recently Viewed')}
      <table class="slds-table" aria-label="Recently Viewed"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>
    </lst-list-view-manager></lst-object-home>`,
  };
}

function notFoundView(path: string): LightningView {
  return {
    status: 404,
    path,
    title: 'Error | Salesforce',
    object: '',
    tabLabel: 'Error',
    content: `<div class="errorView slds-card"><h1>Looks like there's a problem.</h1>
      <p>The record you're trying to view isn't available, or the page doesn't exist.</p></div>`,
  };
}
