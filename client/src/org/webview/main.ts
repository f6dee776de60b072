// The organisation map's page script (bundled for the browser to dist/webview/org.js). One script for
// two hosts: in the organisation panel (a VS Code webview: acquireVsCodeApi exists) it draws the
// views the extension posts and keeps the reader's state with setState; in the HTML report it draws
// the view embedded in the page's JSON data block and keeps the state in the location hash.
import { parseUiState, type OrgUiState } from '../../../../server/src/shared/org/rows';
import { isOrgView } from '../../../../server/src/shared/org/validate';
import { parseOrgViewMessage, type OrgPageMessage } from '../messages';
import { mountOrg } from '../render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

function inPanel(app: HTMLElement, vscode: VsCodeApi): void {
  const post = (m: OrgPageMessage) => vscode.postMessage(m);
  let revision = 0;
  const org = mountOrg(app, {
    loadState: () => vscode.getState(),
    saveState: (s) => vscode.setState(s),
    reveal: (target) => post({ type: 'reveal', target }),
    drawn: (c) => post({ type: 'rendered', revision, ...c }),
  });
  org.show(undefined);
  window.addEventListener('message', (event: MessageEvent) => {
    const m = parseOrgViewMessage(event.data);
    if (!m) {
      console.warn('[okr organisation] ignored a message that is not a view');
      return;
    }
    revision = m.revision;
    org.show(m.view);
  });
  post({ type: 'ready' });
}

/** The report's state in the location hash (`#state=…`), so a reload or a shared link keeps it. */
function hashState(): unknown {
  try {
    const m = /^#state=(.*)$/.exec(window.location.hash);
    return m ? JSON.parse(decodeURIComponent(m[1]!)) : undefined;
  } catch {
    return undefined;
  }
}

function saveHash(s: OrgUiState): void {
  try {
    window.history.replaceState(null, '', `#state=${encodeURIComponent(JSON.stringify(s))}`);
  } catch {
    // A file opened where history is not writable: the state lives until the page closes.
  }
}

function inReport(app: HTMLElement): void {
  const data = document.getElementById('okr-data');
  let view: unknown;
  try {
    view = JSON.parse(data?.textContent ?? '');
  } catch {
    view = undefined;
  }
  if (!isOrgView(view)) {
    app.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'This report holds no readable organisation data.' }));
    return;
  }
  const org = mountOrg(app, {
    loadState: () => parseUiState(hashState()),
    saveState: saveHash,
    drawn: (c) => document.body.setAttribute('data-drawn', JSON.stringify(c)),
  });
  org.show(view);
}

const app = document.getElementById('app');
if (app) {
  if (typeof acquireVsCodeApi === 'function') inPanel(app, acquireVsCodeApi());
  else inReport(app);
}
