// Runs a task's process with pipes and hands its output to a terminal (the task's Pseudoterminal in
// provider.ts). No `vscode` import, so the unit tests run it as the task does.
import { spawn } from 'node:child_process';
import type { TaskProcess } from './checkTask';

export interface TaskOutput {
  /** Text for the terminal: stdout and stderr as they come, with CRLF line ends (a terminal needs the CR). */
  write(text: string): void;
  /** Once, with the exit code (1 when the process could not start or was killed). */
  exit(code: number): void;
}

/** A terminal moves down without returning to column 0 on a bare LF. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Starts the process in `cwd`; the returned function stops it (the user closed or restarted the task). */
export function runTaskProcess(p: TaskProcess, cwd: string, out: TaskOutput): () => void {
  let exited = false;
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    out.exit(code);
  };
  const child = spawn(p.command, p.args, { cwd, env: { ...process.env, ...p.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Decoded as UTF-8 per stream, so a character split across two chunks (✖) arrives whole.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d: string) => out.write(toTerminalText(d)));
  child.stderr.on('data', (d: string) => out.write(toTerminalText(d)));
  child.on('error', (err) => {
    out.write(toTerminalText(`okr: could not start ${p.command}: ${err.message}\n`));
    exit(1);
  });
  child.on('close', (code) => exit(code ?? 1));
  return () => {
    if (!exited) child.kill();
  };
}
