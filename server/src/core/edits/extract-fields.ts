// Extract `baseline` / `target` / `unit` from a title like "from 800 ms to 300 ms": the draft key
// result becomes a metric without retyping the numbers. Only missing keys are added.
import type { KeyResult, OkrDocument } from '../model';
import { insertFieldsEdit } from './insert-fields';
import { yamlScalar, type EditResult } from './text-edit';

export interface ExtractedFields {
  baseline: number;
  target: number;
  unit?: string;
}

export function extractFieldsEdits(doc: OkrDocument, kr: KeyResult, fields: ExtractedFields): EditResult {
  const lines: string[] = [];
  const has = (k: string) => kr.node.fields.has(k);
  if (fields.unit && !has('unit')) lines.push(`unit: ${yamlScalar(fields.unit)}`);
  if (!has('baseline')) lines.push(`baseline: ${fields.baseline}`);
  if (!has('target')) lines.push(`target: ${fields.target}`);
  if (lines.length === 0) return { ok: false, message: 'baseline, target and unit are already there' };
  return insertFieldsEdit(doc, kr.node, ['id', 'title', 'owner', 'description', 'metric'], lines);
}
