import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { bundledSpecPath, controlSpecPath, loadSpec, startMock, type JobBehaviour, type RunningMock } from '../src/index.ts';
import { isLoopbackAddress, type ClockControls, type JobControls } from '../src/control.ts';
import { FaultSet } from '../src/faults.ts';
import { createFront, resolveLimits } from '../src/front.ts';
import { indexOperations } from '../src/spec.ts';
import { TaskStore } from '../src/store.ts';
import type { components } from '../src/generated/control.gen.ts';
import { GENERATED_PATH, generateControlTypes } from '../scripts/generate.ts';

// The control API over HTTP (spec/control/openapi.yaml). None of it needs Prism: a stand-in that
// answers 200 to everything lets the store answer the few /api requests here.
const HANG_MS = 15_000;
const AUTH = 'Basic dGplMDpUamUw';

let standIn: Server;
let standInUrl: string;
let mock: RunningMock;
const mocks: RunningMock[] = [];

async function another(options: Parameters<typeof startMock>[0] = {}): Promise<RunningMock> {
  const next = await startMock({ prismUrl: standInUrl, taskRunMs: 3_600_000, ...options });
  mocks.push(next);
  return next;
}

beforeAll(async () => {
  standIn = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  await new Promise<void>((resolveListen) => standIn.listen(0, '127.0.0.1', () => resolveListen()));
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  mock = await another();
});
afterEach(() => mock.reset());
afterAll(async () => {
  for (const each of mocks) await each.stop();
  await new Promise((resolveClose) => standIn.close(resolveClose));
  for (const each of mocks) for (const line of each.logs) expect(line).not.toMatch(/dGplMDpUamUw|tje0:Tje0/);
});

async function control(method: string, path: string, body?: unknown, base = mock.url, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

const getInfo = (base = mock.url) =>
  fetch(`${base}/api/v1/Agents/Batch/GetBatchTaskInfo`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: '{"Id":189}', signal: AbortSignal.timeout(HANG_MS) });

const errorBody = (message: RegExp | string, type = 'BadRequest') => ({ Error: true, ErrorType: type, ErrorMessage: typeof message === 'string' ? message : expect.stringMatching(message), ErrorSource: 'so-batch mock' });

describe('faults over HTTP', () => {
  it('POST adds a rule (201, Location), which then acts on /api; GET lists and reads it with its hits; DELETE removes it', async () => {
    const added = await control('POST', '/mock/faults', { operation: 'v1BatchAgent_GetBatchTaskInfo', status: 503, retryAfter: 1, times: 'Infinity' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(Number), hits: 0, spent: false, rule: { operation: 'v1BatchAgent_GetBatchTaskInfo', status: 503, retryAfter: 1, times: 'Infinity' } });
    const id = added.body.id as number;
    expect(added.headers.get('location')).toBe(`/mock/faults/${id}`);

    const hit = await getInfo();
    expect(hit.status).toBe(503);
    expect(hit.headers.get('retry-after')).toBe('1');

    expect((await control('GET', '/mock/faults')).body).toEqual([{ ...added.body, hits: 1 }]);
    expect((await control('GET', `/mock/faults/${id}`)).body).toEqual({ ...added.body, hits: 1 });
    // The JS API sees the same rule.
    expect(mock.faults.list()).toEqual([{ ...added.body, hits: 1 }]);

    expect((await control('DELETE', `/mock/faults/${id}`)).status).toBe(204);
    expect((await control('GET', `/mock/faults/${id}`))).toMatchObject({ status: 404, body: errorBody(`There is no fault ${id}: GET /mock/faults lists them.`, 'NotFound') });
    expect((await control('DELETE', `/mock/faults/${id}`)).status).toBe(404);
    expect((await getInfo()).status).toBe(200);
  });

  it('DELETE /mock/faults removes them all', async () => {
    await control('POST', '/mock/faults', { status: 500 });
    await control('POST', '/mock/faults', { reset: true });
    expect((await control('GET', '/mock/faults')).body).toHaveLength(2);
    expect((await control('DELETE', '/mock/faults')).status).toBe(204);
    expect((await control('GET', '/mock/faults')).body).toEqual([]);
  });

  const bad: [string, unknown, RegExp][] = [
    ['status 200', { status: 200 }, /^POST \/mock\/faults: status must be a 4xx or 5xx status .*not 200/],
    ['an unknown operation', { operation: 'GetAll', status: 500 }, /operation "GetAll" is not an operationId .*similar ones: v1Batch_GetAll/],
    ['times "forever"', { status: 500, times: 'forever' }, /times must be a whole number of 1 or more, or Infinity, not "forever"/],
    ['times 0', { status: 500, times: 0 }, /times must be .*not 0/],
    ['status with delayMs', { status: 500, delayMs: 5 }, /status and delayMs cannot go together/],
    ['an unknown field', { status: 500, color: 'red' }, /unknown field "color"/],
    ['seed without probability', { status: 500, seed: 1 }, /seed goes only with probability/],
    ['an array', [], /a rule is an object/],
  ];
  for (const [name, body, message] of bad) {
    it(`answers a rule that cannot be true with 400 naming the property: ${name}`, async () => {
      const answer = await control('POST', '/mock/faults', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(errorBody(message));
      expect(mock.faults.list()).toEqual([]);
    });
  }

  it('answers a body that is no JSON, or not JSON at all, or an id that is no id, with a 4xx naming it', async () => {
    expect(await control('POST', '/mock/faults', '{"status": 5')).toMatchObject({ status: 400, body: errorBody(/^The request body is not valid JSON/) });
    expect(await control('POST', '/mock/faults', 'status=500', mock.url, { 'content-type': 'text/plain' })).toMatchObject({ status: 415, body: errorBody(/send application\/json/, 'UnsupportedMediaType') });
    expect(await control('POST', '/mock/faults')).toMatchObject({ status: 415 });
    expect(await control('GET', '/mock/faults/abc')).toMatchObject({ status: 400, body: errorBody(/the fault's id is a whole number of 1 or more, not "abc"/) });
    expect(await control('PUT', '/mock/faults', {})).toMatchObject({ status: 405, body: errorBody(/PUT is not allowed on \/mock\/faults: use GET or POST or DELETE/, 'MethodNotAllowed') });
    expect(await control('GET', '/mock/nothing')).toMatchObject({ status: 404, body: errorBody(/No control at \/mock\/nothing: the control API has \/mock\/faults/, 'NotFound') });
  });
});

describe('reset over HTTP', () => {
  it('POST /mock/reset removes faults, puts the store back and forgets the rate limit count', async () => {
    const limited = await another({ rateLimit: { requests: 2, perMs: 600_000 } });
    await control('POST', '/mock/faults', { operation: 'v1BatchAgent_StopBatchJob', status: 500, times: 'Infinity' }, limited.url);
    const started = await fetch(`${limited.url}/api/v1/Agents/Batch/StartBatchJob`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: '{"BatchTaskInfo":{"Name":"ResetMeJob"}}', signal: AbortSignal.timeout(HANG_MS) });
    expect(started.status).toBe(200);
    expect(limited.tasks().some((task) => task.Name === 'ResetMeJob')).toBe(true);
    expect((await getInfo(limited.url)).status).toBe(200);
    expect((await getInfo(limited.url)).status).toBe(429);

    expect((await control('POST', '/mock/reset', undefined, limited.url)).status).toBe(204);
    expect(limited.faults.list()).toEqual([]);
    expect(limited.tasks().some((task) => task.Name === 'ResetMeJob')).toBe(false);
    expect((await getInfo(limited.url)).status).toBe(200);
    // The control API itself is not rate limited.
    expect((await control('GET', '/mock/faults', undefined, limited.url)).status).toBe(200);
  });
});

describe('who may use it', () => {
  const external = Object.values(networkInterfaces()).flat().find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

  it('knows loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '', undefined]) expect(isLoopbackAddress(address), String(address)).toBe(false);
  });

  it.skipIf(!external)('refuses another machine (403) by default; control: open lets it in; /api is served either way', async () => {
    const listening = await another({ host: '0.0.0.0' });
    const outside = `http://${external}:${listening.port}`;
    expect(await control('GET', '/mock/faults', undefined, outside)).toMatchObject({ status: 403, body: errorBody(/answers only requests from this machine: start the mock with control: 'open'/, 'Forbidden') });
    expect((await control('GET', '/mock/faults', undefined, `http://127.0.0.1:${listening.port}`)).status).toBe(200);
    expect((await getInfo(outside)).status).toBe(200);

    const open = await another({ host: '0.0.0.0', control: 'open' });
    expect((await control('GET', '/mock/faults', undefined, `http://${external}:${open.port}`)).status).toBe(200);
  });

  it('control: false turns it off (404, as any unknown path)', async () => {
    const off = await another({ control: false });
    expect(await control('GET', '/mock/faults', undefined, off.url)).toMatchObject({ status: 404, body: errorBody(/No Batch operation at \/mock\/faults/, 'NotFound') });
    expect((await control('POST', '/mock/reset', undefined, off.url)).status).toBe(404);
  });

  it('refuses a web page of another origin, even on this machine', async () => {
    expect(await control('POST', '/mock/reset', undefined, mock.url, { origin: 'https://evil.example' })).toMatchObject({ status: 403, body: errorBody(/does not answer web pages of other origins/, 'Forbidden') });
    expect((await control('GET', '/mock/faults', undefined, mock.url, { origin: mock.url })).status).toBe(200);
  });
});

describe('clock and jobs', () => {
  it("are the mock's own: a job defined over HTTP runs as defined, on the clock advanced over HTTP", async () => {
    const manual = await another({ clock: 'manual' });
    const started = manual.clock.now();
    expect(await control('PUT', '/mock/jobs/Payroll', { runMs: 60_000, failAtPercent: 40 }, manual.url)).toMatchObject({ status: 200 });
    expect(manual.jobs.list()).toEqual([{ name: 'Payroll', behaviour: { runMs: 60_000, failAtPercent: 40 } }]);
    expect(await control('GET', '/mock/jobs', undefined, manual.url)).toMatchObject({ status: 200, body: { Payroll: { runMs: 60_000, failAtPercent: 40 } } });
    expect(await control('POST', '/mock/clock/advance', { ms: 3_600_000 }, manual.url)).toMatchObject({ status: 200, body: { now: started + 3_600_000 } });
    expect(manual.clock.now()).toBe(started + 3_600_000);
    expect(await control('PUT', '/mock/jobs/Payroll', { failAtPercent: 140 }, manual.url)).toMatchObject({ status: 400, body: errorBody(/failAtPercent/, 'BadRequest') });
    // A real clock cannot be moved: 400 naming the mode, not a 5xx.
    expect(await control('POST', '/mock/clock/advance', { ms: 1000 })).toMatchObject({ status: 400, body: errorBody(/clock is real/, 'BadRequest') });
  });

  describe('with a clock and job definitions', () => {
    let front: Server;
    let base: string;
    let time = Date.UTC(2026, 11, 7, 12, 0, 0);
    const defined = new Map<string, JobBehaviour>();
    const clock: ClockControls = {
      now: () => time,
      advance: async (ms) => {
        time += ms;
      },
    };
    const jobs: JobControls = {
      define: (name, behaviour) => {
        if (behaviour.hang && behaviour.failAtPercent !== undefined) throw new TypeError('mock.jobs.define: hang and failAtPercent cannot go together.');
        defined.set(name, behaviour);
      },
      remove: (name) => defined.delete(name),
      clear: () => defined.clear(),
      list: () => Object.fromEntries(defined),
    };

    beforeAll(async () => {
      const doc = loadSpec(bundledSpecPath());
      const store = new TaskStore([]);
      front = createFront({
        doc,
        prismUrl: standInUrl,
        ...resolveLimits({}),
        store,
        log: () => {},
        control: { access: 'loopback', faults: new FaultSet(indexOperations(doc).map((operation) => operation.operationId)), reset: () => store.reset(), clock, jobs },
      });
      await new Promise<void>((resolveListen) => front.listen(0, '127.0.0.1', () => resolveListen()));
      base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      front.closeAllConnections();
      await new Promise((resolveClose) => front.close(resolveClose));
    });

    it('reads and advances the clock', async () => {
      expect((await control('GET', '/mock/clock', undefined, base)).body).toEqual({ now: time, time: '2026-12-07T12:00:00.000Z' });
      expect((await control('POST', '/mock/clock/advance', { ms: 3_600_000 }, base)).body).toEqual({ now: Date.UTC(2026, 11, 7, 13), time: '2026-12-07T13:00:00.000Z' });
      expect(await control('POST', '/mock/clock/advance', { ms: -5 }, base)).toMatchObject({ status: 400, body: errorBody(/^POST \/mock\/clock\/advance: ms must be >= 0/) });
      expect(await control('POST', '/mock/clock/advance', { ms: 5, seconds: 5 }, base)).toMatchObject({ status: 400, body: errorBody(/: seconds is not a property of it/) });
      expect(await control('POST', '/mock/clock/advance', {}, base)).toMatchObject({ status: 400, body: errorBody(/: ms is required \(the control API's ClockAdvance schema\)/) });
      expect(await control('PUT', '/mock/clock', {}, base)).toMatchObject({ status: 405 });
    });

    it('defines, reads, lists and removes job behaviours, checking them against the JobBehaviour schema', async () => {
      const put = await control('PUT', '/mock/jobs/Export%20Job', { runMs: 10_000, failAtPercent: 40 }, base);
      expect(put).toMatchObject({ status: 200, body: { runMs: 10_000, failAtPercent: 40 } });
      expect((await control('GET', '/mock/jobs/Export%20Job', undefined, base)).body).toEqual({ runMs: 10_000, failAtPercent: 40 });
      expect((await control('GET', '/mock/jobs', undefined, base)).body).toEqual({ 'Export Job': { runMs: 10_000, failAtPercent: 40 } });

      expect(await control('PUT', '/mock/jobs/Bad', { failAtPercent: 140 }, base)).toMatchObject({ status: 400, body: errorBody(/^PUT \/mock\/jobs\/Bad: failAtPercent must be <= 100/) });
      expect(await control('PUT', '/mock/jobs/Bad', { cancellation: 'Maybe' }, base)).toMatchObject({ status: 400, body: errorBody(/cancellation must be equal to one of the allowed values \(CanCancel, CancelWithWarning, CannotCancel\)/) });
      expect(await control('PUT', '/mock/jobs/Bad', { hangs: true }, base)).toMatchObject({ status: 400, body: errorBody(/hangs is not a property of it/) });
      // What the schema cannot say, define() refuses: its TypeError becomes the 400.
      expect(await control('PUT', '/mock/jobs/Bad', { hang: true, failAtPercent: 10 }, base)).toMatchObject({ status: 400, body: errorBody(/hang and failAtPercent cannot go together/) });
      expect(defined.has('Bad')).toBe(false);

      expect((await control('DELETE', '/mock/jobs/Export%20Job', undefined, base)).status).toBe(204);
      expect((await control('DELETE', '/mock/jobs/Export%20Job', undefined, base)).status).toBe(404);
      expect((await control('GET', '/mock/jobs/Export%20Job', undefined, base)).status).toBe(404);
      await control('PUT', '/mock/jobs/A', { hang: true }, base);
      expect((await control('DELETE', '/mock/jobs', undefined, base)).status).toBe(204);
      expect(defined.size).toBe(0);
    });
  });
});

describe('the document', () => {
  it('src/generated/control.gen.ts is what `pnpm generate` writes from spec/control/openapi.yaml', async () => {
    expect(readFileSync(GENERATED_PATH, 'utf8'), 'stale: run `pnpm generate` and commit src/generated/control.gen.ts').toBe(await generateControlTypes(controlSpecPath()));
  });

  it('the JS API takes the types generated from the document (tsc checks this)', () => {
    expectTypeOf<Parameters<RunningMock['faults']['add']>[0]>().toEqualTypeOf<components['schemas']['FaultRule']>();
    expectTypeOf<ReturnType<RunningMock['faults']['list']>>().toEqualTypeOf<components['schemas']['Fault'][]>();
    expectTypeOf<Parameters<JobControls['define']>[1]>().toEqualTypeOf<components['schemas']['JobBehaviour']>();
  });

  it('mock.faults.add() and the FaultRule schema agree on what a rule can be', () => {
    const doc = JSON.parse(readFileSync(controlSpecPath(), 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...doc, $id: 'control' });
    const schemaAccepts = ajv.compile({ $ref: 'control#/components/schemas/FaultRule' });
    const faults: FaultSet = new FaultSet(indexOperations(loadSpec(bundledSpecPath())).map((operation) => operation.operationId));
    const rules: unknown[] = [
      { status: 500 }, { status: 429, retryAfter: 3 }, { status: 503, retryAfter: 0, times: 'Infinity', when: 'after' }, { delayMs: 0 }, { delayMs: 600_000 }, { reset: true, probability: 1, seed: 4 },
      { operation: 'v1Batch_GetAll', status: 404, times: 7 }, { reset: true, probability: 0.001 },
      { status: 399 }, { status: 600 }, { status: 200 }, { status: 500.5 }, { status: '500' }, { delayMs: 600_001 }, { delayMs: -1 }, { reset: false }, { reset: true, status: 500 },
      { status: 500, times: 0 }, { status: 500, times: 1.5 }, { status: 500, times: 'infinity' }, { status: 500, probability: 0 }, { status: 500, probability: 1.01 },
      { status: 500, seed: 1 }, { status: 500, retryAfter: 1 }, { delayMs: 1, retryAfter: 1 }, { status: 429, retryAfter: -1 }, { status: 500, when: 'later' }, { status: 500, extra: 1 }, {}, { operation: '', status: 500 },
    ];
    const jsAccepts = (rule: unknown) => {
      try {
        faults.check(rule);
        return true;
      } catch {
        return false;
      }
    };
    for (const rule of rules) expect(jsAccepts(rule), `mock.faults.add(${JSON.stringify(rule)}) against the schema's ${String(schemaAccepts(rule))}`).toBe(schemaAccepts(rule));

    // And on generated rules: a valid rule, then up to two fields set to values from both sides of
    // their bounds, so that most cases are one step from valid. (The operation is a real one or
    // absent: that it names one of the Batch spec's is the JS check's alone, since the control
    // document does not copy the Batch spec's operationIds.)
    const valid = fc.record(
      {
        operation: fc.constantFrom('v1BatchAgent_GetBatchTaskInfo', 'v1Batch_GetAll'),
        when: fc.constantFrom('before', 'after'),
        times: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('Infinity')),
        probability: fc.double({ min: 0.01, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    ).chain((extras) =>
      fc.oneof(
        fc.record({ status: fc.integer({ min: 400, max: 599 }) }),
        fc.record({ status: fc.constantFrom(429, 503), retryAfter: fc.integer({ min: 0, max: 86_400 }) }),
        fc.record({ delayMs: fc.integer({ min: 0, max: 600_000 }) }),
        fc.constant({ reset: true }),
      ).chain((kind) => fc.constant({ ...extras, ...kind, ...(extras.probability !== undefined && extras.times === 2 ? { seed: 7 } : {}) })),
    );
    const change = fc.oneof(
      fc.tuple(fc.constant('status'), fc.oneof(fc.integer({ min: 100, max: 700 }), fc.constantFrom(399, 400, 429, 503, 599, 600, 500.5, '500'))),
      fc.tuple(fc.constant('retryAfter'), fc.oneof(fc.integer({ min: -2, max: 90_000 }), fc.constantFrom(0, 86_400, 86_401, 1.5))),
      fc.tuple(fc.constant('delayMs'), fc.oneof(fc.integer({ min: -2, max: 700_000 }), fc.constantFrom(0, 600_000, 600_001))),
      fc.tuple(fc.constant('reset'), fc.constantFrom(true, false, 'true')),
      fc.tuple(fc.constant('when'), fc.constantFrom('before', 'after', 'later', null)),
      fc.tuple(fc.constant('times'), fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constantFrom(1.5, 'Infinity', 'infinity', null))),
      fc.tuple(fc.constant('probability'), fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(0, 1, 1.0000001))),
      fc.tuple(fc.constant('seed'), fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constantFrom(4294967295, 4294967296, 0.5))),
      fc.tuple(fc.constant('operation'), fc.constantFrom('', 7)),
      fc.tuple(fc.constant('colour'), fc.constant('red')),
    );
    const rule = fc.tuple(valid, fc.array(change, { maxLength: 2 })).map(([base, changes]) => ({ ...base, ...Object.fromEntries(changes) }) as Record<string, unknown>);
    fc.assert(fc.property(rule, (generated) => jsAccepts(generated) === schemaAccepts(generated)), { seed: 20261207, numRuns: 2_000 });
  });
});
