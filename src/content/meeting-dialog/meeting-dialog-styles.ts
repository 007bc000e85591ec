// The meeting dialog's look (SLDS modal) on top of the shared Lightning Design System base
// (slds-styles.ts), scoped to its shadow root and loaded with the dialog only.
import { BASE_CSS, DESTRUCTIVE_CSS } from '../common/slds-styles.js';

export const DIALOG_CSS = `${BASE_CSS}${DESTRUCTIVE_CSS}
:host{position:fixed;inset:0;z-index:9100;display:grid;place-items:center;background:rgba(8,7,7,.6)}
.dialog{display:grid;gap:.75rem;width:min(520px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;padding:1rem 1.5rem;background:#fff;border-radius:.25rem;box-shadow:0 2px 8px rgba(0,0,0,.25)}
.dialog:focus{outline:0}
h2{margin:0;font-size:20px;font-weight:400;padding-bottom:8px;border-bottom:1px solid #e5e5e5}
form,.view{display:grid;gap:.75rem}
.field{display:grid;gap:4px}
.row{display:flex;gap:8px;flex-wrap:wrap}
.row .field{flex:1 1 140px}
label,.label{font-size:12px;color:#444}
input,select,textarea{font:inherit;min-width:0;height:32px;padding:0 8px;border:1px solid #c9c9c9;border-radius:.25rem;background:#fff;color:#181818}
textarea{height:64px;padding:4px 8px;resize:vertical}
input[readonly]{background:#f3f3f3}
input:focus,select:focus,textarea:focus{outline:0;border-color:#0176d3;box-shadow:0 0 3px #0176d3}
[aria-invalid=true]{border-color:#ba0517;box-shadow:inset 0 0 0 1px #ba0517}
.problem{margin:0;font-size:12px;color:#ba0517}
.zone,.muted{margin:0;font-size:12px;color:#444}
.alert{margin:0;padding:8px 12px;border-radius:.25rem;background:#fef1ee;color:#ba0517}
.alert:empty{display:none}
.status{margin:0;font-size:12px;color:#2e844a}
.status:empty{display:none}
p{margin:0}
.facts{display:grid;gap:4px;word-break:break-all}
.actions{display:flex;gap:8px;flex-wrap:wrap;justify-content:flex-end;padding-top:8px;border-top:1px solid #e5e5e5}
a.button{display:inline-flex;align-items:center;height:2rem;padding:0 1rem;border-radius:.25rem;border:1px solid #c9c9c9;background:#fff;text-decoration:none}
a.button:hover{background:#f3f3f3}
`;
