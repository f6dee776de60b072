// What the commands need from the extension, passed in explicitly (no module-level state).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ModelStore } from '../model/store';
import type { OrganisationPanel } from '../org/panel';
import type { ProgressPanel } from '../panel/panel';
import type { ScoreStatusBar } from '../statusBar';
import type { ObjectivesView } from '../tree/view';

export interface Services {
  context: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  client(): LanguageClient | undefined;
  /** 'starting' also while the language client's bundle is still loading. */
  serverState(): 'running' | 'starting' | 'stopped';
  store: ModelStore;
  view: ObjectivesView;
  statusBar: ScoreStatusBar;
  panel: ProgressPanel;
  organisation: OrganisationPanel;
}
