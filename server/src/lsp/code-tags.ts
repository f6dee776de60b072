// Code tags in the server: the workspace's source files searched for `okr:` tags in the background
// (in slices, after the .okr scan), kept current through watched-file events and the editor's open
// documents of any language, and the `unknown-okr-tag` diagnostics of the source files. Source
// documents are never analysed as OKRs: an edit costs a re-scan of that document's tags, nothing more.
import { yieldToRequests } from '../node/yield';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createHash } from 'node:crypto';
import { checkCodeTags, CodeTagIndex, scanCodeTags, type OkrConfig } from '../core';
import { isSkippedByWalk } from '../node/discover';
import { listSourceFilesInSlices, MAX_SOURCE_BYTES, readSourceTags, sourceFileFilter } from '../node/source-files';
import { toLspDiagnostic } from './convert';
import type { Root, ServerState } from './state';
import { pathToUri, uriToPath } from './uris';

/** Background work per slice before yielding to the event loop (as the .okr scan). */
const SLICE_MS = 4;

interface RootTags {
  tags: CodeTagIndex;
  /** What the last scan listed files with (settings and files.exclude): a change re-scans. */
  filterKey?: string;
  filter: (file: string) => boolean;
  /** Bumped by every scan, so an outdated scan stops. */
  generation: number;
  scanned: Promise<void>;
  markScanned: () => void;
}

export class CodeTagService {
  /** Open documents that are not .okr files (source files of any language). */
  readonly documents = new TextDocuments(TextDocument);
  private readonly roots = new Map<Root, RootTags>();
  /** Source files whose diagnostics must be computed again. */
  private readonly toCheck = new Set<string>();
  private checkScheduled = false;
  /** A digest of what was last sent per uri: the same diagnostics are not sent again. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
    /** The editor's `files.exclude` globs for a root ([] when the client cannot say). */
    private readonly filesExclude: (root: Root) => Promise<string[]>,
  ) {
    state.onRootAdded((root) => {
      let markScanned = () => {};
      const scanned = new Promise<void>((resolve) => (markScanned = resolve));
      this.roots.set(root, { tags: new CodeTagIndex(), filter: () => false, generation: 0, scanned, markScanned });
      // Only ids (and files coming or going) decide what a tag resolves to.
      root.index.onChange((change) => {
        if (change.crossFileChanged) this.checkAll(root);
      });
    });
    this.documents.onDidChangeContent((e) => this.documentChanged(e.document));
    this.documents.onDidClose((e) => this.documentClosed(e.document.uri));
  }

  /** The tags of a root (empty until its scan has read them). */
  tagsOf(root: Root): CodeTagIndex | undefined {
    return this.roots.get(root)?.tags;
  }

  /** Resolves once every root's first tag scan has ended. */
  async whenScanned(): Promise<void> {
    await Promise.all([...this.roots.values()].map((r) => r.scanned));
  }

  private enabled(root: Root): boolean {
    return root.config.codeTags.enable;
  }

  /**
   * Scans the roots' source files for tags, in slices, unless what decides which files are searched
   * is unchanged since the last scan (`force` scans anyway). Returns how many files were read.
   */
  async scan(roots: readonly Root[], force = false): Promise<number> {
    let files = 0;
    for (const root of roots) files += await this.scanRoot(root, force);
    return files;
  }

  private async scanRoot(root: Root, force: boolean): Promise<number> {
    const rt = this.roots.get(root);
    if (!rt) return 0;
    try {
      const exclude = this.enabled(root) ? await this.filesExclude(root) : [];
      const key = JSON.stringify([root.config.codeTags, exclude]);
      if (!force && key === rt.filterKey) return 0;
      rt.filterKey = key;
      const generation = ++rt.generation;
      rt.filter = this.enabled(root) ? sourceFileFilter(root.path, { config: root.config.codeTags, filesExclude: exclude }) : () => false;
      const listed = this.enabled(root) ? await listSourceFilesInSlices(root.path, rt.filter, SLICE_MS) : [];
      if (generation !== rt.generation) return 0;
      const keep = new Set(listed);
      for (const p of rt.tags.files()) {
        if (!keep.has(p)) {
          rt.tags.delete(p);
          this.toCheck.add(p);
        }
      }
      let done = 0;
      while (done < listed.length) {
        const until = performance.now() + SLICE_MS;
        do {
          const file = listed[done++]!;
          // An open document's text wins over the disk.
          if (this.documents.get(pathToUri(file))) continue;
          if (rt.tags.set(file, readSourceTags(file))) this.toCheck.add(file);
        } while (done < listed.length && performance.now() < until);
        if (done < listed.length) await yieldToRequests();
        if (generation !== rt.generation) return done;
      }
      for (const p of rt.tags.files()) this.toCheck.add(p);
      this.scheduleCheck();
      return listed.length;
    } finally {
      rt.markScanned();
    }
  }

  /** A watched file of any kind changed on disk (not .okr files and the configuration: the state has those). */
  fileChanged(uri: string, deleted: boolean): void {
    const p = uriToPath(uri);
    if (!p || this.documents.get(uri)) return; // the editor's version wins while the file is open
    const root = this.state.rootFor(p);
    const rt = this.roots.get(root);
    if (!rt) return;
    // The scan's rules hold for a file the watcher reports: the settings' globs, .gitignore, skipped folders.
    const searched = !deleted && rt.filter(p) && !isSkippedByWalk(root.path, p);
    const changed = searched ? rt.tags.set(p, readSourceTags(p)) : rt.tags.delete(p);
    if (changed || this.sent.has(uri)) {
      this.toCheck.add(p);
      this.scheduleCheck();
    }
  }

  private documentChanged(doc: TextDocument): void {
    const p = uriToPath(doc.uri);
    if (!p) return;
    const root = this.state.rootFor(p);
    const rt = this.roots.get(root);
    if (!rt || !this.enabled(root)) return;
    // A keystroke costs one search of the text for the marker; the tags change only when a tag did.
    // A document over the size the scan skips on disk is skipped open too (a log, a bundle).
    const text = doc.getText();
    if (rt.tags.set(p, text.length > MAX_SOURCE_BYTES ? [] : scanCodeTags(text))) {
      this.toCheck.add(p);
      this.scheduleCheck();
    }
  }

  private documentClosed(uri: string): void {
    // Back to what the disk says (unsaved edits are gone).
    this.fileChanged(uri, false);
  }

  /** Every tagged file of a root is checked again (the OKRs it names changed). */
  private checkAll(root: Root): void {
    const rt = this.roots.get(root);
    if (!rt) return;
    for (const p of rt.tags.files()) this.toCheck.add(p);
    for (const uri of this.sent.keys()) {
      const p = uriToPath(uri);
      if (p) this.toCheck.add(p);
    }
    if (this.toCheck.size) this.scheduleCheck();
  }

  private scheduleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    // On the next turn: a burst of changes is checked once.
    setImmediate(() => {
      this.checkScheduled = false;
      const paths = [...this.toCheck];
      this.toCheck.clear();
      for (const p of paths) this.publish(p);
    });
  }

  private publish(p: string): void {
    const root = this.state.rootFor(p);
    const rt = this.roots.get(root);
    const uri = pathToUri(p);
    const tags = rt?.tags.tagsIn(p) ?? [];
    const diagnostics = tags.length ? checkCodeTags(root.index, tags, root.config).map(toLspDiagnostic) : [];
    const digest = diagnostics.length ? createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64') : '';
    if ((this.sent.get(uri) ?? '') === digest) return;
    if (digest) this.sent.set(uri, digest);
    else this.sent.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** The configuration of a root changed: severities may differ, and which files are searched. */
  async configurationChanged(): Promise<void> {
    for (const root of this.roots.keys()) this.checkAll(root);
    await this.scan([...this.roots.keys()]);
  }

  /** The tags of an open source document (the index holds them; scanned on every change). */
  documentTags(uri: string): { root: Root; tags: ReturnType<CodeTagIndex['tagsIn']>; config: OkrConfig } | undefined {
    const p = uriToPath(uri);
    const doc = this.documents.get(uri);
    if (!p || !doc) return undefined;
    const root = this.state.rootFor(p);
    const rt = this.roots.get(root);
    if (!rt || !this.enabled(root)) return undefined;
    return { root, tags: rt.tags.tagsIn(p), config: root.config };
  }
}
