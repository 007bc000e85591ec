// The one table of the house's rooms: which code may import which. The architecture test
// (tests/unit/architecture.test.ts) checks it against the real import graph of src/, so this table,
// not biome.json, is the authority (why there is no Biome copy of it: docs/architecture.md, "Layers").
//
// Paths are relative to the repository root; a path ending in '/' is a folder, anything else a file.
// The most specific (longest) matching path decides which context or layer a file is in.

export interface Context {
  name: string;
  paths: string[];
  /** The contexts its code may import besides its own. */
  mayImport: string[];
  /** Packages it must not import, with the reason. */
  deniedPackages?: Record<string, string>;
  why: string;
}

export const CONTEXTS: Context[] = [
  {
    name: 'background',
    paths: ['src/background/'],
    mayImport: ['shared', 'salesforce-client'],
    why: 'The service worker: the only code that keeps state and talks to Salesforce and Glance for the rep.',
  },
  {
    name: 'content',
    paths: ['src/content/'],
    mayImport: ['shared'],
    why: 'Runs inside Salesforce pages and never calls the network: it talks to the worker by message (src/shared/protocol/).',
  },
  {
    name: 'page-platform',
    paths: ['src/pages/background-channel.ts', 'src/pages/browser-i18n.ts'],
    mayImport: ['shared'],
    why: "The extension pages' one channel to the worker and their browser i18n: below every page.",
  },
  {
    name: 'components',
    paths: ['src/pages/components/'],
    mayImport: ['page-platform', 'shared'],
    why: 'Page components shared by the popup and the options page sit below both.',
  },
  {
    name: 'popup',
    paths: ['src/pages/popup/'],
    mayImport: ['components', 'page-platform', 'shared'],
    why: 'The popup and the options page share code through src/pages/components, not each other.',
  },
  {
    name: 'options',
    paths: ['src/pages/options/'],
    mayImport: ['components', 'page-platform', 'shared', 'salesforce-client'],
    why: 'The options page runs the admin tools (reports, team view) with the shared Salesforce client.',
  },
  {
    name: 'org-check',
    paths: ['src/org-check/'],
    mayImport: ['shared', 'salesforce-client'],
    why: "The org check runs in the options page (never in the worker, which loads all its code at every wake) and sends exactly what the queue sends, through the worker's own job code (OPENINGS).",
  },
  {
    name: 'salesforce-client',
    paths: ['src/shared/salesforce/'],
    mayImport: ['shared'],
    why: 'The chrome-free Salesforce client of the worker and the options page; the content script never calls the network.',
  },
  {
    name: 'shared',
    paths: ['src/shared/'],
    mayImport: ['extension-assets'],
    deniedPackages: {
      'webextension-polyfill': 'src/shared is pure code: the browser API belongs to the context that runs it.',
    },
    why: 'Pure code every context may use: it imports no context.',
  },
  {
    name: 'extension-assets',
    paths: ['extension/'],
    mayImport: [],
    why: 'The locales and the managed-storage schema, read as JSON.',
  },
];

/** Narrow doors between contexts that the table otherwise keeps apart, each for one reason. */
export interface Opening {
  from: string[];
  to: string[];
  why: string;
}

export const OPENINGS: Opening[] = [
  {
    from: ['src/pages/options/org-check.ts'],
    to: ['src/org-check/run.ts'],
    why: 'One port runs the org check, and only through run.ts: one place that leaves test records in an org.',
  },
  {
    from: ['src/org-check/'],
    to: [
      'src/background/outbox/jobs.ts',
      'src/background/records/',
      'src/background/meeting/sample.ts',
      'src/background/storage/outbox-shapes.ts',
    ],
    why: "The org check must send exactly what the queue sends: the worker's job code, record builders and job shape, nothing else of the worker's.",
  },
];

/**
 * Inside the service worker, top to bottom. A file may import its own layer and the layers below it,
 * never one above: the entry wires features, features use the queue and the record builders, those use
 * the clients, and everything rests on the platform ports. Folder loops are what this forbids (a
 * layer's folders must not import each other in a circle either: the test checks folder cycles too).
 */
export interface Layer {
  name: string;
  paths: string[];
  why: string;
}

export const WORKER_LAYERS: Layer[] = [
  {
    name: 'entry',
    paths: [
      'src/background/main.ts',
      'src/background/router.ts',
      'src/background/on-alarm.ts',
      'src/background/sender.ts',
    ],
    why: 'Wires the features to the platform: the message router, the alarm handler, the sender check.',
  },
  {
    name: 'meeting',
    paths: ['src/background/meeting/'],
    why: 'A meeting starts a session: meetings sit above sessions (a session learns of its meeting through SessionPorts, wired in main.ts).',
  },
  {
    name: 'session',
    paths: ['src/background/session/'],
    why: 'The running Glance session and its wrap-up; it reads the settings feature below it.',
  },
  {
    name: 'settings and sync',
    paths: ['src/background/settings/', 'src/background/sync/'],
    why: "The rep's accounts and the administrator's sync of Glance's session records.",
  },
  {
    name: 'queue',
    paths: ['src/background/outbox/'],
    why: 'The one durable outbox of Salesforce writes, used by every feature that writes.',
  },
  {
    name: 'records',
    paths: ['src/background/records/'],
    why: 'Pure builders of the Salesforce records the queue writes (the org check uses them too).',
  },
  {
    name: 'clients',
    paths: ['src/background/glance/'],
    why: 'The Glance client (the Salesforce client is src/shared/salesforce): they know their service, no feature.',
  },
  {
    name: 'platform',
    paths: [
      'src/background/storage/',
      'src/background/adapters/',
      'src/background/alarms.ts',
      'src/background/alarm-names.ts',
      'src/background/lock.ts',
      'src/background/in-background.ts',
    ],
    why: 'Ports onto the browser (storage with every stored shape and its reader, alarms, the chrome.* adapters) and small platform helpers.',
  },
];

/**
 * File-level import cycles allowed for now, each named with why and until when. Keep it empty: a loop
 * means two files cannot be understood (or loaded) one before the other.
 */
export const TEMPORARY_CYCLES: { files: string[]; why: string }[] = [];

/**
 * Exports that no other module of src/ (nor the build scripts) imports, kept on purpose for the tests.
 * Everything else that is exported is imported, and what is used only inside its own file is not
 * exported (architecture.test.ts). A test-only export is otherwise tested through its module's real
 * interface (readQueue, not a readJobs kept for tests); add here only with a reason.
 */
export const TEST_SEAMS: { why: string; exports: Record<string, string[] | '*'> }[] = [
  {
    why: "Glance's documented (D) and assumed (A, R) facts, written once and followed by both the product and the Glance emulator (tests/sandbox/glance), so that the two never drift apart silently.",
    exports: {
      'src/background/glance/documented.ts': '*',
      'src/background/glance/assumptions.ts': '*',
      'src/background/sync/crr.ts': ['CRR_PAGE_SIZE', 'CrrLeg'],
    },
  },
  {
    why: 'Ports: the interface a fake implements (tests/support/fake-alarms.ts, the storage and i18n fakes).',
    exports: {
      'src/background/alarms.ts': ['AlarmsPort', 'AlarmInfo', 'AlarmCreateInfo'],
      'src/background/storage/remembered-reads.ts': ['AreaStorage', 'StorageChanges'],
      'src/shared/i18n.ts': ['GetMessage'],
    },
  },
  {
    why: "Pure units with their own table of cases (a format, a parser, a query, a back-off) that the module's interface would only reach one case at a time.",
    exports: {
      'src/shared/policy-deploy.ts': ['linuxJson', 'firefoxJson', 'windowsReg', 'macPlist', 'ControlCharacterInPolicy'],
      'src/shared/meeting/ics.ts': ['foldLine', 'CalendarInvite'],
      'src/shared/meeting/invitation.ts': ['InvitationFacts'],
      'src/shared/meeting/schedule-input.ts': ['instantsForWallTime', 'MeetingForm'],
      'src/shared/salesforce/classify.ts': ['CLASSIFICATION', 'SalesforceAnswer'],
      'src/shared/salesforce-hosts.ts': ['HOST_FAMILIES'],
      'src/shared/policy-presets.ts': ['PRESET_KEYS'],
      'src/shared/settings.ts': ['OPEN_POLICY'],
      'src/background/session/badge.ts': ['sessionTimeBadge'],
      'src/background/session/guest-notice.ts': ['guestNoticeText', 'oneLine'],
      'src/background/session/history.ts': ['historySoql', 'HISTORY_LIMIT'],
      'src/pages/options/team/team-query.ts': ['teamSoql', 'TEAM_LIMIT'],
      'src/background/outbox/runner.ts': ['nextWake', 'backoffMs', 'PAUSE_MS'],
      'src/background/meeting/service.ts': ['randomMeetingKey'],
    },
  },
  {
    why: 'Limits a test holds the code to at their edge (one under, at, one over), named once.',
    exports: {
      'src/background/alarms.ts': ['MIN_ALARM_DELAY_MS'],
      'src/background/outbox/outcome.ts': ['MAX_LOOKUP_FAILURES'],
      'src/shared/salesforce/status.ts': ['STATUS_TTL_MS'],
      'src/shared/answer-limits.ts': ['MAX_ANSWER_BYTES'],
    },
  },
  {
    why: 'The settings a new profile starts with: the e2e fixtures and the unit harness seed them.',
    exports: { 'src/shared/settings.ts': ['DEFAULT_SETTINGS'] },
  },
];
