// package.json's editor contributions beyond the language itself: the `okr` task type and its problem
// matcher agree with the code that runs the task, the `[okr]` editor defaults are valid and fit the
// format, and the repository's .vscode/ makes "press F5" (README) build and open the examples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { BUNDLED_CLI, PROBLEM_MATCHER, TASK_COMMANDS, TASK_TYPE } from '../../client/src/tasks/checkTask';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** A JSON-with-comments file as VS Code reads .vscode/*.json; a syntax error fails the test. */
function readJsonc(file: string): any {
  const errors: ParseError[] = [];
  const value = parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], `${file} does not parse`);
  return value;
}

describe('package.json: task definition and problem matcher', () => {
  const definition = (pkg.contributes.taskDefinitions as Array<{ type: string; required: string[]; properties: Record<string, any> }>).find((d) => d.type === TASK_TYPE);

  it('defines the okr task type with the commands the provider runs', () => {
    assert.ok(definition, 'contributes.taskDefinitions has no okr type');
    assert.deepEqual(definition.required, ['command']);
    assert.deepEqual(definition.properties.command.enum, [...TASK_COMMANDS]);
    assert.deepEqual(Object.keys(definition.properties).sort(), ['args', 'command', 'paths']);
    for (const key of ['paths', 'args']) assert.deepEqual(definition.properties[key].items, { type: 'string' }, key);
    for (const [key, p] of Object.entries(definition.properties)) assert.ok(p.markdownDescription, `${key} has no description`);
  });

  it('the CLI the task runs is shipped in the .vsix (.vscodeignore lets it through)', () => {
    const lines = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(lines.includes(`!${BUNDLED_CLI}`), `.vscodeignore does not ship ${BUNDLED_CLI}, which the okr task runs`);
  });

  it('contributes the problem matcher the tasks name, with one file pattern and one looping row pattern', () => {
    const matcher = (pkg.contributes.problemMatchers as Array<Record<string, any>>).find((m) => `$${m.name}` === PROBLEM_MATCHER);
    assert.ok(matcher, `no problem matcher for ${PROBLEM_MATCHER}`);
    const [file, row] = matcher.pattern;
    assert.deepEqual(Object.keys(file).sort(), ['file', 'regexp']);
    assert.equal(row.loop, true);
    // Every group a pattern names exists in its regexp (VS Code reads a missing group as empty).
    for (const p of matcher.pattern) {
      const groups = new RegExp(`${p.regexp}|`).exec('')!.length - 1;
      for (const [key, value] of Object.entries(p)) if (typeof value === 'number') assert.ok(value >= 1 && value <= groups, `${key}: group ${value} of ${groups}`);
    }
    assert.deepEqual([row.line, row.column, row.severity, row.message, row.code], [1, 2, 3, 4, 5]);
    // The matcher's behaviour on real output is tested in test/cli/problem-matcher.test.ts.
  });
});

describe('package.json: [okr] editor defaults', () => {
  const defaults = pkg.contributes.configurationDefaults as Record<string, Record<string, unknown>>;

  it('sets only the okr language, and only settings of the kinds VS Code accepts there', () => {
    assert.deepEqual(Object.keys(defaults), ['[okr]']);
    assert.ok(pkg.contributes.languages.some((l: { id: string }) => l.id === 'okr'));
    const okr = defaults['[okr]']!;
    // Each value checked against the setting's type in VS Code 1.91+.
    const onOff = (v: unknown) => v === 'on' || v === 'off' || v === 'inline';
    const valid: Record<string, (v: unknown) => boolean> = {
      'editor.insertSpaces': (v) => typeof v === 'boolean',
      'editor.tabSize': (v) => Number.isInteger(v) && (v as number) > 0,
      'editor.autoIndent': (v) => ['none', 'keep', 'brackets', 'advanced', 'full'].includes(v as string),
      'editor.quickSuggestions': (v) => typeof v === 'object' && v !== null && Object.entries(v).every(([k, x]) => ['other', 'comments', 'strings'].includes(k) && onOff(x)),
      'editor.wordBasedSuggestions': (v) => ['off', 'currentDocument', 'matchingDocuments', 'allDocuments'].includes(v as string),
      'diffEditor.ignoreTrimWhitespace': (v) => typeof v === 'boolean',
    };
    for (const [key, value] of Object.entries(okr)) {
      assert.ok(valid[key], `${key} is not one of the settings this test knows`);
      assert.ok(valid[key](value), `${key}: ${JSON.stringify(value)}`);
    }
  });

  it('indents with two spaces, as the examples, the snippets and the formatter do; completes inside values', () => {
    const okr = defaults['[okr]']!;
    assert.equal(okr['editor.insertSpaces'], true);
    assert.equal(okr['editor.tabSize'], 2);
    // Periods, owners, units and aligns_to targets are completed inside YAML strings.
    assert.deepEqual(okr['editor.quickSuggestions'], { other: 'on', comments: 'off', strings: 'on' });
    // The formatter (okr.format.enable) writes YAML with this indent.
    const formatter = fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'features', 'formatting.ts'), 'utf8');
    assert.equal(Number(/\bindent: (\d+)/.exec(formatter)?.[1]), okr['editor.tabSize']);
    // Indentation in the examples: every indent is a multiple of two spaces, never a tab.
    const indents = fs
      .readFileSync(path.join(ROOT, 'examples', 'okrs', 'teams', 'web-experience.okr'), 'utf8')
      .split('\n')
      .map((l) => /^[ \t]*/.exec(l)![0]);
    assert.ok(indents.some((i) => i.length === 2));
    assert.ok(indents.every((i) => !i.includes('\t') && i.length % 2 === 0));
    // The snippets indent with two spaces too (a tab in a snippet body follows editor.tabSize).
    const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'okr.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
    const bodyIndents = Object.values(snippets).flatMap((s) => s.body.map((l) => /^ */.exec(l)![0].length));
    assert.ok(bodyIndents.every((n) => n % 2 === 0), JSON.stringify(bodyIndents));
  });
});

describe('.vscode: press F5', () => {
  it('is not ignored by git', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(!ignored.some((l) => /^\/?\.vscode\/?(\*.*)?$/.test(l)), '.gitignore excludes .vscode/');
  });

  it('launches an Extension Development Host with this extension on examples/, after building with npm run build', () => {
    const launch = readJsonc('.vscode/launch.json');
    const first = launch.configurations[0];
    assert.equal(first.type, 'extensionHost', 'F5 runs the first configuration');
    assert.equal(first.request, 'launch');
    assert.deepEqual(first.args, ['--extensionDevelopmentPath=${workspaceFolder}', '${workspaceFolder}/examples']);
    assert.ok(fs.statSync(path.join(ROOT, 'examples')).isDirectory());
    // The debugger maps the bundles that package.json's `main` and the server live in.
    assert.ok(first.outFiles.includes('${workspaceFolder}/dist/**/*.js'));
    assert.match(pkg.main, /^\.\/dist\/[\w-]+\.js$/);

    const tasks = readJsonc('.vscode/tasks.json');
    const build = tasks.tasks.find((t: { label: string }) => t.label === first.preLaunchTask);
    assert.ok(build, `preLaunchTask '${first.preLaunchTask}' is not in .vscode/tasks.json`);
    assert.equal(build.command, 'npm run build');
    assert.ok(pkg.scripts.build, 'package.json has a build script');
  });

  it('can attach to the language server on the port the client opens in debug mode', () => {
    const launch = readJsonc('.vscode/launch.json');
    const attach = launch.configurations.find((c: { type: string; request: string }) => c.type === 'node' && c.request === 'attach');
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'languageClient.ts'), 'utf8');
    assert.ok(client.includes(`--inspect=${attach.port}`), `the client does not open --inspect=${attach.port}`);
  });
});
