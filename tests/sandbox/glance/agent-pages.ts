// Glance's agent-side web pages (documented.ts [login-key-usage], [target-urls]):
// - /agent/start "checks for an installed client, optionally installs it, and signals it to start a
//   session": here a download link and a Start button whose click launches `glance://startssn` with
//   the page's own parameters (the rep's click is the user gesture Chromium requires);
// - /agentjoin/AgentView.aspx joins a visitor's cobrowse session by SessionKey or VisitorId; an
//   unknown key goes to an error page, and with Wait=1 the viewer waits for the session instead.
import { CLIENT_LAUNCH_PREFIX, VISITOR_KEY_PATTERN } from '../../../src/background/glance/documented.js';
import { escapeHtml } from '../http.js';
import { glancePage } from './page-layout.js';
import type { GlanceService } from './service.js';

export const CLIENT_DOWNLOAD_TEXT = 'Download the Glance Client';
/** How often the waiting viewer looks again (a page refresh, as a plain viewer would). */
const WAIT_REFRESH_SECONDS = 2;

export function agentStartPage(query: URLSearchParams): string {
  const launch = new URLSearchParams();
  for (const name of ['partnerid', 'partneruserid', 'loginkey']) {
    const value = query.get(name);
    if (value) launch.set(name, value);
  }
  const href = `${CLIENT_LAUNCH_PREFIX}${launch.size ? `?${launch}` : ''}`;
  return glancePage(
    'Start a Glance session',
    `<h1>Start a Glance session</h1>
     <p>Sessions run in the Glance Client on your computer. The first time, your browser asks whether to open Glance: choose Open.</p>
     <p><a id="start" href="${escapeHtml(href)}" role="button">Start session</a></p>
     <p class="note">No Glance Client yet? <a href="/download/client">${CLIENT_DOWNLOAD_TEXT}</a>, install it, then start again.</p>`,
  );
}

export function agentViewPage(glance: GlanceService, query: URLSearchParams): { status: number; body: string } {
  // Glance's own pages read query names case-insensitively (ASP.NET); so does this one.
  const get = (name: string) => [...query].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? '';
  const key = get('SessionKey') || get('VisitorId');
  const wait = get('Wait') === '1';
  if (!VISITOR_KEY_PATTERN.test(key)) {
    return {
      status: 400,
      body: glancePage('Glance', `<h1 role="alert">That is not a session key or visitor id.</h1>`),
    };
  }
  const session = glance.cobrowseSession(key);
  if (!session) {
    if (!wait) {
      return {
        status: 404,
        body: glancePage('Glance', `<h1 role="alert">No session with key ${escapeHtml(key)}</h1>`),
      };
    }
    return {
      status: 200,
      body: glancePage(
        'Waiting for the session',
        `<meta http-equiv="refresh" content="${WAIT_REFRESH_SECONDS}">
         <h1>Waiting for the visitor to start session ${escapeHtml(key)}…</h1>`,
      ),
    };
  }
  const name = get('name');
  const email = get('email');
  if (!session.agents.some((a) => a.name === name && a.email === email)) glance.agentJoins(session, { name, email });
  return {
    status: 200,
    body: glancePage(
      `Glance Cobrowse: ${key}`,
      `<h1>You are viewing session ${escapeHtml(key)}</h1>
       <p class="note">The visitor sees you as ${escapeHtml(name || 'an agent')}${email ? ` (${escapeHtml(email)})` : ''}.</p>`,
    ),
  };
}
