// Lightning Design System look, scoped to the toolbar's shadow root.
export const TOOLBAR_CSS = `
:host{all:initial;display:block;margin:8px 0;font-family:-apple-system,"Segoe UI","Salesforce Sans",Helvetica,Arial,sans-serif;font-size:13px;color:#181818;line-height:1.5}
:host([data-docked=floating]){position:fixed;right:16px;bottom:16px;z-index:9000;margin:0;max-width:min(520px,calc(100vw - 32px))}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 12px;background:#fff;border:1px solid #e5e5e5;border-radius:4px;box-shadow:0 2px 2px 0 rgba(0,0,0,.1)}
:host([data-docked=floating]) .bar{box-shadow:0 2px 8px rgba(0,0,0,.25)}
.logo{width:20px;height:20px;border-radius:50%;background:#0176d3;box-shadow:inset 0 0 0 4px #0176d3,inset 0 0 0 6px #fff;flex:none}
button,a.btn{font:inherit;display:inline-flex;align-items:center;height:32px;padding:0 16px;border-radius:4px;border:1px solid #c9c9c9;background:#fff;color:#0176d3;cursor:pointer;text-decoration:none;white-space:nowrap}
button:hover,a.btn:hover{background:#f3f3f3}
button.brand{background:#0176d3;border-color:#0176d3;color:#fff}
button.brand:hover{background:#014486;border-color:#014486}
button:disabled{background:#c9c9c9;border-color:#c9c9c9;color:#fff;cursor:default}
button:focus-visible,a:focus-visible{outline:0;box-shadow:0 0 3px #0176d3;border-color:#014486}
.split{position:relative;display:inline-flex}
.split>button:first-child{border-radius:4px 0 0 4px}
.more{border-radius:0 4px 4px 0;padding:0 10px;border-left-color:#fff}
.chevron{width:0;height:0;border:4px solid transparent;border-top:5px solid currentColor;margin-top:5px}
.menu{position:absolute;top:calc(100% + 2px);left:0;z-index:1;min-width:240px;padding:4px 0;background:#fff;border:1px solid #e5e5e5;border-radius:4px;box-shadow:0 2px 3px 0 rgba(0,0,0,.16)}
:host([data-docked=floating]) .menu{top:auto;bottom:calc(100% + 2px)}
.menu button{display:flex;width:100%;height:auto;padding:8px 12px;border:0;border-radius:0;color:#181818;background:#fff}
.menu button:hover,.menu button:focus{background:#f3f3f3;outline:0;box-shadow:none}
.status{flex:1 1 200px;color:#444;font-size:12px}
.status[data-tone=warning]{color:#8c4b02}
.status[data-tone=error]{color:#ba0517}
.status a{color:#0176d3}
.meeting{display:flex;flex:1 1 100%;flex-wrap:wrap;align-items:center;gap:8px;padding-top:8px;border-top:1px solid #e5e5e5}
.when{font-weight:700}
[hidden]{display:none!important}
`;
