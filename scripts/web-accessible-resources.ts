// A build step after @crxjs, which lists the content script's lazy-loaded chunks (the session panel
// and the chunks it shares with the pages) as web_accessible_resources: it refuses a build whose
// resources would be reachable from anything but the Salesforce hosts the content script runs on.
//
// `use_dynamic_url` stays off, deliberately. With it on (tried in Chromium 156), Chrome serves the
// content script's entry module at the random per-session id, but resolves that module's relative
// imports (`./i18n-….js`) against the extension's fixed id, and then refuses them ("Denying load of
// chrome-extension://<id>/assets/i18n-….js. Resources must be listed in the web_accessible_resources
// manifest key"): the toolbar never loads. Turn it on when Chrome resolves them against the dynamic id.
import type { Plugin } from 'vite';
import { salesforceHostPatterns } from '../src/shared/salesforce-hosts.js';

interface WebAccessibleResource {
  resources: string[];
  matches?: string[];
  extension_ids?: string[];
}

/** @crxjs calls renderCrxManifest on every plugin, in plugin order: this one runs after its own. */
export function salesforceOnlyResources(): Plugin & { renderCrxManifest(manifest: unknown): unknown } {
  const salesforce = new Set(salesforceHostPatterns());
  return {
    name: 'glance:salesforce-only-resources',
    enforce: 'post',
    apply: 'build',
    renderCrxManifest(raw) {
      const manifest = raw as { web_accessible_resources?: WebAccessibleResource[] };
      for (const entry of manifest.web_accessible_resources ?? []) {
        const outside = [...(entry.matches ?? []), ...(entry.extension_ids ?? [])].filter((m) => !salesforce.has(m));
        if (outside.length > 0)
          throw new Error(`web_accessible_resources reach beyond Salesforce: ${outside.join(', ')}`);
      }
      return manifest;
    },
  };
}
