// `okr report --format html`: the organisation view (the alignment map, trends, filters) as one
// self-contained HTML file, drawn by the same view model and page script as the editor's
// organisation panel. The files' models are built as the language server builds them
// (node/file-model.ts), with `okr check`'s diagnostics and the git histories the CLI read.
import * as path from 'node:path';
import { buildFileModel } from '../node/file-model';
import { readReportAssets, type ReportAssets } from '../node/report-assets';
import { buildOrgView } from '../shared/org/view';
import { orgReportHtml } from '../shared/org/report-html';
import type { WorkspaceModel } from '../shared/protocol';
import type { CheckResult } from './check';
import type { Workspace } from './load-workspace';

export function workspaceModelOf(ws: Workspace, check: CheckResult, today: string): WorkspaceModel {
  const diagnostics = new Map(check.files.map((f) => [f.abs, f.diagnostics]));
  return {
    today,
    files: ws.reported.map((f) =>
      buildFileModel({ index: ws.index, config: ws.config, rootPath: ws.root, path: f.abs, doc: f.doc, today, diagnostics: diagnostics.get(f.abs) ?? [], history: ws.histories?.get(f.abs) }),
    ),
  };
}

/** The package root of the running CLI: dist/cli.js lives in <root>/dist. */
export function packageRoot(): string {
  return path.resolve(__dirname, '..');
}

export function formatHtmlReport(ws: Workspace, check: CheckResult, today: string, assets: ReportAssets = readReportAssets(packageRoot())): string {
  return orgReportHtml({ view: buildOrgView(workspaceModelOf(ws, check, today)), ...assets });
}
