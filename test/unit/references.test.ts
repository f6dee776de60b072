// The organisation's graph in the core: references across files, alignment cycles, the ranked "did
// you mean" of an unresolved reference and its fix, renaming ids and moving files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import { fileMoveEdits, renameEdits, type FileEdits } from '../../server/src/core/edits/rename';
import { replaceReferenceEdit } from '../../server/src/core/edits/replace-reference';
import { applyEdits } from '../../server/src/core/edits/text-edit';
import { parseOkrDocument } from '../../server/src/core/parse';
import { findReferences, referenceOccurrences, targetAt, type RefTarget } from '../../server/src/core/references';
import { suggestReferences } from '../../server/src/core/ref-suggest';
import { similarity } from '../../server/src/core/similarity';
import { cycleThrough } from '../../server/src/core/rules/alignment-cycle';
import { crossFileSignature } from '../../server/src/core/cross-file';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { codeActions } from '../../server/src/lsp/features/code-actions';

const ROOT = path.resolve('/ws');
const abs = (rel: string) => path.join(ROOT, ...rel.split('/'));

/** An index of files given as `relative path -> text`. */
function workspace(files: Record<string, string>): WorkspaceIndex {
  const ws = new WorkspaceIndex(ROOT);
  for (const [rel, text] of Object.entries(files)) ws.set(abs(rel), parseOkrDocument(text, `file:///ws/${rel}`));
  return ws;
}

/** The texts after applying per-file edits, by relative path (only the files that changed). */
function applied(ws: WorkspaceIndex, files: FileEdits[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    const doc = ws.get(f.path)!;
    out[path.relative(ROOT, f.path).split(path.sep).join('/')] = applyEdits(doc.text, f.edits, doc.lines);
  }
  return out;
}

function objective(ws: WorkspaceIndex, rel: string, id: string, kr?: string): RefTarget {
  const doc = ws.get(abs(rel))!;
  const o = doc.objectives.find((x) => x.id === id)!;
  return { path: abs(rel), objective: o, keyResult: kr ? o.keyResults.find((k) => k.id === kr) : undefined };
}

const okr = (period: string, objectives: string[], head = '') => `period: ${period}\n${head}objectives:\n${objectives.join('')}`;
const obj = (id: string, alignsTo?: string, extra = '') => `  - id: ${id}\n    title: Objective ${id}\n${alignsTo ? `    aligns_to: ${alignsTo}\n` : ''}${extra}`;

describe('references: the graph across files', () => {
  describe('alignment cycles', () => {
    const cycleDiagnostics = (ws: WorkspaceIndex, rel: string) =>
      analyzeDocument(ws.get(abs(rel))!, { config: mergeConfig(), today: '2026-11-01', path: abs(rel), workspace: ws })
        .filter((d) => d.rule === 'alignment-cycle')
        .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message.split('. ')[0]}`);

    it('length 1: an objective aligned to itself', () => {
      const ws = workspace({ 'a.okr': okr('2026-Q4', [obj('x', '"#x"')]) });
      assert.deepEqual(cycleThrough(ws, abs('a.okr'), ws.get(abs('a.okr'))!.objectives[0]!)?.steps, ['a#x', 'a#x']);
      assert.deepEqual(cycleDiagnostics(ws, 'a.okr'), ['4:15 Alignment cycle to itself: a#x → a#x']);
    });

    it('length 2 across two files: reported in both, each naming the path from itself', () => {
      const ws = workspace({ 'a.okr': okr('2026-Q4', [obj('x', 'b#y')]), 'teams/b.okr': okr('2026-Q4', [obj('y', 'a#x')]) });
      assert.deepEqual(cycleDiagnostics(ws, 'a.okr'), ['4:15 Alignment cycle across 2 files: a#x → b#y → a#x']);
      assert.deepEqual(cycleDiagnostics(ws, 'teams/b.okr'), ['4:15 Alignment cycle across 2 files: b#y → a#x → b#y']);
    });

    it('length 3 across three files, with a file-level aligns_to in the chain and a key-result reference', () => {
      const ws = workspace({
        'a.okr': okr('2026-Q4', [obj('x', 'b#y/kr')]),
        'b.okr': okr('2026-Q4', [obj('y', undefined, '    key_results:\n      - id: kr\n        title: t\n')], 'aligns_to: c#z\n'),
        'c.okr': okr('2026-Q4', [obj('z', 'a#x'), obj('outside', 'a#x')]),
      });
      assert.deepEqual(cycleDiagnostics(ws, 'a.okr'), ['4:15 Alignment cycle across 3 files: a#x → b#y → c#z → a#x']);
      assert.deepEqual(cycleDiagnostics(ws, 'b.okr'), ['1:11 Alignment cycle across 3 files: b#y → c#z → a#x → b#y']);
      // c#outside leads into the cycle but is not part of it.
      assert.deepEqual(cycleDiagnostics(ws, 'c.okr'), ['4:15 Alignment cycle across 3 files: c#z → a#x → b#y → c#z']);
    });

    it('a chain without a cycle, or broken by an unresolved reference, is no cycle', () => {
      const ws = workspace({ 'a.okr': okr('2026-Q4', [obj('x', 'b#y')]), 'b.okr': okr('2026-Q4', [obj('y', 'c#missing')]) });
      assert.deepEqual(cycleDiagnostics(ws, 'a.okr'), []);
      assert.deepEqual(cycleDiagnostics(ws, 'b.okr'), []);
    });

    it('a long chain is walked once per objective (O(depth)), not per workspace file', () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 300; i++) files[`t${i}.okr`] = okr('2026-Q4', [obj('o', i < 299 ? `t${i + 1}#o` : 't0#o')]);
      const ws = workspace(files);
      let resolves = 0;
      const resolve = ws.resolve.bind(ws);
      ws.resolve = (ref, from) => (resolves++, resolve(ref, from));
      assert.equal(cycleThrough(ws, abs('t0.okr'), ws.get(abs('t0.okr'))!.objectives[0]!)?.steps.length, 301);
      assert.equal(resolves, 300);
    });
  });

  describe('did you mean: ranked by likeness', () => {
    // The issue's case: the intended objective is the 7th of the file; file order put it out of sight.
    const company = okr('2026-Q4', ['quality', 'growth', 'hiring', 'security', 'cost', 'customer-love', 'infrastructure', 'retention'].map((id) => obj(id)));
    const ws = workspace({
      'okrs/company.okr': company,
      'okrs/teams/web.okr': okr('2026-Q4', [obj('checkout'), obj('checkout-speed')]),
      'okrs/teams/platform.okr': okr('2026-Q4', [obj('reliability')]),
      'okrs/archive/plan.okr': okr('2026-Q4', [obj('old')]),
      'okrs/teams/plan.okr': okr('2026-Q4', [obj('roadmap')]),
    });
    const from = abs('okrs/teams/platform.okr');
    const first = (written: string) => suggestReferences(ws, written, from)[0]?.ref;

    it('typos in the objective id: the intended one comes first', () => {
      assert.equal(first('company#infrastructre'), 'company#infrastructure');
      assert.equal(first('company#infra'), 'company#infrastructure');
      assert.equal(first('company#custmer-love'), 'company#customer-love');
      assert.equal(first('company#love-customer'), 'company#customer-love');
      assert.equal(first('company#qualty'), 'company#quality');
      assert.equal(first('okrs/company#secuirty'), 'okrs/company#security', 'a path stays a path');
    });

    it('typos in the file part, across the whole workspace', () => {
      assert.equal(first('compnay#infrastructure'), 'company#infrastructure');
      assert.equal(first('okrs/compny#growth'), 'okrs/company#growth');
      assert.equal(first('teams/wbe#checkout'), 'okrs/teams/web#checkout');
      assert.equal(first('platfrom#reliability'), '#reliability', 'an objective of the file itself');
      assert.equal(first('web#checkout-sped'), 'web#checkout-speed');
    });

    it('the right id in the wrong file, a key result, an ambiguous name', () => {
      assert.equal(first('company#checkout'), 'web#checkout');
      assert.equal(first('plan#roadmap'), 'okrs/teams/plan#roadmap');
      const withKr = workspace({ 'company.okr': okr('2026-Q4', [obj('quality', undefined, '    key_results:\n      - id: crash-free\n        title: t\n')]) });
      assert.equal(suggestReferences(withKr, 'company#quality/crashfree', undefined)[0]?.ref, 'company#quality/crash-free');
    });

    it('the same misspelt reference in several files is ranked for each: the file it is written in is "#id" only there', () => {
      const web = abs('okrs/teams/web.okr');
      const platform = abs('okrs/teams/platform.okr');
      assert.equal(suggestReferences(ws, 'platfrom#reliability', web)[0]?.ref, 'platform#reliability');
      assert.equal(suggestReferences(ws, 'platfrom#reliability', platform)[0]?.ref, '#reliability');
      assert.equal(suggestReferences(ws, 'platfrom#reliability', web)[0]?.ref, 'platform#reliability');
      assert.equal(suggestReferences(ws, '#reliabilty', platform)[0]?.ref, '#reliability');
      assert.deepEqual(suggestReferences(ws, '#reliabilty', web), [], 'web has no objective like it');
    });

    it('after files change in place, suggests what a fresh index of the same files suggests (its id -> files map is brought up to date, not rebuilt)', () => {
      const files: Record<string, string> = {
        'okrs/company.okr': company,
        'okrs/teams/web.okr': okr('2026-Q4', [obj('checkout'), obj('checkout-speed')]),
        'okrs/teams/platform.okr': okr('2026-Q4', [obj('reliability')]),
        'okrs/teams/plan.okr': okr('2026-Q4', [obj('roadmap')]),
      };
      const live = workspace(files);
      const asked = ['team#checkout', 'web#roadmap', 'x#reliability', 'company#checkout', 'company#platform-health'];
      const ask = (ws: WorkspaceIndex) => asked.map((r) => suggestReferences(ws, r, abs('okrs/company.okr')));
      ask(live); // builds the map
      const edits: Array<[string, string]> = [
        ['okrs/teams/web.okr', okr('2026-Q4', [obj('roadmap'), obj('checkout')])], // an id moves into web, order changes
        ['okrs/teams/plan.okr', okr('2026-Q4', [obj('platform-health')])], // roadmap leaves plan
        ['okrs/teams/platform.okr', okr('2026-Q4', [obj('reliability'), obj('checkout')])],
      ];
      for (const [rel, text] of edits) {
        files[rel] = text;
        live.set(abs(rel), parseOkrDocument(text, `file://${abs(rel)}`));
        assert.deepEqual(ask(live), ask(workspace(files)), `after changing ${rel}`);
      }
      // The id that moved is found in both files that hold it, in the index's order.
      assert.deepEqual(
        suggestReferences(live, 'nowhere#checkout', undefined, 5).map((x) => x.ref).sort(),
        suggestReferences(workspace(files), 'nowhere#checkout', undefined, 5).map((x) => x.ref).sort(),
      );
    });

    it('nothing alike: no suggestion rather than a guess', () => {
      assert.deepEqual(suggestReferences(ws, 'company#zzzz', from), []);
      assert.deepEqual(suggestReferences(ws, 'nowhere#zzzz', from), []);
    });

    it('similarity: equal is 1 and above any typo; typos and reordered words score high, unrelated low', () => {
      assert.equal(similarity('quality', 'QUALITY'), 1);
      assert.ok(similarity('qualty', 'quality') > 0.8);
      assert.ok(similarity('reliable-checkout', 'checkout-reliable') > 0.9);
      assert.ok(similarity('quality', 'growth') < 0.3);
      assert.ok(similarity('x', 'x-y') < 1);
    });
  });

  describe('the fix of an unresolved reference', () => {
    const doc = parseOkrDocument('aligns_to: company#qualty   # the parent\nobjectives:\n  - id: a\n    aligns_to: "compny#growth"\n  - id: b\n    aligns_to: okrs/x#b\n', 'file:///ws/a.okr');
    const fix = (line: number, from: string, to: string) => {
      const f = line === 0 ? doc.root!.fields.get('aligns_to')! : doc.objectives[line === 3 ? 0 : 1]!.node.fields.get('aligns_to')!;
      const r = replaceReferenceEdit(doc, f.valueRange, from, to);
      assert.ok(r.ok, JSON.stringify(r));
      return { edits: r.edits, text: applyEdits(doc.text, r.edits, doc.lines).split('\n')[line] };
    };

    it('changes only the characters that differ, keeping quotes and the comment', () => {
      const plain = fix(0, 'company#qualty', 'company#quality');
      assert.equal(plain.text, 'aligns_to: company#quality   # the parent');
      assert.deepEqual(plain.edits, [{ range: { start: { line: 0, character: 23 }, end: { line: 0, character: 23 } }, newText: 'i' }]);
      assert.equal(fix(3, 'compny#growth', 'company#growth').text, '    aligns_to: "company#growth"');
    });

    it('one code action per suggestion, the first preferred; data mangled by a client gives none, not a crash', () => {
      const f = doc.root!.fields.get('aligns_to')!;
      const diagnostic = (data: unknown) => ({ range: f.valueRange, message: 'm', source: 'okr', code: 'alignment-unresolved', data });
      const actions = (data: unknown) =>
        codeActions({ doc, range: f.valueRange, diagnostics: [diagnostic(data)], today: '2026-11-20', config: mergeConfig() }).filter((a) => a.title.startsWith('Change to'));
      const good = actions({ kind: 'replace-reference', from: 'company#qualty', candidates: ['company#quality', 'company#quantity'] });
      assert.deepEqual(good.map((a) => [a.title, a.isPreferred ?? false]), [["Change to 'company#quality'", true], ["Change to 'company#quantity'", false]]);
      assert.deepEqual(actions({ kind: 'replace-reference', from: 'company#qualty', candidates: 'company#quality' }), []);
      assert.deepEqual(actions({ kind: 'replace-reference', candidates: ['company#quality'] }), []);
      assert.deepEqual(actions({ kind: 'replace-reference', from: 'company#qualty', candidates: [3, null] }), []);
    });

    it('a same-file reference gets quotes, since a plain # starts a comment; a stale fix is refused', () => {
      assert.equal(fix(5, 'okrs/x#b', '#b').text, '    aligns_to: "#b"');
      const f = doc.objectives[1]!.node.fields.get('aligns_to')!;
      assert.equal(replaceReferenceEdit(doc, f.valueRange, 'something#else', 'x#y').ok, false);
    });
  });

  describe('find references', () => {
    const ws = workspace({
      'company.okr': okr('2026-Q4', [obj('quality', undefined, '    key_results:\n      - id: nps\n        title: Lift NPS\n      - id: crash-free\n        title: t\n')]),
      'teams/web.okr': okr(
        '2026-Q4',
        [obj('checkout', undefined, '    description: Builds on company#quality/nps and company#quality/crash-free.\n'), obj('speed', 'company#quality/nps')],
        'aligns_to: company#quality # parent\n',
      ),
      'teams/other.okr': okr('2026-Q4', [obj('quality', '"#quality"', '    # company#quality/nps in a comment is no reference\n')]),
    });
    const refs = (t: RefTarget) => findReferences(ws, t).map((r) => `${path.relative(ROOT, r.path).split(path.sep).join('/')} ${r.range.start.line}:${r.range.start.character} ${r.occurrence.text}`);

    it('of an objective: aligns_to values and references in text, including those to its key results', () => {
      assert.deepEqual(refs(objective(ws, 'company.okr', 'quality')), [
        'teams/web.okr 1:11 company#quality',
        'teams/web.okr 5:27 company#quality/nps',
        'teams/web.okr 5:51 company#quality/crash-free',
        'teams/web.okr 8:15 company#quality/nps',
      ]);
    });

    it('of a key result: only the references to it; not a same-named objective elsewhere, not comments', () => {
      assert.deepEqual(refs(objective(ws, 'company.okr', 'quality', 'nps')), ['teams/web.okr 5:27 company#quality/nps', 'teams/web.okr 8:15 company#quality/nps']);
      assert.deepEqual(refs(objective(ws, 'teams/other.okr', 'quality')), ['teams/other.okr 4:16 #quality']);
    });

    it('the thing at a position: an id declared, the id or key-result part of a reference, not its file part', () => {
      const web = ws.get(abs('teams/web.okr'))!;
      const at = (needle: string, delta: number) => targetAt(ws, web, abs('teams/web.okr'), web.text.indexOf(needle) + delta);
      const onKr = at('company#quality/nps', 'company#quality/'.length + 1);
      assert.ok(onKr?.ok && onKr.kind === 'keyResult' && onKr.id === 'nps' && onKr.target.path === abs('company.okr'));
      const onObjective = at('company#quality/nps', 'company#'.length + 2);
      assert.ok(onObjective?.ok && onObjective.kind === 'objective' && onObjective.id === 'quality');
      const onFile = at('company#quality/nps', 2);
      assert.ok(onFile && !onFile.ok && /names a file/.test(onFile.message));
      const declared = at('id: speed', 5);
      assert.ok(declared?.ok && declared.declaration && declared.id === 'speed');
      assert.equal(at('title: Objective speed', 8), undefined);
      assert.equal(referenceOccurrences(ws.get(abs('teams/other.okr'))!).length, 1, 'the comment holds no occurrence');
    });
  });

  describe('rename', () => {
    const files = {
      'okrs/company.okr': 'period: 2026-Q4\nobjectives:\n  - id: "quality" # keep this comment\n    title: Quality\n    key_results:\n      - id: nps\n        title: Lift NPS\n      - id: csat\n        title: t\n',
      'okrs/teams/web.okr':
        "period: 2026-Q4\naligns_to: 'company#quality'   # parent\nobjectives:\n  - id: checkout\n    title: t\n    key_results:\n      - id: k\n        title: t\n        checkins:\n          - {date: 2026-10-01, value: 1, note: \"see company#quality/nps\"}\n  - id: quality\n    title: same id, other file\n    aligns_to: \"#quality\"\n",
      'okrs/teams/app.okr': 'period: 2026-Q4\nobjectives:\n  - id: app\n    title: t\n    aligns_to: okrs/company#quality/nps # a key result\n',
    };

    it('an objective: its id and every reference in every file; quotes, comments and same-named objectives untouched', () => {
      const ws = workspace(files);
      const r = renameEdits(ws, objective(ws, 'okrs/company.okr', 'quality'), 'excellence');
      assert.ok(r.ok);
      assert.deepEqual(applied(ws, r.files), {
        'okrs/company.okr': files['okrs/company.okr'].replace('"quality" # keep', '"excellence" # keep'),
        'okrs/teams/web.okr': files['okrs/teams/web.okr'].replace("'company#quality'", "'company#excellence'").replace('see company#quality/nps', 'see company#excellence/nps'),
        'okrs/teams/app.okr': files['okrs/teams/app.okr'].replace('okrs/company#quality/nps', 'okrs/company#excellence/nps'),
      });
      // Minimal: each edit covers just the id.
      for (const f of r.files) for (const e of f.edits) assert.equal(e.range.end.character - e.range.start.character, 'quality'.length);
    });

    it('a key result: its id and the references to it, not to its siblings', () => {
      const ws = workspace(files);
      const r = renameEdits(ws, objective(ws, 'okrs/company.okr', 'quality', 'nps'), 'net-promoter');
      assert.ok(r.ok);
      const out = applied(ws, r.files);
      assert.deepEqual(Object.keys(out).sort(), ['okrs/company.okr', 'okrs/teams/app.okr', 'okrs/teams/web.okr']);
      assert.match(out['okrs/company.okr']!, /- id: net-promoter\n/);
      assert.match(out['okrs/company.okr']!, /- id: csat\n/);
      assert.match(out['okrs/teams/web.okr']!, /see company#quality\/net-promoter"/);
      assert.match(out['okrs/teams/app.okr']!, /aligns_to: okrs\/company#quality\/net-promoter # a key result/);
    });

    it('refuses an invalid id and one that exists in the scope; the same id is no edit', () => {
      const ws = workspace(files);
      const quality = objective(ws, 'okrs/company.okr', 'quality');
      const refused = (t: RefTarget, id: string) => {
        const r = renameEdits(ws, t, id);
        assert.ok(!r.ok, id);
        return r.message;
      };
      assert.match(refused(quality, 'Excellence'), /not a valid objective id: use lowercase letters, digits and '-'/);
      assert.match(refused(quality, 'a b'), /not a valid objective id/);
      assert.match(refused(quality, '-x'), /not a valid objective id/);
      assert.match(refused(objective(ws, 'okrs/teams/web.okr', 'checkout'), 'quality'), /okrs\/teams\/web already has an objective 'quality'/);
      assert.match(refused(objective(ws, 'okrs/company.okr', 'quality', 'nps'), 'csat'), /objective 'quality' already has a key result 'csat'/);
      // Another file's objective of that name is no conflict: references name the file.
      assert.ok(renameEdits(ws, objective(ws, 'okrs/teams/app.okr', 'app'), 'checkout').ok);
      assert.deepEqual(renameEdits(ws, quality, 'quality'), { ok: true, files: [] });
    });
  });

  describe('moving files', () => {
    const files = {
      'okrs/company.okr': okr('2026-Q4', [obj('quality')]),
      'okrs/teams/web.okr': okr('2026-Q4', [obj('a', 'company#quality # short'), obj('b', '"okrs/company#quality"'), obj('c', '"#a"')]),
      'okrs/teams/app.okr': okr('2026-Q4', [obj('x', 'web#a')]),
    };

    it('a bare name stays bare while unique, a path stays a path, #id is left alone', () => {
      const ws = workspace(files);
      const out = applied(ws, fileMoveEdits(ws, [{ from: abs('okrs/company.okr'), to: abs('okrs/org/corporate.okr') }]));
      assert.deepEqual(out, {
        'okrs/teams/web.okr': files['okrs/teams/web.okr'].replace('company#quality # short', 'corporate#quality # short').replace('"okrs/company#quality"', '"okrs/org/corporate#quality"'),
      });
    });

    it('a move that makes a bare name ambiguous writes the path; a folder move updates the files inside it', () => {
      const ws = workspace(files);
      // okrs/teams/web.okr -> okrs/company.okr's name: 'company' is no longer unique.
      const out = applied(ws, fileMoveEdits(ws, [{ from: abs('okrs/teams/app.okr'), to: abs('okrs/archive/company.okr') }]));
      assert.match(out['okrs/teams/web.okr']!, /aligns_to: okrs\/company#quality # short/);
      const folder = applied(ws, fileMoveEdits(ws, [{ from: abs('okrs/teams'), to: abs('okrs/squads') }]));
      assert.deepEqual(folder, {}, 'bare names stay valid; #a stays in its file');
      const paths = workspace({ ...files, 'okrs/teams/app.okr': okr('2026-Q4', [obj('x', 'okrs/teams/web#a')]) });
      assert.deepEqual(applied(paths, fileMoveEdits(paths, [{ from: abs('okrs/teams'), to: abs('okrs/squads') }])), {
        'okrs/teams/app.okr': okr('2026-Q4', [obj('x', 'okrs/squads/web#a')]),
      });
    });

    it('nothing to do for files outside the index, or when the file stops being an .okr file', () => {
      const ws = workspace(files);
      assert.deepEqual(fileMoveEdits(ws, [{ from: abs('src/a.ts'), to: abs('src/b.ts') }]), []);
      assert.deepEqual(fileMoveEdits(ws, [{ from: abs('okrs/company.okr'), to: abs('okrs/company.txt') }]), []);
    });
  });

  it('what other files read from a file changes with its ids, parents and period, not with a title or a check-in', () => {
    const base = okr('2026-Q4', [obj('a', 'company#quality', '    key_results:\n      - id: k\n        title: t\n')]);
    const sig = (text: string) => crossFileSignature(parseOkrDocument(text, 'file:///ws/a.okr'));
    const same = (text: string) => assert.equal(sig(text), sig(base), text);
    const differs = (text: string) => assert.notEqual(sig(text), sig(base), text);
    same(base.replace('title: Objective a', 'title: Another title'));
    same(base.replace('        title: t\n', '        title: t\n        checkins: [{date: 2026-11-01, value: 3}]\n'));
    differs(base.replace('company#quality', 'company#growth'));
    differs(base.replace('2026-Q4', '2026-Q3'));
    differs(base.replace('- id: k', '- id: k2'));
    differs(base.replace('- id: a', '- id: b'));
  });
});
