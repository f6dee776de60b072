// The shape every rule has. A rule is an object: id, default severity, a one-line description,
// its docs page (docs/rules/<id>.md) and a check() that reports through the context.
import type { FixData } from '../diagnostics';
import type { FileHistory } from '../history/file-history';
import type { KeyResult, Objective, OkrDocument } from '../model';
import type { Range } from '../positions';
import type { OkrConfig, SeverityOrOff } from '../schema';
import type { TextAnalysis } from '../quality';
import type { WorkspaceIndex } from '../workspace';

export interface Report {
  range: Range;
  message: string;
  tags?: Array<'unnecessary' | 'deprecated'>;
  data?: FixData;
}

export interface RuleContext {
  doc: OkrDocument;
  /** Absolute path of the file, when it has one (links and references resolve from it). */
  path?: string;
  config: OkrConfig;
  today: string;
  /** Present when the host knows the workspace; workspace rules stay silent without it. */
  workspace?: WorkspaceIndex;
  /** Host's view of the disk, for link checks; undefined answer = unknown, say nothing. */
  fileExists?: (absPath: string) => boolean | undefined;
  /** Lines of a file on disk (for link ranges past its end); undefined = unknown, say nothing. */
  fileLineCount?: (absPath: string) => number | undefined;
  /** The file's git history (period-start version, values over commits), when the host read it. */
  history?: FileHistory;
  /** The text analysis of a key result's title (memoised). */
  quality(kr: KeyResult): TextAnalysis | undefined;
  /** Template text left in any text ("TODO", "X%"), as a key result's analysis finds it (memoised). */
  placeholderIn(text: string): { text: string; start: number; end: number } | undefined;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  defaultSeverity: SeverityOrOff;
  /** One line, shown in `okr rules` and in docs. */
  description: string;
  /**
   * 'workspace' rules read other files and are re-run when any file changes. 'code' rules judge the
   * code tags of source files (core/code-tags.ts), not .okr files: their check() on a document is empty.
   */
  scope: 'file' | 'workspace' | 'code';
  /**
   * A workspace rule that reads the disk (files that links name) but no other .okr file: a change of
   * another .okr file cannot change what it says, so a host re-checking a file because a file it aligns
   * to changed may keep this rule's result for the same model (lsp/analysis.ts).
   */
  readsOtherOkrFiles?: false;
  /** The whole document: rules that compare objectives, or read the file's top level or other files. */
  check?(ctx: RuleContext): void;
  /**
   * One objective. A rule that has it reports only inside that objective and reads nothing of the
   * file but the objective and the file-level fields (period, owner, team, aligns_to), so an edit
   * inside one objective runs it for that objective alone and the others keep their results
   * (analyze.ts). A rule may have both.
   */
  checkObjective?(ctx: RuleContext, o: Objective): void;
  /**
   * Anything else of the document that checkObjective's results depend on (say, whether the file is
   * checked objective by objective at all), as a string: results are reused while it is the same.
   */
  objectiveContext?(doc: OkrDocument): string;
}
