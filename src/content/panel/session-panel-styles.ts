// The session panel's look on top of the shared Lightning Design System base (slds-styles.ts),
// scoped to its shadow root. Loaded with the panel, only when a session runs.
import { BASE_CSS, DESTRUCTIVE_CSS } from '../common/slds-styles.js';

export const PANEL_CSS = `${BASE_CSS}${DESTRUCTIVE_CSS}
:host{margin:.5rem 0}
:host([data-docked=warming]){position:fixed;visibility:hidden}
:host([data-docked=floating]){position:fixed;right:1rem;bottom:1rem;z-index:9000;margin:0;width:min(380px,calc(100vw - 2rem));max-height:calc(100vh - 2rem);overflow:auto}
.panel{display:grid;gap:.5rem;padding:.75rem 1rem;background:#fff;border:1px solid #e5e5e5;border-left:4px solid #0176d3;border-radius:.25rem;box-shadow:0 2px 2px 0 rgba(0,0,0,.1)}
:host([data-density=compact]) .panel{gap:.25rem;padding:.5rem .75rem}
.panel:focus{outline:0;box-shadow:0 0 3px #0176d3}
:host([data-docked=floating]) .panel{box-shadow:0 2px 8px rgba(0,0,0,.25)}
header{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}
h2{margin:0;font-size:1rem;font-weight:700}
.logo{width:2rem;padding:0;justify-content:center;border-radius:50%;flex:none}
.logo::before{content:"";width:20px;height:20px;border-radius:50%;background:#0176d3;box-shadow:inset 0 0 0 4px #0176d3,inset 0 0 0 6px #fff}
:host([data-collapsed]) .panel>:not(header,.key-row,.status,.announce){display:none}
.badge{padding:0 .5rem;border-radius:15px;background:#e5e5e5;font-size:.75rem}
.timer{margin-left:auto;font-variant-numeric:tabular-nums;font-weight:700;color:#2e844a}
.caption,h3{margin:0;font-size:.75rem;font-weight:400;color:#444;text-transform:uppercase;letter-spacing:.06em}
.key-row,.link-row,.actions{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}
.key{font-size:2rem;font-weight:700;letter-spacing:.2em;font-variant-numeric:tabular-nums;color:#032d60;line-height:1.2}
.key[data-none]{font-size:1.125rem;letter-spacing:0;color:#444}
p{margin:0}
input{flex:1 1 180px;min-width:0;height:2rem;padding:0 .5rem;font:inherit;border:1px solid #c9c9c9;border-radius:.25rem;background:#f3f3f3;color:#181818}
input:focus{outline:0;border-color:#0176d3;box-shadow:0 0 3px #0176d3}
ul{margin:0;padding:0;list-style:none}
li{padding:2px 0}
.email,.muted{color:#444}
.sf[data-state=logged]{color:#2e844a}
.sf[data-state=session-expired],.sf[data-state=daily-limit],.sf[data-state=api-blocked],.sf[data-state=session-not-for-api],.sf[data-state=unavailable]{color:#8c4b02}
.sf[data-state=needs-attention],.sf[data-state=unconfirmed],.sf[data-state=failed]{color:#ba0517}
button[aria-disabled=true]{background:#c9c9c9;border-color:#c9c9c9;color:#fff;cursor:default}
.status{font-size:.75rem;color:#444}
.status[data-tone=error]{color:#ba0517}
.guest-row{align-items:end}
.guest-field{display:grid;gap:.125rem;flex:1 1 160px;min-width:0}
.related{display:grid;gap:.25rem}
.choices{display:flex;flex-wrap:wrap;gap:.25rem}
.choice{height:auto;min-height:2rem;max-width:min(100%,36rem);padding:.25rem .75rem;white-space:normal;text-align:left;display:block}
.choice .detail{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;color:#444}
.choice[aria-pressed=true]{background:#0176d3;border-color:#0176d3;color:#fff}
.choice[aria-pressed=true] .detail{color:#fff}
.announce{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
`;
