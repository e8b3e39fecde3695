// `pnpm dev`'s loop, timed from the outside: save an edit of the spec, then ask the mock until its
// answer shows the edit. It runs `node packages/mock/src/dev.ts` (what `pnpm dev` runs) on a copy
// of the spec in the temp dir (MOCK_SPEC_DIR), so the workspace's spec is never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './pipeline.ts';
import { median } from './stats.ts';

export interface DevLoopFigures {
  /** Save-to-answer of each edit, in milliseconds. */
  editsMs: number[];
  medianMs: number;
  maxMs: number;
  /** From starting `dev.ts` to its first answer. */
  startMs: number;
  /** How long the bench waits after an answer before the next save, as a developer would. */
  pauseMs: number;
  /** The machine's 1-minute load average before and after: the figures move with it. */
  loadBefore: number;
  loadAfter: number;
}

const EDITS = 8;
const PAUSE_MS = 3000;
/** One edit must answer within this, or the step fails (and says which edit). */
const EDIT_BUDGET_MS = 30_000;
const ORIGINAL = "Name: 'Kreiger, Veum and Wehner'";

async function taskName(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/api/v1/Agents/Batch/GetBatchTaskInfo`, {
      method: 'POST',
      headers: { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' },
      body: '{"Id":248}', // the GetBatchTaskInfo page's sample task: the store seeds it from the edited example
      signal: AbortSignal.timeout(2000),
    });
    return response.ok ? ((await response.json()) as { Name?: string }).Name : undefined;
  } catch {
    return undefined; // the port is between two fronts for a few milliseconds
  }
}

export async function measureDevLoop(): Promise<DevLoopFigures> {
  const specDir = mkdtempSync(join(tmpdir(), 'so-batch-bench-dev-'));
  for (const part of ['openapi.yaml', 'paths', 'components', 'redocly.yaml', 'plugins']) cpSync(join(ROOT, 'spec', part), join(specDir, part), { recursive: true });
  const examples = join(specDir, 'components', 'examples.yaml');
  let child: ChildProcess | undefined;
  let output = '';
  const loadBefore = loadavg()[0]!;
  try {
    const startedAt = performance.now();
    child = spawn(process.execPath, [join(ROOT, 'packages', 'mock', 'src', 'dev.ts')], {
      env: { ...process.env, MOCK_PORT: '0', MOCK_SPEC_DIR: specDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolveUrl, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /listening on (http:\/\/\S+) /.exec(output)?.[1];
        if (found) resolveUrl(found);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`dev.ts exited with ${code} before it listened:\n${output.slice(-2000)}`)));
    });
    const startMs = performance.now() - startedAt;

    const editsMs: number[] = [];
    let current = ORIGINAL;
    for (let edit = 1; edit <= EDITS; edit++) {
      await new Promise((resolvePause) => setTimeout(resolvePause, PAUSE_MS));
      const name = `Bench edit ${edit}`;
      const next = `Name: '${name}'`;
      const text = readFileSync(examples, 'utf8');
      if (!text.includes(current)) throw new Error(`the copy of components/examples.yaml lost "${current}"`);
      const savedAt = performance.now();
      writeFileSync(examples, text.replace(current, next));
      current = next;
      while ((await taskName(url)) !== name) {
        if (performance.now() - savedAt > EDIT_BUDGET_MS) throw new Error(`edit ${edit} did not reach the mock within ${EDIT_BUDGET_MS} ms:\n${output.slice(-2000)}`);
        await new Promise((resolveTick) => setTimeout(resolveTick, 5));
      }
      editsMs.push(performance.now() - savedAt);
    }
    return { editsMs, medianMs: median(editsMs), maxMs: Math.max(...editsMs), startMs, pauseMs: PAUSE_MS, loadBefore, loadAfter: loadavg()[0]! };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolveExit) => child!.once('exit', () => resolveExit()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(specDir, { recursive: true, force: true });
  }
}
