// The records service's own state (records.ts serves it): who may read a group's records, the
// tokens issued, and the page size. Kept apart so service.ts stays about sessions.
import { CRR_PAGE_SIZE } from '../../../src/background/sync/crr.js';

/** A group's reporting credentials (D1: from the company's Glance representative) and its partner API key (D2). */
export interface RecordsAccess {
  username: string;
  password: string;
  partnerId: number;
  apiKey: string;
}

export interface RecordsState {
  access: RecordsAccess[];
  /** Issued tokens and when each stops working (R2: 60 minutes). */
  tokens: Map<string, { partnerId: number; expires: number }>;
  /** R5, changeable by tests (POST /glance/records/page-size) so paging shows with few sessions. */
  pageSize: number;
}

/** Acme's group (72431): what its Glance representative would hand its administrator. */
export const SEED_RECORDS_ACCESS: RecordsAccess = {
  username: 'records@acme.example',
  password: 'records-horse-battery',
  partnerId: 72431,
  apiKey: 'acme-partner-api-key-0001',
};

export function newRecordsState(): RecordsState {
  return { access: [{ ...SEED_RECORDS_ACCESS }], tokens: new Map(), pageSize: CRR_PAGE_SIZE };
}
