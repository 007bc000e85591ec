// The toolbar's types, apart from its code: the lazily injected scripts (the panel, the meeting
// dialog) use the toolbar that main.ts made, and the loader that injects them must not import the
// toolbar back (an import loop, tests/unit/architecture.test.ts).
import type { MessageKey } from '../../shared/i18n.js';
import type { SalesforceStatus, SessionMode } from '../../shared/protocol/index.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import type { SalesforceUi } from '../../shared/salesforce-url.js';

/** What Start or its menu asks for: a screen share, or joining the customer's session with their key. */
export type StartChoice = { mode: SessionMode; join?: undefined } | { join: string; mode?: undefined };

type Tone = 'info' | 'warning' | 'error';

/** The toolbar as main.ts and the lazily injected scripts (meeting-coordinator.ts, session-problems.ts) use it. */
export interface Toolbar {
  readonly host: HTMLDivElement;
  /** The record's upcoming meeting joins it as its last row (meeting-coordinator.ts, injected lazily). */
  readonly bar: HTMLDivElement;
  readonly schedule: HTMLButtonElement;
  /** `ui`: Classic's pages get Classic's button look (slds-styles.ts). */
  showRecord(sobject: GlanceSObject, recordId: string, ui: SalesforceUi): void;
  showSalesforceStatus(status: SalesforceStatus | undefined): void;
  notice(key: MessageKey, tone?: Tone, offerSettings?: boolean, ...substitutions: string[]): void;
  /** While a start is on its way to Glance: no second click, and say what is happening. */
  starting(busy: boolean): void;
  focus(): void;
  dock(anchor: Element | undefined): void;
  remove(): void;
}
