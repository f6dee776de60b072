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

// The publisher and the model cache convert the same workspace paths over and over (thousands per
// change of a parent file); a URL object per call was a tenth of re-checking its dependents.
const uris = new Map<string, string>();
const URIS_KEPT = 50_000;

export function pathToUri(p: string): string {
  let uri = uris.get(p);
  if (uri === undefined) {
    uri = pathToFileURL(p).toString();
    if (uris.size >= URIS_KEPT) uris.clear();
    uris.set(p, uri);
  }
  return uri;
}
