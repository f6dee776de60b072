// okr.config.yaml: problems with their positions, what survives a problem, and layering.
import * as assert from 'node:assert/strict';
import { mergeConfig, parseConfig, severityFor } from '../../server/src/core/config';
import { DEFAULT_CONFIG } from '../../server/src/core/schema';
import type { Range } from '../../server/src/core/positions';

const RULE_IDS = ['kr-compound', 'missing-owner', 'schema', 'kr-not-measurable'];

function fmt(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** check(text, ["range message-substring", ...], what the valid rest of the input is) */
function check(text: string, problems: string[], input?: unknown): void {
  const loaded = parseConfig(text, RULE_IDS);
  assert.equal(loaded.problems.length, problems.length, JSON.stringify(loaded.problems));
  loaded.problems.forEach((p, i) => {
    const [range, ...words] = problems[i]!.split(' ');
    assert.equal(fmt(p.range), range, p.message);
    assert.ok(p.message.includes(words.join(' ')), `"${p.message}" should contain "${words.join(' ')}"`);
  });
  if (input !== undefined) assert.deepEqual(loaded.input, input);
  // Whatever survived must be a valid layer.
  mergeConfig(loaded.input);
}

describe('config: parseConfig', () => {
  it('a valid file has no problems', () => {
    check(
      [
        'rules:',
        '  kr-not-measurable: error',
        '  missing-owner: off',
        'limits:',
        '  maxObjectives: 3',
        'trackers:',
        '  SHOP: "https://jira.example.com/browse/SHOP-{id}"',
        'github:',
        '  repository: acme/shop',
        'quality:',
        '  extraVagueWords: [streamline]',
        '  units: [story points]',
      ].join('\n'),
      [],
    );
    check('', [], {});
    check('# only a comment\n', [], {});
  });

  it('a bad severity: at the value, and only that rule is dropped', () => {
    check('rules:\n  kr-compound: loud\n  missing-owner: error\n', ['1:15-1:19 rules.kr-compound: Invalid option'], { rules: { 'missing-owner': 'error' } });
    const l = parseConfig('rules:\n  kr-compound: loud\n', RULE_IDS);
    assert.match(l.problems[0]!.message, /"error"\|"warning"\|"info"\|"hint"\|"off"/);
  });

  it('an unknown rule, with did-you-mean', () => {
    check('rules:\n  kr-compund: off\n', ["1:14-1:17 unknown rule 'kr-compund'; did you mean 'kr-compound'?"]);
    check('rules:\n  banana: off\n', ["1:10-1:13 unknown rule 'banana'"]);
    assert.doesNotMatch(parseConfig('rules:\n  banana: off\n', RULE_IDS).problems[0]!.message, /did you mean/);
  });

  it('a bad tracker template or key', () => {
    check('trackers:\n  SHOP: https://x/\n  OPS: "https://o/{id}"\n', ['1:8-1:18 trackers.SHOP: the URL template needs {id}'], { trackers: { OPS: 'https://o/{id}' } });
    check('trackers:\n  shop: "https://x/{id}"\n', ['1:8-1:24 trackers.shop'], { trackers: {} });
  });

  it('a tracker template that is not an http(s) URL is refused, as the same link written directly is', () => {
    for (const template of ['command:workbench.action.terminal.new?{id}', 'javascript:alert({id})', 'file:///etc/{id}', 'data:text/html,{id}', 'vscode://x/{id}', '//evil.example/{id}']) {
      const loaded = parseConfig(`trackers:\n  SHOP: "${template}"\n  OPS: "https://o/{id}"\n`, RULE_IDS);
      assert.equal(loaded.problems.length, 1, template);
      assert.match(loaded.problems[0]!.message, /trackers\.SHOP: .*http:\/\/ or https:\/\//, template);
      assert.deepEqual(loaded.input, { trackers: { OPS: 'https://o/{id}' } }, template);
    }
  });

  it('bad limits and github repository', () => {
    check('limits:\n  maxObjectives: 0\n  maxKeyResults: 4\n', ['1:17-1:18 limits.maxObjectives'], { limits: { maxKeyResults: 4 } });
    check('github:\n  repository: nope\n', ['1:14-1:18 github.repository: must be owner/repo']);
    check('limits: 3\nrules: {schema: off}\n', ['0:8-0:9 limits'], { rules: { schema: 'off' } });
  });

  it('unknown keys: at the key, with did-you-mean, and the rest still applies', () => {
    check('limit:\n  maxObjectives: 3\nrules: {schema: off}\n', ["0:0-0:5 unknown key 'limit'; did you mean 'limits'?"], { rules: { schema: 'off' } });
    check('limits:\n  maxObjectivs: 3\n  staleCheckinDays: 7\n', ["1:2-1:14 limits: unknown key 'maxObjectivs'; did you mean 'maxObjectives'?"], { limits: { staleCheckinDays: 7 } });
    check('github: {repo: a/b}\n', ["0:9-0:13 github: unknown key 'repo'; known keys: repository"]);
    const merged = mergeConfig(parseConfig('limit: {}\nrules: {schema: off}\n', RULE_IDS).input);
    assert.equal(merged.rules.schema, 'off');
  });

  it('not a map', () => {
    check('- a\n- b\n', ['0:0-2:0 okr.config.yaml must be a YAML map'], {});
    check('hello\n', ['0:0-1:0 must be a YAML map'], {});
  });

  it('an alias bomb is a problem saying the file is not applied, never a silently empty configuration', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) bomb.push(`${name}: &${name} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`);
    bomb.push('rules:', '  missing-owner: off');
    const l = parseConfig(bomb.join('\n') + '\n', RULE_IDS);
    assert.equal(l.problems.length, 1, JSON.stringify(l.problems));
    assert.match(l.problems[0]!.message, /okr\.config\.yaml cannot be read, so none of it applies: .*alias/i);
    assert.equal(fmt(l.problems[0]!.range), '0:0-0:36');
    assert.deepEqual(l.input, {});
  });

  it('__proto__, constructor and prototype are unknown keys, and change no prototype', () => {
    check('__proto__:\n  rules: {schema: off}\nconstructor: 1\nprototype: 2\n', ["0:0-0:9 unknown key '__proto__'", "2:0-2:11 unknown key 'constructor'", "3:0-3:9 unknown key 'prototype'"], {});
    assert.equal(({} as Record<string, unknown>).rules, undefined);
  });

  it('broken YAML: a positioned YAML error, never a throw', () => {
    const l = parseConfig('rules: [\n', RULE_IDS);
    assert.ok(l.problems.length >= 1);
    assert.equal(l.problems[0]!.range.start.line, 1);
    assert.deepEqual(l.input, {});
  });
});

describe('config: mergeConfig and severityFor', () => {
  it('no layers: the defaults', () => {
    assert.deepEqual(mergeConfig(), DEFAULT_CONFIG);
    assert.deepEqual(DEFAULT_CONFIG.limits, { maxObjectives: 5, maxKeyResults: 5, minKeyResults: 2, staleCheckinDays: 14 });
    assert.deepEqual(DEFAULT_CONFIG.rules, {});
    assert.deepEqual(DEFAULT_CONFIG.trackers, {});
    assert.deepEqual(DEFAULT_CONFIG.github, {});
    assert.deepEqual(DEFAULT_CONFIG.quality, { extraVagueWords: [], units: [] });
  });

  it('layers, lowest first: maps merge key by key, later wins; word lists add up', () => {
    const editor = { rules: { 'missing-owner': 'off', schema: 'warning' }, limits: { maxObjectives: 3 }, trackers: { A: 'https://a/{id}' }, quality: { units: ['pts'] } } as const;
    const repo = { rules: { schema: 'error' }, limits: { staleCheckinDays: 7 }, trackers: { B: 'https://b/{id}' }, github: { repository: 'acme/shop' }, quality: { units: ['tickets'], extraVagueWords: ['leverage'] } } as const;
    const c = mergeConfig(undefined, structuredClone(editor) as never, structuredClone(repo) as never);
    assert.deepEqual(c.rules, { 'missing-owner': 'off', schema: 'error' });
    assert.deepEqual(c.limits, { maxObjectives: 3, maxKeyResults: 5, minKeyResults: 2, staleCheckinDays: 7 });
    assert.deepEqual(c.trackers, { A: 'https://a/{id}', B: 'https://b/{id}' });
    assert.equal(c.github.repository, 'acme/shop');
    assert.deepEqual(c.quality, { units: ['pts', 'tickets'], extraVagueWords: ['leverage'] });
    // The defaults are not mutated.
    assert.deepEqual(DEFAULT_CONFIG.rules, {});
  });

  it('an invalid layer is skipped as a whole', () => {
    const c = mergeConfig({ rules: { schema: 'off' } }, { rules: { schema: 'loud' as never } });
    assert.equal(c.rules.schema, 'off');
  });

  it('severityFor: the configured severity, else the rule default', () => {
    const c = mergeConfig({ rules: { schema: 'off', 'missing-owner': 'error' } });
    assert.equal(severityFor('schema', 'error', c), 'off');
    assert.equal(severityFor('missing-owner', 'info', c), 'error');
    assert.equal(severityFor('kr-compound', 'info', c), 'info');
  });
});
