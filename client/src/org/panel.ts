// OKR: Show Organisation Map. One webview panel (revealed if open, restored after a reload by its
// serializer) that draws the organisation view (server/src/shared/org/view.ts) of the model the
// ModelStore holds, through the same page script as the HTML report. The page keeps the reader's
// filters, sort and expanded rows with the webview state API, so they survive a reload. Messages
// from the page are validated and name items of the current model only.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildOrgView } from '../../../server/src/shared/org/view';
import type { ModelStore } from '../model/store';
import { panelHtml } from '../panel/html';
import { ORG_VIEW_TYPE, parseOrgPageMessage, type OrgPageMessage, type OrgViewMessage } from './messages';

/** What the real-VS-Code tests read through `okr.test.organisationSnapshot`. */
export interface OrganisationSnapshot {
  open: boolean;
  revision: number;
  /** Of the last view sent: the company objectives' refs, and those apart with where they sit. */
  company: string[];
  apart: string[];
  rendered?: Omit<Extract<OrgPageMessage, { type: 'rendered' }>, 'type'>;
}

export class OrganisationPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private revision = 0;
  private rendered: OrganisationSnapshot['rendered'];
  private sent: Pick<OrganisationSnapshot, 'company' | 'apart'> = { company: [], apart: [] };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ModelStore,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.send()),
      vscode.window.registerWebviewPanelSerializer(ORG_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.attach(panel);
          void this.store.get();
        },
      }),
    );
  }

  show(): void {
    if (this.panel) this.panel.reveal();
    else {
      const viewColumn = vscode.window.visibleTextEditors.length ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.attach(vscode.window.createWebviewPanel(ORG_VIEW_TYPE, 'OKR Organisation', { viewColumn, preserveFocus: false }, { enableFindWidget: true }));
    }
    void this.store.get();
  }

  snapshot(): OrganisationSnapshot {
    return { open: Boolean(this.panel), revision: this.revision, ...this.sent, rendered: this.rendered };
  }

  private attach(panel: vscode.WebviewPanel): void {
    const old = this.panel;
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    this.panel = panel;
    old?.dispose();
    this.rendered = undefined;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'org');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [media, scripts] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'okr-file.svg');
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'org.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'org.css')).toString(),
      title: 'OKR Organisation',
    });
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.rendered = undefined;
        for (const d of this.panelDisposables.splice(0)) d.dispose();
      }),
    );
  }

  private send(): void {
    if (!this.panel) return;
    const model = this.store.current;
    const view = model ? buildOrgView(model) : undefined;
    this.sent = { company: view?.company.map((i) => view.objectives[i]!.ref) ?? [], apart: view?.apart.map((i) => `${view.objectives[i]!.ref} (${view.objectives[i]!.place})`) ?? [] };
    const message: OrgViewMessage = { type: 'org', revision: ++this.revision, json: view ? JSON.stringify(view) : undefined };
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseOrgPageMessage(raw);
    if (!message) {
      this.output.warn(`[organisation] ignored a malformed message from the page: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.send();
        return;
      case 'rendered': {
        const { type: _type, ...counts } = message;
        this.rendered = counts;
        return;
      }
      case 'reveal':
        void this.reveal(message.target).catch((err: unknown) => this.output.error(`[organisation] reveal failed: ${err instanceof Error ? err.message : String(err)}`));
        return;
    }
  }

  private async reveal(target: { uri: string; objectiveId?: string; keyResultId?: string }): Promise<void> {
    const file = this.store.current?.files.find((f) => f.uri === target.uri);
    const objective = file?.objectives.find((o) => o.id === target.objectiveId);
    const kr = objective?.keyResults.find((k) => k.id === target.keyResultId);
    // Only items of the current model: the page cannot name an arbitrary file.
    if (!file || (target.objectiveId && !objective) || (target.keyResultId && !kr)) {
      void vscode.window.showWarningMessage('That item is no longer in the workspace model; the map will update.');
      return;
    }
    const r = kr?.range ?? objective?.range;
    const start = r ? new vscode.Position(r.start.line, r.start.character) : new vscode.Position(0, 0);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(file.uri), { viewColumn: column, selection: new vscode.Range(start, start), preview: true });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
