// The workspace model from the server, shared by the tree, the status bar and the commands.
// Refreshed on `okr/modelChanged` without a timer: while a request is in flight, further
// notifications only set a flag, and one more request follows when it returns. The server sends
// only the files that changed since the revision held here (`okr/workspaceModelDelta`), so a
// keystroke in one file of a large workspace moves one file's model, not the workspace's.
// Listeners hear about each new model once, and not at all when nothing changed (no flicker).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceModelDeltaRequest, type FileModel, type WorkspaceModel, type WorkspaceModelDelta, type WorkspaceModelDeltaParams } from '../../../server/src/shared/protocol';
import { applyDelta } from './delta';

/** One spelling per URI: the server writes `file:///a%20b`, VS Code may write it differently. */
export function normalizeUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}

export class ModelStore implements vscode.Disposable {
  private model: WorkspaceModel | undefined;
  /** The files held, by the server's uri, and the revision they are at. */
  private readonly files = new Map<string, FileModel>();
  private since: WorkspaceModelDeltaParams['since'];
  private running: Promise<WorkspaceModel | undefined> | undefined;
  private again = false;
  private readonly emitter = new vscode.EventEmitter<WorkspaceModel>();
  /** Fires once per new model (not when a refresh returns the same model). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly output: vscode.OutputChannel,
  ) {}

  get current(): WorkspaceModel | undefined {
    return this.model;
  }

  /** Asks the server for the model; coalesces with a request in flight. Resolves with the latest model. */
  refresh(): Promise<WorkspaceModel | undefined> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The model, fetching it first if none arrived yet. */
  async get(): Promise<WorkspaceModel | undefined> {
    return this.model ?? (await this.refresh());
  }

  private async loop(): Promise<WorkspaceModel | undefined> {
    do {
      this.again = false;
      const client = this.client();
      if (!client) return this.model;
      let delta: WorkspaceModelDelta;
      try {
        delta = await client.sendRequest<WorkspaceModelDelta>(WorkspaceModelDeltaRequest, { since: this.since } satisfies WorkspaceModelDeltaParams);
      } catch (err) {
        // The server is (re)starting: it announces the model again once it is up.
        this.output.appendLine(`[client] workspace model request failed: ${err instanceof Error ? err.message : String(err)}`);
        return this.model;
      }
      this.since = { server: delta.server, revision: delta.revision };
      const changed = applyDelta(this.files, delta);
      if (changed || !this.model || this.model.today !== delta.today) {
        const files = [...this.files.values()].map((f) => ({ ...f, uri: normalizeUri(f.uri) }));
        this.model = { today: delta.today, files };
        this.emitter.fire(this.model);
      }
    } while (this.again);
    return this.model;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
