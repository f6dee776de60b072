// The example workspace's .okr files as texts, for tests that run over real files (not a test file itself).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function exampleOkrTexts(): Array<{ name: string; text: string }> {
  const dir = path.join(__dirname, '../../examples/okrs');
  const files = [path.join(dir, 'company.okr'), ...fs.readdirSync(path.join(dir, 'teams')).map((f) => path.join(dir, 'teams', f))];
  return files.filter((f) => f.endsWith('.okr')).map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}
