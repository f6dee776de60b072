// OKR: Show Progress Panel. One webview panel (revealed if open, restored after a reload by its
// serializer) that draws the workspace model from the ModelStore: no analysis here, the server
// computed every score. The page is re-created when hidden (no retainContextWhenHidden): it says
// `ready` each time and gets the current view. Messages from the page are validated and only ever
// name items of the current model (file URI + ids), so the page cannot open arbitrary files.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FileModel, KeyResultModel, ObjectiveModel } from '../../../server/src/shared/protocol';
import type { ModelStore } from '../model/store';
import { panelHtml } from './html';
import { PANEL_VIEW_TYPE, parsePanelMessage, type HostMessage, type PanelMessage, type RenderedMessage } from './messages';
import { buildPanelView, type ItemTarget } from './view';

/** What the real-VS-Code tests read through `okr.test.progressSnapshot`. */
export interface ProgressPanelSnapshot {
  open: boolean;
  visible: boolean;
  /** The last view sent to the page. */
  revision: number;
  /** What the page last reported drawing. */
  rendered?: Omit<RenderedMessage, 'type'>;
}

interface Found {
  file: FileModel;
  objective?: ObjectiveModel;
  keyResult?: KeyResultModel;
}

export class ProgressPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private revision = 0;
  private rendered: RenderedMessage | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ModelStore,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      store.onDidChange(() => this.send()),
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.attach(panel);
          void this.store.get();
        },
      }),
    );
  }

  /** Opens the panel beside the editor, or reveals it where it is. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
    } else {
      // Beside the file being edited; in the editor area itself when nothing is open.
      const viewColumn = vscode.window.visibleTextEditors.length ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'OKR Progress', { viewColumn, preserveFocus: false }, {
        enableFindWidget: true,
      });
      this.attach(panel);
    }
    // Usually a no-op (the model is there); fetches it when the server answered nothing yet.
    void this.store.get();
  }

  snapshot(): ProgressPanelSnapshot {
    const r = this.rendered;
    return {
      open: Boolean(this.panel),
      visible: Boolean(this.panel?.visible),
      revision: this.revision,
      rendered: r && { revision: r.revision, files: r.files, keyResults: r.keyResults, trendPoints: r.trendPoints },
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    // One panel: a restored one replaces any other (there is none in practice).
    const old = this.panel;
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    this.panel = panel;
    old?.dispose();
    this.rendered = undefined;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'panel');
    const scripts = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [media, scripts] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'okr-file.svg');
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'panel.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
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

  /** Sends the current view; the page may not be listening yet, in which case its `ready` asks again. */
  private send(): void {
    if (!this.panel) return;
    const message: HostMessage = { type: 'view', revision: ++this.revision, view: buildPanelView(this.store.current) };
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parsePanelMessage(raw);
    if (!message) {
      this.output.warn(`[panel] ignored a malformed message from the progress panel: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    void this.handle(message).catch((err: unknown) => this.output.error(`[panel] ${message.type} failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.send();
        return;
      case 'rendered':
        this.rendered = message;
        return;
      case 'newFile':
        await vscode.commands.executeCommand('okr.newFile');
        return;
      case 'showOrganisation':
        await vscode.commands.executeCommand('okr.showOrganisation');
        return;
      case 'reveal':
        await this.reveal(message.target);
        return;
      case 'checkIn': {
        const found = this.find(message.target);
        if (!found?.keyResult || !found.objective) return this.gone(message.target);
        // The tree's key-result node shape: the command asks for the value, confidence and note.
        await vscode.commands.executeCommand('okr.checkIn', {
          kind: 'keyResult',
          file: found.file,
          objective: found.objective,
          keyResult: found.keyResult,
          viewColumn: this.editorColumn(),
        });
        return;
      }
    }
  }

  /** The item in the current model, or undefined (renamed, deleted, or a URI the model never had). */
  private find(target: ItemTarget): Found | undefined {
    const file = this.store.current?.files.find((f) => f.uri === target.uri);
    if (!file) return undefined;
    if (target.objectiveId === undefined) return { file };
    const objective = file.objectives.find((o) => o.id === target.objectiveId);
    if (!objective) return undefined;
    if (target.keyResultId === undefined) return { file, objective };
    const keyResult = objective.keyResults.find((k) => k.id === target.keyResultId);
    return keyResult ? { file, objective, keyResult } : undefined;
  }

  private gone(target: ItemTarget): void {
    const what = [target.objectiveId, target.keyResultId].filter(Boolean).join('/') || target.uri;
    void vscode.window.showWarningMessage(`'${what}' is no longer in the workspace model; the panel will update.`);
  }

  /** Editors open beside the panel, not over it. */
  private editorColumn(): vscode.ViewColumn {
    const column = this.panel?.viewColumn;
    return column === undefined || column === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  }

  private async reveal(target: ItemTarget): Promise<void> {
    const found = this.find(target);
    if (!found) return this.gone(target);
    const r = found.keyResult?.range ?? found.objective?.range;
    const start = r ? new vscode.Position(r.start.line, r.start.character) : new vscode.Position(0, 0);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(found.file.uri), {
      viewColumn: this.editorColumn(),
      selection: new vscode.Range(start, start),
      preserveFocus: false,
      preview: true,
    });
    if (r) editor.revealRange(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.panelDisposables.splice(0)) d.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
