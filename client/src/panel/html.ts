// The progress panel's page: a shell with a strict Content-Security-Policy that loads one style sheet
// and one script (dist/webview/panel.js, which builds the DOM from the messages). Pure: the extension
// passes the webview's cspSource, a fresh nonce and the resource URIs; the headless-Chromium test
// (test/webview/) loads the same page.
import { escapeHtml as attr } from '../../../server/src/shared/html-escape';

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** A fresh random nonce per page (base64), e.g. crypto.randomBytes(16).toString('base64'). */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The tab's document title (default: OKR Progress). */
  title?: string;
}


/** The CSP: nothing by default; styles from the extension's media, scripts only with the nonce. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function panelHtml(o: PanelHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error('the nonce must be 16+ base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${attr(o.title ?? 'OKR Progress')}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="state">Loading objectives…</p></main>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
