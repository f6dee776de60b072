// The analysis core's public surface. Nothing here knows about LSP, VS Code or the terminal.
export * from './positions';
export * from './schema';
export * from './model';
export * from './period';
export * from './parse';
export * from './scoring';
export * from './diagnostics';
export * from './config';
export * from './links';
export * from './workspace';
export * from './analyze';
export * from './suggest';
export * from './edits/text-edit';
export * from './edits/checkin';
export { RULES, RULE_IDS, ruleById, type Rule, type RuleContext, type Report } from './rules';
export { analyzeKeyResultText, type TextAnalysis, type QualityOptions } from './quality';
