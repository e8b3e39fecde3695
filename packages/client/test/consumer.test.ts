import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

it('examples/consumer.ts (strict TypeScript, the built package) runs against the mock', async () => {
  const script = fileURLToPath(new URL('../examples/consumer.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, SO_BASE_URL: mock.url }, timeout: 30_000 });
  expect(stdout.split('\n').filter(Boolean)).toEqual([
    'getBatchTaskInfo: #248 Kreiger, Veum and Wehner (All)',
    'getBatchTaskInfo select: #248 Kreiger, Veum and Wehner (All)',
    'getBatchTaskInfosByAssociates: 1 task(s)',
    'getBatchTaskInfosByState: 1 task(s)',
    'startBatchJob: task 563',
    'updateBatchTask: #325 Boehm Inc and Sons (All)',
  ]);
});
