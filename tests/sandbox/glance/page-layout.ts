// The plain, Glance-looking frame around the emulator's web pages (join page, trial sign-up).
import { escapeHtml } from '../http.js';

const STYLE = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f4f6f9; color: #1f2a37; }
  header { background: #0b3d91; color: #fff; padding: 12px 24px; font-weight: 600; letter-spacing: .02em; }
  main { max-width: 440px; margin: 48px auto; background: #fff; border-radius: 8px; padding: 24px 32px;
    box-shadow: 0 2px 8px rgb(0 0 0 / .12); }
  h1 { font-size: 1.4rem; margin: 0 0 16px; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: 8px; border: 1px solid #9aa5b1; border-radius: 4px; font: inherit; }
  button { margin-top: 20px; padding: 10px 20px; border: 0; border-radius: 4px; background: #0b6bcb; color: #fff; font: inherit; cursor: pointer; }
  .error { background: #fde8e8; color: #9b1c1c; padding: 8px 12px; border-radius: 4px; }
  .note { color: #52606d; font-size: .9rem; }
`;

/** A whole page; `title` is text (escaped here), `body` is markup the caller already escaped. */
export function glancePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><header>Glance</header><main>${body}</main></body></html>`;
}
