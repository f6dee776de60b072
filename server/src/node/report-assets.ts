// The files the HTML organisation report inlines, read from the installed package: the page script
// built to dist/webview/org.js and the style sheets of media/org/. The CLI passes its package root
// (dist/..), the extension its extension path.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReportAssets {
  script: string;
  style: string;
}

export function readReportAssets(packageRoot: string): ReportAssets {
  const read = (...parts: string[]) => {
    const file = path.join(packageRoot, ...parts);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`the HTML report needs ${parts.join('/')}, which this installation lacks (${(err as NodeJS.ErrnoException).code ?? String(err)}); run npm run build`);
    }
  };
  return { script: read('dist', 'webview', 'org.js'), style: `${read('media', 'org', 'report.css')}\n${read('media', 'org', 'org.css')}` };
}
