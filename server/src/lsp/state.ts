// What the server knows: workspace roots with their index and configuration, and a parse cache
// keyed by document version. Every feature asks here for the model; nothing else parses.
import { IndexedTextDocument } from './text-document';
import { yieldToRequests } from '../node/yield';
import { HistoryCache } from './history';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  alignmentFileRefs,
  CONFIG_FILE_NAME,
  mergeConfig,
  parseConfig,
  openedCopy,
  parseOkrDocument,
  reparseOkrDocument,
  wholeText,
  RULE_IDS,
  WorkspaceIndex,
  type ConfigProblem,
  type OkrConfig,
  type OkrConfigInput,
  type OkrDocument,
} from '../core';
import { discoverOkrFiles, discoverOkrFilesInSlices, readOkrText, refusalOfText, type WalkProblem } from '../node/discover';
import { adoptFileScope, settleFileOnDisk } from './analysis';
import { today as todayNow } from '../node/today';
import { gitRemoteConfig } from '../node/repository';
import type { EditorSettings } from '../shared/settings';
import { EditorSettingsSchema } from '../shared/settings';
import { pathToUri, uriToPath } from './uris';

export interface Root {
  path: string;
  uri: string;
  index: WorkspaceIndex;
  fileConfig: OkrConfigInput;
  configProblems: ConfigProblem[];
  /** .okr files found on disk that cannot be analysed (binary, too large, unreadable): path -> why. */
  unreadable: Map<string, string>;
  /** While the root is being indexed: files found on disk and not read yet. */
  pending?: Set<string>;
  /** True from addRoot(…, willScan) until its first scan has ended. */
  scanning: boolean;
  /** A workspace folder of the client (scanned), not a root made for a file opened outside them. */
  folder: boolean;
  /** Resolves when the root's first scan has ended (at once for roots that are not scanned). */
  scanned: Promise<void>;
  markScanned: () => void;
  settings: OkrConfigInput;
  editor: EditorSettings;
  config: OkrConfig;
  /** Each file's git history, read in the background (history.ts). */
  histories: HistoryCache;
}

export class ServerState {
  readonly roots: Root[] = [];
  /** uri -> the model of its latest version (open documents only). */
  private readonly cache = new Map<string, OkrDocument>();
  /**
   * The client takes versioned edits (workspaceEdit.documentChanges): a rename then names the version
   * of each open file it was computed on, so an editor that moved on refuses it instead of misapplying it.
   */
  versionedEdits = false;
  /** Bumped whenever configuration changes, so cached analyses keyed by it are dropped. */
  configGeneration = 0;
  private readonly rootListeners: Array<(root: Root) => void> = [];

  /** Hears about every root, those there already and those added later. */
  onRootAdded(listener: (root: Root) => void): void {
    this.rootListeners.push(listener);
    for (const r of this.roots) listener(r);
  }

  /**
   * A workspace root. `willScan`: its files are about to be indexed (scanRootInSlices), so questions
   * about the whole workspace wait for that; a root made for a file outside every folder is not.
   */
  addRoot(rootPath: string, willScan = false): Root {
    const existing = this.roots.find((r) => r.path === rootPath);
    if (existing) return existing;
    let markScanned = () => {};
    const scanned = willScan ? new Promise<void>((resolve) => (markScanned = resolve)) : Promise.resolve();
    const root: Root = {
      scanning: willScan,
      folder: willScan,
      scanned,
      markScanned: () => {
        root.scanning = false;
        markScanned();
      },
      path: rootPath,
      uri: pathToUri(rootPath),
      index: new WorkspaceIndex(rootPath),
      fileConfig: {},
      configProblems: [],
      unreadable: new Map(),
      settings: {},
      editor: EditorSettingsSchema.parse({}),
      config: mergeConfig(),
      // OKR_GIT_HISTORY=off: no git at all (a host that must not spawn processes).
      histories: new HistoryCache(process.env.OKR_GIT_HISTORY !== 'off'),
    };
    this.roots.push(root);
    // Longest path first, so rootFor() finds the innermost folder of a multi-root workspace.
    this.roots.sort((a, b) => b.path.length - a.path.length);
    this.loadConfigFile(root);
    for (const l of this.rootListeners) l(root);
    return root;
  }

  /** Takes a root out of the workspace; returns it (its index as it was), or undefined if unknown. */
  removeRoot(rootPath: string): Root | undefined {
    const i = this.roots.findIndex((r) => r.path === rootPath);
    return i >= 0 ? this.roots.splice(i, 1)[0] : undefined;
  }

  /** Reads every .okr file under the root that is not open in the editor, at once (small workspaces, tests). */
  scanRoot(root: Root): void {
    for (const file of discoverOkrFiles(root.path)) {
      if (this.cache.has(pathToUri(file))) continue;
      this.loadFromDisk(root, file);
    }
  }

  /**
   * The same scan, in slices of about `sliceMs` of work with a turn of the event loop between them,
   * so requests and open files are answered while a large workspace is indexed. The files that open
   * documents align to are read first, so their alignment resolves from the first diagnostics.
   * `onSlice(done, total)` reports progress after every slice.
   */
  async scanRootInSlices(root: Root, onSlice: (done: number, total: number) => void, sliceMs = 4, onProblem?: (problem: WalkProblem) => void): Promise<void> {
    try {
      const files = await discoverOkrFilesInSlices(root.path, sliceMs, { onProblem });
      const wanted = this.alignmentTargetsOfOpenFiles(root, files);
      const order = [...files.filter((f) => wanted.has(f)), ...files.filter((f) => !wanted.has(f))];
      root.pending = new Set(order);
      let done = 0;
      while (done < order.length) {
        const until = performance.now() + sliceMs;
        do {
          const file = order[done++]!;
          // Read already on demand (loadReferenced), or opened and parsed from the editor's text.
          if (root.pending.delete(file) && !this.cache.has(pathToUri(file))) this.loadFromDisk(root, file);
        } while (done < order.length && performance.now() < until);
        onSlice(done, order.length);
        if (done < order.length) await yieldToRequests();
      }
    } finally {
      root.pending = undefined;
      root.markScanned();
    }
  }

  /** Resolves once every root's first scan has ended: requests about the whole workspace wait for it. */
  async whenIndexed(): Promise<void> {
    await Promise.all(this.roots.map((r) => r.scanned));
  }

  /**
   * While the root is still being indexed, reads at once the files a document's `aligns_to` names,
   * so an open file's alignment resolves from its first diagnostics instead of warning until the
   * scan reaches its parent.
   */
  loadReferenced(root: Root, doc: OkrDocument): void {
    const pending = root.pending;
    if (pending) {
      if (pending.size === 0) return;
      for (const f of this.alignmentTargetsAmong(root, [doc], pending)) {
        if (pending.delete(f) && !this.cache.has(pathToUri(f))) this.loadFromDisk(root, f);
      }
      return;
    }
    // The scan has not listed the files yet: a reference by path from the root can still be read.
    if (!root.scanning) return;
    for (const ref of alignmentFileRefs(doc)) {
      if (ref === '') continue; // `#id`: the document's own file
      const file = path.join(root.path, ref + '.okr');
      if (!root.index.get(file) && !this.cache.has(pathToUri(file)) && fs.existsSync(file)) this.loadFromDisk(root, file);
    }
  }

  /** Files among `files` that an open document of the root names in `aligns_to`. */
  private alignmentTargetsOfOpenFiles(root: Root, files: readonly string[]): Set<string> {
    return this.alignmentTargetsAmong(root, [...this.cache.values()], files);
  }

  /** Files among `files` that one of `docs` names in `aligns_to` (by path from the root or bare name). */
  private alignmentTargetsAmong(root: Root, docs: readonly OkrDocument[], files: Iterable<string>): Set<string> {
    const refs = new Set(docs.flatMap(alignmentFileRefs));
    const out = new Set<string>();
    if (refs.size === 0) return out;
    // The files are under the root: their reference is what follows it (path.relative for each of
    // thousands of files was a pause of its own at the start of a scan).
    const prefix = root.path.endsWith(path.sep) ? root.path : root.path + path.sep;
    for (const f of files) {
      if (!f.endsWith('.okr')) continue;
      const rel = (f.startsWith(prefix) ? f.slice(prefix.length) : path.relative(root.path, f)).replace(/\\/g, '/').slice(0, -'.okr'.length);
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      if (refs.has(rel) || refs.has(name)) out.add(f);
    }
    return out;
  }

  loadFromDisk(root: Root, file: string): void {
    const read = readOkrText(file, path.basename(file));
    if (!read.ok) {
      // Kept out of the index (no rule can judge it) but remembered, so the editor can say why.
      root.index.delete(file);
      root.unreadable.set(file, read.message);
      return;
    }
    root.unreadable.delete(file);
    // A saved file that was just closed, or a watcher event for a file we already read: the model of
    // that exact text is at hand, so keep it rather than parse a large file again.
    const known = root.index.get(file);
    const doc = known && known.text === read.text ? known : parseOkrDocument(read.text, pathToUri(file));
    root.index.set(file, doc);
    // A file that is not open: see settleFileOnDisk.
    if (!this.cache.has(pathToUri(file))) settleFileOnDisk(doc, root, file, todayNow());
  }

  /** The root holding a path; files outside every root get a root of their own folder. */
  rootFor(filePath: string | undefined): Root {
    if (filePath) {
      for (const r of this.roots) if (insideRoot(r, filePath)) return r;
      return this.addRoot(path.dirname(filePath));
    }
    return this.roots[this.roots.length - 1] ?? this.addRoot(process.cwd());
  }

  /**
   * The workspace folder holding a path, or undefined for a path outside every folder: events about
   * such paths (a watcher, a file operation) are ignored, never read, and no root is made for them.
   */
  folderOf(filePath: string): Root | undefined {
    return this.roots.find((r) => r.folder && insideRoot(r, filePath));
  }

  /** The model of an open document at its current version: parsed once per version. */
  parsed(doc: TextDocument): OkrDocument {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // An edited document's text is not made one string here: the re-parse of an edit reads a few
    // characters of it (core/edited-text.ts).
    const source = doc instanceof IndexedTextDocument ? doc.textSource() : doc.getText();
    const p = uriToPath(doc.uri);
    // The limits a file on disk has hold for the editor's text too: an empty model stands in for it,
    // the publisher says why (refusal), and the index keeps what the disk says.
    const shown = path.basename(p ?? doc.uri);
    const refused = doc instanceof IndexedTextDocument ? doc.refusal(shown) : refusalOfText(wholeText(source), shown);
    if (refused) {
      const empty = parseOkrDocument('', doc.uri, doc.version);
      this.refusals.set(empty, refused);
      this.cache.set(doc.uri, empty);
      return empty;
    }
    let parsed: OkrDocument;
    if (hit) {
      // An edit of a version we hold re-parses only the objective it touched (or all, when unsure).
      // The editor's document says which region changed since that version: no need to compare the texts.
      parsed = reparseOkrDocument(hit, source, doc.version, doc instanceof IndexedTextDocument ? doc.editSince(hit.version) : undefined);
    } else {
      // Opening a file as it is on disk: the workspace scan parsed exactly this text already.
      const onDisk = p ? this.rootFor(p).index.get(p) : undefined;
      const text = wholeText(source);
      if (onDisk && onDisk.text === text) {
        parsed = openedCopy(onDisk, doc.uri, doc.version);
        adoptFileScope(onDisk, parsed);
      } else {
        parsed = parseOkrDocument(text, doc.uri, doc.version);
      }
    }
    this.cache.set(doc.uri, parsed);
    if (p) this.rootFor(p).index.set(p, parsed);
    // The editor's document and its model index the same text: one index for both (text-document.ts).
    if (doc instanceof IndexedTextDocument) doc.adopt(parsed.lines);
    return parsed;
  }

  /** Why this model of an open document is empty: its text is over the size limit or not text. */
  refusal(doc: OkrDocument): string | undefined {
    return this.refusals.get(doc);
  }

  private readonly refusals = new WeakMap<OkrDocument, string>();

  cached(uri: string): OkrDocument | undefined {
    return this.cache.get(uri);
  }

  /** A closed document goes back to what the disk says (its unsaved edits are gone). */
  closed(uri: string): void {
    this.cache.delete(uri);
    const p = uriToPath(uri);
    if (!p) return;
    const root = this.rootFor(p);
    if (fs.existsSync(p)) this.loadFromDisk(root, p);
    else root.index.delete(p);
  }

  loadConfigFile(root: Root): void {
    const file = path.join(root.path, CONFIG_FILE_NAME);
    // Read as an .okr file is (a regular file of at most 5 MB): a link to /dev/zero or a FIFO is refused.
    const read = fs.existsSync(file) ? readOkrText(file, CONFIG_FILE_NAME) : undefined;
    const loaded = !read
      ? { input: {}, problems: [] }
      : read.ok
        ? parseConfig(read.text, RULE_IDS)
        : { input: {}, problems: [{ message: `${read.message}; none of it applies`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
    root.fileConfig = loaded.input;
    root.configProblems = loaded.problems;
    this.recompute(root);
  }

  setSettings(root: Root, settings: OkrConfigInput, editor: EditorSettings): void {
    root.settings = settings;
    root.editor = editor;
    this.recompute(root);
  }

  private recompute(root: Root): void {
    const next = mergeConfig(gitRemoteConfig(root.path), root.settings, root.fileConfig);
    // Only a real change invalidates cached analyses (a settings pull that returns the same values,
    // as on start-up, must not re-analyse and re-publish every open file).
    if (JSON.stringify(next) === JSON.stringify(root.config)) return;
    root.config = next;
    this.configGeneration++;
  }
}

function insideRoot(root: Root, filePath: string): boolean {
  return filePath === root.path || filePath.startsWith(root.path + path.sep);
}
