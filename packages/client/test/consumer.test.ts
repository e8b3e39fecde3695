import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

let mock: RunningMock;
beforeAll(async () => {
  // Jobs started through the mock run for taskRunMs, then succeed.
  mock = await startMock({ taskRunMs: 600 });
});
afterAll(() => mock?.stop());

it('examples/consumer.ts (strict TypeScript, the built package) runs against the mock', async () => {
  const script = fileURLToPath(new URL('../examples/consumer.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, SO_BASE_URL: mock.url }, timeout: 30_000 });
  const lines = stdout.split('\n').filter(Boolean);
  expect(lines.slice(0, 4)).toEqual([
    'getBatchTaskInfo: #189 ExportJob (Succeeded)',
    'getBatchTaskInfo select: #189 ExportJob (Succeeded)',
    'getBatchTaskInfosByAssociates: 5 task(s)',
    'getBatchTaskInfosByState: 1 task(s)',
  ]);
  expect(lines[4]).toMatch(/^startBatchJob: task \d{5}$/);
  const id = lines[4]!.split(' ').pop();
  expect(lines.slice(5)).toEqual(['updateBatchTask: Nightly export', `waitForBatchTask: #${id} ExportJob (Succeeded)`]);
});

describe('the README example', () => {
  const example = readFileSync(new URL('../examples/readme.ts', import.meta.url), 'utf8');

  it.each([['packages/client/README.md', '../README.md'], ['README.md', '../../../README.md']])('is the one in %s, word for word', (_, path) => {
    const readme = readFileSync(new URL(path, import.meta.url), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the first ts block of the README is examples/readme.ts: copy it over').toBe(example);
  });

  it('the per-function example is the README\'s second, word for word, and runs against the mock', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const second = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)][1]?.[1];
    expect(second, 'the second ts block of the client README is examples/per-function.ts: copy it over').toBe(readFileSync(new URL('../examples/per-function.ts', import.meta.url), 'utf8'));
    const script = fileURLToPath(new URL('../examples/per-function.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, SO_BASE_URL: mock.url, SO_TICKET: '7T:example==' }, timeout: 30_000 });
    expect(stdout).toMatch(/^#\d+ ExportJob: (New|Started) \d+%\n$/);
  });

  // On a manual clock, moved as the example reports each state: it sees New, then Started
  // half-way, then the end, however busy the machine (no poll can miss a state).
  it('starts a job on the mock and follows it to the end, through each state', async () => {
    const steered = await startMock({ clock: 'manual', taskRunMs: 600 });
    onTestFinished(() => steered.stop());
    const script = fileURLToPath(new URL('../examples/readme.ts', import.meta.url));
    const child = spawn(process.execPath, [script], { env: { ...process.env, SO_BASE_URL: steered.url, SO_TICKET: '7T:example==' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stage = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // First New: past the queue to half-way (60 ms queued, then 300 of 600 ms). Then Started: past the end.
      if (stage === 0 && /^New /m.test(stdout)) void steered.clock.advance(360), (stage = 1);
      else if (stage === 1 && /^Started /m.test(stdout)) void steered.clock.advance(1_000), (stage = 2);
    });
    const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    const lines = stdout.split('\n').filter(Boolean);
    expect(code, stdout).toBe(0);
    expect(lines).toEqual(['New 0% Queued', 'Started 50% Step 3 of 5', 'Succeeded 100% Done', 'done: The job "ExportJob" finished.']);
  }, 120_000); // it starts a mock of its own: Prism takes seconds, more on a busy machine
});
