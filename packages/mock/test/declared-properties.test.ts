import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundledSpecPath, startMock, type RunningMock } from '../src/index.ts';

// The store knows no property by a list of its own: one the spec adds to BatchTaskInfo is kept
// from a start and answered, as the server would. A copy of the spec with `Priority` added.

const AUTH = { authorization: `Basic ${Buffer.from('tje0:Tje0').toString('base64')}`, 'content-type': 'application/json' };
let dir: string;
let mock: RunningMock;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-batch-declared-'));
  const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
  const fields = spec.components.schemas.BatchTaskInfoFields;
  // After FileName, as an author would add it: answers follow the spec's order.
  fields.properties = Object.fromEntries(
    Object.entries(fields.properties).flatMap(([name, schema]) =>
      name === 'FileName' ? [[name, schema], ['Priority', { description: 'How urgent the task is.', type: ['integer', 'null'], format: 'int32' }]] : [[name, schema]],
    ),
  );
  const specPath = join(dir, 'openapi.json');
  writeFileSync(specPath, JSON.stringify(spec));
  mock = await startMock({ specPath, clock: 'manual' });
}, 120_000);

afterAll(async () => {
  await mock?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${mock.url}/api/v1/Agents/Batch/${path}`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

it('a property the spec adds is stored from a start and answered, in the spec\'s order', async () => {
  const started = await post('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob', Priority: 2 } });
  expect(started.status).toBe(200);
  const read = await post('GetBatchTaskInfo', { Id: started.body });
  expect(read).toMatchObject({ status: 200, body: { Name: 'ExportJob', Priority: 2 } });
  const keys = Object.keys(read.body as object);
  expect(keys.indexOf('Priority')).toBe(keys.indexOf('FileName') + 1);
});

it('the new property is held to the spec (Prism) and to the string caps', async () => {
  expect((await post('StartBatchJob', { BatchTaskInfo: { Name: 'ExportJob', Priority: 'high' } })).status).toBe(400);
});
