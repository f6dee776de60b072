// Statuses and their labels. No imports, so the VS Code client can share it without bundling the core.

export type Status = 'done' | 'on-track' | 'at-risk' | 'off-track' | 'not-started' | 'no-score';

export const STATUSES: readonly Status[] = ['done', 'on-track', 'at-risk', 'off-track', 'not-started', 'no-score'];

export const STATUS_LABEL: Record<Status, string> = {
  done: 'done',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'not-started': 'not started',
  'no-score': 'no score',
};
