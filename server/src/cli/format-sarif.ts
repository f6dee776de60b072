// SARIF 2.1.0 for GitHub code scanning: one run, the rule catalogue, one result per diagnostic.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, RULES, ruleDocsUrl, type Severity, type SeverityOrOff } from '../core';
import { CONFIG_RULE, UNREADABLE_RULE, type CheckResult, type FileResult } from './check';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/okr-as-code/okr-as-code';

type Level = 'error' | 'warning' | 'note' | 'none';

function level(s: SeverityOrOff): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'off' ? 'none' : 'note';
}

interface SarifRule {
  id: string;
  description: string;
  defaultSeverity: SeverityOrOff;
}

function catalogue(): SarifRule[] {
  return [
    ...RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })),
    { id: CONFIG_RULE, description: `A problem in ${CONFIG_FILE_NAME}: invalid YAML, an unknown key or rule, a wrong value.`, defaultSeverity: 'error' as const },
    { id: UNREADABLE_RULE, description: 'An .okr file that could not be read (binary, too large, not UTF-8, no permission), so nothing in it was checked.', defaultSeverity: 'error' as const },
  ];
}

/**
 * GitHub code scanning resolves SARIF paths from the repository's top folder, so paths are relative to
 * the nearest folder holding `.git` above the workspace root (the root itself outside a repository).
 */
export function sarifBase(root: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return root;
  }
}

function sarifUri(abs: string, base: string): string {
  return path.relative(base, abs).split(path.sep).map(encodeURIComponent).join('/');
}

/** "kr-not-measurable" -> "KrNotMeasurable" (SARIF's rule names are PascalCase identifiers by convention). */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** A fingerprint that survives edits elsewhere in the file: rule, file, the flagged line's text, its occurrence. */
function fingerprints(file: FileResult): string[] {
  const lines = file.text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return file.diagnostics.map((d) => {
    const lineText = (lines[d.range.start.line] ?? '').trim();
    const key = `${d.rule}\u0000${file.rootRel}\u0000${lineText}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

export function formatSarif(result: CheckResult, toolVersion: string): string {
  const base = sarifBase(result.root);
  const rules = catalogue();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = result.files.flatMap((file) => {
    const prints = fingerprints(file);
    return file.diagnostics.map((d, i) => {
      const { start, end } = d.range;
      let idx = ruleIndex.get(d.rule);
      if (idx === undefined) {
        // A rule the catalogue does not know (should not happen): add it rather than emit a dangling index.
        idx = rules.push({ id: d.rule, description: d.rule, defaultSeverity: d.severity }) - 1;
        ruleIndex.set(d.rule, idx);
      }
      return {
        ruleId: d.rule,
        ruleIndex: idx,
        level: level(d.severity as Severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: sarifUri(file.abs, base), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
              },
            },
          },
        ],
        partialFingerprints: { 'okrLineHash/v1': prints[i]! },
      };
    });
  });
  const rootUri = pathToFileURL(base).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'okr',
            informationUri: INFORMATION_URI,
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: level(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
