// Lightning Design System tokens for what we inject into Salesforce: the toolbar, the session panel
// and the meeting dialog each start their shadow root's style with BASE_CSS. The panel and the dialog
// are separate scripts and carry their own copy; the toolbar's copy is in the content script, so this
// stays small. Values from @salesforce-ux/design-system, design-tokens/dist/ui-force.common.js:
// palette-blue-50 rgb(1,118,211) #0176d3 (brand buttons), palette-blue-30 rgb(1,68,134) #014486
// (brand hover, focus), palette-neutral-80 #c9c9c9 (neutral button border), border-radius-medium .25rem,
// font-size-3 .8125rem (13px body), spacing-xx-small .25rem, x-small .5rem, small .75rem, medium 1rem,
// height of a button 2rem (line-height-button), and the "Salesforce Sans" font stack.
// Density (Comfy or Compact, the rep's choice in Salesforce): placement.ts marks the host.
// Salesforce Classic (data-ui=classic, from the URL: toolbar.ts, activity-button.ts): our buttons sit
// beside Classic's own (New Task, New Event) and look like them, Classic's common.css (Aloha skin)
// rule "body button, body .btn": #333 bold .9em of the 12px body, padding 2px 3px, margin 1px,
// border 1px #b5b5b5 with a #7f7f7f bottom, radius 3px, on #e8e8e9 with its sprite's white-to-grey
// fade (drawn as a gradient: no image of Salesforce's is ours to load). The round Glance mark stays round.
// Only what the toolbar uses is here; the panel and dialog add the rest (DESTRUCTIVE_CSS, their own).
export const BASE_CSS = `:host{all:initial;display:block;font:.8125rem/1.5 "Salesforce Sans",-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#181818}
button{font:inherit;display:inline-flex;align-items:center;height:2rem;padding:0 1rem;border-radius:.25rem;border:1px solid #c9c9c9;background:#fff;color:#0176d3;cursor:pointer;white-space:nowrap}
:host([data-density=compact]) button{height:1.75rem;padding:0 .75rem}
button:hover{background:#f3f3f3}
.brand{background:#0176d3;border-color:#0176d3;color:#fff}
.brand:hover{background:#014486;border-color:#014486}
button:disabled{background:#c9c9c9;border-color:#c9c9c9;color:#fff;cursor:default}
:focus-visible{outline:0;box-shadow:0 0 3px #0176d3;border-color:#014486}
a{color:#0176d3}
[hidden]{display:none!important}
:host([data-ui=classic]) button:not(.logo){height:auto;margin:1px;padding:2px 3px;border:1px solid #b5b5b5;border-bottom-color:#7f7f7f;border-radius:3px;background:#e8e8e9 linear-gradient(#fff,#e8e8e9);color:#333;font:700 10.8px/normal Arial,Helvetica,sans-serif}
:host([data-ui=classic]) button:disabled{color:#999}
`;

/** LDS destructive button (palette-red-40 #ba0517, hover red-30 #8e030f): End session, Cancel meeting. */
export const DESTRUCTIVE_CSS = `.destructive{background:#ba0517;border-color:#ba0517;color:#fff}
.destructive:hover{background:#8e030f}
`;
