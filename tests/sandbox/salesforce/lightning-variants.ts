// Which Lightning the sandbox renders. Real orgs differ in ways the URL never shows: the app (a
// console app or a standard navigation app; Salesforce remembers the user's last app, not the URL),
// the record page's highlights component, the user's language, and whether Lightning components run
// in native shadow DOM. A test picks them with one cookie on the Lightning host, read on page loads
// and on the view fetches of client-side navigation alike:
//   sandbox_ui=console,dynamic|aura|nohighlights,de|ja,shadow|fullshadow,noactivity,compact,churn[:<mutations per second>]
// Sources of each shape: shared/reference/lightning-dom.md (Salesforce's UI page objects).

import { DEFAULT_CHURN_RATE } from './lightning-churn.js';

export const VARIANT_COOKIE = 'sandbox_ui';

export type Highlights = 'lwc' | 'dynamic' | 'aura' | 'none';
export type Language = 'en' | 'de' | 'ja';

export interface LightningVariant {
  /** A Lightning console app (workspaces with subtabs) rather than a standard navigation app. */
  console: boolean;
  /** lwc: records-highlights2 (today's default); dynamic: record_flexipage-dynamic-highlights2;
   *  aura: the older .forceHighlightsPanel; none: a page layout without a highlights panel. */
  highlights: Highlights;
  /** The user's Language setting (Setup → Personal Information): Salesforce's own labels follow it. */
  lang: Language;
  /** Lightning web components as real open shadow roots (native shadow) rather than synthetic shadow:
   *  off; `components`, the record page's main components (NATIVE_SHADOW_COMPONENTS); `full`, every
   *  Lightning web component on the page, hundreds of roots (lightning-native-shadow.ts). */
  shadow: 'off' | 'components' | 'full';
  /** The page layout has the Activity component (its composer of New Task, New Event, …); an admin
   *  may leave it out of a Lightning record page, as many Campaign pages do. */
  activity: boolean;
  /** The user's display density (Setup › Density Settings, or the profile menu): Lightning's "Comfy"
   *  puts field labels on top of the fields, "Compact" to their left (Salesforce Developers blog, "New
   *  Density Settings for the Lightning Experience UI in Winter '19"; Lightning Aura/LWC guide, "Change
   *  the Form Display Density"). The record layout shows it with SLDS's form-element variants:
   *  `slds-form-element_stacked` (label on top) or `slds-form-element_horizontal` (label left), the
   *  SLDS Form Element blueprint's two layouts. Nothing else in the page names the density. */
  density: 'comfy' | 'compact';
  /** Churn mode (lightning-churn.ts): DOM mutations a second while a record page shows; 0 is off. */
  churn: number;
}

export const DEFAULT_VARIANT: LightningVariant = {
  console: false,
  highlights: 'lwc',
  lang: 'en',
  shadow: 'off',
  activity: true,
  density: 'comfy',
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
    lang: flags.has('ja') ? 'ja' : flags.has('de') ? 'de' : 'en',
    shadow: flags.has('fullshadow') ? 'full' : flags.has('shadow') ? 'components' : 'off',
    activity: !flags.has('noactivity'),
    density: flags.has('compact') ? 'compact' : 'comfy',
    churn: churnRate(flags),
  };
}

/** `churn` alone is Lightning's usual rate; `churn:<n>` sets it (capped, so a typo cannot hang the page). */
function churnRate(flags: Set<string>): number {
  if (flags.has('churn')) return DEFAULT_CHURN_RATE;
  const asked = [...flags].map((flag) => /^churn:(\d{1,6})$/.exec(flag)?.[1]).find(Boolean);
  return asked ? Math.min(Number(asked), 20_000) : 0;
}

/**
 * Salesforce's own labels in the user's language, for what the sandbox's pages show: record types,
 * tabs, the record page's buttons, the Activity tab and its composer. The English text is the key.
 * German: Salesforce's German UI (Kundenvorgang for Case, Ereignis for Event, Aufgabe for Task).
 * Japanese: Salesforce's Japanese UI as Japanese admins and Trailhead (trailhead.salesforce.com/ja)
 * write it: 取引先責任者 (Contact), 商談 (Opportunity), ケース (Case), 行動 (Event), ToDo (Task);
 * the composer's 新規ToDo / 活動の記録 / 新規行動 (note.com/koji_matae "活動と行動とToDo"; qiita.com
 * /Takaa "Salesforceの活動について"), 取引開始 for a Lead's Convert.
 */
const LABELS: Record<Exclude<Language, 'en'>, Record<string, string>> = {
  de: {
    Contact: 'Kontakt',
    Campaign: 'Kampagne',
    Case: 'Kundenvorgang',
    Account: 'Account',
    Home: 'Startseite',
    Leads: 'Leads',
    Contacts: 'Kontakte',
    Opportunities: 'Opportunities',
    Campaigns: 'Kampagnen',
    Cases: 'Kundenvorgänge',
    Accounts: 'Accounts',
    Sales: 'Vertrieb',
    'Service Console': 'Service-Konsole',
    'Search...': 'Suchen...',
    'Log Out': 'Abmelden',
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
  },
  ja: {
    Lead: 'リード',
    Contact: '取引先責任者',
    Opportunity: '商談',
    Campaign: 'キャンペーン',
    Case: 'ケース',
    Account: '取引先',
    Home: 'ホーム',
    Leads: 'リード',
    Contacts: '取引先責任者',
    Opportunities: '商談',
    Campaigns: 'キャンペーン',
    Cases: 'ケース',
    Accounts: '取引先',
    Sales: '営業',
    'Service Console': 'サービスコンソール',
    'Search...': '検索...',
    'Log Out': 'ログアウト',
    Edit: '編集',
    Delete: '削除',
    Clone: 'コピー',
    Convert: '取引開始',
    'Close Case': 'ケースをクローズ',
    'Show more actions': 'さらにアクションを表示',
    Information: '情報',
    Activity: '活動',
    'New Task': '新規ToDo',
    'Log a Call': '活動の記録',
    'New Event': '新規行動',
    Email: 'メール',
    'No items to display': '表示する項目がありません',
  },
};

/** A label in the variant's language (English text is the key). */
export function label(variant: LightningVariant, english: string): string {
  return variant.lang === 'en' ? english : (LABELS[variant.lang][english] ?? english);
}

/** A record type's details section title: "Lead Information", "Lead Informationen", "リード情報" (no space in Japanese). */
export function informationTitle(variant: LightningVariant, type: string): string {
  const joiner = variant.lang === 'ja' ? '' : ' ';
  return `${label(variant, type)}${joiner}${label(variant, 'Information')}`;
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
