// Code tags for the CLI: the source files under the folders given to a command, searched as the
// language server searches them (.gitignore, codeTags globs, 1 MB and binary files skipped).
import { CodeTagIndex, type CodeTag } from '../core';
import { listSourceFiles, MAX_SOURCE_BYTES, readSourceTags, sourceFileFilter } from '../node/source-files';
import { readRegularText } from '../node/read-file';
import type { WorkspacePlan } from './load-workspace';

/** The tags of every source file under the workspace's given folders (each file once). */
export function loadCodeTags(ws: Pick<WorkspacePlan, 'root' | 'config' | 'sourceDirs'>): CodeTagIndex {
  const tags = new CodeTagIndex();
  if (!ws.config.codeTags.enable) return tags;
  const filter = sourceFileFilter(ws.root, { config: ws.config.codeTags });
  const seen = new Set<string>();
  for (const dir of ws.sourceDirs) {
    for (const file of listSourceFiles(dir, filter)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const found: CodeTag[] = readSourceTags(file);
      if (found.length) tags.set(file, found);
    }
  }
  return tags;
}

export function readText(file: string): string {
  // The text a tag is shown in: only a regular file, only as large as a searched one.
  return readRegularText(file, MAX_SOURCE_BYTES) ?? '';
}
