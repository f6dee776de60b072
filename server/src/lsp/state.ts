// What the server knows: workspace roots with their index and configuration, and a parse cache
// keyed by document version. Every feature asks here for the model; nothing else parses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAME,
  mergeConfig,
  parseConfig,
  parseOkrDocument,
  reparseOkrDocument,
  RULE_IDS,
  WorkspaceIndex,
  type ConfigProblem,
  type OkrConfig,
  type OkrConfigInput,
  type OkrDocument,
} from '../core';
import { discoverOkrFiles, readOkrText } from '../node/discover';
import { adoptFileScope } from './analysis';
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
  settings: OkrConfigInput;
  editor: EditorSettings;
  config: OkrConfig;
}

export class ServerState {
  readonly roots: Root[] = [];
  /** uri -> the model of its latest version (open documents only). */
  private readonly cache = new Map<string, OkrDocument>();
  /** Bumped whenever configuration changes, so cached analyses keyed by it are dropped. */
  configGeneration = 0;

  addRoot(rootPath: string): Root {
    const existing = this.roots.find((r) => r.path === rootPath);
    if (existing) return existing;
    const root: Root = {
      path: rootPath,
      uri: pathToUri(rootPath),
      index: new WorkspaceIndex(rootPath),
      fileConfig: {},
      configProblems: [],
      unreadable: new Map(),
      settings: {},
      editor: EditorSettingsSchema.parse({}),
      config: mergeConfig(),
    };
    this.roots.push(root);
    // Longest path first, so rootFor() finds the innermost folder of a multi-root workspace.
    this.roots.sort((a, b) => b.path.length - a.path.length);
    this.loadConfigFile(root);
    return root;
  }

  removeRoot(rootPath: string): void {
    const i = this.roots.findIndex((r) => r.path === rootPath);
    if (i >= 0) this.roots.splice(i, 1);
  }

  /** Reads every .okr file under the root that is not open in the editor. */
  scanRoot(root: Root): void {
    for (const file of discoverOkrFiles(root.path)) {
      if (this.cache.has(pathToUri(file))) continue;
      this.loadFromDisk(root, file);
    }
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
    root.index.set(file, known && known.text === read.text ? known : parseOkrDocument(read.text, pathToUri(file)));
  }

  /** The root holding a path; files outside every root get a root of their own folder. */
  rootFor(filePath: string | undefined): Root {
    if (filePath) {
      for (const r of this.roots) if (filePath === r.path || filePath.startsWith(r.path + path.sep)) return r;
      return this.addRoot(path.dirname(filePath));
    }
    return this.roots[this.roots.length - 1] ?? this.addRoot(process.cwd());
  }

  /** The model of an open document at its current version: parsed once per version. */
  parsed(doc: TextDocument): OkrDocument {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const p = uriToPath(doc.uri);
    let parsed: OkrDocument;
    if (hit) {
      // An edit of a version we hold re-parses only the objective it touched (or all, when unsure).
      parsed = reparseOkrDocument(hit, text, doc.version);
    } else {
      // Opening a file as it is on disk: the workspace scan parsed exactly this text already.
      const onDisk = p ? this.rootFor(p).index.get(p) : undefined;
      if (onDisk && onDisk.text === text) {
        parsed = { ...onDisk, uri: doc.uri, version: doc.version };
        adoptFileScope(onDisk, parsed);
      } else {
        parsed = parseOkrDocument(text, doc.uri, doc.version);
      }
    }
    this.cache.set(doc.uri, parsed);
    if (p) this.rootFor(p).index.set(p, parsed);
    return parsed;
  }

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
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    const loaded = text === undefined ? { input: {}, problems: [] } : parseConfig(text, RULE_IDS);
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
    const next = mergeConfig(root.settings, root.fileConfig);
    // Only a real change invalidates cached analyses (a settings pull that returns the same values,
    // as on start-up, must not re-analyse and re-publish every open file).
    if (JSON.stringify(next) === JSON.stringify(root.config)) return;
    root.config = next;
    this.configGeneration++;
  }
}
