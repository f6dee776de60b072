import type { Rule } from './rule';

/**
 * A `# okr-disable-next-line` comment that suppresses nothing. It can only be judged after every
 * other rule ran, so analyzeDocument() produces its diagnostics; check() has nothing to do.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  defaultSeverity: 'hint',
  description: 'A `# okr-disable-next-line` comment that suppresses nothing: remove it.',
  scope: 'file',
  check() {},
};
