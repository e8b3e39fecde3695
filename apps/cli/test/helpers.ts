import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../src/program.ts';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI (or `bin`), spawned as a user runs it, with only `env` (and PATH) in its
 * environment; `onStderr` sees stderr as it grows, with the child (to signal it mid-run).
 */
export function cli(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
  bin = BIN,
): Promise<Run> {
  return cliWith(args, env, { ...(onStderr ? { onStderr } : {}), bin });
}

export interface SpawnOptions {
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void;
  /** Sees each chunk of stdout as it comes (stdout is not kept when `keepStdout` is false). */
  onStdout?: (chunk: string) => void;
  keepStdout?: boolean;
  /** Options for node itself, such as --import of a preload. */
  nodeArgs?: string[];
  /** Killed (and the run refused) after this long: 100 s unless told (within the 120 s a test has). */
  timeoutMs?: number;
  bin?: string;
}

export function cliWith(args: string[], env: Record<string, string>, options: SpawnOptions): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (options.keepStdout !== false) stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`so-batch ${args.join(' ')} did not finish: ${stderr.slice(0, 2000)}`));
    }, options.timeoutMs ?? 100_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

function stream(isTTY: boolean, columns: number | undefined) {
  const out = Object.assign(new PassThrough(), { isTTY, ...(columns ? { columns } : {}) });
  let text = '';
  out.on('data', (chunk) => (text += chunk));
  return { out, text: () => text };
}

/**
 * The program in-process, with a stdout that is (or is not) a terminal of `columns` columns:
 * which streams are terminals cannot be chosen for a spawned process without a pty.
 */
export async function onTerminal(
  args: string[],
  env: Record<string, string>,
  terminal: { stdoutTTY?: boolean; columns?: number; stderrTTY?: boolean; typed?: string } = {},
): Promise<Run> {
  const stdout = stream(terminal.stdoutTTY ?? true, terminal.columns);
  const stderr = stream(terminal.stderrTTY ?? false, undefined);
  // A terminal to type on, when the case types something (delete's question).
  const stdin = terminal.typed === undefined ? undefined : Object.assign(new PassThrough(), { isTTY: true });
  if (stdin) stderr.out.on('data', () => stdin.write(terminal.typed));
  const code = await run(args, { stdout: stdout.out, stderr: stderr.out, ...(stdin ? { stdin } : {}), env }, new AbortController().signal, '1.0.0');
  await new Promise((resolveTick) => setImmediate(resolveTick));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The text's lines as they show: colour codes take no columns. */
export function visibleLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d*(;\d+)*m/g, '').split('\n').filter((line) => line !== '');
}
