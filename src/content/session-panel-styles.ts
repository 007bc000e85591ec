// Lightning Design System look for the session panel, scoped to its shadow root. Loaded with the
// panel, only when a session runs.
export const PANEL_CSS = `
:host{all:initial;display:block;margin:8px 0;font-family:-apple-system,"Segoe UI","Salesforce Sans",Helvetica,Arial,sans-serif;font-size:13px;color:#181818;line-height:1.5}
:host([data-docked=floating]){position:fixed;right:16px;bottom:16px;z-index:9000;margin:0;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto}
.panel{display:grid;gap:8px;padding:12px 16px;background:#fff;border:1px solid #e5e5e5;border-left:4px solid #0176d3;border-radius:4px;box-shadow:0 2px 2px 0 rgba(0,0,0,.1)}
.panel:focus{outline:0;box-shadow:0 0 3px #0176d3}
:host([data-docked=floating]) .panel{box-shadow:0 2px 8px rgba(0,0,0,.25)}
header{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
h2{margin:0;font-size:16px;font-weight:700}
.logo{width:20px;height:20px;border-radius:50%;background:#0176d3;box-shadow:inset 0 0 0 4px #0176d3,inset 0 0 0 6px #fff;flex:none}
.badge{padding:0 8px;border-radius:15px;background:#e5e5e5;font-size:12px}
.timer{margin-left:auto;font-variant-numeric:tabular-nums;font-weight:700;color:#2e844a}
.caption,h3{margin:0;font-size:12px;font-weight:400;color:#444;text-transform:uppercase;letter-spacing:.06em}
.key-row,.link-row,.actions{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.key{font-size:32px;font-weight:700;letter-spacing:.2em;font-variant-numeric:tabular-nums;color:#032d60;line-height:1.2}
.key[data-none]{font-size:18px;letter-spacing:0;color:#444}
p{margin:0}
input{flex:1 1 180px;min-width:0;height:32px;padding:0 8px;font:inherit;border:1px solid #c9c9c9;border-radius:4px;background:#f3f3f3;color:#181818}
input:focus{outline:0;border-color:#0176d3;box-shadow:0 0 3px #0176d3}
ul{margin:0;padding:0;list-style:none}
li{padding:2px 0}
.email{color:#444}
.muted{color:#444}
.sf[data-state=logged]{color:#2e844a}
.sf[data-state=session-expired],.sf[data-state=daily-limit],.sf[data-state=api-blocked],.sf[data-state=unavailable]{color:#8c4b02}
.sf[data-state=needs-attention]{color:#ba0517}
.sf[data-state=failed]{color:#ba0517}
.sf a{color:#0176d3}
button{font:inherit;display:inline-flex;align-items:center;height:32px;padding:0 16px;border-radius:4px;border:1px solid #c9c9c9;background:#fff;color:#0176d3;cursor:pointer;white-space:nowrap}
button:hover{background:#f3f3f3}
button.destructive{background:#ba0517;border-color:#ba0517;color:#fff}
button.destructive:hover{background:#8e030f;border-color:#8e030f}
button:disabled{background:#c9c9c9;border-color:#c9c9c9;color:#fff;cursor:default}
button:focus-visible,a:focus-visible{outline:0;box-shadow:0 0 3px #0176d3;border-color:#014486}
.status{font-size:12px;color:#444}
.status[data-tone=error]{color:#ba0517}
[hidden]{display:none!important}
`;
