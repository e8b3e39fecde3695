// waitForBatchTask's own limits, timeoutMs and stallMs, on vitest's fake timers: the test moves
// the clock (setTimeout, performance.now), so nothing here depends on how busy the machine is.
import { inspect } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BatchTaskStalledError,
  BatchTimeoutError,
  BatchWaitTimeoutError,
  createBatchClient,
  createBatchCore,
  waitForBatchTask,
  type BatchClientOptions,
  type BatchTaskInfo,
  type WaitOptions,
} from '../src/index.ts';
import { hangingFetch, json, stubFetch, task } from './fetch-stub.ts';

const TICKET = '7T:WAIT-TICKET-SECRET==';

function client(fetch: BatchClientOptions['fetch'], extra: Partial<BatchClientOptions> = {}) {
  return createBatchClient({ baseUrl: 'https://online.superoffice.com/Cust12345', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch, ...extra });
}

const started = (percent: number, description = `Step ${1 + Math.floor(percent / 20)} of 5`) => json(task({ State: 'Started', ProgressPercent: percent, ProgressDescription: description }));

/** The wait's outcome, and whether it has settled yet (the clock only moves when the test moves it). */
function track<T>(promise: Promise<T>) {
  const tracked = { settled: false, promise };
  void promise.then(() => (tracked.settled = true));
  return tracked;
}

// The wait loads its body (waiting.ts) once its clock runs; loaded here first, so that the real
// time reading that file takes does not race the fake clock of the first test.
beforeAll(async () => {
  await import('../src/waiting.ts');
});
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('waitForBatchTask timeoutMs: the whole wait', () => {
  it('ends with kind timeout at timeoutMs, saying how long it waited and how the task was last seen', async () => {
    const { fetch, requests } = stubFetch(started(40));
    const wait = track(client(fetch).waitForBatchTask(248, { intervalMs: 1000, timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(4999);
    expect(wait.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.settled).toBe(true);
    const { data, error } = await wait.promise;
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', scope: 'wait', timeoutMs: 5000, waitedMs: 5000, operation: 'waitForBatchTask' });
    expect((error as BatchWaitTimeoutError).task).toMatchObject({ Id: 248, State: 'Started', ProgressPercent: 40 });
    expect(error!.message).toBe('waitForBatchTask: batch task 248 did not end within 5000 ms (timeoutMs): waited 5000 ms, last seen Started at 40% (Step 3 of 5)');
    // Polls at 0, 1000, ..., 4000; none after the deadline, and no timer left behind.
    expect(requests).toHaveLength(5);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cuts a poll in flight at the deadline: a hung request does not outlast it', async () => {
    const hang = hangingFetch();
    const signals: AbortSignal[] = [];
    const { fetch, requests } = stubFetch(started(40), started(40), (request) => {
      signals.push(request.signal);
      return hang(request);
    });
    // The client would give each attempt 30 s; the wait has 2.5 s.
    const wait = track(client(fetch, { timeoutMs: 30_000 }).waitForBatchTask(248, { intervalMs: 1000, timeoutMs: 2500 }));
    await vi.advanceTimersByTimeAsync(2500);
    expect(wait.settled).toBe(true);
    const { error } = await wait.promise;
    expect(requests).toHaveLength(3);
    expect(signals[0]!.aborted).toBe(true);
    expect(error).toMatchObject({ kind: 'timeout', scope: 'wait', timeoutMs: 2500, waitedMs: 2500 });
    expect(error!.message).toMatch(/waited 2500 ms, last seen Started at 40%/);
  });

  it('says so when no poll had answered yet', async () => {
    const wait = track(client(hangingFetch()).waitForBatchTask(248, { timeoutMs: 800 }));
    await vi.advanceTimersByTimeAsync(800);
    expect(wait.settled).toBe(true);
    const { error } = await wait.promise;
    expect(error).toMatchObject({ kind: 'timeout', scope: 'wait', task: undefined });
    expect(error!.message).toBe('waitForBatchTask: batch task 248 did not end within 800 ms (timeoutMs): waited 800 ms, no poll had answered yet');
  });

  it('a poll that gets no answer within the client\'s per-attempt timeoutMs is a timeout too, of scope poll, with the task as last seen', async () => {
    const { fetch } = stubFetch(started(20), hangingFetch());
    const wait = track(client(fetch, { timeoutMs: 1000 }).waitForBatchTask(248, { intervalMs: 500, timeoutMs: 60_000 }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(wait.settled).toBe(true);
    const { error } = await wait.promise;
    expect(error).toBeInstanceOf(BatchWaitTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', scope: 'poll', timeoutMs: 1000, waitedMs: 1500, task: { ProgressPercent: 20 } });
    expect(error!.message).toBe("waitForBatchTask: no answer within 1000 ms to a poll of batch task 248 (the client's per-attempt timeoutMs), after 1500 ms of waiting, last seen Started at 20% (Step 2 of 5)");
  });

  it('covers the retries of a poll: a 503 retried past the deadline ends at the deadline', async () => {
    const { fetch, requests } = stubFetch(started(40), json({ ErrorMessage: 'busy' }, 503, { 'retry-after': '2' }));
    const busy = client(fetch, { retry: { retries: 5, baseDelayMs: 100, maxDelayMs: 10_000 } });
    const wait = track(busy.waitForBatchTask(248, { intervalMs: 100, timeoutMs: 3000 }));
    await vi.advanceTimersByTimeAsync(3000);
    expect(wait.settled).toBe(true);
    const { error } = await wait.promise;
    expect(error).toMatchObject({ kind: 'timeout', scope: 'wait', waitedMs: 3000 });
    // The first poll, then one at 100 ms answered 503 and its retry at 2100 ms too; the next would be at 4100 ms.
    expect(requests).toHaveLength(3);
  });

  it('the caller\'s own abort stays kind aborted', async () => {
    const controller = new AbortController();
    const wait = track(client(stubFetch(started(40)).fetch).waitForBatchTask(248, { intervalMs: 1000, timeoutMs: 5000, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled).toBe(true);
    expect((await wait.promise).error?.kind).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a task that ends in time resolves as usual, leaving no timer behind', async () => {
    const { fetch } = stubFetch(started(40), started(90), json(task({ State: 'Succeeded', ProgressPercent: 100, Result: 'ok' })));
    const wait = track(client(fetch).waitForBatchTask(248, { intervalMs: 1000, timeoutMs: 60_000, stallMs: 5000 }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(wait.settled).toBe(true);
    const { data, error } = await wait.promise;
    expect(error).toBeUndefined();
    expect(data?.Result).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('works the same from the function, with a client from createBatchCore()', async () => {
    const core = createBatchCore({ baseUrl: 'https://online.superoffice.com/Cust12345', auth: { scheme: 'SOTicket', ticket: TICKET }, fetch: stubFetch(started(40)).fetch });
    const wait = track(waitForBatchTask(core, 248, { intervalMs: 1000, timeoutMs: 1500 }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(wait.settled).toBe(true);
    expect((await wait.promise).error).toMatchObject({ kind: 'timeout', scope: 'wait', timeoutMs: 1500 });
  });
});

describe('waitForBatchTask stallMs: a hung job', () => {
  it('ends with kind stalled when neither State nor ProgressPercent has changed for stallMs, naming both and for how long', async () => {
    const { fetch, requests } = stubFetch(
      json(task({ State: 'New', ProgressPercent: 0, ProgressDescription: 'Queued' })),
      started(10, 'Reading'),
      started(10, 'Reading'),
      // A new description alone is not progress.
      started(10, 'Still reading'),
    );
    const seen: unknown[] = [];
    const wait = track(client(fetch).waitForBatchTask(248, { intervalMs: 1000, stallMs: 3000, onProgress: (t) => seen.push(t.ProgressDescription) }));
    // Started 10% first seen at 1000 ms: stalled from 4000 ms on.
    await vi.advanceTimersByTimeAsync(3999);
    expect(wait.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.settled).toBe(true);
    const { error } = await wait.promise;
    expect(error).toBeInstanceOf(BatchTaskStalledError);
    expect(error).toMatchObject({ kind: 'stalled', stallMs: 3000, unchangedMs: 3000, operation: 'waitForBatchTask' });
    expect((error as BatchTaskStalledError).task).toMatchObject({ Id: 248, State: 'Started', ProgressPercent: 10 });
    expect(error!.message).toBe('waitForBatchTask: batch task 248 (ExportJob) stalled: Started at 10% (Still reading) without a change for 3000 ms (stallMs: 3000)');
    expect(requests).toHaveLength(5);
    expect(seen).toEqual(['Queued', 'Reading', 'Still reading']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a job whose State or ProgressPercent keeps changing within stallMs is not stalled', async () => {
    const { fetch, requests } = stubFetch(
      ...[['New', 0], ['New', 0], ['Aquired', 0], ['Aquired', 0], ['Started', 0], ['Started', 0], ['Started', 50], ['Started', 50]].map(([State, ProgressPercent]) =>
        json(task({ State: State as BatchTaskInfo['State'], ProgressPercent: ProgressPercent as number })),
      ),
      json(task({ State: 'Succeeded', ProgressPercent: 100 })),
    );
    const wait = track(client(fetch).waitForBatchTask(248, { intervalMs: 1000, stallMs: 2000 }));
    await vi.advanceTimersByTimeAsync(8000);
    expect(wait.settled).toBe(true);
    const { data, error } = await wait.promise;
    expect(error).toBeUndefined();
    expect(data?.State).toBe('Succeeded');
    expect(requests).toHaveLength(9);
  });

  it('whichever limit comes first ends the wait', async () => {
    const stalls = track(client(stubFetch(started(40)).fetch).waitForBatchTask(248, { intervalMs: 500, stallMs: 1000, timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(stalls.settled).toBe(true);
    expect((await stalls.promise).error?.kind).toBe('stalled');
    const times = track(client(stubFetch(started(40)).fetch).waitForBatchTask(248, { intervalMs: 500, stallMs: 5000, timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(times.settled).toBe(true);
    expect((await times.promise).error?.kind).toBe('timeout');
  });
});

describe('the task in a timeout or a stall keeps credentials out', () => {
  it('blanks out a ticket the server echoes in the task', async () => {
    const echo = json(task({ State: 'Started', ProgressPercent: 5, Name: `Export ${TICKET}`, ProgressDescription: `using ${TICKET}`, ParameterObject: { Ticket: TICKET } }));
    const stall = track(client(stubFetch(echo).fetch).waitForBatchTask(248, { intervalMs: 100, stallMs: 100 }));
    const timeout = track(client(stubFetch(echo).fetch).waitForBatchTask(248, { intervalMs: 100, timeoutMs: 150 }));
    await vi.advanceTimersByTimeAsync(150);
    expect(stall.settled && timeout.settled).toBe(true);
    for (const { error } of [await stall.promise, await timeout.promise]) {
      expect(error?.kind).toMatch(/^(stalled|timeout)$/);
      const shown = [error!.message, error!.stack, inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)].join('\n');
      expect(shown).toContain('Export ');
      expect(shown).not.toContain(TICKET);
    }
  });
});

describe('misuse throws a TypeError naming waitForBatchTask and the option, before any request', () => {
  const cases: [string, unknown, RegExp][] = [
    ['timeoutMs -1', { timeoutMs: -1 }, /^waitForBatchTask: timeoutMs must be a number of milliseconds above 0, at most 2147483647/],
    ['timeoutMs 0', { timeoutMs: 0 }, /^waitForBatchTask: timeoutMs must be/],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, /^waitForBatchTask: timeoutMs must be/],
    ['timeoutMs Infinity', { timeoutMs: Infinity }, /^waitForBatchTask: timeoutMs must be/],
    ['timeoutMs past setTimeout\'s limit', { timeoutMs: 2 ** 31 }, /^waitForBatchTask: timeoutMs must be/],
    ['timeoutMs as a string', { timeoutMs: '5000' }, /^waitForBatchTask: timeoutMs must be/],
    ['stallMs -5', { stallMs: -5 }, /^waitForBatchTask: stallMs must be a number of milliseconds above 0/],
    ['stallMs NaN', { stallMs: Number.NaN }, /^waitForBatchTask: stallMs must be/],
    ['stallMs Infinity', { stallMs: Infinity }, /^waitForBatchTask: stallMs must be/],
    ['stallMs below the default intervalMs', { stallMs: 500 }, /^waitForBatchTask: stallMs \(500\) must be at least intervalMs \(1000\)/],
    ['stallMs below intervalMs', { stallMs: 100, intervalMs: 200 }, /^waitForBatchTask: stallMs \(100\) must be at least intervalMs \(200\)/],
    ['intervalMs -1', { intervalMs: -1 }, /^waitForBatchTask: intervalMs must be a number of milliseconds >= 0/],
    ['intervalMs Infinity', { intervalMs: Infinity }, /^waitForBatchTask: intervalMs must be/],
    ['onProgress not a function', { onProgress: 'log' }, /^waitForBatchTask: onProgress must be a function\.$/],
    ['options null', null, /^waitForBatchTask: options must be an object\.$/],
  ];
  it.each(cases)('%s', async (_, options, message) => {
    const { fetch, requests } = stubFetch(started(40));
    const wait = track(client(fetch).waitForBatchTask(248, options as WaitOptions).then(() => undefined, (thrown: unknown) => thrown));
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.settled).toBe(true);
    const error = await wait.promise;
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it('an id that is not an integer', async () => {
    const { fetch, requests } = stubFetch(started(40));
    await expect(client(fetch).waitForBatchTask(1.5)).rejects.toThrow(new TypeError('waitForBatchTask: id must be a 32-bit integer.'));
    expect(requests).toHaveLength(0);
  });
});
