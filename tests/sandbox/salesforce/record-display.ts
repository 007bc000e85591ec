// How the emulated pages show records, shared by the Lightning and Classic pages: hosts, names,
// labels, which fields to show, and which records relate to which. Everything returned as markup
// is escaped here; callers never put record text into a page any other way.
import { escapeHtml } from '../http.js';
import { type FieldValue, MY_DOMAIN, type SalesforceOrg, type SObjectRecord } from './org.js';

// The first org's hosts (acme); pages of any org take theirs from the org (org.lightningOrigin …).
export const LIGHTNING_HOST = `${MY_DOMAIN}.lightning.force.com`;
export const CLASSIC_HOST = `${MY_DOMAIN}.my.salesforce.com`;
export const LIGHTNING_ORIGIN = `https://${LIGHTNING_HOST}`;
export const CLASSIC_ORIGIN = `https://${CLASSIC_HOST}`;
export const LIGHTNING_HOME_PATH = '/lightning/page/home';

/** The app's tabs, in the order the navigation bar shows them. */
export const NAV_OBJECTS = ['Lead', 'Contact', 'Opportunity', 'Campaign', 'Case', 'Account'] as const;

export const PLURAL: Record<string, string> = {
  Lead: 'Leads',
  Contact: 'Contacts',
  Opportunity: 'Opportunities',
  Campaign: 'Campaigns',
  Case: 'Cases',
  Account: 'Accounts',
  Event: 'Events',
  Task: 'Tasks',
  FeedItem: 'Chatter Posts',
  User: 'Users',
};

/** The few fields the highlights panel (Lightning) and list columns show per type. */
export const HIGHLIGHT_FIELDS: Record<string, string[]> = {
  Lead: ['Company', 'Email', 'Status'],
  Contact: ['AccountId', 'Email'],
  Opportunity: ['AccountId', 'CloseDate', 'Amount', 'StageName'],
  Campaign: ['Status', 'Type'],
  Case: ['Subject', 'Status', 'Priority', 'ContactId'],
  Account: ['Website'],
};

/** Related lists shown on a record page, in order; activities first as Salesforce shows them. */
export const RELATED_LISTS = [
  { title: 'Open Activities', types: ['Task', 'Event'] },
  { title: 'Contacts', types: ['Contact'] },
  { title: 'Opportunities', types: ['Opportunity'] },
  { title: 'Cases', types: ['Case'] },
  { title: 'Chatter Posts', types: ['FeedItem'] },
] as const;

/** Open Activities always (the toolbar sits near it in Classic); the others when they have records. */
export function visibleRelatedLists(org: SalesforceOrg, record: SObjectRecord): (typeof RELATED_LISTS)[number][] {
  return RELATED_LISTS.filter((list, index) => index === 0 || relatedRecords(org, record.Id, list.types).length > 0);
}

const HIDDEN_FIELDS = new Set(['Name', 'CreatedDate', 'LastModifiedDate']);

const LABELS: Record<string, string> = {
  StageName: 'Stage',
  CaseNumber: 'Case Number',
  IsClosed: 'Closed',
  IsWon: 'Won',
  IsConverted: 'Converted',
  IsActive: 'Active',
  WhoId: 'Name',
  WhatId: 'Related To',
  ParentId: 'Posted To',
};

export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const base = field.endsWith('Id') && field.length > 2 ? field.slice(0, -2) : field;
  return base.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** The record's display name as Salesforce titles it (cases by number, activities by subject). */
export function recordName(record: SObjectRecord): string {
  const f = record.fields;
  const name = record.type === 'Case' ? f.CaseNumber : (f.Name ?? f.Subject ?? f.Title ?? f.Body);
  return name === null || name === undefined ? record.Id : String(name);
}

export function detailFields(record: SObjectRecord): [string, FieldValue][] {
  return Object.entries(record.fields).filter(([field]) => !HIDDEN_FIELDS.has(field));
}

/** Records of `types` that point at `id` through any field (AccountId, ContactId, WhoId, WhatId, ParentId). */
export function relatedRecords(org: SalesforceOrg, id: string, types: readonly string[]): SObjectRecord[] {
  const id15 = id.slice(0, 15);
  return types.flatMap((type) =>
    org
      .ofType(type)
      .filter((r) =>
        Object.values(r.fields).some(
          (v) => typeof v === 'string' && v.length >= 15 && v.slice(0, 15) === id15 && r.Id !== id,
        ),
      ),
  );
}

export const lightningRecordPath = (record: SObjectRecord) => `/lightning/r/${record.type}/${record.Id}/view`;
export const classicRecordPath = (record: SObjectRecord) => `/${record.Id.slice(0, 15)}`;

/**
 * A field value as escaped markup: a link (by `pathOf`) when it names another record, a mailto for
 * emails, Yes/No for booleans, escaped text otherwise.
 */
export function fieldValueHtml(
  org: SalesforceOrg,
  field: string,
  value: FieldValue,
  pathOf: (record: SObjectRecord) => string,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = String(value);
  const target = field !== 'Id' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(text) ? org.get(text) : undefined;
  if (target) return `<a href="${escapeHtml(pathOf(target))}">${escapeHtml(recordName(target))}</a>`;
  if (field === 'Email') return `<a href="mailto:${escapeHtml(text)}">${escapeHtml(text)}</a>`;
  return escapeHtml(text);
}
