// The TextMate grammar (syntaxes/okr.tmLanguage.json) against its fixtures (test/grammar/*.okr, with
// `# SYNTAX TEST "source.okr"` scope assertions: the vscode-tmgrammar-test format, also run by
// `npm run test:grammar`). Running them here puts them under `npm test`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR = path.join(ROOT, 'syntaxes/okr.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test/grammar');

// One registry for the file: the oniguruma WASM loads once per process.
const registry = createRegistry([{ path: GRAMMAR, scopeName: 'source.okr', language: 'okr' }]);

async function failuresOf(text: string): Promise<string[]> {
  const testCase = parseGrammarTestCase(text);
  const failures = await runGrammarTestCase(registry, testCase);
  return failures.map(
    (f) =>
      `line ${f.line + 1} [${f.start}, ${f.end}): ${f.missing.length ? `missing ${f.missing.join(' ')}` : ''}` +
      `${f.unexpected.length ? ` unexpected ${f.unexpected.join(' ')}` : ''}; actual ${f.actual.join(' ')}`,
  );
}

function fixtureAssertions(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.okr'))
    .flatMap((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8').split('\n'))
    .filter((l) => /^#\s*(\^|<-)/.test(l));
}

describe('TextMate grammar', () => {
  const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.okr'));

  it('has fixtures', () => assert.ok(fixtures.length >= 3, fixtures.join(', ')));

  for (const file of fixtures) {
    it(`passes ${file}`, async () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      assert.ok(parseGrammarTestCase(text).assertions.length > 5, 'a fixture needs assertions');
      assert.deepEqual(await failuresOf(text), []);
    });
  }

  it('fails a wrong assertion (the fixtures can fail)', async () => {
    const text = ['# SYNTAX TEST "source.okr"', 'target: 12', '#       ^^ keyword.other.unit.okr', 'unit: ms', '#     ^^ - keyword.other.unit.okr'].join('\n');
    const failures = await failuresOf(text);
    assert.equal(failures.length, 2, failures.join('\n'));
    assert.match(failures[0]!, /missing keyword\.other\.unit\.okr; actual .*constant\.numeric\.okr/);
    assert.match(failures[1]!, /unexpected keyword\.other\.unit\.okr/);
  });

  it('the fixtures assert every OKR scope the grammar promises', () => {
    const asserted = fixtureAssertions().join('\n');
    for (const scope of [
      'entity.name.tag.okr',
      'entity.name.function.objective.okr',
      'entity.name.function.key-result.okr',
      'entity.name.namespace.okr',
      'variable.other.reference.objective.okr',
      'variable.other.reference.key-result.okr',
      'constant.numeric.okr',
      'keyword.other.unit.okr',
      'constant.other.date.okr',
      'constant.other.period.okr',
      'variable.other.owner.okr',
      'markup.underline.link.url.okr',
      'markup.underline.link.path.okr',
      'markup.underline.link.issue.okr',
      'constant.language.boolean.okr',
      'comment.line.number-sign.okr',
      'keyword.control.directive.okr',
      'constant.other.rule-id.okr',
      'string.quoted.double.okr',
      'string.quoted.single.okr',
      'punctuation.definition.mapping.begin.okr',
      'punctuation.definition.sequence.begin.okr',
    ]) {
      assert.ok(asserted.includes(scope), `no fixture asserts ${scope}`);
    }
  });

  it('scopes every id in the examples as an objective or key-result id', async () => {
    const grammar = await registry.loadGrammar('source.okr');
    assert.ok(grammar);
    const dir = path.join(ROOT, 'examples/okrs');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.okr'));
    assert.ok(files.length > 0);
    let ids = 0;
    for (const file of files) {
      let state = null;
      for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/)) {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        const m = /^(\s*)(?:- )?id: (\S+)/.exec(line);
        if (!m) continue;
        ids++;
        const token = r.tokens.find((t) => t.startIndex === line.lastIndexOf(m[2]!));
        const expected = m[1]!.length <= 2 ? 'entity.name.function.objective.okr' : 'entity.name.function.key-result.okr';
        assert.ok(token?.scopes.includes(expected), `${file}: ${line.trim()} -> ${token?.scopes.join(' ')}`);
      }
    }
    assert.ok(ids > 10, `only ${ids} ids`);
  });
});
