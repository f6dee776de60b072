import * as fs from 'node:fs'; import * as os from 'node:os'; import * as path from 'node:path';
import { measureOrg } from './bench/org';
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-org-'));
  const r = await measureOrg(dir, path.resolve('dist/server.js'), path.resolve('dist/cli.js'), '2026-11-20');
  for (const l of r.lines) console.log(l.what, l.value?.toFixed(0), l.note ?? '');
  console.log('end', Date.now());
})();
