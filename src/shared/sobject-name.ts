// A record type as the rep's language names it (Salesforce's own German, French and Japanese
// labels: Kontakt, Kampagne, Kundenvorgang, …), never the API name inside a translated sentence.
import { type MessageKey, t } from './i18n.js';
import { type GlanceSObject, isGlanceSObject } from './salesforce-id.js';

const NAME: Record<GlanceSObject, MessageKey> = {
  Lead: 'sobjectLead',
  Contact: 'sobjectContact',
  Opportunity: 'sobjectOpportunity',
  Campaign: 'sobjectCampaign',
  Case: 'sobjectCase',
};

export function sobjectName(sobject: string): string {
  return isGlanceSObject(sobject) ? t(NAME[sobject]) : sobject;
}
