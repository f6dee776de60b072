// The params of our custom requests as zod schemas: the server checks every request against them
// before a handler runs (lsp/request-guard.ts), so a check-in cannot write `null`, `[0.5]` or
// `{a: 1}` into a file. The interfaces in protocol.ts stay the types both sides import (the client
// does not load zod); the assertions below keep the two in step.
import { z } from 'zod';
import { isValidIsoDate } from '../core/period';
import {
  CheckinRequest,
  PeriodStartTextRequest,
  WorkspaceModelDeltaRequest,
  WorkspaceModelRequest,
  type CheckinParams,
  type PeriodStartTextParams,
  type WorkspaceModelDeltaParams,
} from './protocol';

const uri = z.string().min(1, 'expected a document URI');

export const CheckinParamsSchema = z.object({
  uri,
  objectiveId: z.string(),
  keyResultId: z.string(),
  // zod's number() refuses NaN and ±Infinity: a value must be a finite number (or a milestone's true/false).
  value: z.union([z.number(), z.boolean()], 'expected a finite number, or true/false for a milestone'),
  confidence: z.number('expected a number from 0 to 1').min(0, 'expected a number from 0 to 1').max(1, 'expected a number from 0 to 1').optional(),
  note: z.string('expected text').optional(),
  date: z
    .string('expected a date YYYY-MM-DD')
    .refine(isValidIsoDate, 'expected a real date YYYY-MM-DD')
    .optional(),
  version: z.number().int().optional(),
});

export const PeriodStartTextParamsSchema = z.object({ uri });

export const WorkspaceModelDeltaParamsSchema = z
  .object({ since: z.object({ server: z.string(), revision: z.number() }).optional() })
  .nullish();

/** Params schema by method, for the request guard. */
export const REQUEST_PARAMS: Record<string, z.ZodType> = {
  [CheckinRequest]: CheckinParamsSchema,
  [PeriodStartTextRequest]: PeriodStartTextParamsSchema,
  [WorkspaceModelDeltaRequest]: WorkspaceModelDeltaParamsSchema,
  // Takes no params; anything sent is ignored.
  [WorkspaceModelRequest]: z.unknown(),
};

// What a schema accepts is what the interface says (a compile error when they drift apart).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: [Same<z.output<typeof CheckinParamsSchema>, CheckinParams>, Same<z.output<typeof PeriodStartTextParamsSchema>, PeriodStartTextParams>, Same<NonNullable<z.output<typeof WorkspaceModelDeltaParamsSchema>>, WorkspaceModelDeltaParams>] = [true, true, true];
void inStep;
