import { daysBetween, isActive } from '../period';
import { historyKey, shortSha } from '../history/file-history';
import { latestCheckin } from '../scoring';
import type { Rule } from './rule';

export const checkinStale: Rule = {
  id: 'checkin-stale',
  defaultSeverity: 'warning',
  description: 'No check-in for a while (default 14 days) on an open key result in an active period (closed and dropped ones are skipped).',
  scope: 'file',
  checkObjective(ctx, o) {
    const period = ctx.doc.period;
    if (!period || !isActive(period, ctx.today)) return;
    const limit = ctx.config.limits.staleCheckinDays;
    // A closed or dropped item is not tracked any more: nothing to check in.
    if (o.state !== 'active') return;
    for (const kr of o.keyResults) {
      if (kr.kind === 'draft' || kr.done === true || kr.state !== 'active') continue;
      const last = latestCheckin(kr);
      // A new `current` committed to git is a check-in too (the history the host read, if any).
      const values = ctx.history?.keyResults.get(historyKey(o, kr))?.values;
      const committed = values?.[values.length - 1];
      const byGit = committed !== undefined && committed.date <= ctx.today && (!last?.date || committed.date > last.date);
      const lastDate = byGit ? committed.date : last?.date;
      const since = lastDate && lastDate >= period.start ? lastDate : period.start;
      const days = daysBetween(since, ctx.today);
      if (days <= limit) continue;
      const anchor = kr.node.fields.get('checkins')?.keyRange ?? kr.node.fields.get('id')?.valueRange ?? kr.node.range;
      ctx.report({
        range: anchor,
        message:
          byGit && committed.date >= period.start
            ? `Last update ${days} days ago (current: ${committed.value} committed on ${committed.date} in ${shortSha(committed.sha)}); check in at least every ${limit} days so the score stays true.`
            : last?.date
              ? `Last check-in ${days} days ago (${last.date}); check in at least every ${limit} days so the score stays true.`
              : `No check-in since the period started ${days} days ago; check in at least every ${limit} days.`,
        data: { kind: 'add-checkin' },
      });
    }
  },
};
