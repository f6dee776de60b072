// The rule registry. To add a rule: write rules/<id>.ts exporting a Rule, add it here,
// write docs/rules/<id>.md, and add a firing and a non-firing test (see ARCHITECTURE.md).
import type { Rule } from './rule';
import { yamlSyntax } from './yaml-syntax';
import { schemaRule } from './schema';
import { duplicateId } from './duplicate-id';
import { krNotMeasurable } from './kr-not-measurable';
import { krOutputNotOutcome } from './kr-output-not-outcome';
import { krMissingBaseline } from './kr-missing-baseline';
import { krTargetEqualsBaseline } from './kr-target-equals-baseline';
import { krDirectionMismatch } from './kr-direction-mismatch';
import { krCompound } from './kr-compound';
import { tooFewKeyResults, tooManyKeyResults, tooManyObjectives } from './counts';
import { missingOwner } from './missing-owner';
import { objectiveHasMetric } from './objective-has-metric';
import { checkinStale } from './checkin-stale';
import { checkinFuture } from './checkin-future';
import { placeholderText } from './placeholder-text';
import { alignmentUnresolved } from './alignment-unresolved';
import { alignmentCycle } from './alignment-cycle';
import { periodMismatch } from './period-mismatch';
import { linkBroken, linkOutsideWorkspace, linkUnresolvable } from './links';
import { unusedSuppression } from './unused-suppression';
import { unknownOkrTag } from './unknown-okr-tag';
import { baselineMoved, targetMoved } from './goal-moved';

export type { Rule, RuleContext, Report } from './rule';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schemaRule,
  duplicateId,
  krNotMeasurable,
  krOutputNotOutcome,
  krMissingBaseline,
  krTargetEqualsBaseline,
  krDirectionMismatch,
  krCompound,
  tooManyObjectives,
  tooManyKeyResults,
  tooFewKeyResults,
  missingOwner,
  objectiveHasMetric,
  checkinStale,
  checkinFuture,
  targetMoved,
  baselineMoved,
  placeholderText,
  alignmentUnresolved,
  alignmentCycle,
  periodMismatch,
  linkBroken,
  linkUnresolvable,
  linkOutsideWorkspace,
  unusedSuppression,
  unknownOkrTag,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
