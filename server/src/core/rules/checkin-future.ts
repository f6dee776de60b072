import { daysBetween } from '../period';
import type { Rule } from './rule';

/**
 * A check-in may be dated up to this many days after today before it is flagged: a team on the other
 * side of the date line, or writing tonight what is measured tomorrow morning, is not a mistake.
 */
const MARGIN_DAYS = 1;

/**
 * A check-in dated after today. Scoring takes the latest check-in by date as the current value, so a
 * typo in the year (2126 for 2026) or a value planned ahead silently becomes "where we are" and hides
 * every real check-in written after it. Said, not ignored: the score still reads it, so what the
 * panel shows and what the rule says agree, and the fix (the date) is the user's to make.
 */
export const checkinFuture: Rule = {
  id: 'checkin-future',
  defaultSeverity: 'warning',
  description: 'A check-in dated after today: the score takes it as the latest reading.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      for (const c of kr.checkins) {
        // ISO dates compare as strings; a malformed date is the schema rule's to report.
        if (!c.date || c.date <= ctx.today) continue;
        const days = daysBetween(ctx.today, c.date);
        if (!Number.isFinite(days) || days <= MARGIN_DAYS) continue;
        const field = c.node.fields.get('date');
        ctx.report({
          range: field?.valueRange ?? c.node.range,
          message: `Check-in dated ${c.date}, ${days} days after today (${ctx.today}): the score takes it as the latest reading${kr.id ? ` of '${kr.id}'` : ''}. Correct the date, or add the check-in on the day it is measured.`,
        });
      }
    }
  },
};
