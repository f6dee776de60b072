// Reading a file the user's workspace names, safely: only a regular file, and never more than a
// limit. A path that is a FIFO would block a plain open forever; a link to /dev/zero would grow a
// plain read without end; and stat-then-read lets the file grow in between. So: open without
// blocking, fstat the open descriptor, and read at most limit + 1 bytes (one more tells "too large").
import * as fs from 'node:fs';

export type RegularRead =
  | { ok: true; bytes: Buffer }
  /** `size`: what fstat said, or (when the file grew while read) how much was read: at least that. */
  | { ok: false; problem: 'directory' | 'not-regular' | 'too-large'; size: number };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. Absent on Windows (no FIFOs there).
export const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of `file` if it is a regular file (or a link to one) of at most `limit` bytes.
 * Errors of the file system (missing, permission denied) are thrown, as fs does, for the caller to word.
 */
export function readRegularFile(file: string, limit: number): RegularRead {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { ok: false, problem: 'directory', size: 0 };
    if (!st.isFile()) return { ok: false, problem: 'not-regular', size: 0 };
    if (st.size > limit) return { ok: false, problem: 'too-large', size: st.size };
    let buf = Buffer.allocUnsafe(Math.min(st.size, limit) + 1);
    let read = 0;
    for (;;) {
      if (read === buf.length) {
        if (read > limit) return { ok: false, problem: 'too-large', size: read };
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(grown, 0, 0, read);
        buf = grown;
      }
      const n = fs.readSync(fd, buf, read, buf.length - read, null);
      if (n === 0) break;
      read += n;
    }
    if (read > limit) return { ok: false, problem: 'too-large', size: read };
    return { ok: true, bytes: buf.subarray(0, read) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a regular file of at most `limit` bytes, or undefined for anything else (missing, a FIFO, too large). */
export function readRegularText(file: string, limit: number): string | undefined {
  try {
    const r = readRegularFile(file, limit);
    return r.ok ? r.bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
