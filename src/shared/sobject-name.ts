// A record type as the rep's language names it (Salesforce's own German, French and Japanese
// labels: Kontakt, Kampagne, Kundenvorgang, …), never the API name inside a translated sentence.
import { type MessageKey, t } from './i18n.js';
import { type GlanceSObject, isGlanceSObject } from './salesforce-id.js';

/** Each record type's message is `sobject` + its API name (sobjectLead, …): checked here, no table to carry. */
const nameKey = (sobject: GlanceSObject): MessageKey => `sobject${sobject}` satisfies MessageKey;

export function sobjectName(sobject: string): string {
  return isGlanceSObject(sobject) ? t(nameKey(sobject)) : sobject;
}
