// Runs the `git` command line for the CLI and the server: no shell (arguments are never parsed by one),
// no prompt, no network, no locks taken on the repository. The analysis core never sees any of this; it
// gets the texts and commit data this module reads.
import { execFile } from 'node:child_process';

/** A git failure with one line a user can act on. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly kind: 'no-git' | 'not-a-repository' | 'bad-revision' | 'failed',
  ) {
    super(message);
  }
}

/** Large enough for `git cat-file --batch` over a 2,000-file workspace. */
const MAX_BUFFER = 512 * 1024 * 1024;

/** The environment git runs with: never asks for a password, never fetches a missing object lazily. */
function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
  };
}

/**
 * Options every command gets: no transport at all (a partial clone's missing object is an error, not
 * a download), paths printed as they are, no pager, no colour.
 */
const BASE_ARGS = ['-c', 'protocol.allow=never', '-c', 'core.quotepath=off', '-c', 'color.ui=false', '--no-pager'];

export interface GitRunner {
  /** The folder git runs in. */
  readonly cwd: string;
  /** Runs `git <args>`; resolves with stdout, rejects with a GitError. `input` goes to stdin. */
  run(args: readonly string[], input?: string): Promise<Buffer>;
}

export function gitRunner(cwd: string): GitRunner {
  return {
    cwd,
    run(args, input) {
      return new Promise((resolve, reject) => {
        const child = execFile('git', [...BASE_ARGS, ...args], { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true }, (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          const e = error as NodeJS.ErrnoException & { code?: unknown };
          if (e.code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH', 'no-git'));
          const text = stderr.toString('utf8').trim();
          if (/not a git repository/i.test(text)) return reject(new GitError(`not in a git repository (${cwd})`, 'not-a-repository'));
          const first = text.split('\n').find((l) => l.trim() !== '') ?? e.message;
          reject(new GitError(`git ${args[0]} failed: ${first.replace(/^(fatal|error): /, '')}`, 'failed'));
        });
        // A git that exits before reading its input would otherwise throw EPIPE on the stream.
        child.stdin?.on('error', () => undefined);
        if (input !== undefined) child.stdin?.end(input);
        else child.stdin?.end();
      });
    },
  };
}
