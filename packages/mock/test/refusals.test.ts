import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpecPath, startMock, type RunningMock } from '../src/index.ts';

// What the spec says the mock refuses is what the mock refuses: each request example is either
// one the mock accepts, or marked in its summary as one it refuses with 400; the default (first)
// example of an operation is always one it accepts, so a tool that sends the default gets 2xx.

type Doc = { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
type Operation = { operationId: string; parameters?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> };
type Parameter = { name: string; in: string; schema: { example?: unknown }; example?: unknown; examples?: Record<string, unknown> };
type Example = { summary?: string; value: unknown };

const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8')) as Doc;
/** A value, or the component a local `$ref` points at. */
function deref<T>(value: unknown): T {
  const ref = (value as { $ref?: string } | undefined)?.$ref;
  if (!ref) return value as T;
  const [, , kind, name] = ref.split('/');
  return deref<T>(spec.components[kind!]![name!]);
}
const REFUSED = /the mock refuses it with 400/;

const HANG_MS = 15_000;
const START_BUDGET = 120_000;
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
}, START_BUDGET);
afterAll(async () => {
  await mock?.stop();
});

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'put', 'post', 'delete'].includes(method))
    .map(([method, op]) => ({ path, method: method.toUpperCase(), op, parameters: (op.parameters ?? []).map((p) => deref<Parameter>(p)) })),
);

describe('every path parameter has an `example` (in its schema, for tools that read only that) and `examples`', () => {
  const cases = operations.flatMap(({ op, parameters }) => parameters.filter((p) => p.in === 'path').map((p) => ({ label: `${op.operationId} {${p.name}}`, p })));
  it('there are path parameters to check', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  it.each(cases)('$label', ({ p }) => {
    expect(p.schema.example).toBeDefined();
    const values = Object.values(p.examples ?? {}).map((e) => deref<Example>(e).value);
    expect(values.length).toBeGreaterThan(0);
    expect(values).toContainEqual(p.schema.example);
  });
});

describe('each request example gets what the spec says: 2xx, or 400 where its summary says the mock refuses it', () => {
  const cases = operations.flatMap(({ path, method, op, parameters }) => {
    const media = deref<{ content?: Record<string, { examples?: Record<string, unknown> }> } | undefined>(op.requestBody)?.content?.['application/json'];
    return Object.entries(media?.examples ?? {}).map(([name, raw], index) => ({ label: `${op.operationId} (${name})`, path, method, op, parameters, index, example: deref<Example>(raw) }));
  });

  it('the pages\' update samples, which set State "All", are marked as refused, and not the default', () => {
    const refused = cases.filter((c) => REFUSED.test(c.example.summary ?? ''));
    expect(refused.map((c) => c.label).sort()).toEqual(['v1BatchAgent_UpdateBatchTask (page)', 'v1Batch_UpdateBatchTask (page)']);
    expect(refused.every((c) => c.index > 0)).toBe(true);
  });

  it.each(cases)('$label', async ({ path, method, op, parameters, example }) => {
    mock.reset();
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameters.find((p) => p.name === name)!.schema.example));
    const reply = await fetch(`${mock.url}${url}`, {
      method,
      headers: { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' },
      body: JSON.stringify(example.value),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await reply.text();
    if (REFUSED.test(example.summary ?? '')) {
      expect(reply.status, text).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ Error: true, ErrorType: 'BadRequest', ErrorMessage: expect.stringMatching(/"All" is a filter/) });
      // The operation's 400 says so.
      expect(deref<{ description: string }>(op.responses['400']).description).toMatch(/`State` is `All`/);
    } else {
      expect(reply.status, text).toBeGreaterThanOrEqual(200);
      expect(reply.status, text).toBeLessThan(300);
    }
  });
});

describe('the 400 of each operation the mock refuses for its own reasons names those reasons', () => {
  const descriptionOf = (operationId: string) => {
    const { op } = operations.find((o) => o.op.operationId === operationId)!;
    return deref<{ description: string }>(op.responses['400']).description;
  };
  it.each(['v1BatchAgent_UpdateBatchTask', 'v1Batch_UpdateBatchTask'])('%s: State All, the string cap', (id) => {
    expect(descriptionOf(id)).toMatch(/`State` is `All`/);
    expect(descriptionOf(id)).toMatch(/longer than 8192 characters/);
  });
  it.each(['v1BatchAgent_StartBatchJob', 'v1Batch_StartBatchJob'])('%s: the string cap, the parameter size, a blank name', (id) => {
    expect(descriptionOf(id)).toMatch(/longer than 8192 characters/);
    expect(descriptionOf(id)).toMatch(/more than 16384 bytes/);
    expect(descriptionOf(id)).toMatch(/`Name` is missing or blank/);
  });
  it('v1Batch_GetAll: the OData refusals', () => {
    expect(descriptionOf('v1Batch_GetAll')).toMatch(/\$filter/);
  });

  it('the figures in the descriptions are the mock\'s defaults', async () => {
    const { DEFAULT_MAX_STRING, DEFAULT_MAX_PARAMETER_BYTES } = await import('../src/store.ts');
    expect(descriptionOf('v1Batch_StartBatchJob')).toContain(`longer than ${DEFAULT_MAX_STRING} characters`);
    expect(descriptionOf('v1Batch_StartBatchJob')).toContain(`more than ${DEFAULT_MAX_PARAMETER_BYTES} bytes`);
  });
});

describe('ParameterObject is a dictionary of strings: a value of another kind gets 400 naming its key', () => {
  const starts = [
    ['REST', '/api/v1/BatchTask', (parameters: unknown) => ({ Name: 'ExportJob', ParameterObject: parameters })],
    ['Agents', '/api/v1/Agents/Batch/StartBatchJob', (parameters: unknown) => ({ BatchTaskInfo: { Name: 'ExportJob', ParameterObject: parameters } })],
  ] as const;
  const start = (path: string, body: unknown) =>
    fetch(`${mock.url}${path}`, { method: 'POST', headers: { Authorization: 'Basic dGplMDpUamUw', 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(HANG_MS) });

  it.each(starts.flatMap(([form, path, wrap]) => [
    { label: `${form}: a number`, path, body: wrap({ Folder: 'exports', Count: 3 }), key: 'Count' },
    { label: `${form}: a nested object`, path, body: wrap({ Folder: 'exports', Nested: { a: true } }), key: 'Nested' },
    { label: `${form}: a boolean`, path, body: wrap({ Verbose: true }), key: 'Verbose' },
    { label: `${form}: an array`, path, body: wrap({ Files: ['a', 'b'] }), key: 'Files' },
    { label: `${form}: null`, path, body: wrap({ Folder: null }), key: 'Folder' },
    // Prism spells "/" and "~" in a key as ~1 and ~0: the message names the key as sent.
    { label: `${form}: a key with / and ~`, path, body: wrap({ 'in/out~1': 2 }), key: 'in/out~1' },
  ]))('$label', async ({ path, body, key }) => {
    const reply = await start(path, body);
    const text = await reply.text();
    expect(reply.status, text).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ Error: true, ErrorType: 'BadRequest', ErrorMessage: expect.stringContaining(`ParameterObject.${key}`) });
  });

  it.each(starts)('%s: string values are stored and read back as sent', async (_, path, wrap) => {
    mock.reset();
    const reply = await start(path, wrap({ Folder: 'exports', Count: '3', Json: '{"a":true}' }));
    expect(reply.status).toBe(200);
    const id = (await reply.json()) as number;
    const task = await fetch(`${mock.url}/api/v1/BatchTask/${id}`, { headers: { Authorization: 'Basic dGplMDpUamUw' }, signal: AbortSignal.timeout(HANG_MS) });
    expect(await task.json()).toMatchObject({ Id: id, ParameterObject: { Folder: 'exports', Count: '3', Json: '{"a":true}' } });
  });
});
