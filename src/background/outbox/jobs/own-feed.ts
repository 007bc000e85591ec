// A record's feed that takes no post. Only objects with feed tracking on have feeds (Salesforce
// Help, "Feed Tracking"), and Campaign is not tracked out of the box (Trailhead, "Enable Feed
// Tracking", lists the objects tracked by default), so a post meant for a Campaign's feed is refused
// there (FIELD_INTEGRITY_EXCEPTION on ParentId). The post then goes to the rep's own feed, which
// every user has, linking the record: colleagues who follow the rep still see it, and the Event
// stays on the record. Dropping it with a refusal would lose what the rep asked for.

import type { SalesforceClient } from '../../../shared/salesforce/client.js';
import type { SalesforceError } from '../../../shared/salesforce/errors.js';
import { whoAmI } from '../../../shared/salesforce/status.js';
import { sobjectOfId } from '../../../shared/salesforce-id.js';
import { lightningHostFor } from '../../../shared/salesforce-url.js';
import type { ChatterPost } from '../../storage/outbox-shapes.js';

/** Salesforce refused the post's parent itself, on a record (not a user) whose feed may be untracked. */
export function recordFeedRefused(refusal: SalesforceError, chatter: ChatterPost): boolean {
  const parent = sobjectOfId(chatter.parentId);
  return (
    !chatter.moved &&
    refusal.problem === 'refused' &&
    parent !== undefined &&
    parent !== 'User' &&
    refusal.errors.some((e) => e.errorCode === 'FIELD_INTEGRITY_EXCEPTION') &&
    refusal.fields.includes('ParentId')
  );
}

/**
 * The same post for the rep's own feed, its body ending with the record's link. Asks Salesforce who
 * the rep is (one call: the toolbar had not learnt it, or the post would have gone there at once).
 */
export async function toOwnFeed(
  client: SalesforceClient,
  apiHost: string,
  chatter: ChatterPost,
  refusal: SalesforceError,
): Promise<ChatterPost> {
  const me = await whoAmI(client);
  const sobject = sobjectOfId(chatter.parentId) ?? 'Record';
  const link = `https://${lightningHostFor(apiHost)}/lightning/r/${sobject}/${chatter.parentId}/view`;
  return {
    ...chatter,
    parentId: me.id,
    body: `${chatter.body}\n${sobject}: ${link}`,
    moved: refusal.salesforceMessage,
  };
}
