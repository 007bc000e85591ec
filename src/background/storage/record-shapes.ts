// The parts of Salesforce records the extension keeps in storage (in queued jobs, session logs and the
// running session), declared with storage because the queue's stored shapes are: the record builders
// (src/background/records) make them, and a queue written by an older version must still read.
import type { RelatedCandidate, RelatedSObject } from '../../shared/protocol/index.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';

export interface LoggedRecord {
  sobject: GlanceSObject;
  recordId: string;
}

export interface EventGuest {
  name: string;
  email: string;
  joinedAt: string;
  leftAt?: string;
}

/** A related record found by one query at start; applied to the Event when the session ends. */
export interface RelationLookup {
  soql: string;
  /** The Event field it fills. */
  field: 'WhoId' | 'WhatId';
  /**
   * How the answer is read (older look-ups may still wait in a queue, so none is ever renamed):
   * 'only-record': the Id when exactly one record matches; 'contact': the record's ContactId;
   * 'role-contact': an Opportunity's contact roles (primary first), else its ContactId;
   * 'role-opportunity': the OpportunityId when the rows name exactly one.
   */
  pick: 'only-record' | 'contact' | 'role-contact' | 'role-opportunity';
  /**
   * The rows also name the records (Opportunity.Name; Case.CaseNumber and Subject), so that when more
   * than one fits, the rep can choose in the panel (issue 27, item 6). Absent on older queued look-ups.
   */
  choose?: RelatedSObject;
}

/** The open records the rep may choose from, as the start's look-up found them. */
export interface RelationChoices {
  sobject: RelatedSObject;
  field: 'WhatId';
  candidates: RelatedCandidate[];
  /** Salesforce has more than the panel lists (the rep relates another one in Salesforce). */
  more: boolean;
}
