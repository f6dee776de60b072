// Placeholder CLI entry; replaced by the real CLI.
process.stdout.write('okr: not implemented yet\n');
