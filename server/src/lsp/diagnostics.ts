// Publishing diagnostics: on open and on change, without a fixed delay. Work is queued and run on
// the next turn of the event loop, so a burst of edits analyses only the latest version; a result
// is dropped if its document moved on meanwhile (stale guard).
import type { Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ruleDocsUrl, unreadableFileDiagnostic } from '../core';
import { today as todayNow } from '../node/today';
import { diagnosticsInRoot } from './analysis';
import { toLspDiagnostic } from './convert';
import type { ServerState, Root } from './state';
import { pathToUri, uriToPath } from './uris';

export class DiagnosticsPublisher {
  private readonly queue = new Set<string>();
  private scheduled = false;
  /** Objective ids per file, to tell when other files' alignment needs re-checking. */
  private readonly signatures = new Map<string, string>();
  /** What the last published result depended on, per uri: nothing changed, nothing to send. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly state: ServerState,
  ) {}

  schedule(uri: string): void {
    this.queue.add(uri);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  scheduleAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
  }

  forget(uri: string): void {
    this.signatures.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.queue];
    this.queue.clear();
    const changedSignature: string[] = [];
    for (const uri of uris) {
      const textDoc = this.documents.get(uri);
      if (!textDoc) continue;
      if (this.publish(textDoc)) changedSignature.push(uri);
    }
    // Another file's objectives changed: alignment in the other open files may now (not) resolve.
    // Their file-scope results are cached with their models, so only the workspace rules run again.
    if (changedSignature.length) {
      for (const d of this.documents.all()) if (!uris.includes(d.uri)) this.publish(d);
    }
  }

  /** Analyses and publishes one document; returns true when its objective ids changed. */
  private publish(textDoc: TextDocument): boolean {
    const version = textDoc.version;
    const doc = this.state.parsed(textDoc);
    const p = uriToPath(textDoc.uri);
    const root = this.state.rootFor(p);
    const today = todayNow();
    const gen = this.state.configGeneration;
    const inputs = `${version}|${gen}|${today}|${root.index.epoch}|${root.path}`;
    if (this.published.get(textDoc.uri) === inputs) return false;
    const all = diagnosticsInRoot(doc, root, p, today);
    // Stale guard: if the document changed while we worked, its newer version is queued already.
    if (this.documents.get(textDoc.uri)?.version !== version) return false;
    this.published.set(textDoc.uri, inputs);
    void this.connection.sendDiagnostics({ uri: textDoc.uri, version, diagnostics: all.map(toLspDiagnostic) });

    const signature = doc.objectives.map((o) => o.id ?? '').join('\n');
    const changed = this.signatures.get(textDoc.uri) !== signature;
    this.signatures.set(textDoc.uri, signature);
    return changed;
  }

  /** Files we hold as unreadable, by uri, so a file that becomes readable again gets its problem cleared. */
  private readonly unreadable = new Set<string>();

  /**
   * One error on each .okr file the server could not read (binary, too large, not UTF-8), which would
   * otherwise just be missing from the tree and the scores. Files open in the editor are analysed from
   * the editor's text instead, so they are skipped here.
   */
  publishUnreadable(): void {
    const now = new Set<string>();
    for (const root of this.state.roots) {
      for (const [file, message] of root.unreadable) {
        const uri = pathToUri(file);
        if (this.documents.get(uri)) continue;
        now.add(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [toLspDiagnostic(unreadableFileDiagnostic(message))] });
      }
    }
    for (const uri of this.unreadable) if (!now.has(uri) && !this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.unreadable.clear();
    for (const uri of now) this.unreadable.add(uri);
  }

  /** okr.config.yaml problems, published on the config file itself. */
  publishConfig(root: Root): void {
    const uri = pathToUri(path.join(root.path, CONFIG_FILE_NAME));
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: root.configProblems.map((p) =>
        toLspDiagnostic({ rule: 'config', severity: 'error', message: p.message, range: p.range, docsUrl: ruleDocsUrl('config') }),
      ),
    });
  }
}
