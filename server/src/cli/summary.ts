// `okr summary` (what `npm start` shows): the score tree, then the problems, for a person.
import { runCheck } from './check';
import type { Colors } from './color';
import { formatText } from './format-text';
import type { Workspace } from './load-workspace';
import { formatScoreText, scoreWorkspace } from './score';

export function formatSummary(ws: Workspace, today: string, shown: string, options: { colors: Colors; width?: number }): string {
  const c = options.colors;
  const n = ws.reported.length;
  const out: string[] = [];
  out.push(c.bold(`OKRs in ${shown}: ${n} ${n === 1 ? 'file' : 'files'}, as of ${today}`), '');
  out.push(c.bold('Scores') + c.dim('  (score 0..1, progress bar, status against the expected score: the share of the period elapsed × the aim, 0.7 aspirational, 1 committed)'), '');
  out.push(formatScoreText(scoreWorkspace(ws, today), { colors: c, today, width: options.width }));
  out.push(c.bold('Problems') + c.dim('  (okr check)'), '');
  out.push(formatText(runCheck(ws, today), { colors: c, width: options.width }));
  return out.join('\n');
}
