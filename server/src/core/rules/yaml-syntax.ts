import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file is not valid YAML.',
  scope: 'file',
  check(ctx) {
    for (const e of ctx.doc.yamlErrors) ctx.report({ range: e.range, message: `YAML: ${e.message}` });
    for (const w of ctx.doc.yamlWarnings) ctx.report({ range: w.range, message: `YAML: ${w.message}` });
  },
};
