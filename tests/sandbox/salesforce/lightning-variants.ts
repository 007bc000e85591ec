// Which Lightning the sandbox renders. Real orgs differ in ways the URL never shows: the app (a
// console app or a standard navigation app; Salesforce remembers the user's last app, not the URL),
// the record page's highlights component, the user's language, and whether Lightning components run
// in native shadow DOM. A test picks them with one cookie on the Lightning host, read on page loads
// and on the view fetches of client-side navigation alike:
//   sandbox_ui=console,dynamic|aura|nohighlights,de,shadow,noactivity,churn[:<mutations per second>]
// Sources of each shape: shared/reference/lightning-dom.md (Salesforce's UI page objects).

import { DEFAULT_CHURN_RATE } from './lightning-churn.js';

export const VARIANT_COOKIE = 'sandbox_ui';

export type Highlights = 'lwc' | 'dynamic' | 'aura' | 'none';

export interface LightningVariant {
  /** A Lightning console app (workspaces with subtabs) rather than a standard navigation app. */
  console: boolean;
  /** lwc: records-highlights2 (today's default); dynamic: record_flexipage-dynamic-highlights2;
   *  aura: the older .forceHighlightsPanel; none: a page layout without a highlights panel. */
  highlights: Highlights;
  lang: 'en' | 'de';
  /** Lightning components as real open shadow roots (native shadow), not synthetic shadow. */
  shadow: boolean;
  /** The page layout has the Activity component (its composer of New Task, New Event, …); an admin
   *  may leave it out of a Lightning record page, as many Campaign pages do. */
  activity: boolean;
  /** Churn mode (lightning-churn.ts): DOM mutations a second while a record page shows; 0 is off. */
  churn: number;
}

export const DEFAULT_VARIANT: LightningVariant = {
  console: false,
  highlights: 'lwc',
  lang: 'en',
  shadow: false,
  activity: true,
  churn: 0,
};

export function parseVariant(value: string | undefined): LightningVariant {
  const flags = new Set((value ?? '').split(/[,\s]+/).filter(Boolean));
  const highlights: Highlights = flags.has('dynamic')
    ? 'dynamic'
    : flags.has('aura')
      ? 'aura'
      : flags.has('nohighlights')
        ? 'none'
        : 'lwc';
  return {
    console: flags.has('console'),
    highlights,
    lang: flags.has('de') ? 'de' : 'en',
    shadow: flags.has('shadow'),
    activity: !flags.has('noactivity'),
    churn: churnRate(flags),
  };
}

/** `churn` alone is Lightning's usual rate; `churn:<n>` sets it (capped, so a typo cannot hang the page). */
function churnRate(flags: Set<string>): number {
  if (flags.has('churn')) return DEFAULT_CHURN_RATE;
  const asked = [...flags].map((flag) => /^churn:(\d{1,6})$/.exec(flag)?.[1]).find(Boolean);
  return asked ? Math.min(Number(asked), 20_000) : 0;
}

/** German labels of what the sandbox's record page shows (Salesforce's German UI). */
const GERMAN: Record<string, string> = {
  Contact: 'Kontakt',
  Campaign: 'Kampagne',
  Case: 'Kundenvorgang',
  Edit: 'Bearbeiten',
  Delete: 'Löschen',
  Clone: 'Duplizieren',
  Convert: 'Konvertieren',
  'Close Case': 'Kundenvorgang schließen',
  'Show more actions': 'Weitere Aktionen anzeigen',
  Information: 'Informationen',
  Activity: 'Aktivität',
  'New Task': 'Neue Aufgabe',
  'Log a Call': 'Anruf protokollieren',
  'New Event': 'Neues Ereignis',
  Email: 'E-Mail',
  'No items to display': 'Keine Elemente zum Anzeigen',
};

/** A label in the variant's language (English text is the key). */
export function label(variant: LightningVariant, english: string): string {
  return variant.lang === 'de' ? (GERMAN[english] ?? english) : english;
}

/**
 * Lightning web components that become real open shadow roots in shadow mode: the record page
 * template, the highlights panel and its parts, the action ribbon, the tabset and related lists.
 * The shell's script moves each one's children into its own shadow root, innermost first.
 */
export const NATIVE_SHADOW_COMPONENTS = [
  'one-record-home-flexipage2',
  'flexipage-record-home-template-desktop2',
  'records-lwc-highlights-panel',
  'records-highlights2',
  'record_flexipage-dynamic-highlights2',
  'runtime_platform_actions-actions-ribbon',
  'flexipage-tabset2',
  'lst-related-list-single-container',
].join(',');
