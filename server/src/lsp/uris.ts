import { fileURLToPath, pathToFileURL } from 'node:url';

/** file: URI -> path; undefined for other schemes (untitled:, vscode-notebook:…), which have no path. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}
