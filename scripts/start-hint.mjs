// Printed after `npm start`'s summary: where to go next.
const lines = [
  '',
  'The summary above is pinned to 2026-11-20 (--today) so the demo reads the same whatever the date;',
  'run `node dist/cli.js summary examples` for today, or `node dist/cli.js --help` for every command.',
  '',
  'See the same files live in VS Code:',
  '  - press F5 in this repository (Extension Development Host), then open the examples/ folder; or',
  '  - `npm run package`, install the .vsix (Extensions view > ... > Install from VSIX), then `code examples`.',
];
process.stdout.write(lines.join('\n') + '\n');
