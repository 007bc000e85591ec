// The join link the rep hands to a customer, and that goes into the Salesforce Event. Glance's
// answer carries one (A7), but an answer is input like any other: a `javascript:` or `http:` link,
// or one on another host, would send the customer (and the key) somewhere else. Only an https link
// on the account's own join host is kept; anything else is replaced by the documented link (A15)
// built from the address and key, so the rep still has a link that works.
import { joinUrl } from './assumptions.js';

export function trustedJoinUrl(answered: string, address: string, key: string): string {
  const documented = joinUrl(address, key);
  let url: URL;
  try {
    url = new URL(answered);
  } catch {
    return documented;
  }
  const onJoinHost =
    url.protocol === 'https:' &&
    url.hostname === address.toLowerCase() &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return onJoinHost ? url.href : documented;
}
