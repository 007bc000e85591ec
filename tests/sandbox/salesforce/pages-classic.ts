// Salesforce Classic on https://<org>.my.salesforce.com: record detail pages at /<Id>, object list
// pages at /<prefix>/o and the home page. Full page loads with plain links, as Classic works.
// Outline: shared/reference/lightning-dom.md ("Classic record page").
import { escapeHtml, html, type SandboxRequest, type SandboxResponse } from '../http.js';
import type { SalesforceOrg, SObjectRecord } from './org.js';
import { CLASSIC_CSS } from './page-assets.js';
import { LOGOUT_PATH, loginRedirect, SESSION_COOKIE } from './pages-login.js';
import {
  classicRecordPath,
  detailFields,
  fieldLabel,
  fieldValueHtml,
  HIGHLIGHT_FIELDS,
  LIGHTNING_HOME_PATH,
  NAV_OBJECTS,
  PLURAL,
  recordName,
  relatedRecords,
  visibleRelatedLists,
} from './record-display.js';
import { KEY_PREFIX } from './schema.js';

const EDITION = 'Salesforce - Enterprise Edition';
const TYPE_OF_PREFIX = Object.fromEntries(Object.entries(KEY_PREFIX).map(([type, prefix]) => [prefix, type]));

export function classicRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  const list = /^\/(\w{3})\/o$/.exec(path);
  const id = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})$/.exec(path);
  const type = list?.[1] ? TYPE_OF_PREFIX[list[1]] : undefined;
  if (path !== '/home/home.jsp' && !type && !id) return undefined;
  if (!org.validSession(req.cookies[SESSION_COOKIE])) return loginRedirect(org, req);
  if (type) return html(200, listPage(org, type));
  if (id?.[1]) {
    const record = org.get(id[1]);
    return record ? html(200, recordPage(org, record)) : html(404, notFoundPage(org));
  }
  return html(200, homePage(org));
}

const link = (record: SObjectRecord) => `<a href="${classicRecordPath(record)}">${escapeHtml(recordName(record))}</a>`;
const fieldHtml = (org: SalesforceOrg, record: SObjectRecord, field: string) =>
  fieldValueHtml(org, field, record.fields[field] ?? null, classicRecordPath);

/** The page frame: header with tabs, sidebar, body cell. `title` is text; `body` is escaped markup. */
function classicPage(
  org: SalesforceOrg,
  title: string,
  bodyClass: string,
  currentTab: string,
  body: string,
  recent: SObjectRecord[],
): string {
  const tabs = [['home', '/home/home.jsp', 'Home']]
    .concat(NAV_OBJECTS.map((type) => [type, `/${KEY_PREFIX[type]}/o`, PLURAL[type] ?? type]))
    .map(
      ([tab, href, label]) =>
        `<td id="${tab}_Tab"${tab === currentTab ? ' class="currentTab"' : ''}><a href="${href}">${label}</a></td>`,
    );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CLASSIC_CSS}</style></head>
<body class="hasMotif ${bodyClass} sfdcBody brandQuaternaryBgr">
<div id="contentWrapper">
  <div id="AppBodyHeader" class="bPageHeader">
    <table id="phHeader" class="phHeader"><tbody><tr>
      <td class="left"><span class="logo">salesforce</span></td>
      <td class="right"><span id="userNavLabel">Riley Rep</span><a href="${LOGOUT_PATH}">Logout</a>
        <a class="switch-to-lightning" href="${org.lightningOrigin}${LIGHTNING_HOME_PATH}">Switch to Lightning Experience</a></td>
    </tr></tbody></table>
    <div class="tabNavigation"><table id="tabBar" class="tab"><tbody><tr>${tabs.join('')}</tr></tbody></table></div>
  </div>
  <div class="bodyDiv brdPalette brandPrimaryBrd">
    <table id="bodyTable" class="outer"><tbody><tr>
      <td id="sidebarCell" class="sidebarCell">
        <div class="sidebarModule recentItemModule"><h2>Recent Items</h2><ul>${recent.map((r) => `<li>${link(r)}</li>`).join('')}</ul></div>
      </td>
      <td id="bodyCell" class="oRight">${body}</td>
    </tr></tbody></table>
  </div>
</div>
</body></html>`;
}

function pageTitle(kind: string, description: string): string {
  return `<div class="bPageTitle"><div class="ptBody"><div class="content">
    <h1 class="pageType">${escapeHtml(kind)}<span class="titleSeparatingColon">:</span></h1>
    <h2 class="pageDescription"> ${escapeHtml(description)}</h2>
  </div></div></div>`;
}

function detailBlock(org: SalesforceOrg, record: SObjectRecord): string {
  const cells = detailFields(record).map(
    ([field]) =>
      `<td class="labelCol">${escapeHtml(fieldLabel(field))}</td><td class="dataCol">${fieldHtml(org, record, field)}</td>`,
  );
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`<tr>${cells[i]}${cells[i + 1] ?? '<td></td><td></td>'}</tr>`);
  const extra =
    record.type === 'Lead' ? ' <input value="Convert" class="btn" name="convert" title="Convert" type="button">' : '';
  const buttons = `<input value=" Edit " class="btn" name="edit" title="Edit" type="button"> <input value="Delete" class="btn" name="del" title="Delete" type="button">${extra}`;
  return `<div class="bPageBlock brandSecondaryBrd bDetailBlock secondaryPalette" id="ep">
    <div class="pbHeader"><table><tbody><tr>
      <td class="pbTitle"><h2 class="mainTitle">${record.type} Detail</h2></td>
      <td class="pbButton" id="topButtonRow">${buttons}</td>
    </tr></tbody></table></div>
    <div class="pbBody"><div class="pbSubsection"><table class="detailList"><tbody>${rows.join('')}</tbody></table></div></div>
    <div class="pbBottomButtons"><table><tbody><tr><td class="pbButtonb" id="bottomButtonRow">${buttons}</td></tr></tbody></table></div>
  </div>`;
}

function relatedList(org: SalesforceOrg, record: SObjectRecord, title: string, types: readonly string[]): string {
  const activities = types.includes('Task');
  const id15 = record.Id.slice(0, 15);
  const listId = `${id15}_Related${activities ? 'Activity' : title.replace(/\W/g, '')}List`;
  const buttons = activities
    ? '<input value="New Task" class="btn" name="task" title="New Task" type="button"> <input value="New Event" class="btn" name="event" title="New Event" type="button">'
    : '';
  const rows = relatedRecords(org, record.Id, types).map(
    (r) =>
      `<tr class="dataRow"><th scope="row" class="dataCell">${link(r)}</th><td class="dataCell">${escapeHtml(r.type)}</td></tr>`,
  );
  const body = rows.length
    ? `<table class="list"><tbody><tr class="headerRow"><th scope="col">Name</th><th scope="col">Type</th></tr>${rows.join('')}</tbody></table>`
    : '<div class="noRowsHeader">No records to display</div>';
  return `<div class="bRelatedList" id="${listId}"><div class="listRelatedObject ${activities ? 'taskBlock' : 'customBlock'}">
    <div class="bPageBlock brandSecondaryBrd secondaryPalette"><div class="pbHeader"><table><tbody><tr>
      <td class="pbTitle"><h3 id="${listId}_title">${title}</h3></td><td class="pbButton">${buttons}</td>
    </tr></tbody></table></div><div class="pbBody" id="${listId}_body">${body}</div></div>
  </div></div>`;
}

function recordPage(org: SalesforceOrg, record: SObjectRecord): string {
  const name = recordName(record);
  const related = visibleRelatedLists(org, record)
    .map((list) => relatedList(org, record, list.title, list.types))
    .join('');
  return classicPage(
    org,
    `${record.type}: ${name} ~ ${EDITION}`,
    `${record.type.toLowerCase()}Tab detailPage`,
    record.type,
    `${pageTitle(record.type, name)}${detailBlock(org, record)}${related}`,
    [record],
  );
}

function listPage(org: SalesforceOrg, type: string): string {
  const plural = PLURAL[type] ?? type;
  const columns = (HIGHLIGHT_FIELDS[type] ?? []).slice(0, 3);
  const head = ['Name', ...columns.map(fieldLabel)].map((label) => `<th scope="col">${escapeHtml(label)}</th>`);
  const rows = org
    .ofType(type)
    .map(
      (r) =>
        `<tr class="dataRow"><th scope="row">${link(r)}</th>${columns.map((f) => `<td>${fieldHtml(org, r, f)}</td>`).join('')}</tr>`,
    );
  const body = `${pageTitle(plural, 'Home')}<div class="bPageBlock brandSecondaryBrd secondaryPalette"><div class="pbHeader"><table><tbody><tr>
      <td class="pbTitle"><h3>Recent ${plural}</h3></td></tr></tbody></table></div>
    <div class="pbBody"><table class="list"><tbody><tr class="headerRow">${head.join('')}</tr>${rows.join('')}</tbody></table></div></div>`;
  return classicPage(org, `${plural}: Home ~ ${EDITION}`, `${type.toLowerCase()}Tab overviewPage`, type, body, []);
}

function homePage(org: SalesforceOrg): string {
  const recent = NAV_OBJECTS.flatMap((type) => org.ofType(type).slice(0, 1));
  const body = `${pageTitle('Home', 'Riley Rep')}<div class="bPageBlock brandSecondaryBrd secondaryPalette">
    <div class="pbHeader"><table><tbody><tr><td class="pbTitle"><h3>My Tasks</h3></td></tr></tbody></table></div>
    <div class="pbBody"><div class="noRowsHeader">No records to display</div></div></div>`;
  return classicPage(org, EDITION, 'homeTab homepage', 'home', body, recent);
}

function notFoundPage(org: SalesforceOrg): string {
  return classicPage(
    org,
    `Data Not Available ~ ${EDITION}`,
    'errorPage',
    '',
    `${pageTitle('Error', 'Data Not Available')}<p>The data you were trying to access could not be found. It may be due to another user deleting the data or a system error.</p>`,
    [],
  );
}
