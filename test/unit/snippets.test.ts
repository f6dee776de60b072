// snippets/okr.code-snippets: valid JSON, and every snippet, expanded as VS Code would (variables,
// placeholder defaults, each choice) at the place it is meant for, gives a file the core accepts
// (no `yaml-syntax` or `schema` diagnostics) with the key result kind the snippet promises.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, DEFAULT_CONFIG, parseOkrDocument, type KrKind, type OkrDocument } from '../../server/src/core';

const SNIPPETS = path.resolve(__dirname, '../../snippets/okr.code-snippets');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const TODAY = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '20' };

/**
 * Expands a snippet body the way VS Code does for our syntax subset: variables, `${n:default}` (nested),
 * `${n|a,b|}` (the `choice`-th option, clamped), `$n`/`${n}` (empty). Unknown variables throw.
 */
function expandSnippet(body: string, vars: Record<string, string>, choice = 0): string {
  let text = body;
  for (let changed = true; changed; ) {
    const before = text;
    text = text
      .replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)\b/g, (_, a: string | undefined, b: string | undefined) => {
        const name = (a ?? b)!;
        if (!(name in vars)) throw new Error(`unknown snippet variable ${name}`);
        return vars[name]!;
      })
      .replace(/\$\{\d+\|([^|}]*)\|\}/g, (_, options: string) => {
        const list = options.split(',');
        return list[Math.min(choice, list.length - 1)]!;
      })
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
    changed = text !== before;
  }
  assert.ok(!/\$[{\dA-Z]/.test(text), `unexpanded snippet syntax left in:\n${text}`);
  return text;
}

/** Inserts the expanded lines at `indent`, as VS Code indents every line after the first. */
function insertAt(prefix: string, indent: string, expanded: string): string {
  return prefix + expanded.split('\n').map((l) => (l ? indent + l : l)).join('\n') + '\n';
}

const KR_PREFIX = 'period: 2026-Q4\nowner: "@lead"\nobjectives:\n  - id: o\n    title: Customers trust checkout\n    key_results:\n';

/** Where each snippet is meant to be used, and what it must produce there. */
const CONTEXTS: Record<string, { prefix: string; indent: string; objectives: number; keyResults: number; kind?: KrKind }> = {
  'New OKR file': { prefix: '', indent: '', objectives: 1, keyResults: 1, kind: 'metric' },
  Objective: { prefix: 'period: 2026-Q4\nowner: "@lead"\nobjectives:\n', indent: '  ', objectives: 1, keyResults: 1, kind: 'metric' },
  'Metric key result': { prefix: KR_PREFIX, indent: '      ', objectives: 1, keyResults: 1, kind: 'metric' },
  'Guardrail key result': { prefix: KR_PREFIX, indent: '      ', objectives: 1, keyResults: 1, kind: 'guardrail' },
  'Milestone key result': { prefix: KR_PREFIX, indent: '      ', objectives: 1, keyResults: 1, kind: 'milestone' },
  'Check-in': {
    prefix: `${KR_PREFIX}      - id: k\n        title: Raise NPS from 31 to 45\n        baseline: 31\n        target: 45\n        checkins:\n`,
    indent: '          ',
    objectives: 1,
    keyResults: 1,
    kind: 'metric',
  },
};

function loadSnippets(): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(SNIPPETS, 'utf8')) as Record<string, Snippet>;
}

function bodyOf(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

function choiceCount(body: string): number {
  return Math.max(1, ...[...body.matchAll(/\$\{\d+\|([^|}]*)\|\}/g)].map((m) => m[1]!.split(',').length));
}

function structuralProblems(doc: OkrDocument): string[] {
  return analyzeDocument(doc, { config: DEFAULT_CONFIG, today: '2026-11-20' })
    .filter((d) => d.rule === 'schema' || d.rule === 'yaml-syntax')
    .map((d) => `${d.rule} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

describe('snippets', () => {
  const snippets = loadSnippets();

  it('is a JSON object of snippets with prefix, description and body', () => {
    assert.ok(Object.keys(snippets).length >= 6);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(typeof s.prefix === 'string' || (Array.isArray(s.prefix) && s.prefix.length > 0), `${name}: prefix`);
      assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
      assert.ok(bodyOf(s).length > 0, `${name}: body`);
    }
  });

  it('has a snippet for a new file, an objective, each key result kind and a check-in', () => {
    assert.deepEqual(Object.keys(snippets).sort(), Object.keys(CONTEXTS).sort());
  });

  it('prefixes are unique', () => {
    const all = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.equal(new Set(all).size, all.length, all.join(', '));
  });

  for (const [name, snippet] of Object.entries(loadSnippets())) {
    it(`"${name}" expands to a valid .okr file with every choice`, () => {
      const context = CONTEXTS[name];
      assert.ok(context, `no test context for snippet "${name}": add one to CONTEXTS`);
      const body = bodyOf(snippet);
      for (let choice = 0; choice < choiceCount(body); choice++) {
        const text = insertAt(context.prefix, context.indent, expandSnippet(body, TODAY, choice));
        const doc = parseOkrDocument(text, 'file:///snippet.okr');
        assert.deepEqual(structuralProblems(doc), [], text);
        assert.equal(doc.objectives.length, context.objectives, text);
        const krs = doc.objectives.flatMap((o) => o.keyResults);
        assert.equal(krs.length, context.keyResults, text);
        if (context.kind) assert.equal(krs[0]!.kind, context.kind, text);
      }
    });
  }

  it('the new-file snippet uses this year and the check-in today', () => {
    const file = expandSnippet(bodyOf(snippets['New OKR file']!), TODAY, 3);
    assert.match(file, /^period: 2026-Q4$/m);
    const doc = parseOkrDocument(insertAt(CONTEXTS['Check-in']!.prefix, '          ', expandSnippet(bodyOf(snippets['Check-in']!), TODAY)), 'file:///c.okr');
    assert.equal(doc.objectives[0]!.keyResults[0]!.checkins[0]!.date, '2026-11-20');
  });

  it('the check can fail: a broken body gives schema diagnostics', () => {
    const broken = '- id: ${1:kr-id}\n  title: ${2:Keep errors low}\n  guardrail: ${3|sometimes,never|}\n  target: ten';
    const doc = parseOkrDocument(insertAt(KR_PREFIX, '      ', expandSnippet(broken, TODAY)), 'file:///b.okr');
    assert.ok(structuralProblems(doc).length >= 2, structuralProblems(doc).join('\n'));
    assert.throws(() => expandSnippet('date: ${CURRENT_DAY}', TODAY), /unknown snippet variable CURRENT_DAY/);
  });
});
