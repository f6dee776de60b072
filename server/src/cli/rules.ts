// `okr rules`: the rule catalogue, one rule a line.
import { RULES } from '../core';
import { CONFIG_RULE } from './check';

export function formatRules(): string {
  const rows = RULES.map((r) => [r.id, r.defaultSeverity, r.description.replace(/\s+/g, ' ')] as const);
  const idWidth = Math.max(...rows.map((r) => r[0].length));
  const sevWidth = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([id, sev, desc]) => `${id.padEnd(idWidth)}  ${sev.padEnd(sevWidth)}  ${desc}`);
  lines.push('', `Problems in okr.config.yaml itself are reported as '${CONFIG_RULE}' errors.`);
  lines.push(`Set severities in okr.config.yaml: rules: {<rule-id>: error | warning | info | hint | off}`);
  return lines.join('\n') + '\n';
}
