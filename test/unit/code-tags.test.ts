// Code tags: `okr: <file>#<objective>[/<kr>]` comments in source files of any language, the per-file
// tag index, how tags resolve (as aligns_to file refs do) and the unknown-okr-tag diagnostic.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CodeTagIndex, resolveTag, scanCodeTags } from '../../server/src/core/code-tags';
import { mergeConfig } from '../../server/src/core/config';
import { parseOkrDocument } from '../../server/src/core/parse';
import { checkCodeTags } from '../../server/src/core/rules/unknown-okr-tag';
import { WorkspaceIndex } from '../../server/src/core/workspace';

const ROOT = path.resolve('/ws');
const COMPANY = path.join(ROOT, 'okrs', 'company.okr');

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex(ROOT);
  index.set(
    COMPANY,
    parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: quality\n    title: Quality\n    key_results:\n      - id: nps\n        title: NPS from 30 to 45\n      - id: errors\n        title: Errors\n',
      'file:///ws/okrs/company.okr',
    ),
  );
  return index;
}

const refs = (text: string) => scanCodeTags(text).map((t) => t.ref);

describe('code tags: found in every comment syntax', () => {
  const cases: Array<[string, string]> = [
    ['// okr: company#quality/nps', 'C, Java, TypeScript, Go, Rust line comment'],
    ['# okr: company#quality/nps', 'Python, shell, YAML, Ruby'],
    ['-- okr: company#quality/nps', 'SQL, Lua, Haskell'],
    ['/* okr: company#quality/nps */', 'C block comment'],
    ['<!-- okr: company#quality/nps -->', 'HTML, Markdown, XML'],
    ['; okr: company#quality/nps', 'Lisp, INI, assembly'],
    ['x = retry(3)  # okr: company#quality/nps', 'after code on the line'],
    [' * okr: company#quality/nps', 'a continuation line of a block comment'],
  ];
  for (const [text, what] of cases) {
    it(what, () => assert.deepEqual(refs(text), ['company#quality/nps']));
  }

  it('a line inside a block comment opened earlier, with no marker of its own', () => {
    assert.deepEqual(refs('/*\n  okr: company#quality\n*/\nokr: company#quality/nps\n'), ['company#quality']);
    assert.deepEqual(refs('<!--\nokr: okrs/company#quality/nps\n-->'), ['okrs/company#quality/nps']);
  });

  it('several references after one marker, separated by commas', () => {
    assert.deepEqual(refs('// okr: company#quality/nps, company#quality/errors'), ['company#quality/nps', 'company#quality/errors']);
  });

  it('the range covers the reference, on its line, in UTF-16 units', () => {
    const [tag] = scanCodeTags('const a = 1;\n\nconst é = 2; // okr: company#quality/nps.\n');
    assert.deepEqual(tag!.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 40 } });
  });

  it('not in code, not in a longer word, not without a reference', () => {
    assert.deepEqual(refs('const okr: Okr = company#quality;'), []);
    assert.deepEqual(refs('// myokr: company#quality'), []);
    assert.deepEqual(refs('// okr: see the roadmap'), []);
    assert.deepEqual(refs('no tags here'), []);
  });
});

describe('code tags: resolution and the index', () => {
  it('resolves by bare name and by path from the root, like aligns_to', () => {
    const index = workspace();
    for (const ref of ['company#quality/nps', 'okrs/company#quality/nps']) {
      const r = resolveTag(index, ref);
      assert.ok(r.ok && r.keyResult?.id === 'nps', ref);
    }
    const o = resolveTag(index, 'company#quality');
    assert.ok(o.ok && !o.keyResult && o.objective.id === 'quality');
  });

  it('a tag without a file part names nothing (a source file is not an .okr file)', () => {
    const r = resolveTag(workspace(), '#quality/nps');
    assert.ok(!r.ok && /names no \.okr file/.test(r.reason));
  });

  it('groups tags by what they name and replaces a file\'s tags on change', () => {
    const index = workspace();
    const tags = new CodeTagIndex();
    tags.set('/ws/src/a.ts', scanCodeTags('// okr: company#quality/nps\n// okr: company#quality'));
    tags.set('/ws/src/b.py', scanCodeTags('# okr: okrs/company#quality/nps'));
    const doc = index.get(COMPANY)!;
    const [quality] = doc.objectives;
    const nps = quality!.keyResults[0]!;
    assert.deepEqual(tags.tagsOf(index, COMPANY, quality!, nps).map((t) => t.path), ['/ws/src/a.ts', '/ws/src/b.py']);
    assert.equal(tags.tagsOf(index, COMPANY, quality!).length, 1);
    const epoch = tags.epoch;
    assert.equal(tags.set('/ws/src/b.py', scanCodeTags('# okr: okrs/company#quality/nps')), false, 'same tags: no change');
    assert.equal(tags.epoch, epoch);
    tags.set('/ws/src/b.py', scanCodeTags('# nothing'));
    assert.deepEqual(tags.tagsOf(index, COMPANY, quality!, nps).map((t) => t.path), ['/ws/src/a.ts']);
    tags.delete('/ws/src/a.ts');
    assert.deepEqual(tags.tagsOf(index, COMPANY, quality!, nps), []);
  });
});

describe('code tags: unknown-okr-tag', () => {
  it('flags a tag that names no key result, with a did-you-mean', () => {
    const [d] = checkCodeTags(workspace(), scanCodeTags('// okr: company#quality/eror'), mergeConfig());
    assert.equal(d?.rule, 'unknown-okr-tag');
    assert.match(d!.message, /no key result 'eror'.*Did you mean 'company#quality\/errors'/);
    assert.deepEqual(d!.range.start, { line: 0, character: 8 });
  });

  it('is silent on a tag under okr-disable-next-line (all rules, or this one)', () => {
    for (const above of ['// okr-disable-next-line', '# okr-disable-next-line unknown-okr-tag', '-- okr-disable-next-line link-broken, unknown-okr-tag']) {
      assert.deepEqual(checkCodeTags(workspace(), scanCodeTags(`${above}\n// okr: nowhere#x`), mergeConfig()), [], above);
    }
    assert.equal(checkCodeTags(workspace(), scanCodeTags('// okr-disable-next-line link-broken\n// okr: nowhere#x'), mergeConfig()).length, 1);
  });

  it('is silent on a tag that resolves, and when turned off', () => {
    assert.deepEqual(checkCodeTags(workspace(), scanCodeTags('// okr: company#quality/nps'), mergeConfig()), []);
    assert.deepEqual(checkCodeTags(workspace(), scanCodeTags('// okr: nowhere#x'), mergeConfig({ rules: { 'unknown-okr-tag': 'off' } })), []);
  });
});
