import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAll } from '../scripts/generate.ts';
import { createBatchCore, type BatchResult } from '../src/index.ts';
import { json, stubFetch, task } from './fetch-stub.ts';

// An operation added to a copy of the spec gets a typed function from the generator, with the
// facts the spec gives it: no hand-written code. Two throwaway operations, one of each flavour.
const SOURCE = fileURLToPath(new URL('../src/', import.meta.url));

function specWithThrowawayOperations(): Record<string, unknown> {
  const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@so-batch/spec/openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
  spec.paths['/api/v1/Agents/Batch/GetBatchTaskInfosByTag'] = {
    post: {
      operationId: 'v1BatchAgent_GetBatchTaskInfosByTag',
      summary: 'Get the batch tasks with a tag',
      'x-so-batch-read': true,
      'x-so-batch-no-result': [null],
      parameters: [{ $ref: '#/components/parameters/Select' }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              xml: { name: 'request' },
              properties: { Tag: { type: 'string' }, Limit: { type: 'integer', format: 'int32' } },
              required: ['Tag', 'Limit'],
            },
          },
        },
      },
      responses: { '200': { description: 'The tasks.', content: { 'application/json': { schema: { $ref: '#/components/schemas/AgentBatchTaskInfoListAnswer' } } } } },
    },
  };
  spec.paths['/api/v1/BatchTask/{id}/Restart'] = {
    post: {
      operationId: 'v1Batch_RestartBatchJob',
      summary: 'Restart a batch job',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } }],
      responses: { '200': { description: 'Whether it restarted.', content: { 'application/json': { schema: { type: 'boolean' } } } } },
    },
  };
  // Its parameter on the path item, JSON with a charset, a 2XX answer, and null as a oneOf variant.
  spec.paths['/api/v1/BatchTask/{id}/Progress'] = {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } }],
    put: {
      operationId: 'v1Batch_SetProgress',
      summary: 'Set a batch task\'s progress',
      requestBody: {
        required: true,
        content: { 'application/json; charset=utf-8': { schema: { allOf: [{ $ref: '#/components/schemas/BatchTaskInfoFields' }], required: ['ProgressPercent', 'ProgressDescription'] } } },
      },
      responses: { '2XX': { description: 'The task, or null.', content: { 'application/json; charset=utf-8': { schema: { oneOf: [{ $ref: '#/components/schemas/BatchTaskInfo' }, { type: 'null' }] } } } } },
    },
  };
  return spec;
}

let dir: string;
let files: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-batch-throwaway-'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(specWithThrowawayOperations()));
  // Generated as `pnpm generate` does, importing the package's own src/ from the temporary folder.
  files = await generateAll(join(dir, 'openapi.json'), relative(dir, SOURCE).replaceAll('\\', '/'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a parameter the functions cannot send as openapi-fetch would is refused by the generator, naming it', async () => {
  const spec = specWithThrowawayOperations() as { paths: Record<string, { post: { parameters: unknown[] } }> };
  spec.paths['/api/v1/BatchTask/{id}/Restart']!.post.parameters.push({ name: 'filter', in: 'query', schema: { type: 'object', properties: { a: { type: 'string' } } } });
  const copy = join(dir, 'object-query.json');
  writeFileSync(copy, JSON.stringify(spec));
  await expect(generateAll(copy)).rejects.toThrow(/^v1Batch_RestartBatchJob: the query parameter filter is not a string, number or boolean \(or an array of them\)/);
});

it.each([
  ['x-so-batch-read on a GET', { get: { operationId: 'v1Batch_Peek', summary: 'x', 'x-so-batch-read': true, responses: { '200': { description: 'x', content: { 'application/json': { schema: { type: 'boolean' } } } } } } }, /^v1Batch_Peek \(GET \/api\/v1\/Peek\): x-so-batch-read is for a POST that only reads/],
  ['x-so-batch-no-result null where the answer cannot be null', { post: { operationId: 'v1Batch_Poke', summary: 'x', 'x-so-batch-no-result': [null], responses: { '200': { description: 'x', content: { 'application/json': { schema: { type: 'boolean' } } } } } } }, /^v1Batch_Poke \(POST \/api\/v1\/Peek\): x-so-batch-no-result lists 200 answers the schema allows/],
])('the generator refuses %s, naming the operation', async (_, item, message) => {
  const spec = specWithThrowawayOperations() as { paths: Record<string, unknown> };
  spec.paths['/api/v1/Peek'] = item;
  const copy = join(dir, 'wrong-extension.json');
  writeFileSync(copy, JSON.stringify(spec));
  await expect(generateAll(copy)).rejects.toThrow(message);
});

it('an optional property of a carrier is refused: it would be a positional argument', async () => {
  const spec = specWithThrowawayOperations() as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } } }> };
  spec.paths['/api/v1/Agents/Batch/GetBatchTaskInfosByTag']!.post.requestBody.content['application/json']!.schema.required = ['Tag'];
  const copy = join(dir, 'optional.json');
  writeFileSync(copy, JSON.stringify(spec));
  await expect(generateAll(copy)).rejects.toThrow(/^v1BatchAgent_GetBatchTaskInfosByTag \(POST \/api\/v1\/Agents\/Batch\/GetBatchTaskInfosByTag\): the request body's Limit is optional/);
});

describe('an operation added to the spec', () => {
  it('gets a function with the spec\'s arguments, $select and answer type', () => {
    expect(files['agents.gen.ts']).toContain(
      'export async function getBatchTaskInfosByTag<const K extends BatchTaskProperty = BatchTaskProperty>(client: AnyBatchClient, tag: string, limit: number, options?: SelectOptions<K>): Promise<BatchResult<Selected<K>[]>>',
    );
    expect(files['rest.gen.ts']).toContain('export async function restartBatchJob(client: AnyBatchClient, id: number, options?: CallOptions): Promise<BatchResult<boolean>>');
    expect(files['agents.gen.ts']).toMatch(/getBatchTaskInfosByTag<const K extends BatchTaskProperty = BatchTaskProperty>\(tag: string, limit: number, options\?: SelectOptions<K>\)/);
    expect(files['reads.gen.ts']).toContain("'/api/v1/Agents/Batch/GetBatchTaskInfosByTag',");
    expect(files['rest.gen.ts']).toContain(
      "export async function setProgress(client: AnyBatchClient, id: number, info: BatchTaskInfoInput & { ProgressPercent: NonNullable<BatchTaskInfoInput['ProgressPercent']>; ProgressDescription: NonNullable<BatchTaskInfoInput['ProgressDescription']> }, options?: CallOptions): Promise<BatchResult<FullBatchTaskInfo | null>>",
    );
  });

  it('type-checks, and a wrong call does not', () => {
    const probe = join(dir, 'probe.ts');
    writeFileSync(
      probe,
      `import { getBatchTaskInfosByTag } from './agents.gen.ts';
import { restartBatchJob } from './rest.gen.ts';
import { createBatchCore } from '${relative(dir, join(SOURCE, 'core.ts')).replaceAll('\\', '/')}';
const client = createBatchCore({ baseUrl: 'https://x.example', auth: { scheme: 'SOTicket', ticket: 't' } });
export const ok = [getBatchTaskInfosByTag(client, 'nightly', 10, { select: ['Name'] }), restartBatchJob(client, 7)];
// @ts-expect-error Limit is an integer in the spec
export const wrong = getBatchTaskInfosByTag(client, 'nightly', '10');
`,
    );
    const { options } = ts.parseJsonConfigFileContent({ extends: fileURLToPath(new URL('../tsconfig.json', import.meta.url)), compilerOptions: { noEmit: true } }, ts.sys, dir);
    const program = ts.createProgram({ rootNames: [probe], options: { ...options, noEmit: true } });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  }, 120_000); // a whole TypeScript program: seconds on an idle machine, far more beside CPU hogs

  it('runs: an Agents read is sent as the spec says, retried, and its null is a failure', async () => {
    const agents = (await import(join(dir, 'agents.gen.ts'))) as { getBatchTaskInfosByTag: (...args: unknown[]) => Promise<BatchResult<unknown>> };
    const { fetch, requests } = stubFetch(json({}, 503), json([task()]), json(null));
    const client = createBatchCore({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch, retry: { retries: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    expect((await agents.getBatchTaskInfosByTag(client, 'nightly', 10, { select: ['Name'] })).data).toEqual([task()]);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search} ${JSON.stringify(r.body)}`)).toEqual([
      'POST /Cust1/api/v1/Agents/Batch/GetBatchTaskInfosByTag?$select=Name {"Tag":"nightly","Limit":10}',
      'POST /Cust1/api/v1/Agents/Batch/GetBatchTaskInfosByTag?$select=Name {"Tag":"nightly","Limit":10}',
    ]);
    expect((await agents.getBatchTaskInfosByTag(client, 'nightly', 10)).error).toMatchObject({ kind: 'null-response', operation: 'v1BatchAgent_GetBatchTaskInfosByTag' });
    await expect(agents.getBatchTaskInfosByTag(client, 'nightly', 1.5)).rejects.toThrow('v1BatchAgent_GetBatchTaskInfosByTag: limit must be a 32-bit integer.');
  });

  it('runs: a REST write is sent once, and its answer is checked against the spec\'s shape', async () => {
    const rest = (await import(join(dir, 'rest.gen.ts'))) as { restartBatchJob: (...args: unknown[]) => Promise<BatchResult<unknown>> };
    const { fetch, requests } = stubFetch(json({}, 503), json(true), json('yes'));
    const client = createBatchCore({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch, retry: { retries: 3, baseDelayMs: 0, maxDelayMs: 0 } });
    expect((await rest.restartBatchJob(client, 7)).error).toMatchObject({ kind: 'http', status: 503 });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['POST /Cust1/api/v1/BatchTask/7/Restart']);
    expect((await rest.restartBatchJob(client, 7)).data).toBe(true);
    expect((await rest.restartBatchJob(client, 7)).error).toMatchObject({ kind: 'unexpected-body', message: expect.stringContaining('expected true or false') });
  });

  it('runs: a path item\'s own parameter, a charset in the media type, a 2XX answer whose null is data', async () => {
    const rest = (await import(join(dir, 'rest.gen.ts'))) as { setProgress: (...args: unknown[]) => Promise<BatchResult<unknown>> };
    const { fetch, requests } = stubFetch(json(task({ ProgressPercent: 50 })), json(null));
    const client = createBatchCore({ baseUrl: 'https://x.example/Cust1', auth: { scheme: 'SOTicket', ticket: 't' }, fetch });
    const info = { ProgressPercent: 50, ProgressDescription: 'Half' };
    expect((await rest.setProgress(client, 7, info)).data).toMatchObject({ ProgressPercent: 50 });
    expect(`${requests[0]!.method} ${requests[0]!.url.pathname} ${JSON.stringify(requests[0]!.body)}`).toBe('PUT /Cust1/api/v1/BatchTask/7/Progress {"ProgressPercent":50,"ProgressDescription":"Half"}');
    expect(await rest.setProgress(client, 7, info)).toMatchObject({ data: null });
    await expect(rest.setProgress(client, 7, { ProgressPercent: 50 })).rejects.toThrow('v1Batch_SetProgress: info.ProgressDescription is required.');
  });
});
