import { startMock, type RunningMock } from '@so-batch/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from './helpers.ts';

// watch against jobs the sandbox is told how to run: one that fails at 40%, one that hangs.
// The mock's clock is manual: each job is where the test put it before the CLI looks.

let mock: RunningMock;
let env: Record<string, string>;

beforeAll(async () => {
  mock = await startMock({ clock: 'manual', jobs: { Import40: { runMs: 3_600_000, failAtPercent: 40 }, Stuck: { hang: true } } });
  env = { SO_BASE_URL: mock.url, SO_USER: 'tje0', SO_PASSWORD: 'Tje0' };
});
afterAll(() => mock?.stop());

async function start(name: string): Promise<number> {
  const response = await fetch(`${mock.url}/api/v1/Agents/Batch/StartBatchJob`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('tje0:Tje0').toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ BatchTaskInfo: { Name: name } }),
  });
  return (await response.json()) as number;
}

it('watch of a job defined to fail at 40% exits 1 and says where it failed', async () => {
  const id = await start('Import40');
  await mock.clock.advance(3_600_000);
  const run = await cli(['watch', String(id), '--interval', '50'], env);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/^Failed: The job "Import40" failed at 40%/);
});

it('watch of a hung job stops at --timeout with exit 7, naming where the job stands', async () => {
  const id = await start('Stuck');
  await mock.clock.advance(60_000);
  const run = await cli(['watch', String(id), '--interval', '50', '--timeout', '1'], env);
  expect(run.code).toBe(7);
  expect(run.stderr).toContain(`Stopped watching task ${id} after 1 s (--timeout): it is still Started (0%); the task goes on.`);
});

it('watch --stall stops at a hung job once it has not moved for that long, before --timeout', async () => {
  const id = await start('Stuck');
  await mock.clock.advance(60_000);
  const run = await cli(['watch', String(id), '--interval', '50', '--stall', '0.3', '--timeout', '600'], env);
  expect(run.code).toBe(7);
  expect(run.stderr).toContain(`Stopped watching task ${id}: it has not moved for 0.3 s (--stall), still Started at 0%; the task goes on.`);
});
