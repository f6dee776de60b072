// Headless editors (Neovim, Emacs) as LSP clients in tests: their scripts print JSON lines, which
// are collected here.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** What a headless editor run printed: its JSON lines (one object a line), exit code and stderr. */
export interface EditorRun {
  lines: Array<Record<string, unknown>>;
  code: number | null;
  stderr: string;
}

/**
 * Runs a headless editor whose test script prints JSON lines, collects them, and removes its
 * throw-away `home` when it exits. The script bounds its own waits; the 15 s cap only catches an
 * editor that never exits.
 */
export function runEditor(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, home: string): Promise<EditorRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += String(d)));
    proc.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      fs.rmSync(home, { recursive: true, force: true });
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ lines, code, stderr });
    });
  });
}
