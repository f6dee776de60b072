// Statuses and their labels. No imports, so the VS Code client can share it without bundling the core.

/**
 * `final`: the period is over (or the item is closed) and the score is its grade; `dropped`: the item
 * was abandoned and is left out of every score (docs/scoring.md).
 */
export type Status = 'done' | 'on-track' | 'at-risk' | 'off-track' | 'not-started' | 'no-score' | 'final' | 'dropped';

export const STATUSES: readonly Status[] = ['done', 'on-track', 'at-risk', 'off-track', 'not-started', 'no-score', 'final', 'dropped'];

export const STATUS_LABEL: Record<Status, string> = {
  done: 'done',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  'not-started': 'not started',
  'no-score': 'no score',
  final: 'final',
  dropped: 'dropped',
};

/** How a final score reads against its aim (docs/scoring.md "Ended and closed items"). */
export type Grade = 'met' | 'partial' | 'missed';

export const GRADE_LABEL: Record<Grade, string> = {
  met: 'aim met',
  partial: 'fell short',
  missed: 'missed',
};
