// Describe-lite: the few fields of each standard object the emulator knows, with the properties
// that decide Salesforce's answers (unknown column, read-only field, id of the wrong type).

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'date'
  | 'datetime'
  | 'reference';

export interface FieldDef {
  name: string;
  type: FieldType;
  label: string;
  createable: boolean;
  updateable: boolean;
  /** For reference fields: the object types an id may point at. */
  referenceTo?: string[];
  /** For reference fields: the name used in SOQL paths (AccountId → Account). */
  relationshipName?: string;
  /** A restricted picklist: only these values are accepted (others: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  picklistValues?: readonly string[];
  /** What Salesforce stores when a create leaves the field out. */
  defaultValue?: string;
  /** The field exists only in orgs with this feature turned on (otherwise: no such column). */
  feature?: 'experienceCloud';
  /** The most characters a text field takes; a longer value is refused with STRING_TOO_LONG. */
  length?: number;
}

/** A parent-to-child relationship, as a SOQL subquery names it: (SELECT … FROM OpportunityContactRoles). */
export interface ChildRelationship {
  relationshipName: string;
  childSObject: string;
  /** The child's reference field that points at the parent. */
  field: string;
}

export interface SObjectDef {
  name: string;
  label: string;
  fields: FieldDef[];
  childRelationships?: ChildRelationship[];
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
}

const editable = (name: string, type: FieldType, label = name): FieldDef => ({
  name,
  type,
  label,
  createable: true,
  updateable: true,
});

/** A text field of this length (Object Reference gives each standard field's). */
const sized = (field: FieldDef, length: number): FieldDef => ({ ...field, length });

const readOnly = (name: string, type: FieldType, label = name): FieldDef => ({
  name,
  type,
  label,
  createable: false,
  updateable: false,
});

const reference = (name: string, referenceTo: string[], relationshipName: string, label: string, writable = true) => ({
  ...(writable ? editable : readOnly)(name, 'reference', label),
  referenceTo,
  relationshipName,
});

/** Fields every object has; the server fills them in. */
const AUDIT: FieldDef[] = [
  readOnly('Id', 'id', 'Record ID'),
  readOnly('CreatedDate', 'datetime', 'Created Date'),
  readOnly('LastModifiedDate', 'datetime', 'Last Modified Date'),
  reference('CreatedById', ['User'], 'CreatedBy', 'Created By ID', false),
  reference('LastModifiedById', ['User'], 'LastModifiedBy', 'Last Modified By ID', false),
];

const OWNER = reference('OwnerId', ['User'], 'Owner', 'Owner ID');

function sobject(
  name: string,
  label: string,
  fields: FieldDef[],
  access = { write: true },
  childRelationships?: ChildRelationship[],
): SObjectDef {
  return {
    name,
    label,
    fields: [...AUDIT, ...fields],
    ...(childRelationships ? { childRelationships } : {}),
    createable: access.write,
    updateable: access.write,
    deletable: access.write,
  };
}

const CONTACT_ROLES = (field: string): ChildRelationship => ({
  relationshipName: 'OpportunityContactRoles',
  childSObject: 'OpportunityContactRole',
  field,
});

const DEFINITIONS: SObjectDef[] = [
  sobject(
    'User',
    'User',
    [
      readOnly('Name', 'string', 'Full Name'),
      readOnly('FirstName', 'string', 'First Name'),
      readOnly('LastName', 'string', 'Last Name'),
      readOnly('Email', 'email'),
      readOnly('Username', 'string'),
      readOnly('CompanyName', 'string', 'Company Name'),
      readOnly('Title', 'string'),
      readOnly('IsActive', 'boolean', 'Active'),
    ],
    { write: false },
  ),
  sobject('Account', 'Account', [
    editable('Name', 'string', 'Account Name'),
    editable('Website', 'url'),
    editable('Phone', 'phone'),
    editable('Industry', 'picklist'),
    editable('Type', 'picklist', 'Account Type'),
    editable('Description', 'textarea'),
    OWNER,
  ]),
  sobject(
    'Contact',
    'Contact',
    [
      readOnly('Name', 'string', 'Full Name'),
      editable('FirstName', 'string', 'First Name'),
      editable('LastName', 'string', 'Last Name'),
      editable('Email', 'email'),
      editable('Phone', 'phone'),
      editable('Title', 'string'),
      editable('LeadSource', 'picklist', 'Lead Source'),
      editable('Description', 'textarea'),
      reference('AccountId', ['Account'], 'Account', 'Account ID'),
      OWNER,
    ],
    { write: true },
    [CONTACT_ROLES('ContactId')],
  ),
  sobject('Lead', 'Lead', [
    readOnly('Name', 'string', 'Full Name'),
    editable('FirstName', 'string', 'First Name'),
    editable('LastName', 'string', 'Last Name'),
    editable('Company', 'string'),
    editable('Email', 'email'),
    editable('Phone', 'phone'),
    editable('Title', 'string'),
    editable('LeadSource', 'picklist', 'Lead Source'),
    editable('Status', 'picklist'),
    // Only lead conversion (a separate call) converts a lead; the field itself may be set on import.
    { ...editable('IsConverted', 'boolean', 'Converted'), updateable: false },
    editable('Description', 'textarea'),
    OWNER,
  ]),
  sobject(
    'Opportunity',
    'Opportunity',
    [
      editable('Name', 'string', 'Name'),
      reference('AccountId', ['Account'], 'Account', 'Account ID'),
      // Set on create only; the primary contact role is made with it (sobjects.ts createRecord).
      { ...reference('ContactId', ['Contact'], 'Contact', 'Contact ID'), updateable: false },
      editable('StageName', 'picklist', 'Stage'),
      readOnly('IsClosed', 'boolean', 'Closed'),
      readOnly('IsWon', 'boolean', 'Won'),
      editable('CloseDate', 'date', 'Close Date'),
      editable('Amount', 'currency'),
      editable('Description', 'textarea'),
      OWNER,
    ],
    { write: true },
    [CONTACT_ROLES('OpportunityId')],
  ),
  // Object Reference, "OpportunityContactRole" (developer.salesforce.com/docs/platform/object-reference/
  // references/standard-objects/object-opportunitycontactrole.html): the role a contact plays on an
  // opportunity; "Each Opportunity has only one primary contact"; IsPrimary can be filtered and sorted;
  // OpportunityId is set on create only (Create, Filter, Group, Sort). Opportunity.ContactId holds at
  // most the primary role's contact (Object Reference, "Opportunity", ContactId), so real orgs keep an
  // opportunity's contacts here. Child relationship name on Opportunity and Contact: OpportunityContactRoles.
  sobject('OpportunityContactRole', 'Contact Role', [
    { ...reference('OpportunityId', ['Opportunity'], 'Opportunity', 'Opportunity ID'), updateable: false },
    reference('ContactId', ['Contact'], 'Contact', 'Contact ID'),
    editable('IsPrimary', 'boolean', 'Primary'),
    editable('Role', 'picklist'),
  ]),
  sobject('Campaign', 'Campaign', [
    editable('Name', 'string', 'Name'),
    editable('Status', 'picklist'),
    editable('Type', 'picklist'),
    editable('IsActive', 'boolean', 'Active'),
    editable('StartDate', 'date', 'Start Date'),
    editable('EndDate', 'date', 'End Date'),
    editable('Description', 'textarea'),
    OWNER,
  ]),
  sobject('Case', 'Case', [
    readOnly('CaseNumber', 'string', 'Case Number'),
    editable('Subject', 'string'),
    editable('Description', 'textarea'),
    reference('ContactId', ['Contact'], 'Contact', 'Contact ID'),
    reference('AccountId', ['Account'], 'Account', 'Account ID'),
    editable('Status', 'picklist'),
    readOnly('IsClosed', 'boolean', 'Closed'),
    editable('Priority', 'picklist'),
    editable('Origin', 'picklist', 'Case Origin'),
    OWNER,
  ]),
  // Object Reference, "Event": Subject is a combobox of 255 characters, Location a string of 255,
  // Description a long text area of 32,000.
  sobject('Event', 'Event', [
    sized(editable('Subject', 'string'), 255),
    editable('StartDateTime', 'datetime', 'Start Date Time'),
    editable('EndDateTime', 'datetime', 'End Date Time'),
    editable('ActivityDateTime', 'datetime', 'Due Date Time'),
    readOnly('ActivityDate', 'date', 'Due Date Only'),
    editable('DurationInMinutes', 'int', 'Duration'),
    editable('IsAllDayEvent', 'boolean', 'All-Day Event'),
    reference('WhoId', ['Contact', 'Lead'], 'Who', 'Name ID'),
    reference('WhatId', ['Account', 'Opportunity', 'Campaign', 'Case'], 'What', 'Related To ID'),
    reference('AccountId', ['Account'], 'Account', 'Account ID', false),
    sized(editable('Description', 'textarea'), 32_000),
    sized(editable('Location', 'string'), 255),
    // Object Reference, "Event": ShowAs ("Show Time As") is a restricted picklist of Busy,
    // OutOfOffice and Free; a value outside it fails with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST
    // (API Developer Guide, "Core Data Types Used in API Calls", StatusCode). Type holds the org's
    // activity types, Call, Email, Meeting and Other out of the box; kept to those here, stricter than
    // an org whose admin added types, so the extension can only send a value every org has.
    { ...editable('Type', 'picklist'), picklistValues: ['Call', 'Email', 'Meeting', 'Other'] },
    { ...editable('ShowAs', 'picklist', 'Show Time As'), picklistValues: ['Busy', 'OutOfOffice', 'Free'] },
    editable('IsReminderSet', 'boolean', 'Reminder Set'),
    editable('ReminderDateTime', 'datetime', 'Reminder Date/Time'),
    OWNER,
  ]),
  // Object Reference, "Folder" and "Report": both are read through SOQL only (a report is made with
  // the Analytics REST API, analytics.ts). A report's OwnerId is the id of the folder that holds it.
  sobject(
    'Folder',
    'Folder',
    [
      readOnly('Name', 'string', 'Name'),
      readOnly('DeveloperName', 'string', 'Folder Unique Name'),
      readOnly('Type', 'picklist', 'Type'),
      readOnly('AccessType', 'picklist', 'Access Type'),
    ],
    { write: false },
  ),
  sobject(
    'Report',
    'Report',
    [
      readOnly('Name', 'string', 'Report Name'),
      readOnly('DeveloperName', 'string', 'Report Unique Name'),
      readOnly('FolderName', 'string', 'Folder Name'),
      readOnly('Format', 'picklist', 'Format'),
      readOnly('Description', 'string', 'Description'),
      reference('OwnerId', ['Folder', 'User'], 'Owner', 'Owner ID', false),
    ],
    { write: false },
  ),
  // Object Reference, "Task" (developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_task.htm):
  // Subject a combobox of 255 characters; ActivityDate ("Due Date Only") a date; Description
  // ("Comments") a long text area of 32,000; Status and Priority picklists that are defaulted on
  // create (Not Started, Normal); WhoId a Contact or Lead, WhatId any other record; IsClosed set by
  // Salesforce from the Status. The picklists hold the values every org ships with: an admin may add
  // more, so the extension may send only these.
  sobject('Task', 'Task', [
    sized(editable('Subject', 'string'), 255),
    editable('ActivityDate', 'date', 'Due Date Only'),
    {
      ...editable('Status', 'picklist'),
      picklistValues: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
    },
    { ...editable('Priority', 'picklist'), picklistValues: ['High', 'Normal', 'Low'] },
    readOnly('IsClosed', 'boolean', 'Closed'),
    reference('WhoId', ['Contact', 'Lead'], 'Who', 'Name ID'),
    reference('WhatId', ['Account', 'Opportunity', 'Campaign', 'Case'], 'What', 'Related To ID'),
    reference('AccountId', ['Account'], 'Account', 'Account ID', false),
    sized(editable('Description', 'textarea'), 32_000),
    OWNER,
  ]),
  sobject('FeedItem', 'Feed Item', [
    reference(
      'ParentId',
      ['User', 'Account', 'Contact', 'Lead', 'Opportunity', 'Campaign', 'Case'],
      'Parent',
      'Parent ID',
    ),
    editable('Type', 'picklist'),
    editable('LinkUrl', 'url', 'Link URL'),
    editable('Title', 'string'),
    editable('Body', 'textarea'),
    editable('IsRichText', 'boolean', 'Is Rich Text'),
    // Object Reference, "FeedItem": Visibility is a restricted picklist (AllUsers, InternalUsers)
    // that exists once Experience Cloud (digital experiences) is on. Its default depends on the post
    // (rules.ts): "For record posts, Visibility is set to InternalUsers for all internal users by default".
    {
      ...editable('Visibility', 'picklist'),
      picklistValues: ['AllUsers', 'InternalUsers'],
      feature: 'experienceCloud',
    },
  ]),
];

const BY_NAME = new Map(DEFINITIONS.map((d) => [d.name.toLowerCase(), d]));

/** Object names are case-insensitive in URLs and SOQL; answers use the canonical spelling. */
export function sobjectDef(name: string): SObjectDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function fieldOf(def: SObjectDef, name: string): FieldDef | undefined {
  const wanted = name.toLowerCase();
  return def.fields.find((f) => f.name.toLowerCase() === wanted);
}

export function relationshipOf(def: SObjectDef, name: string): FieldDef | undefined {
  const wanted = name.toLowerCase();
  return def.fields.find((f) => f.relationshipName?.toLowerCase() === wanted);
}

export function hasOwner(def: SObjectDef): boolean {
  return def.fields.some((f) => f.name === 'OwnerId');
}

export function childRelationshipOf(def: SObjectDef, name: string): ChildRelationship | undefined {
  const wanted = name.toLowerCase();
  return def.childRelationships?.find((c) => c.relationshipName.toLowerCase() === wanted);
}

/**
 * Chatter's objects: with Chatter off in an org they do not exist there, so SOQL answers INVALID_TYPE
 * (as Chatter objects do in orgs without Chatter: OrgCheck's dataset notes on CollaborationGroup) and
 * /sobjects/FeedItem answers 404 NOT_FOUND like any object the org does not have.
 */
export const CHATTER_OBJECTS: ReadonlySet<string> = new Set(['FeedItem']);

/**
 * The standard objects' key prefixes: the first 3 characters of every record id, the same in every org
 * (each object's describe answers it as keyPrefix; Salesforce Help, "Object Key Prefixes"). The
 * emulator's own table, not the product's (src/shared/salesforce-id.ts), so a wrong prefix there
 * fails against it.
 */
export const KEY_PREFIX: Record<string, string> = {
  Lead: '00Q',
  Contact: '003',
  Opportunity: '006',
  Campaign: '701',
  Case: '500',
  Account: '001',
  Event: '00U',
  Task: '00T',
  User: '005',
  FeedItem: '0D5',
};

/** Key prefixes of objects the extension itself never names (standard, the same in every org). */
export const EXTRA_KEY_PREFIXES: Record<string, string> = {
  OpportunityContactRole: '00K',
  Report: '00O',
  Folder: '00l',
};

/** The object an id belongs to, by its key prefix. */
export function sobjectTypeOfId(id: string): string | undefined {
  const prefix = id.slice(0, 3);
  return Object.entries({ ...KEY_PREFIX, ...EXTRA_KEY_PREFIXES }).find(([, p]) => p === prefix)?.[0];
}
