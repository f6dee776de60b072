// Help texts for `okr --help` and `okr <command> --help`.
import type { Command } from './args';

const MAIN = `okr — OKRs as code: check, score and report on .okr files

Usage: okr <command> [paths...] [options]

Commands:
  check [paths...]    report problems (vague key results, broken links, schema errors, ...)
  score [paths...]    scores, expected progress and status of every objective and key result
  report [paths...]   a Markdown report for a pull request or a wiki
  summary [paths...]  scores, then problems: a readable overview (what npm start shows)
  schema              print the JSON Schema of .okr files
  rules               list the rules with their default severity

Options:
  -h, --help          show help (also: okr <command> --help)
  -v, --version       print the version

Paths default to the current folder; folders are searched recursively for .okr files,
honouring .gitignore. The workspace root is the nearest folder holding okr.config.yaml.
`;

const COMMON = {
  today: '  --today YYYY-MM-DD  the date to score against (default: $OKR_TODAY, else today)',
  config: '  --config FILE       use this configuration instead of the root\'s okr.config.yaml',
  noColor: '  --no-color          no colours (also when NO_COLOR is set or output is not a terminal)',
};

const BY_COMMAND: Record<Command, string> = {
  check: `Usage: okr check [paths...] [options]

Reports problems in .okr files. Exit code 0: no errors; 1: errors found, or more warnings
than --max-warnings; 2: bad usage or unreadable input.

Options:
  --format FORMAT     text (default), json, sarif (GitHub code scanning) or github (workflow annotations)
  --max-warnings N    fail (exit 1) when there are more than N warnings
${COMMON.today}
${COMMON.config}
${COMMON.noColor}
`,
  score: `Usage: okr score [paths...] [options]

Prints every file, objective and key result with its score (0..1), expected progress and status.

Options:
  --format FORMAT     text (default) or json
${COMMON.today}
${COMMON.config}
${COMMON.noColor}
`,
  report: `Usage: okr report [paths...] [options]

Prints a Markdown report: per file, objectives and key results with score, status and
expected progress, and how many warnings okr check finds.

Options:
${COMMON.today}
${COMMON.config}
`,
  summary: `Usage: okr summary [paths...] [options]

Prints the score tree and then the problems okr check finds: an overview for a person.
Exit code 0 unless the input cannot be read (2).

Options:
${COMMON.today}
${COMMON.config}
${COMMON.noColor}
`,
  schema: `Usage: okr schema

Prints the JSON Schema (draft-07) of .okr files, for YAML tools and editors.
`,
  rules: `Usage: okr rules

Lists every rule with its default severity and what it reports. Change severities in
okr.config.yaml: rules: {rule-id: error | warning | info | hint | off}.
`,
};

export function helpText(command?: Command): string {
  return command ? BY_COMMAND[command] : MAIN;
}
