import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpecPath, startMock, type FaultRule, type RunningMock } from '../src/index.ts';
import { seededRandom, similarOperations } from '../src/faults.ts';
import { startPrism, type PrismProcess } from '../src/prism.ts';

// Faults and the rate limit, through real HTTP requests to a mock. These tests run beside others
// on a busy two-core machine: waits are for events or states, bounded by HANG_MS; a duration is
// only ever asserted as a lower bound (a delay is at least as long as asked).
const HANG_MS = 15_000;
const AUTH = 'Basic dGplMDpUamUw';
const START_BUDGET = 120_000;

let prism: PrismProcess;
let mock: RunningMock;
/** Every mock started here, stopped at the end: one Prism serves them all. */
const started: RunningMock[] = [];

async function another(options: Parameters<typeof startMock>[0] = {}): Promise<RunningMock> {
  const next = await startMock({ prismUrl: prism.url, taskRunMs: 3_600_000, ...options });
  started.push(next);
  return next;
}

beforeAll(async () => {
  prism = await startPrism({ specPath: bundledSpecPath(), log: () => {} });
  mock = await another();
}, START_BUDGET);
afterEach(() => mock.reset());
afterAll(async () => {
  for (const each of started) await each.stop();
  await prism?.stop();
  // No credential reached a log line, whatever the faults did.
  for (const each of started) for (const line of each.logs) expect(line).not.toMatch(/dGplMDpUamUw|tje0:Tje0/);
});

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(path: string, body?: unknown, on: RunningMock = mock, signal = AbortSignal.timeout(HANG_MS)): Promise<Answer> {
  const response = await fetch(`${on.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const getInfo = (on: RunningMock = mock) => call('/api/v1/Agents/Batch/GetBatchTaskInfo', { Id: 189 }, on);
const start = (name = 'ExportJob', on: RunningMock = mock) => call('/api/v1/Agents/Batch/StartBatchJob', { BatchTaskInfo: { Name: name } }, on);
const named = (name: string) => mock.tasks().filter((task) => task.Name === name);

/** Waits until `done()` holds, bounded by HANG_MS. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${HANG_MS} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
}

describe('a status fault', () => {
  it('answers the status in the SuperOffice error body, with Retry-After, as many times as asked, then the store answers', async () => {
    const fault = mock.faults.add({ operation: 'v1BatchAgent_GetBatchTaskInfo', status: 503, retryAfter: 2, times: 2 });
    expect(fault.hits).toBe(0);
    for (const expectedHits of [1, 2]) {
      const answer = await getInfo();
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.body).toEqual({ Error: true, ErrorType: 'ServiceUnavailable', ErrorMessage: expect.stringContaining('v1BatchAgent_GetBatchTaskInfo'), ErrorSource: 'so-batch mock' });
      expect(fault.hits).toBe(expectedHits);
    }
    const third = await getInfo();
    expect(third.status).toBe(200);
    expect((third.body as { Id: number }).Id).toBe(189);
    expect(fault.hits).toBe(2);
    // Spent, but listed with its hits until removed.
    expect(mock.faults.list()).toEqual([{ id: fault.id, hits: 2, spent: true, rule: { operation: 'v1BatchAgent_GetBatchTaskInfo', status: 503, retryAfter: 2, times: 2 } }]);
    expect(fault.remove()).toBe(true);
    expect(fault.remove()).toBe(false);
    expect(mock.faults.list()).toEqual([]);
  });

  it('acts only on its operation; without one, on every operation', async () => {
    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', status: 500 });
    expect((await getInfo()).status).toBe(200);
    const any = mock.faults.add({ status: 429, retryAfter: 1, times: Infinity });
    expect((await getInfo()).status).toBe(429);
    expect((await call('/api/v1/BatchTask/Started')).status).toBe(429);
    // Rules are tried in the order added: the StartBatchJob rule comes first for its operation.
    expect((await start()).status).toBe(500);
    expect((await start()).status).toBe(429);
    expect(any.hits).toBe(3);
    // Listed as given: JSON's spelling of Infinity.
    expect(mock.faults.list().map((fault) => fault.rule.times)).toEqual([undefined, 'Infinity']);
  });

  it('comes before the credential check (a failing proxy checks nothing); an unknown path is no operation and gets no fault', async () => {
    mock.faults.add({ status: 502, times: Infinity });
    const response = await fetch(`${mock.url}/api/v1/Agents/Batch/GetBatchTaskInfo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Id":189}', signal: AbortSignal.timeout(HANG_MS) });
    expect(response.status).toBe(502);
    expect((await call('/api/v1/NoSuchThing', {})).status).toBe(404);
  });

  it('a 401 fault says which schemes to use, as the real 401 does', async () => {
    mock.faults.add({ status: 401 });
    const answer = await getInfo();
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/Basic/);
  });
});

describe('before and after', () => {
  it('a before fault on StartBatchJob leaves the store untouched; an after fault starts the job though the client saw 500', async () => {
    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', status: 500 });
    const before = await start('BeforeFaultJob');
    expect(before.status).toBe(500);
    expect(named('BeforeFaultJob')).toEqual([]);

    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', status: 500, when: 'after' });
    const after = await start('AfterFaultJob');
    expect(after.status).toBe(500);
    expect((after.body as { ErrorMessage: string }).ErrorMessage).toMatch(/the request was served/);
    expect(named('AfterFaultJob')).toHaveLength(1);

    // The REST flavour too.
    mock.faults.add({ operation: 'v1Batch_StartBatchJob', status: 504, when: 'after' });
    expect((await call('/api/v1/BatchTask', { Name: 'AfterFaultRestJob' })).status).toBe(504);
    expect(named('AfterFaultRestJob')).toHaveLength(1);
  });

  it('a reset drops the connection with no answer: before, nothing is started; after, the job exists', async () => {
    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', reset: true });
    await expect(start('ResetBeforeJob')).rejects.toThrow(/fetch failed/);
    expect(named('ResetBeforeJob')).toEqual([]);

    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', reset: true, when: 'after' });
    await expect(start('ResetAfterJob')).rejects.toThrow(/fetch failed/);
    expect(named('ResetAfterJob')).toHaveLength(1);
    // The mock goes on serving, and logs what the fault did (not a client abort).
    expect((await getInfo()).status).toBe(200);
    expect(mock.logs.filter((line) => /StartBatchJob - \d+ms fault \d+ \((before|after)\) reset the connection/.test(line))).toHaveLength(2);
  });

  it('a delay answers at least that much later, otherwise normally', async () => {
    mock.faults.add({ operation: 'v1BatchAgent_GetBatchTaskInfo', delayMs: 300 });
    const began = performance.now();
    const answer = await getInfo();
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    expect((answer.body as { Id: number }).Id).toBe(189);
  });

  it('an after delay starts the job at once and answers late; a before delay starts it late, and not at all if the client gives up', async () => {
    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', delayMs: 2_000, when: 'after' });
    const late = start('DelayedAnswerJob');
    await until(() => named('DelayedAnswerJob').length === 1, 'the job started before its answer came');
    const answer = await late;
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(named('DelayedAnswerJob')[0]!.Id);

    // Before: the request arrives late, so the job starts only once the delay has passed.
    const slow = mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', delayMs: 1_500 });
    const arriving = start('SlowArrivalJob');
    await until(() => slow.hits === 1, 'the delay began');
    expect(named('SlowArrivalJob')).toEqual([]);
    expect((await arriving).status).toBe(200);
    expect(named('SlowArrivalJob')).toHaveLength(1);

    const fault = mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', delayMs: 400 });
    const client = new AbortController();
    const gaveUp = call('/api/v1/Agents/Batch/StartBatchJob', { BatchTaskInfo: { Name: 'GaveUpJob' } }, mock, client.signal);
    await until(() => fault.hits === 1, 'the delay began');
    client.abort();
    await expect(gaveUp).rejects.toThrow();
    // Past the delay the request is dropped, not served.
    await until(() => mock.logs.some((line) => /StartBatchJob - \d+ms fault \d+ \(before\) delayed 400 ms/.test(line)), 'the abandoned request logged');
    await new Promise((resolveWait) => setTimeout(resolveWait, 600));
    expect(named('GaveUpJob')).toEqual([]);
  });
});

describe('times and probability', () => {
  /** The statuses of `count` GetBatchTaskInfo calls. */
  async function statuses(count: number): Promise<number[]> {
    const seen: number[] = [];
    for (let index = 0; index < count; index++) seen.push((await getInfo()).status);
    return seen;
  }

  it('the same seed hits the same requests; the hits are the draws below the probability', async () => {
    const rule: FaultRule = { operation: 'v1BatchAgent_GetBatchTaskInfo', status: 500, times: Infinity, probability: 0.4, seed: 20261207 };
    const first = mock.faults.add(rule);
    const run1 = await statuses(25);
    mock.faults.clear();
    const second = mock.faults.add(rule);
    const run2 = await statuses(25);
    expect(run2).toEqual(run1);
    const draws = seededRandom(20261207);
    const expected = Array.from({ length: 25 }, () => (draws() < 0.4 ? 500 : 200));
    expect(run1).toEqual(expected);
    expect(first.hits).toBe(expected.filter((status) => status === 500).length);
    expect(second.hits).toBe(first.hits);
    expect(first.hits).toBeGreaterThan(0);
    expect(first.hits).toBeLessThan(25);

    mock.faults.clear();
    mock.faults.add({ ...rule, seed: 1 });
    expect(await statuses(25)).not.toEqual(run1);
  });

  it('times bounds a probable rule too; probability 1 hits every time', async () => {
    const fault = mock.faults.add({ operation: 'v1BatchAgent_GetBatchTaskInfo', status: 500, times: 3, probability: 1, seed: 5 });
    expect(await statuses(5)).toEqual([500, 500, 500, 200, 200]);
    expect(fault.hits).toBe(3);
  });
});

describe('bad rules', () => {
  const cases: [string, unknown, RegExp][] = [
    ['status 200', { status: 200 }, /status must be a 4xx or 5xx status \(400 to 599\), not 200/],
    ['status 302', { status: 302 }, /status must be a 4xx or 5xx status .*not 302/],
    ['status 600', { status: 600 }, /status must be .*not 600/],
    ['status with delayMs', { status: 500, delayMs: 10 }, /status and delayMs cannot go together/],
    ['delayMs with reset', { delayMs: 10, reset: true }, /delayMs and reset cannot go together/],
    ['no kind', { operation: 'v1BatchAgent_GetBatchTaskInfo' }, /needs one of status .*delayMs .*reset/],
    ['an unknown operation', { operation: 'GetBatchTaskInfo', status: 500 }, /operation "GetBatchTaskInfo" is not an operationId of the Batch spec; similar ones: v1BatchAgent_GetBatchTaskInfo/],
    ['a misspelt operation', { operation: 'v1BatchAgent_GetBatchTaskInf', status: 500 }, /similar ones: v1BatchAgent_GetBatchTaskInfo/],
    ['times 0', { status: 500, times: 0 }, /times must be a whole number of 1 or more, or Infinity, not 0/],
    ['times -1', { status: 500, times: -1 }, /times must be .*not -1/],
    ['times 1.5', { status: 500, times: 1.5 }, /times must be .*not 1\.5/],
    ['probability 0', { status: 500, probability: 0 }, /probability must be above 0 and at most 1, not 0/],
    ['probability 1.5', { status: 500, probability: 1.5 }, /probability must be .*not 1\.5/],
    ['seed without probability', { status: 500, seed: 3 }, /seed goes only with probability/],
    ['retryAfter on a 500', { status: 500, retryAfter: 1 }, /retryAfter goes only with status 429 or 503.*not with status 500/],
    ['retryAfter on a delay', { delayMs: 5, retryAfter: 1 }, /retryAfter goes only with status 429 or 503.*not with delayMs/],
    ['an unknown field', { status: 500, statuss: 1 }, /unknown field "statuss": a rule has operation, status/],
    ['reset false', { reset: false }, /reset must be true/],
    ['delayMs -1', { delayMs: -1 }, /delayMs must be a whole number from 0 to 600000, not -1/],
    ['when during', { status: 500, when: 'during' }, /when must be 'before' or 'after', not "during"/],
    ['not an object', 'boom', /a rule is an object/],
  ];
  for (const [name, rule, message] of cases) {
    it(`throws a TypeError naming the field: ${name}`, () => {
      const thrown = (() => {
        try {
          mock.faults.add(rule as FaultRule);
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(thrown).toBeInstanceOf(TypeError);
      expect((thrown as Error).message).toMatch(/^mock\.faults\.add: /);
      expect((thrown as Error).message).toMatch(message);
      expect(mock.faults.list()).toEqual([]);
    });
  }

  it('similar operations: the one containing the name first', () => {
    const ids = ['v1BatchAgent_GetBatchTaskInfo', 'v1Batch_GetAll', 'v1BatchAgent_StopBatchJob', 'v1Batch_StopBatchJob'];
    expect(similarOperations('StopBatchJob', ids).slice(0, 2).sort()).toEqual(['v1BatchAgent_StopBatchJob', 'v1Batch_StopBatchJob']);
    expect(similarOperations('v1Batch_GetAl', ids)[0]).toBe('v1Batch_GetAll');
  });

  it('startMock refuses a rateLimit or control that cannot be, naming the field, before starting anything', async () => {
    await expect(startMock({ rateLimit: { requests: 0, perMs: 1000 } })).rejects.toThrow(new TypeError('startMock: rateLimit.requests must be a whole number of 1 or more, not 0.'));
    await expect(startMock({ rateLimit: { requests: 5, perMs: 1.5 } })).rejects.toThrow(/rateLimit\.perMs must be a whole number of 1 or more, not 1\.5/);
    await expect(startMock({ rateLimit: { requests: 5 } as never })).rejects.toThrow(/rateLimit\.perMs must be .*not undefined/);
    await expect(startMock({ rateLimit: { requests: 5, perMs: 10, burst: 2 } as never })).rejects.toThrow(/rateLimit: unknown field "burst"/);
    await expect(startMock({ rateLimit: null as never })).rejects.toThrow(TypeError);
    await expect(startMock({ control: 'public' as never })).rejects.toThrow(/control must be 'loopback', 'open' or false, not "public"/);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After in the SuperOffice error body past the limit; reset() forgets the count', async () => {
    const limited = await another({ rateLimit: { requests: 3, perMs: 60_000 } });
    for (let index = 0; index < 3; index++) expect((await getInfo(limited)).status).toBe(200);
    const refused = await getInfo(limited);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({ Error: true, ErrorType: 'TooManyRequests', ErrorMessage: expect.stringMatching(/admits 3 requests per 60000 ms; retry after \d+ s/), ErrorSource: 'so-batch mock' });
    // Every /api request counts, whatever its operation.
    expect((await call('/api/v1/BatchTask/Started', undefined, limited)).status).toBe(429);
    limited.reset();
    expect((await getInfo(limited)).status).toBe(200);
  });

  it('frees once the window ends (a fixed window: the first request after it opens the next)', async () => {
    const limited = await another({ rateLimit: { requests: 2, perMs: 400 } });
    await getInfo(limited);
    await getInfo(limited);
    const refused = await getInfo(limited);
    // Busy machines may take long enough between requests for the window to pass: only a refusal says something.
    if (refused.status === 429) expect(refused.headers.get('retry-after')).toBe('1');
    await new Promise((resolveWait) => setTimeout(resolveWait, 450));
    expect((await getInfo(limited)).status).toBe(200);
  });
});

describe('reset', () => {
  it('mock.reset() removes the faults and puts the store back', async () => {
    mock.faults.add({ status: 500, times: Infinity });
    mock.faults.add({ operation: 'v1BatchAgent_StartBatchJob', status: 500, when: 'after' });
    mock.reset();
    expect(mock.faults.list()).toEqual([]);
    expect((await getInfo()).status).toBe(200);
    expect((await start('AfterResetJob')).status).toBe(200);
    mock.reset();
    expect(named('AfterResetJob')).toEqual([]);
  });
});
