// Filter and sort commands of the Objectives view.
import * as vscode from 'vscode';
import { STATUSES, statusLabel, type Status } from '../model/format';
import { ownersOf } from '../tree/nodes';
import type { Services } from './services';

/** `arg` (an owner string) skips the quick pick: for tests. */
export async function filterByOwner(services: Services, arg?: unknown): Promise<void> {
  let owner = typeof arg === 'string' ? arg : undefined;
  if (owner === undefined) {
    const model = await services.store.get();
    const owners = model ? ownersOf(model) : [];
    if (!owners.length) {
      void vscode.window.showInformationMessage('No objective or key result names an owner.');
      return;
    }
    const current = services.view.provider.currentOptions.filter?.owner;
    const pick = await vscode.window.showQuickPick(
      owners.map((o) => ({ label: o, picked: o === current })),
      { title: 'OKR: Filter by Owner', placeHolder: 'Show only objectives and key results of' },
    );
    if (!pick) return;
    owner = pick.label;
  }
  services.view.provider.setFilter({ ...services.view.provider.currentOptions.filter, owner });
}

/** `arg` (an array of statuses) skips the quick pick: for tests. */
export async function filterByStatus(services: Services, arg?: unknown): Promise<void> {
  let statuses = Array.isArray(arg) ? (arg.filter((s) => STATUSES.includes(s as Status)) as Status[]) : undefined;
  if (!statuses) {
    const current = services.view.provider.currentOptions.filter?.statuses ?? [];
    const picks = await vscode.window.showQuickPick(
      STATUSES.map((s) => ({ label: statusLabel(s), status: s, picked: current.includes(s) })),
      { title: 'OKR: Filter by Status', placeHolder: 'Show key results with these statuses', canPickMany: true },
    );
    if (!picks) return;
    statuses = picks.map((p) => p.status);
  }
  services.view.provider.setFilter({ ...services.view.provider.currentOptions.filter, statuses: statuses.length ? statuses : undefined });
}

export function clearFilter(services: Services): void {
  services.view.provider.setFilter({});
}
