// The toolbar's own look on top of the shared Lightning Design System base (slds-styles.ts). It is
// part of the content script every Salesforce page loads: keep it short.
// Narrow record layouts (class n, set by toolbar.ts below 30rem): the bar's labels become icons (the
// label stays in the accessibility tree, visually hidden), the status takes its own line. No
// @container rule: with one in the document, Chromium lays the page out at every style read of
// Salesforce's scripts (issue 13).
// Collapsed (the rep's choice, remembered): only the Glance button stays, nothing of Salesforce covered.
// The start menu (start-menu.ts) and the upcoming meeting's row (meeting-coordinator.ts) bring their
// own rules with them, from their lazily injected scripts.
import { BASE_CSS } from '../common/slds-styles.js';

export const TOOLBAR_CSS = `${BASE_CSS}
:host{margin:.5rem 0}
:host([data-docked=floating]){position:fixed;right:1rem;bottom:1rem;z-index:9000;margin:0;width:min(520px,calc(100vw - 2rem))}
:host([data-collapsed]){width:fit-content}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.5rem .75rem;background:#fff;border:1px solid #e5e5e5;border-radius:.25rem;box-shadow:0 2px 2px rgba(0,0,0,.1)}
:host([data-density=compact]) .bar{gap:.25rem;padding:.25rem .5rem}
:host([data-docked=floating]) .bar{box-shadow:0 2px 8px rgba(0,0,0,.25)}
:host([data-collapsed]) .bar>:not(.logo){display:none}
.logo{width:2rem;padding:0;justify-content:center;border-radius:50%}
.logo::before{content:"";width:20px;height:20px;border-radius:50%;background:#0176d3;box-shadow:inset 0 0 0 4px #0176d3,inset 0 0 0 6px #fff}
.split{position:relative;display:inline-flex}
.split>.i{border-radius:.25rem 0 0 .25rem}
.more{border-radius:0 .25rem .25rem 0;padding:0 .5rem;border-left-color:#fff;gap:.25rem}
.more::after{content:"";border:4px solid transparent;border-top:5px solid;border-bottom:0}
.status{flex:1 1 200px;color:#444;font-size:.75rem}
[data-tone=warning]{color:#8c4b02}
[data-tone=error]{color:#ba0517}
.n .i{padding:0 .5rem}.n .i::before{content:attr(data-icon)/""}.n .i>span{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}.n .status{flex-basis:100%}
`;
