// Opens the Glance Client with the session's key: `glance://startssn…` (documented; the background
// built it). Chromium launches an external protocol only from a user gesture, so this runs in the
// task chain of the rep's own click (Start, or the panel's Open Glance), within its activation.
// The navigation happens in a frame inside a closed shadow root: the page's scripts see neither the
// URL (which may carry a login key) nor the frame's navigation.
import { element } from '../common/dom.js';

const LAUNCH_PREFIX = 'glance://startssn';
/** Long enough for Chromium to hand the URL over; the frame is gone after. */
const FRAME_LIFETIME_MS = 3000;

/** False when `url` is not a Glance Client launch (a background of another version, or nothing). */
export function launchGlance(url: unknown): boolean {
  if (typeof url !== 'string' || (!url.startsWith(`${LAUNCH_PREFIX}?`) && url !== LAUNCH_PREFIX)) return false;
  const host = element('div', { hidden: true });
  const root = host.attachShadow({ mode: 'closed' });
  root.append(element('iframe', { src: url, tabIndex: -1 }, { 'aria-hidden': 'true' }));
  document.documentElement.append(host);
  setTimeout(() => host.remove(), FRAME_LIFETIME_MS);
  return true;
}
