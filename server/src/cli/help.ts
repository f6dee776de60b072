// Help texts for `okr --help` and `okr <command> --help`.
import type { Command } from './args';

const MAIN = `okr — OKRs as code: check, score and report on .okr files

Usage: okr <command> [paths...] [options]

Commands:
  check [paths...]    report problems (vague key results, broken links, schema errors, ...);
                      --fix corrects the safe ones, - reads a file from standard input
  score [paths...]    scores, expected progress and status of every objective and key result
  report [paths...]   a Markdown report for a pull request or a wiki, or (--format html)
                      a self-contained page with the alignment map and trends
  summary [paths...]  scores, then problems: a readable overview (what npm start shows)
  refs <kr-ref>       a key result's code tags, links and issues (text or JSON, for scripts)
  diff [base] [head] [paths...]
                      what changed in .okr files between two git revisions: goals, scores,
                      goal posts moved, problems appeared or fixed (text, markdown, json)
  init [folder]       create okr.config.yaml and a first .okr file to start from
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
       okr check --stdin-filename FILE [options] < FILE

Reports problems in .okr files, and code tags (\`// okr: company#quality/nps\`) in the source
files under the given folders that name no key result (unknown-okr-tag). Exit code 0: no errors; 1: errors found (a file that cannot
be read is one), or more warnings than --max-warnings; 2: bad usage, a missing path or an
unreadable okr.config.yaml.

Options:
  --format FORMAT     text (default), json, sarif (GitHub code scanning) or github (workflow annotations)
  --fix               apply the safe fixes (misspelt keys and values, as the editor's quick fixes do)
                      in place, report what changed, then check again and report what remains
  -q, --quiet         report errors only (no warnings, infos or hints; --max-warnings has no effect)
  --max-warnings N    fail (exit 1) when there are more than N warnings
  --stdin-filename F  read the file's text from standard input (also: the path -); F is the path it
                      stands for: shown in reports, and where okr.config.yaml and references are
                      looked up. With --fix the fixed text goes to standard output, the report to
                      standard error, and nothing is written (input that is not text: exit 2).
  --jobs N            threads to use (default: one per core, from 4 cores and 200 files; the
                      results are the same, only sooner)
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
expected progress, and how many warnings okr check finds. With --format html, one
self-contained HTML page to share instead: the alignment map (company objectives with the
team objectives aligned to them), each key result's trend, filters and sorting; it works
offline, runs no script but its own, and follows the reader's light or dark setting.

Options:
  --format FORMAT     md (default) or html
  --out FILE          write the report to FILE instead of standard output
${COMMON.today}
${COMMON.config}
`,
  refs: `Usage: okr refs <file>#<objective>[/<key-result>] [paths...] [options]

Lists what serves a key result (or objective): the code tags naming it in the source files
(\`// okr: company#quality/nps\`), its links to code and issues, and the other key results
linking to the same code. Source files are searched under the paths (default: the current
folder), honouring .gitignore and codeTags in okr.config.yaml. Exit code 0; 2 when the
reference names nothing (with the likeliest references).

Options:
  --format FORMAT     text (default) or json
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
  diff: `Usage: okr diff [<base>] [<head>] [--] [paths...] [options]
       okr diff <base>..<head> [paths...] [options]

Compares the .okr files of two git revisions: objectives and key results added, removed or changed
(title, target, baseline, weight, current, done, alignment, status, latest check-in), their scores
and statuses before and after, targets and baselines made easier after the period started, and
problems that appeared or were fixed. Renamed and deleted files are followed.

<base> defaults to where the branch left the default branch (the merge base of HEAD with
origin/HEAD, else main, else master), else HEAD; <head> defaults to the working tree. Paths limit
the comparison (put -- before them when a path could be read as a revision). Runs git without a
shell and without network. Exit code 0; 2 outside a git repository or for a revision that does
not exist.

Options:
  --format FORMAT     text (default), markdown (a summary table and details, for a pull-request
                      comment) or json
${COMMON.today}
${COMMON.config}
${COMMON.noColor}
`,
  init: `Usage: okr init [folder]

Creates okr.config.yaml (the settings at their defaults, each explained) and okrs/team.okr (a first
objective for this quarter) in the folder (default: the current one). Never overwrites a file: one
that exists is kept, and when both exist nothing is created (exit 2).

Options:
  --today YYYY-MM-DD  the date whose quarter the first file covers (default: $OKR_TODAY, else today)
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
