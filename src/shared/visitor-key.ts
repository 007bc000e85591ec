// What a Glance cobrowse key or visitor id may hold: letters, digits, `_` and `-`, up to 50
// characters (help.glance.cx, visitor_agent/agent_side). Shared: the join form checks it before
// anything opens, and the worker checks it again.
export const VISITOR_KEY_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;
