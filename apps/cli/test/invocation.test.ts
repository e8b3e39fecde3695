import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedServer } from './scripted-server.ts';

// The README's way to run the CLI, run as written: `pnpm -s so-batch ...` at the workspace root.
// It must pass the exit code and stdout through untouched (no banner, no pnpm error on stdout),
// and must not need the root devDependency on @so-batch/cli (it spoils turbo's cache).

const WORKSPACE = fileURLToPath(new URL('../../..', import.meta.url));
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const CLI_SECTION = README.slice(README.indexOf('## The command line'), README.indexOf('\n## ', README.indexOf('## The command line') + 1));
const INVOCATION = ['-s', 'so-batch'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const EXIT_MARKER = fileURLToPath(new URL('./fixtures/exit-marker.mjs', import.meta.url));

function pnpm(args: string[], env: Record<string, string> = {}, onStderr?: (text: string, pid: number) => void): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    // so-batch writes "exited <code>" to this file as it ends (see fixtures/exit-marker.mjs).
    const marker = join(mkdtempSync(join(tmpdir(), 'so-batch-exit-')), 'exited');
    writeFileSync(marker, '');
    const preload = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(EXIT_MARKER).href}`.trim(), EXIT_MARKER_FILE: marker };
    // Its own process group, as a shell runs a command: Ctrl-C reaches pnpm and so-batch alike.
    const child = spawn('pnpm', [...INVOCATION, ...args], { cwd: WORKSPACE, env: { ...process.env, ...env, ...preload }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      onStderr?.(stderr, child.pid!);
    });
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`pnpm ${args.join(' ')} did not finish: ${stderr}`));
    }, 60_000);
    child.on('exit', (exitCode, signal) => {
      // pnpm ends itself with the signal its script died of, once the script is gone: a shell shows 128 + its number.
      const code = exitCode ?? (signal === 'SIGINT' ? 130 : null);
      clearTimeout(timer);
      // Read the moment pnpm has returned (a shell's prompt is back then): so-batch had ended by then, or not.
      const soBatchEnded = readFileSync(marker, 'utf8');
      rmSync(dirname(marker), { recursive: true, force: true });
      child.on('close', () => resolveRun(Object.assign({ code, stdout, stderr }, { soBatchEnded })));
    });
  });
}

let mock: RunningMock;
let env: Record<string, string>;
beforeAll(async () => {
  mock = await startMock();
  env = { SO_BASE_URL: mock.url, SO_TICKET: '7T:invocation' };
});
afterAll(() => mock?.stop());

describe('the README documents one invocation, and it behaves', () => {
  it('the CLI section runs so-batch as `pnpm -s so-batch`, never through pnpm exec or --filter', () => {
    expect(CLI_SECTION).toContain('pnpm -s so-batch --mock list');
    expect(CLI_SECTION).not.toMatch(/pnpm (--filter \S+ )?exec so-batch/);
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(root.devDependencies?.['@so-batch/cli'], 'the root must not depend on the CLI (turbo cache)').toBeUndefined();
    expect(root.scripts['so-batch']).toBe('node apps/cli/bin/so-batch.js');
  });

  // Each line of the section that needs no server of one's own, run by a shell exactly as written.
  const asWritten = CLI_SECTION.split('\n').filter((line) => /^pnpm -s so-batch --mock /.test(line)).map((line) => line.replace(/\s+# .*$/, ''));
  it('the section has lines to run as written', () => expect(asWritten.length).toBeGreaterThanOrEqual(2));
  it.each(asWritten)('as written: %s', async (line) => {
    const run = await new Promise<Run>((resolveRun) => {
      const child = spawn('bash', ['-c', line], { cwd: WORKSPACE, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolveRun({ code, stdout, stderr }));
    });
    expect(run.code, run.stderr).toBe(0);
    // A table (or none, when nothing matched), then the count.
    expect(run.stdout).toMatch(/(^|┘\n)\d+ (tasks?|rows?)\n$/);
  }, 60_000);

  it.each([
    ['an unknown command', ['frobnicate'], 2],
    ['a bad id', ['get', 'abc'], 2],
    ['no credentials', ['list', '--base-url', 'http://127.0.0.1:1'], 3],
  ])('%s: the exit code passes through, stdout has only the JSON error', async (_, args, code) => {
    const run = await pnpm(['--json', ...args], args.includes('--base-url') ? { SO_TICKET: '' } : env);
    expect(run.code, run.stderr).toBe(code);
    const { error } = JSON.parse(run.stdout);
    expect(typeof error.kind).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(run.stderr).not.toMatch(/ERR_PNPM|ELIFECYCLE/);
  }, 60_000);

  it.each([
    [['--mock', 'list', '--json']],
    [['--mock', 'get', '189', '--json']],
    [['--mock', 'query', '--top', '2', '--json']],
    [['--mock', 'start', '--name', 'ExportJob', '--json']],
  ])('%j: exit 0, and stdout parses as JSON', async (args) => {
    const run = await pnpm(args);
    expect(run.code, run.stderr).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toMatch(/^Using the so-batch mock at /);
  }, 60_000);

  it('a task that is not there: exit 5 passes through', async () => {
    const server = await scriptedServer({});
    try {
      const run = await pnpm(['--json', 'get', '4040'], { SO_BASE_URL: server.url, SO_TICKET: '7T:x' });
      expect(run.code, run.stderr).toBe(5);
      expect(JSON.parse(run.stdout).error.kind).toBe('not-found');
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('start prints the id alone, so id=$(pnpm -s so-batch start ...) works', async () => {
    const run = await pnpm(['start', '--name', 'ExportJob'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+\n$/);
  }, 60_000);

  it('Ctrl-C: "Stopped watching" is printed before pnpm returns (before the shell prompt)', async () => {
    const server = await scriptedServer({ 3: [{ State: 'Started', ProgressPercent: 5, ProgressDescription: 'Working' }] });
    try {
      let sent = false;
      const run = (await pnpm(['watch', '3', '--interval', '50'], { SO_BASE_URL: server.url, SO_TICKET: '7T:x' }, (stderr, pid) => {
        if (!sent && stderr.includes('[  5%] Started: Working')) {
          sent = true;
          process.kill(-pid, 'SIGINT');
        }
      })) as Run & { soBatchEnded: string };
      expect(run.code).toBe(130);
      expect(run.soBatchEnded, 'so-batch had not ended (nor run its exit handler) when pnpm returned').toBe('exited 130\n');
      expect(run.stderr).toMatch(/so-batch: Stopped watching task 3; the task goes on\.\n$/);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
