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
    why: 'Runs inside Salesforce pages and never calls the network: it talks to the worker by message (src/shared/messages.ts).',
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
export const TEMPORARY_CYCLES: { files: string[]; why: string }[] = [
  {
    files: ['src/shared/meeting-request.ts', 'src/shared/messages.ts'],
    why: 'Fixed by the protocol refactor that splits src/shared/messages.ts into src/shared/protocol/ (issue 28, item 4); remove this entry then.',
  },
];

/**
 * Exports no other module of src/ (nor the build scripts) imports, kept on purpose as test seams: a
 * unit worth its own tests whose module interface would hide the cases. Keep it short; everything
 * else that is exported is imported, and what is used only inside its own file is not exported.
 */
export const TEST_SEAMS: { file: string; names: string[]; why: string }[] = [];
