// `okr check --format json|sarif|github`: exact shapes, SARIF validated against the official schema.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github';
import { FIXTURES, REPO, ensureBuilt, okr, positionOf, tempDir, write } from './helpers';

// The official SARIF 2.1.0 schema (draft-04) as shipped in the @microsoft/jest-sarif package.
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const WS = path.join(FIXTURES, 'workspace');
const TODAY = '2026-11-20';

let compiled: ReturnType<Ajv['compile']> | undefined;

function validateSarif(log: unknown): string[] {
  if (!compiled) {
    // unicodeRegExp: false because the schema's language-tag pattern is not a valid /u regexp.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    compiled = ajv.compile(SARIF_SCHEMA);
  }
  const validate = compiled;
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('okr check output formats', () => {
  before(ensureBuilt);

  it('json: exactly files[{path, diagnostics[{rule, severity, message, range}]}] and summary counts', () => {
    const r = okr(['check', '--format', 'json', '--today', TODAY], { cwd: WS });
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files', 'summary']);
    assert.deepEqual(json.summary, { files: 3, errors: 1, warnings: 1, infos: 1, hints: 0 });
    for (const f of json.files) {
      assert.deepEqual(Object.keys(f), ['path', 'diagnostics']);
      for (const d of f.diagnostics) {
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
        assert.deepEqual(Object.keys(d.range.start), ['line', 'character']);
        assert.deepEqual(Object.keys(d.range.end), ['line', 'character']);
      }
    }
    const sales = json.files.find((f: { path: string }) => f.path === 'okrs/teams/sales.okr');
    const baseline = sales.diagnostics.find((d: { rule: string }) => d.rule === 'kr-missing-baseline');
    // The text format says 10:9 (1-based); json says line 9, character 8.
    assert.deepEqual(baseline.range.start, { line: 9, character: 8 });
    assert.deepEqual(positionOf(path.join(WS, 'okrs/teams/sales.okr'), 'target: 400'), { line: 9, character: 8 });
  });

  it('sarif: validates against the SARIF 2.1.0 schema and carries what GitHub code scanning needs', () => {
    const r = okr(['check', '--format', 'sarif', '--today', TODAY], { cwd: WS });
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(validateSarif(log), []);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'okr');
    assert.equal(driver.version, (require('../../package.json') as { version: string }).version);
    assert.ok(driver.informationUri);
    const results = log.runs[0].results;
    assert.equal(results.length, 3);
    for (const res of results) {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.partialFingerprints);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!path.isAbsolute(loc.artifactLocation.uri));
    }
    const rule = driver.rules.find((x: { id: string }) => x.id === 'kr-missing-baseline');
    assert.match(rule.helpUri, /kr-missing-baseline\.md$/);
    assert.equal(rule.defaultConfiguration.level, 'note', 'default severity info -> note');
    const align = results.find((x: { ruleId: string }) => x.ruleId === 'alignment-unresolved');
    assert.equal(align.level, 'warning');
    // The fixture lives in this repository: paths are relative to its top folder, as GitHub reads them.
    const fromRepo = path.relative(REPO, path.join(WS, 'okrs/teams/sales.okr')).split(path.sep).join('/');
    assert.equal(align.locations[0].physicalLocation.artifactLocation.uri, fromRepo);
    const at = positionOf(path.join(WS, 'okrs/teams/sales.okr'), 'company#grwoth');
    assert.deepEqual(align.locations[0].physicalLocation.region, {
      startLine: at.line + 1,
      startColumn: at.character + 1,
      endLine: at.line + 1,
      endColumn: at.character + 1 + 'company#grwoth'.length,
    });
    const info = results.find((x: { ruleId: string }) => x.ruleId === 'kr-output-not-outcome');
    assert.equal(info.level, 'note');
    // the same paths when run from elsewhere
    const elsewhere = JSON.parse(okr(['check', WS, '--format', 'sarif', '--today', TODAY], { cwd: FIXTURES }).stdout);
    assert.ok(elsewhere.runs[0].results.some((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri === fromRepo));
  });

  it('sarif: paths from the repository top when the workspace is a sub-folder, else from the root', () => {
    const t = tempDir();
    try {
      const file = write(path.join(t.dir, 'repo', 'okrs', 'team.okr'), 'period: 2026-Q4\nobjectives:\n  - id: a\n    title: A\n');
      write(path.join(t.dir, 'repo', 'okrs', 'okr.config.yaml'), 'rules: {}\n');
      const uriOf = (cwd: string) => {
        const log = JSON.parse(okr(['check', '--format', 'sarif', '--today', TODAY], { cwd }).stdout);
        return log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
      };
      assert.equal(uriOf(path.dirname(file)), 'team.okr', 'no repository: from the workspace root');
      fs.mkdirSync(path.join(t.dir, 'repo', '.git'));
      assert.equal(uriOf(path.dirname(file)), 'okrs/team.okr', 'in a repository: from its top folder');
    } finally {
      t.cleanup();
    }
  });

  it('sarif: an invalid log is rejected by the validator (the check can fail)', () => {
    const log = JSON.parse(okr(['check', '--format', 'sarif', '--today', TODAY], { cwd: WS }).stdout);
    log.runs[0].results[0].level = 'info';
    assert.notDeepEqual(validateSarif(log), []);
  });

  it('sarif: a clean run is valid too (no results)', () => {
    const log = JSON.parse(okr(['check', '--format', 'sarif', '--today', TODAY], { cwd: path.join(FIXTURES, 'clean') }).stdout);
    assert.deepEqual(validateSarif(log), []);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('github: one workflow command per problem, 1-based, title okr(rule), notice for info', () => {
    const r = okr(['check', '--format', 'github', '--today', TODAY], { cwd: WS });
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    const at = positionOf(path.join(WS, 'okrs/teams/sales.okr'), 'company#grwoth');
    assert.ok(
      lines.includes(
        `::warning file=okrs/teams/sales.okr,line=${at.line + 1},col=${at.character + 1},endLine=${at.line + 1},endColumn=${at.character + 'company#grwoth'.length},title=okr(alignment-unresolved)::Cannot resolve 'company#grwoth': no objective 'grwoth' in okrs/company. Did you mean 'company#growth'?`,
      ),
      r.stdout,
    );
    assert.ok(lines.some((l) => l.startsWith('::error file=okrs/teams/sales.okr,line=10,col=9,')));
    assert.ok(lines.some((l) => l.startsWith('::notice file=okrs/teams/drafts/shared.okr,')));
  });

  it('github: escapes % in messages and : , in properties', () => {
    const t = tempDir();
    try {
      // A file name with a comma and a colon; a key result whose message quotes "10%".
      write(
        path.join(t.dir, 'a,b:c.okr'),
        'period: 2026-Q4\nowner: "@x"\nobjectives:\n  - id: o\n    title: Reach 100% adoption of the new tool\n    key_results:\n      - id: k\n        title: Launch the new tool\n',
      );
      const r = okr(['check', '--format', 'github', '--today', TODAY], { cwd: t.dir });
      const lines = r.stdout.trim().split('\n');
      assert.ok(lines.length > 0 && lines.every((l) => l.startsWith('::') && l.includes('file=a%2Cb%3Ac.okr,line=')), r.stdout);
      const withPercent = lines.filter((l) => /%25/.test(l));
      assert.ok(withPercent.length > 0, 'some message mentions a percentage');
      for (const l of lines) {
        const message = l.slice(l.indexOf('::', 2) + 2);
        assert.doesNotMatch(message.replace(/%(25|0D|0A)/g, ''), /%/, l);
      }
    } finally {
      t.cleanup();
    }
  });

  it('github escaping follows the runner: %, CR, LF in data; also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  });

  it('an unreadable file is one unreadable-file error and every other finding stays, in every format', () => {
    const t = tempDir();
    try {
      write(path.join(t.dir, 'okr.config.yaml'), 'rules: {}\n');
      write(path.join(t.dir, 'a-blob.okr'), Buffer.from('period: 2026-Q4\n\u0000\u0001\u0002'));
      write(path.join(t.dir, 'b-team.okr'), 'period: 2026-Q4\nobjectives:\n  - id: x\n    titl: Grow\n');
      write(path.join(t.dir, 'c-latin1.okr'), Buffer.from([0x74, 0x65, 0x61, 0x6d, 0x3a, 0x20, 0xe9, 0x0a]));
      const run = (format: string) => {
        const r = okr(['check', '--format', format, '--today', TODAY], { cwd: t.dir });
        assert.equal(r.code, 1, `${format}: ${r.stderr}`);
        assert.equal(r.stderr, '', format);
        return r.stdout;
      };
      const text = run('text');
      assert.match(text, /a-blob\.okr\n {2}1:1 {2}error {4}Not analysed: a-blob\.okr: binary file, not a text \.okr file\. {2}unreadable-file/);
      assert.match(text, /c-latin1\.okr\n {2}1:1 {2}error {4}Not analysed: c-latin1\.okr: not valid UTF-8 text \(binary file\?\)\. {2}unreadable-file/);
      assert.match(text, /b-team\.okr\n(.*\n)*.*Unknown key 'titl'/);

      const json = JSON.parse(run('json'));
      assert.deepEqual(
        json.files.map((f: { path: string; diagnostics: Array<{ rule: string }> }) => [f.path, [...new Set(f.diagnostics.map((d) => d.rule))]]),
        [
          ['a-blob.okr', ['unreadable-file']],
          ['b-team.okr', ['schema', 'missing-owner', 'too-few-key-results']],
          ['c-latin1.okr', ['unreadable-file']],
        ],
      );
      assert.equal(json.summary.files, 3);

      const log = JSON.parse(run('sarif'));
      assert.deepEqual(validateSarif(log), []);
      const results = log.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
      const uris = (rule: string) => results.filter((x) => x.ruleId === rule).map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
      assert.deepEqual(uris('unreadable-file'), ['a-blob.okr', 'c-latin1.okr']);
      assert.ok(uris('schema').includes('b-team.okr'));
      assert.ok(log.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'unreadable-file'), 'the rule is in the catalogue');

      const github = run('github').trim().split('\n');
      assert.ok(github.some((l) => l.startsWith('::error file=a-blob.okr,line=1,col=1,') && l.includes('title=okr(unreadable-file)::Not analysed')), github.join('\n'));
      assert.ok(github.some((l) => l.startsWith('::error file=b-team.okr,')));
      assert.ok(github.some((l) => l.startsWith('::error file=c-latin1.okr,')));
    } finally {
      t.cleanup();
    }
  });
});
